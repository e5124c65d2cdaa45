"""The GraphQL context: the operations' request context plus what the transport adds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strawberry.types import Info as StrawberryInfo

from app.resolvers.context import RequestContext


@dataclass
class GraphQLContext(RequestContext):
    # Filled by strawberry from the WebSocket `connection_init` payload.
    connection_params: dict[str, Any] = field(default_factory=dict)


Info = StrawberryInfo[GraphQLContext, None]
