"""Private redis-server and mariadbd processes that a fault test may stop and start.

Each instance listens on a free port of 127.0.0.1 and keeps its files in a temporary
folder, so stopping it never touches the shared services on 3306 and 6379.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import redis
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from tests.support.server import free_port

READY_TIMEOUT_SECONDS = 30.0
STOP_TIMEOUT_SECONDS = 30.0


class InstanceError(RuntimeError):
    """A private service could not be installed or started; the message names the command and its log."""


def find_program(name: str) -> str:
    """Return the path of a server program, looking in the sbin folders that a user's PATH may lack."""
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/local/sbin:/sbin")
    if found is None:
        raise InstanceError(
            f"{name} was not found on PATH or in /usr/sbin; install it (Debian: apt-get install "
            f"{'redis-server' if name == 'redis-server' else 'mariadb-server'}) to run the fault tests"
        )
    return found


def _log_tail(path: Path, lines: int = 30) -> str:
    if not path.exists():
        return ""
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def _stop(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass
class PrivateRedis:
    """A redis-server on its own port; `stop()` then `start()` restarts it on the same port.

    With `persistent`, it writes an RDB snapshot when stopped and loads it when started,
    as a production Redis with persistence does, so sessions survive a restart.
    """

    workdir: Path
    persistent: bool = False
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    def url(self, database: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{database}"

    @property
    def log_path(self) -> Path:
        return self.workdir / "redis.log"

    def start(self) -> PrivateRedis:
        self.workdir.mkdir(parents=True, exist_ok=True)
        command = [
            find_program("redis-server"),
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            # A save point makes redis-server write its snapshot on SIGTERM; "" turns snapshots off.
            "--save", "3600 1" if self.persistent else "",
            "--appendonly", "no",
            "--daemonize", "no",
            "--dir", str(self.workdir),
        ]  # fmt: skip
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        self._wait_until_ready()
        return self

    def stop(self) -> None:
        _stop(self.process)

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise InstanceError(
                    f"redis-server exited with {self.process.returncode}:\n{_log_tail(self.log_path)}"
                )
            try:
                client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=1)
                client.ping()
                client.close()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise InstanceError(f"redis-server did not answer PING within {READY_TIMEOUT_SECONDS}s")


@dataclass
class PrivateMariaDB:
    """A mariadbd with its own data folder; root has no password and grant tables are skipped."""

    workdir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def datadir(self) -> Path:
        return self.workdir / "data"

    @property
    def log_path(self) -> Path:
        return self.workdir / "mariadbd.log"

    def database_url(self, database: str) -> str:
        return f"mysql+aiomysql://root@127.0.0.1:{self.port}/{database}"

    def install(self) -> PrivateMariaDB:
        """Create the system tables in a new data folder."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        command = [
            find_program("mariadb-install-db"),
            "--no-defaults",
            f"--datadir={self.datadir}",
            "--auth-root-authentication-method=normal",
            "--skip-test-db",
            *self._user_option(),
        ]
        result = subprocess.run(command, capture_output=True, check=False)
        if result.returncode != 0:
            raise InstanceError(
                f"mariadb-install-db failed with {result.returncode}:\n"
                f"{result.stdout.decode(errors='replace')}\n{result.stderr.decode(errors='replace')}"
            )
        return self

    def start(self) -> PrivateMariaDB:
        command = [
            find_program("mariadbd"),
            "--no-defaults",
            f"--datadir={self.datadir}",
            f"--port={self.port}",
            f"--socket={self.workdir / 'mariadbd.sock'}",
            f"--pid-file={self.workdir / 'mariadbd.pid'}",
            "--bind-address=127.0.0.1",
            "--skip-grant-tables",
            "--skip-log-bin",
            "--innodb-buffer-pool-size=32M",
            "--character-set-server=utf8mb4",
            "--collation-server=utf8mb4_unicode_ci",
            *self._user_option(),
        ]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        self._wait_until_ready()
        return self

    def stop(self) -> None:
        _stop(self.process)

    def sync_engine(self, database: str = "") -> Engine:
        """Return a synchronous engine for the tests' own queries, with a 1 s connect timeout."""
        return create_engine(
            f"mysql+pymysql://root@127.0.0.1:{self.port}/{database}?charset=utf8mb4",
            connect_args={"connect_timeout": 1},
            poolclass=NullPool,
        )

    def create_database(self, name: str) -> None:
        engine = self.sync_engine()
        with engine.begin() as connection:
            connection.execute(
                text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
            )
        engine.dispose()

    @staticmethod
    def _user_option() -> list[str]:
        # mariadbd exits when started as root without --user=root. Other users need no option.
        return ["--user=root"] if os.geteuid() == 0 else []

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise InstanceError(
                    f"mariadbd exited with {self.process.returncode}:\n{_log_tail(self.log_path)}"
                )
            try:
                with self.sync_engine().connect() as connection:
                    connection.execute(text("SELECT 1"))
                return
            except OperationalError:
                time.sleep(0.1)
        raise InstanceError(f"mariadbd did not accept connections within {READY_TIMEOUT_SECONDS}s")
