"""Database sessions for operations, turning connection failures into a clear domain error."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any, cast

from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.sql import Executable

from app.errors import ServiceUnavailable

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE = "the database is unavailable; try again shortly"


def is_connection_error(error: BaseException) -> bool:
    if isinstance(error, (OperationalError, InterfaceError)):
        return True
    return isinstance(error, DBAPIError) and error.connection_invalidated


@contextlib.asynccontextmanager
async def open_session(factory: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """Open a session; a lost or refused connection becomes `ServiceUnavailable`."""
    try:
        async with factory() as session:
            yield session
    except (OperationalError, InterfaceError, DBAPIError) as error:
        if not is_connection_error(error):
            raise
        logger.error("database.unavailable error=%s", error.orig or error)
        raise ServiceUnavailable(DATABASE_UNAVAILABLE) from error
    except OSError as error:
        logger.error("database.unavailable error=%s", error)
        raise ServiceUnavailable(DATABASE_UNAVAILABLE) from error


async def execute_write(session: AsyncSession, statement: Executable) -> CursorResult[Any]:
    """Run an UPDATE or DELETE and return its result, whose `rowcount` counts the changed rows."""
    return cast(CursorResult[Any], await session.execute(statement))
