"""Adopting a database created by the earlier system: the migrations keep every row.

The fixture database is built from the earlier system's DDL as raw SQL, in latin1 and
3-byte utf8 tables, and contains rows in every table, including a user whose password
hash has the earlier service's `$2a$` prefix and cost 13.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import bcrypt
import pytest
from sqlalchemy import text
from sqlalchemy.engine import Connection

from tests.production.conftest import drop_database, sibling_database
from tests.production.documents import CHANNELS, HISTORY, ME, POST_MESSAGE, SIGN_IN
from tests.production.migrations import run_alembic
from tests.support.backends import Backends
from tests.support.clients import GraphQLClient
from tests.support.server import ServerProcess

LEGACY_PASSWORD = "the old service's password"
LEGACY_EMAIL = "jose@example.com"

EARLIER_DDL = (
    """CREATE TABLE Users (
        ID INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        Email VARCHAR(255) NOT NULL UNIQUE,
        PassHash VARCHAR(72) NOT NULL,
        UserName VARCHAR(255) NOT NULL UNIQUE,
        FirstName VARCHAR(128),
        LastName VARCHAR(128),
        PhotoURL VARCHAR(2083) NOT NULL
    ) ENGINE=InnoDB DEFAULT CHARSET=latin1""",
    """CREATE TABLE Channels (
        ID INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        ChannelName VARCHAR(255) NOT NULL,
        ChannelDescription VARCHAR(255),
        PrivateChannel BOOLEAN NOT NULL,
        TimeCreated DATETIME NOT NULL,
        Creator INT,
        LastUpdated DATETIME
    ) ENGINE=InnoDB DEFAULT CHARSET=latin1""",
    """CREATE TABLE Events (
        ID INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        Title VARCHAR(255) NOT NULL,
        EventDateTime VARCHAR(255) NOT NULL,
        ChannelID INT NOT NULL,
        LocationOfEvent VARCHAR(255) NOT NULL,
        DescriptionOfEvent VARCHAR(255) NOT NULL,
        FOREIGN KEY (ChannelID) REFERENCES Channels(ID)
    ) ENGINE=InnoDB DEFAULT CHARSET=latin1""",
    """CREATE TABLE Messages (
        ID INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        ChannelID INT NOT NULL,
        Body VARCHAR(255) NOT NULL,
        TimeCreated DATETIME NOT NULL,
        Creator INT NOT NULL,
        LastUpdated DATETIME
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8""",
    """CREATE TABLE ChannelsJoinMembers (
        CJMID INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        ChannelID INT,
        MemberID INT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8""",
    """CREATE TABLE UsersJoinEvents (
        UJM INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        UserID INT,
        EventID INT,
        FOREIGN KEY (UserID) REFERENCES Users(ID),
        FOREIGN KEY (EventID) REFERENCES Events(ID)
    ) ENGINE=InnoDB DEFAULT CHARSET=latin1""",
    """CREATE TABLE UserSignInLog (
        UserID INT,
        SignInTime DATETIME,
        ClientIP VARCHAR(60),
        FOREIGN KEY (UserID) REFERENCES Users(ID)
    ) ENGINE=InnoDB DEFAULT CHARSET=latin1""",
)

EARLIER_ROWS = (
    "INSERT INTO Users (ID, Email, PassHash, UserName, FirstName, LastName, PhotoURL) VALUES"
    " (1, 'jose@example.com', :legacy_hash, 'jose', 'José', 'Núñez', 'https://www.gravatar.com/avatar/1'),"
    " (2, 'mia@example.com', :legacy_hash, 'mia', 'Mia', 'Björk', 'https://www.gravatar.com/avatar/2'),"
    " (3, 'ray@example.com', :legacy_hash, 'ray', NULL, NULL, 'https://www.gravatar.com/avatar/3')",
    "INSERT INTO Channels (ID, ChannelName, ChannelDescription, PrivateChannel, TimeCreated, Creator,"
    " LastUpdated) VALUES"
    " (1, 'General', 'Everyone', FALSE, '2019-03-01 10:00:00', NULL, NULL),"
    " (2, 'Gigs in Zürich', 'Paid gigs', FALSE, '2019-03-02 11:00:00', 1, '2019-04-01 09:30:00'),"
    " (3, 'Band room', NULL, TRUE, '2019-03-03 12:00:00', 2, NULL),"
    " (4, 'Open mic chat', 'Chat of the open mic', TRUE, '2019-03-04 13:00:00', 1, NULL)",
    "INSERT INTO Events (ID, Title, EventDateTime, ChannelID, LocationOfEvent, DescriptionOfEvent) VALUES"
    " (1, 'Open mic', '2019-05-01T20:00:00+02:00', 4, 'Café Müller', 'Bring one song')",
    "INSERT INTO Messages (ID, ChannelID, Body, TimeCreated, Creator, LastUpdated) VALUES"
    " (1, 1, 'Hello everyone', '2019-03-05 08:00:00', 1, NULL),"
    " (2, 2, 'Gig at the café on Friday', '2019-03-05 09:00:00', 1, '2019-03-05 09:05:00'),"
    " (3, 2, 'Count me in', '2019-03-05 09:10:00', 3, NULL),"
    " (4, 3, 'Rehearsal moved to 8', '2019-03-06 18:00:00', 2, NULL),"
    " (5, 4, 'See you at the open mic', '2019-04-20 19:00:00', 2, NULL)",
    "INSERT INTO ChannelsJoinMembers (CJMID, ChannelID, MemberID) VALUES"
    " (1, 3, 2), (2, 3, 1), (3, 4, 1), (4, 4, 2)",
    "INSERT INTO UsersJoinEvents (UJM, UserID, EventID) VALUES (1, 1, 1), (2, 2, 1)",
    "INSERT INTO UserSignInLog (UserID, SignInTime, ClientIP) VALUES"
    " (1, '2019-03-05 07:59:00', '192.0.2.10'), (2, '2019-03-06 17:58:00', '2001:db8::1')",
)

# Every column of the earlier schema, in a fixed order, to compare rows before and after.
EARLIER_COLUMNS = {
    "Users": "ID, Email, PassHash, UserName, FirstName, LastName, PhotoURL",
    "Channels": "ID, ChannelName, ChannelDescription, PrivateChannel, TimeCreated, Creator, LastUpdated",
    "Events": "ID, Title, EventDateTime, ChannelID, LocationOfEvent, DescriptionOfEvent",
    "Messages": "ID, ChannelID, Body, TimeCreated, Creator, LastUpdated",
    "ChannelsJoinMembers": "CJMID, ChannelID, MemberID",
    "UsersJoinEvents": "UJM, UserID, EventID",
    "UserSignInLog": "UserID, SignInTime, ClientIP",
}


def _snapshot(connection: Connection) -> dict[str, list[tuple[Any, ...]]]:
    snapshot: dict[str, list[tuple[Any, ...]]] = {}
    for table, columns in EARLIER_COLUMNS.items():
        rows = connection.execute(text(f"SELECT {columns} FROM `{table}`"))
        snapshot[table] = sorted((tuple(row) for row in rows), key=repr)
    return snapshot


def _collations(connection: Connection) -> dict[str, str]:
    rows = connection.execute(
        text(
            "SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES"
            " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'alembic_version'"
        )
    )
    return {row.TABLE_NAME: row.TABLE_COLLATION for row in rows}


def _build_earlier_database(backends: Backends, legacy_hash: str, extra_rows: tuple[str, ...] = ()) -> None:
    engine = backends.sync_engine()
    with engine.begin() as connection:
        for statement in EARLIER_DDL:
            connection.execute(text(statement))
        for statement in (*EARLIER_ROWS, *extra_rows):
            connection.execute(text(statement), {"legacy_hash": legacy_hash})
    engine.dispose()


@pytest.fixture(scope="module")
def legacy_hash() -> str:
    hashed = bcrypt.hashpw(LEGACY_PASSWORD.encode(), bcrypt.gensalt(13, prefix=b"2a")).decode()
    assert hashed.startswith("$2a$13$")
    return hashed


@pytest.fixture
def earlier_database(backends: Backends, legacy_hash: str) -> Iterator[Backends]:
    adopted = sibling_database(backends, "adopted")
    _build_earlier_database(adopted, legacy_hash)
    yield adopted
    drop_database(adopted)


@pytest.fixture
def adopted_server(earlier_database: Backends, scratch: Path) -> Iterator[ServerProcess]:
    run_alembic(earlier_database, "upgrade", "head")
    process = ServerProcess(backends=earlier_database, log_path=scratch / "server-adopted.log").start()
    yield process
    process.stop()


def test_migrations_keep_every_row_of_earlier_database(earlier_database: Backends) -> None:
    engine = earlier_database.sync_engine()
    with engine.connect() as connection:
        before = _snapshot(connection)
        earlier_collations = _collations(connection)
    assert not any(collation.startswith("utf8mb4") for collation in earlier_collations.values())

    run_alembic(earlier_database, "upgrade", "head")

    with engine.connect() as connection:
        after = _snapshot(connection)
        collations = _collations(connection)
        sign_in_ids = connection.execute(text("SELECT ID FROM UserSignInLog ORDER BY ID")).scalars().all()
    engine.dispose()

    for table in EARLIER_COLUMNS:
        assert after[table] == before[table], f"rows of {table} changed"
    assert sum(len(rows) for rows in after.values()) == 21
    for table, collation in collations.items():
        assert collation.startswith("utf8mb4"), f"{table} still has collation {collation}"
    assert sign_in_ids == [1, 2]


async def test_adopted_database_serves_earlier_users(adopted_server: ServerProcess, legacy_hash: str) -> None:
    client = GraphQLClient(adopted_server.base_url)

    signed_in = (await client.data(SIGN_IN, {"email": LEGACY_EMAIL, "password": LEGACY_PASSWORD}))["signIn"]
    client.token = signed_in["token"]

    assert signed_in["user"] == {"id": "1", "userName": "jose", "firstName": "José"}
    me = (await client.data(ME))["me"]
    assert me["lastName"] == "Núñez"
    channels = {channel["name"] for channel in (await client.data(CHANNELS))["channels"]}
    assert channels == {"General", "Gigs in Zürich", "Band room", "Open mic chat"}
    gigs = (await client.data(HISTORY, {"id": "2"}))["channel"]
    assert [edge["node"]["body"] for edge in gigs["messages"]["edges"]] == [
        "Gig at the café on Friday",
        "Count me in",
    ]

    posted = await client.data(POST_MESSAGE, {"channelId": "2", "body": "Adopted, and emoji work now 🎉"})
    assert posted["postMessage"]["body"] == "Adopted, and emoji work now 🎉"
    wrong = await client.error(SIGN_IN, {"email": LEGACY_EMAIL, "password": "not the password"})
    assert wrong["extensions"]["code"] == "UNAUTHENTICATED"
    await client.aclose()


async def test_adopted_sign_in_is_logged(adopted_server: ServerProcess, earlier_database: Backends) -> None:
    client = GraphQLClient(adopted_server.base_url)

    await client.data(SIGN_IN, {"email": "mia@example.com", "password": LEGACY_PASSWORD})
    await client.aclose()

    engine = earlier_database.sync_engine()
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT ID, UserID FROM UserSignInLog ORDER BY ID")).all()
    engine.dispose()
    assert rows == [(1, 1), (2, 2), (3, 2)]


def test_migrations_archive_duplicate_member_pairs(backends: Backends, legacy_hash: str) -> None:
    """Repeated member pairs move to archive tables on upgrade and come back on downgrade."""
    adopted = sibling_database(backends, "duplicates")
    duplicates = (
        "INSERT INTO ChannelsJoinMembers (CJMID, ChannelID, MemberID) VALUES (5, 3, 2), (6, 4, 1)",
        "INSERT INTO UsersJoinEvents (UJM, UserID, EventID) VALUES (3, 2, 1)",
    )
    _build_earlier_database(adopted, legacy_hash, duplicates)
    engine = adopted.sync_engine()

    def rows(query: str) -> list[tuple[int, ...]]:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(query)).all()]

    run_alembic(adopted, "upgrade", "head")
    members = rows("SELECT CJMID, ChannelID, MemberID FROM ChannelsJoinMembers ORDER BY CJMID")
    archived_members = rows(
        "SELECT CJMID, ChannelID, MemberID FROM ChannelsJoinMembersDuplicates ORDER BY CJMID"
    )
    attendees = rows("SELECT UJM, UserID, EventID FROM UsersJoinEvents ORDER BY UJM")
    archived_attendees = rows("SELECT UJM, UserID, EventID FROM UsersJoinEventsDuplicates ORDER BY UJM")
    run_alembic(adopted, "downgrade", "0001")
    restored_members = rows("SELECT CJMID, ChannelID, MemberID FROM ChannelsJoinMembers ORDER BY CJMID")
    restored_attendees = rows("SELECT UJM, UserID, EventID FROM UsersJoinEvents ORDER BY UJM")
    engine.dispose()
    drop_database(adopted)

    assert members == [(1, 3, 2), (2, 3, 1), (3, 4, 1), (4, 4, 2)]
    assert archived_members == [(5, 3, 2), (6, 4, 1)]
    assert attendees == [(1, 1, 1), (2, 2, 1)]
    assert archived_attendees == [(3, 2, 1)]
    assert restored_members == [*members, *archived_members]
    assert restored_attendees == [*attendees, *archived_attendees]
