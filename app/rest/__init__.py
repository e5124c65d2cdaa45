"""The legacy /v1 REST shim: a thin adapter over the operations in `app.resolvers`."""

from __future__ import annotations

from starlette.routing import BaseRoute


def routes() -> list[BaseRoute]:
    return []
