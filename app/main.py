"""The ASGI application: `uvicorn app.main:app`."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from pydantic import ValidationError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import BaseRoute, Route, WebSocketRoute

from app import logs
from app.body_limit import BodySizeLimit
from app.cors import ALLOWED_HEADERS, ALLOWED_METHODS, EXPOSED_HEADERS, AnyOriginHeaders
from app.health import healthz, readyz
from app.schema import schema
from app.schema.view import GraphQLView
from app.services import ConfigurationError, check_settings, start_services, stop_services
from app.settings import Settings, get_settings

logger = logging.getLogger(__name__)


def _routes(graphql: GraphQLView) -> list[BaseRoute]:
    from app.rest import routes as rest_routes

    return [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        *rest_routes(),
    ]


def _load_settings() -> Settings:
    # Exit with the variable names and reasons, not an import traceback.
    try:
        settings = get_settings()
        check_settings(settings)
    except (ValidationError, ConfigurationError) as error:
        raise SystemExit(f"invalid configuration in the environment or .env:\n{error}") from None
    return settings


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or _load_settings()
    logs.configure(settings.log_level, settings.log_format, log_sql=settings.log_sql)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.services = await start_services(settings)
        logger.info("app.started")
        try:
            yield
        finally:
            await stop_services(app.state.services)
            logger.info("app.stopped")

    # CORS comes first, so that it wraps the body limit and its 413 responses carry the CORS headers too.
    middleware = [
        Middleware(AnyOriginHeaders, enabled="*" in settings.allowed_origins),
        Middleware(
            CORSMiddleware,
            allow_origins=settings.allowed_origins,
            allow_methods=list(ALLOWED_METHODS),
            allow_headers=list(ALLOWED_HEADERS),
            expose_headers=list(EXPOSED_HEADERS),
        ),
        Middleware(BodySizeLimit, max_bytes=settings.max_body_bytes),
    ]
    # Browsers may open the GraphQL WebSocket from the origins CORS admits ("*": any origin).
    graphql = GraphQLView(schema, allowed_origins=settings.allowed_origins)
    return Starlette(routes=_routes(graphql), middleware=middleware, lifespan=lifespan)


app = create_app()
