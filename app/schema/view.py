"""The strawberry ASGI view: builds each request's context and authenticates WebSockets."""

from __future__ import annotations

import logging
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.types.unset import UnsetType

from app.errors import DomainError
from app.resolvers.services import Services
from app.schema.context import GraphQLContext

logger = logging.getLogger(__name__)


def client_ip(request: Request | WebSocket) -> str | None:
    return request.client.host if request.client else None


def upgrade_authorization(websocket: WebSocket) -> str | None:
    """Return the credentials of a WebSocket upgrade: the Authorization header or `?auth=`."""
    return websocket.headers.get("authorization") or websocket.query_params.get("auth")


class GraphQLView(GraphQL[GraphQLContext, None]):
    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> GraphQLContext:
        services: Services = request.app.state.services
        if isinstance(request, WebSocket):
            authorization = upgrade_authorization(request)
        else:
            authorization = request.headers.get("authorization")
        return GraphQLContext(services=services, authorization=authorization, client_ip=client_ip(request))

    async def on_ws_connect(self, context: GraphQLContext) -> UnsetType | dict[str, object] | None:
        params: dict[str, Any] = context.connection_params or {}
        for key, value in params.items():
            if key.lower() == "authorization" and isinstance(value, str):
                context.set_authorization(value)
        if context.authorization is None:
            return await super().on_ws_connect(context)
        try:
            viewer = await context.viewer()
        except DomainError as error:
            logger.warning("graphql_ws.auth_failed error=%s", error.message)
            raise ConnectionRejectionError({"message": error.message}) from error
        if viewer is None:
            logger.info("graphql_ws.rejected reason=invalid_token")
            raise ConnectionRejectionError({"message": "invalid or expired session token"})
        return await super().on_ws_connect(context)
