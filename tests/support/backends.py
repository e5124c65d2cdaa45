"""Which database and Redis the suite runs against, from TEST_DATABASE_URL and TEST_REDIS_URL.

Unset, the suite uses the embedded default: a SQLite file in a temporary folder and the
in-process stores. Set, it uses that MySQL/MariaDB database and Redis, which must be reachable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

DATA_TABLES = (
    "UserSignInLog",
    "UsersJoinEvents",
    "ChannelsJoinMembers",
    "Messages",
    "Events",
    "Channels",
    "Users",
)


@dataclass(frozen=True)
class Backends:
    database_url: str
    redis_url: str | None

    @property
    def is_mysql(self) -> bool:
        return self.database_url.startswith("mysql")

    def sync_database_url(self) -> str:
        """Return the same database for a synchronous driver, used by the tests themselves."""
        url = make_url(self.database_url)
        driver = "mysql+pymysql" if self.is_mysql else "sqlite"
        return url.set(drivername=driver).render_as_string(hide_password=False)

    def sync_engine(self) -> Engine:
        return create_engine(self.sync_database_url())


def from_environment(scratch: Path) -> Backends:
    database_url = os.environ.get("TEST_DATABASE_URL") or f"sqlite+aiosqlite:///{scratch / 'meetup-test.db'}"
    redis_url = os.environ.get("TEST_REDIS_URL") or None
    return Backends(database_url=database_url, redis_url=redis_url)


def recreate_mysql_database(backends: Backends) -> None:
    """Drop and create the MySQL database named in the URL, so migrations start from nothing."""
    url = make_url(backends.sync_database_url())
    name = url.database
    server = create_engine(url.set(database=""))
    with server.begin() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
        connection.execute(text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"))
    server.dispose()


def reset_data(engine: Engine, is_mysql: bool) -> None:
    """Delete every row and restore the General channel, leaving the schema as migrated."""
    with engine.begin() as connection:
        if is_mysql:
            connection.execute(text("SET FOREIGN_KEY_CHECKS = 0"))
            for table in DATA_TABLES:
                connection.execute(text(f"TRUNCATE TABLE `{table}`"))
            connection.execute(text("SET FOREIGN_KEY_CHECKS = 1"))
        else:
            for table in DATA_TABLES:
                connection.execute(text(f'DELETE FROM "{table}"'))
        connection.execute(
            text(
                "INSERT INTO Channels (ChannelName, ChannelDescription, PrivateChannel, TimeCreated)"
                " VALUES ('General', 'Everyone can read and post here', :private, CURRENT_TIMESTAMP)"
            ),
            {"private": False},
        )
