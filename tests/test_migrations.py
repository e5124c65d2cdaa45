"""Migrations on SQLite: a populated database upgrades with every row, and ids are never reused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.support.server import REPOSITORY


def _alembic(database: Path, *arguments: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "alembic", *arguments],
        cwd=REPOSITORY,
        env={"DATABASE_URL": f"sqlite+aiosqlite:///{database}", "PATH": ""},
        check=True,
        capture_output=True,
    )


ROWS = (
    "INSERT INTO Users (ID, Email, PassHash, UserName, PhotoURL) VALUES (1, 'a@example.com', 'x', 'a', 'p')",
    "INSERT INTO Channels (ID, ChannelName, PrivateChannel, TimeCreated, Creator)"
    " VALUES (2, 'Jam', 1, '2026-01-01 10:00:00', 1)",
    "INSERT INTO Events (ID, Title, EventDateTime, ChannelID, LocationOfEvent, DescriptionOfEvent, Creator)"
    " VALUES (1, 'Jam', '2027-01-01T10:00', 2, 'Hall', '', 1)",
    "INSERT INTO UsersJoinEvents (UJM, UserID, EventID) VALUES (1, 1, 1)",
    "INSERT INTO ChannelsJoinMembers (CJMID, ChannelID, MemberID) VALUES (1, 2, 1)",
    "INSERT INTO Messages (ID, ChannelID, Body, TimeCreated, Creator)"
    " VALUES (1, 2, 'first', '2026-01-01 10:01:00', 1), (2, 2, 'newest', '2026-01-01 10:02:00', 1)",
)
COUNTED = ("Users", "Channels", "Events", "UsersJoinEvents", "ChannelsJoinMembers", "Messages")


def test_populated_sqlite_upgrades_keeping_rows(tmp_path: Path) -> None:
    database = tmp_path / "populated.db"
    _alembic(database, "upgrade", "0002")
    engine = create_engine(f"sqlite:///{database}")
    with engine.begin() as connection:
        for statement in ROWS:
            connection.execute(text(statement))
        before = {table: connection.execute(text(f"SELECT * FROM {table}")).all() for table in COUNTED}

    _alembic(database, "upgrade", "head")

    with engine.begin() as connection:
        after = {table: connection.execute(text(f"SELECT * FROM {table}")).all() for table in COUNTED}
        connection.execute(text("DELETE FROM Messages WHERE ID = 2"))
        connection.execute(
            text(
                "INSERT INTO Messages (ChannelID, Body, TimeCreated, Creator)"
                " VALUES (2, 'after delete', '2026-01-01 10:03:00', 1)"
            )
        )
        new_id = connection.execute(text("SELECT ID FROM Messages WHERE Body = 'after delete'")).scalar()
    engine.dispose()

    assert after == before
    assert new_id == 3
