"""Alembic environment: runs the migrations on DATABASE_URL through the async engine."""

from __future__ import annotations

import asyncio
from logging.config import fileConfig

from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import app.models  # noqa: F401  (registers every table on SQLModel.metadata)
from alembic import context
from app.db import create_engine
from app.settings import Settings

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = SQLModel.metadata


def _include_name(name: str | None, type_: str, _parent: object) -> bool:
    # Migration 0002 moves repeated membership rows into these tables; no model maps them.
    return not (type_ == "table" and name is not None and name.endswith("Duplicates"))


def _run_migrations(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        # Rebuilding a table drops it, and with foreign keys on, SQLite would first delete its
        # rows and fail on every row another table refers to. The pragma must precede BEGIN.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        # End the implicit transaction, or Alembic would take it as the caller's and not commit.
        connection.commit()
    context.configure(connection=connection, target_metadata=target_metadata, include_name=_include_name)
    with context.begin_transaction():
        context.run_migrations()


async def _run_online() -> None:
    engine = create_engine(Settings())
    async with engine.connect() as connection:
        await connection.run_sync(_run_migrations)
    await engine.dispose()


def run_offline() -> None:
    context.configure(url=Settings().database_url, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    asyncio.run(_run_online())
