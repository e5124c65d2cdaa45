"""Migrations on MariaDB (upgrade, downgrade, upgrade again) and utf8mb4 round trips."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection, make_url

from tests.production.conftest import drop_database, sibling_database
from tests.production.documents import CREATE_CHANNEL, HISTORY, ME, POST_MESSAGE, UPDATE_ME
from tests.production.migrations import run_alembic
from tests.support.backends import DATA_TABLES, Backends
from tests.support.clients import GraphQLClient
from tests.support.server import REPOSITORY

HEAD = ScriptDirectory.from_config(Config(str(REPOSITORY / "alembic.ini"))).get_current_head()


@pytest.fixture
def empty_database(backends: Backends) -> Iterator[Backends]:
    migrated = sibling_database(backends, "migrations")
    yield migrated
    drop_database(migrated)


def _tables(connection: Connection) -> dict[str, str]:
    rows = connection.execute(
        text(
            "SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES"
            " WHERE TABLE_SCHEMA = DATABASE()"
        )
    )
    return {row.TABLE_NAME: row.TABLE_COLLATION for row in rows}


def _text_column_charsets(connection: Connection) -> set[str]:
    rows = connection.execute(
        text(
            "SELECT DISTINCT CHARACTER_SET_NAME FROM information_schema.COLUMNS"
            " WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_SET_NAME IS NOT NULL"
            " AND TABLE_NAME <> 'alembic_version'"
        )
    )
    return {row.CHARACTER_SET_NAME for row in rows}


def _general_channels(connection: Connection) -> int:
    return int(
        connection.execute(
            text("SELECT COUNT(*) FROM Channels WHERE ChannelName = 'General' AND Creator IS NULL")
        ).scalar_one()
    )


def test_migrations_upgrade_downgrade_upgrade(empty_database: Backends) -> None:
    engine = empty_database.sync_engine()

    run_alembic(empty_database, "upgrade", "head")
    with engine.connect() as connection:
        tables = _tables(connection)
        assert set(DATA_TABLES) <= set(tables)
        for table in DATA_TABLES:
            assert tables[table].startswith("utf8mb4"), f"{table} has collation {tables[table]}"
        assert _text_column_charsets(connection) == {"utf8mb4"}
        assert _general_channels(connection) == 1
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == HEAD

    run_alembic(empty_database, "downgrade", "base")
    with engine.connect() as connection:
        assert set(_tables(connection)) == {"alembic_version"}
        assert connection.execute(text("SELECT COUNT(*) FROM alembic_version")).scalar_one() == 0

    run_alembic(empty_database, "upgrade", "head")
    with engine.connect() as connection:
        assert set(DATA_TABLES) <= set(_tables(connection))
        assert _general_channels(connection) == 1
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == HEAD
    engine.dispose()


def test_models_match_migrated_schema(empty_database: Backends) -> None:
    run_alembic(empty_database, "upgrade", "head")

    output = run_alembic(empty_database, "check")

    assert "No new upgrade operations detected" in output


async def test_emoji_round_trip_in_names_and_messages(alice: GraphQLClient, backends: Backends) -> None:
    first_name, last_name = "Zoë 🎸", "Ødegård 🥁"
    channel_name, body = "Jam 🎷 session", "Bring the 🎺 and the 🎻 — and a capo 🎸"

    await alice.data(UPDATE_ME, {"input": {"firstName": first_name, "lastName": last_name}})
    created = await alice.data(CREATE_CHANNEL, {"input": {"name": channel_name, "private": False}})
    channel_id = created["createChannel"]["id"]
    await alice.data(POST_MESSAGE, {"channelId": channel_id, "body": body})

    me = (await alice.data(ME))["me"]
    assert me["firstName"] == first_name
    assert me["lastName"] == last_name
    history = (await alice.data(HISTORY, {"id": channel_id}))["channel"]
    assert history["name"] == channel_name
    assert [edge["node"]["body"] for edge in history["messages"]["edges"]] == [body]

    engine = backends.sync_engine()
    with engine.connect() as connection:
        stored_body = connection.execute(
            text("SELECT Body FROM Messages WHERE ChannelID = :id"), {"id": int(channel_id)}
        ).scalar_one()
        stored_name = connection.execute(
            text("SELECT FirstName FROM Users WHERE ID = :id"), {"id": int(alice.user_id or 0)}
        ).scalar_one()
    engine.dispose()
    assert stored_body == body
    assert stored_name == first_name
    assert make_url(backends.database_url).get_backend_name() == "mysql"
