"""Backends to bench against, and the server processes started on them.

The embedded default is a fresh SQLite file migrated in a temporary folder, with the
in-process session store and pub/sub. Production backends come from BENCH_DATABASE_URL and
BENCH_REDIS_URL. The database named there is dropped and created again, and the Redis
database is flushed, so point them only at a database and index kept for benchmarks.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import redis
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tests.support import backends as backend_config
from tests.support.backends import Backends
from tests.support.server import ServerProcess, migrate

logger = logging.getLogger(__name__)

VM_RSS = re.compile(r"^VmRSS:\s+(\d+)\s+kB$", re.MULTILINE)


class BenchConfigurationError(Exception):
    """The BENCH_* environment variables do not describe a usable pair of backends."""


@dataclass(frozen=True)
class BenchBackend:
    """A database and Redis (or the in-process stores) with a label for the report."""

    label: str
    backends: Backends

    def describe(self) -> str:
        if self.backends.is_mysql:
            url = make_url(self.backends.database_url).render_as_string(hide_password=True)
            database = f"database `{url}`"
        else:
            database = "database: a new SQLite file (aiosqlite) in a temporary folder"
        redis_url = self.backends.redis_url
        pubsub = f"Redis `{_hide_password(redis_url)}`" if redis_url else "in-process"
        return f"{database}, sessions and pub/sub {pubsub}"


def _hide_password(url: str) -> str:
    return re.sub(r"//([^:/@]*):[^@]*@", r"//\1:***@", url)


def embedded(scratch: Path) -> BenchBackend:
    database_url = f"sqlite+aiosqlite:///{scratch / 'meetup-bench.db'}"
    return BenchBackend("embedded default", Backends(database_url=database_url, redis_url=None))


def production_from_environment() -> BenchBackend | None:
    """Return the production backends named by BENCH_DATABASE_URL and BENCH_REDIS_URL, if set.

    Raises BenchConfigurationError when only one of the two is set.
    """
    database_url = os.environ.get("BENCH_DATABASE_URL") or None
    redis_url = os.environ.get("BENCH_REDIS_URL") or None
    if database_url is None and redis_url is None:
        return None
    if database_url is None or redis_url is None:
        raise BenchConfigurationError(
            "set both BENCH_DATABASE_URL (mysql+aiomysql://...) and BENCH_REDIS_URL (redis://...), "
            "or neither to bench only the embedded default"
        )
    if not database_url.startswith("mysql"):
        raise BenchConfigurationError(
            f"BENCH_DATABASE_URL must be a mysql+aiomysql:// URL, got {_hide_password(database_url)!r}"
        )
    return BenchBackend("production", Backends(database_url=database_url, redis_url=redis_url))


def prepare(backend: BenchBackend) -> None:
    """Run `alembic upgrade head` on an empty database: a new MySQL database or SQLite file."""
    if backend.backends.is_mysql:
        backend_config.recreate_mysql_database(backend.backends)
    migrate(backend.backends)
    logger.info("bench.backend_prepared backend=%s", backend.label)


def reset(backend: BenchBackend) -> None:
    """Empty the tables (General is restored) and the Redis database between measurements."""
    engine = backend.backends.sync_engine()
    try:
        backend_config.reset_data(engine, backend.backends.is_mysql)
    finally:
        engine.dispose()
    if backend.backends.redis_url:
        client = redis.Redis.from_url(backend.backends.redis_url)
        try:
            client.flushdb()
        finally:
            client.close()


def server_versions(backend: BenchBackend) -> str:
    """Return the database and Redis server versions, for the machine section of the report."""
    engine = backend.backends.sync_engine()
    try:
        with engine.connect() as connection:
            query = "SELECT VERSION()" if backend.backends.is_mysql else "SELECT sqlite_version()"
            database_version = str(connection.execute(text(query)).scalar_one())
    finally:
        engine.dispose()
    name = "MySQL/MariaDB" if backend.backends.is_mysql else "SQLite"
    versions = f"{name} {database_version}"
    if backend.backends.redis_url:
        client = redis.Redis.from_url(backend.backends.redis_url)
        try:
            info = client.info("server")
        finally:
            client.close()
        versions += f", Redis {info['redis_version']}"
    return versions


@contextmanager
def running_server(
    backend: BenchBackend, scratch: Path, name: str, **overrides: str
) -> Iterator[ServerProcess]:
    """Reset the data, then run one uvicorn process for one measurement and stop it afterwards."""
    reset(backend)
    slug = backend.label.replace(" ", "-")
    server = ServerProcess(
        backends=backend.backends, log_path=scratch / f"{slug}-{name}.log", overrides=overrides
    )
    server.start()
    logger.info("bench.server_started backend=%s measurement=%s port=%d", backend.label, name, server.port)
    try:
        yield server
    finally:
        server.stop()


def rss_kib(server: ServerProcess) -> int:
    """Return the resident set size of the server process in KiB, from /proc/<pid>/status."""
    if server.process is None:
        raise RuntimeError("the server process has not been started")
    status = Path(f"/proc/{server.process.pid}/status").read_text()
    match = VM_RSS.search(status)
    if match is None:
        raise RuntimeError(f"no VmRSS line in /proc/{server.process.pid}/status")
    return int(match.group(1))
