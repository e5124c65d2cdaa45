"""Fixtures for the production configuration: MariaDB, Redis, several processes and faults.

These tests need MySQL/MariaDB and Redis. They run when TEST_DATABASE_URL names a MySQL
database and TEST_REDIS_URL is set, as in the second pass of `.ci/run`, and are skipped
with that reason otherwise. Databases they create are named after the test database
(`<name>_<suffix>`), and fault tests start private redis-server and mariadbd processes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.production.instances import PrivateMariaDB, PrivateRedis
from tests.support.backends import Backends

HERE = Path(__file__).parent
SKIP_REASON = (
    "production tests need MariaDB and Redis: set TEST_DATABASE_URL=mysql+aiomysql://... and "
    "TEST_REDIS_URL=redis://... (the second pass of .ci/run does)"
)


def production_configured() -> bool:
    database_url = os.environ.get("TEST_DATABASE_URL", "")
    return database_url.startswith("mysql") and bool(os.environ.get("TEST_REDIS_URL"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if production_configured():
        return
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(skip)


def sibling_database(backends: Backends, suffix: str) -> Backends:
    """Return backends whose database is `<test database>_<suffix>`, dropped and created empty."""
    url = make_url(backends.database_url)
    name = f"{url.database}_{suffix}"
    server = create_engine(make_url(backends.sync_database_url()).set(database=""))
    with server.begin() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
        connection.execute(text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"))
    server.dispose()
    return Backends(
        database_url=url.set(database=name).render_as_string(hide_password=False),
        redis_url=backends.redis_url,
    )


def drop_database(backends: Backends) -> None:
    url = make_url(backends.sync_database_url())
    server = create_engine(url.set(database=""))
    with server.begin() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS `{url.database}`"))
    server.dispose()


@pytest.fixture(scope="module")
def private_redis(scratch: Path, request: pytest.FixtureRequest) -> Iterator[PrivateRedis]:
    """A redis-server of the test module's own, with persistence so sessions survive its restart."""
    instance = PrivateRedis(workdir=scratch / f"redis-{request.module.__name__}", persistent=True).start()
    yield instance
    instance.stop()


@pytest.fixture(scope="module")
def private_mariadb(scratch: Path, request: pytest.FixtureRequest) -> Iterator[PrivateMariaDB]:
    instance = PrivateMariaDB(workdir=scratch / f"mariadb-{request.module.__name__}").install().start()
    yield instance
    instance.stop()
