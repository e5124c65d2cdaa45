"""Database engine and session factory for SQLite (aiosqlite) and MySQL/MariaDB (aiomysql)."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from app.settings import Settings

logger = logging.getLogger(__name__)


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # SQLite ignores FOREIGN KEY clauses unless each connection turns them on.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    # Write-ahead logging lets reads go on during a write, and with synchronous=NORMAL a
    # commit waits for no fsync; a power loss can undo the last commits but not corrupt the file.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_engine(settings: Settings) -> AsyncEngine:
    """Create the async engine for DATABASE_URL with settings suited to its dialect."""
    url = make_url(settings.database_url)
    options: dict[str, Any] = {"pool_pre_ping": True}

    if url.get_backend_name() == "sqlite":
        engine = create_async_engine(url, **options)
        event.listen(engine.sync_engine, "connect", _configure_sqlite_connection)
        return engine

    if url.get_backend_name() == "mysql":
        url = url.update_query_dict({"charset": "utf8mb4"})
        options.update(
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_pool_size,
            pool_recycle=1800,
            pool_timeout=settings.db_connect_timeout,
            connect_args={"connect_timeout": settings.db_connect_timeout},
        )
    return create_async_engine(url, **options)


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
