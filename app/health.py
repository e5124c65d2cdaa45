"""Liveness and readiness endpoints."""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import text
from starlette.requests import Request
from starlette.responses import JSONResponse

from app.resolvers.services import Services

logger = logging.getLogger(__name__)

CHECK_TIMEOUT_SECONDS = 2.0


async def healthz(request: Request) -> JSONResponse:
    services: Services = request.app.state.services
    return JSONResponse({"status": "ok", "subscriptions": services.hub.subscriber_count})


async def _database_ready(services: Services) -> str:
    try:
        async with asyncio.timeout(CHECK_TIMEOUT_SECONDS), services.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception as error:
        logger.warning("readyz.database_unavailable error=%r", error)
        return "unavailable"
    return "ok"


async def _redis_ready(services: Services) -> str:
    if services.redis is None:
        return "in-process"
    try:
        async with asyncio.timeout(CHECK_TIMEOUT_SECONDS):
            await services.redis.ping()
    except Exception as error:  # any failure means not ready, and the reason is reported
        logger.warning("readyz.redis_unavailable error=%r", error)
        return "unavailable"
    return "ok"


async def readyz(request: Request) -> JSONResponse:
    services: Services = request.app.state.services
    database, redis = await asyncio.gather(_database_ready(services), _redis_ready(services))
    ready = database == "ok" and redis in ("ok", "in-process")
    return JSONResponse(
        {"status": "ready" if ready else "unavailable", "database": database, "redis": redis},
        status_code=200 if ready else 503,
    )
