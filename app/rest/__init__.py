"""The legacy /v1 REST shim and /v1/ws feed: a thin adapter over the operations in `app.resolvers`."""

from __future__ import annotations

from starlette.routing import BaseRoute

from app.rest import channels, events, feed, messages, openapi, users


def routes() -> list[BaseRoute]:
    return [
        *users.routes(),
        *events.routes(),
        *channels.routes(),
        *messages.routes(),
        *feed.routes(),
        *openapi.routes(),
    ]
