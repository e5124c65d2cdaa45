"""The per-request context every operation receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.auth.tokens import bearer_token
from app.errors import NotAuthenticated

if TYPE_CHECKING:
    from app.resolvers.loaders import Loaders
    from app.resolvers.services import Services


@dataclass(frozen=True, slots=True)
class Viewer:
    """The signed-in user of a request, with the store key of the session that proves it."""

    user_id: int
    session_key: str


@dataclass
class RequestContext:
    """A request or a WebSocket connection: the services, who is asking, and batch loaders."""

    services: Services
    authorization: str | None = None
    client_ip: str | None = None
    _viewer: Viewer | None = None
    _resolved: bool = False
    _loaders: Loaders | None = field(default=None, repr=False)

    def set_authorization(self, value: str | None) -> None:
        self.authorization = value
        self._resolved = False
        self._viewer = None
        self._loaders = None

    def signed_in_as(self, viewer: Viewer) -> None:
        """Make a session issued by this request its viewer, for the rest of the request."""
        self._viewer = viewer
        self._resolved = True

    async def viewer(self) -> Viewer | None:
        """Resolve the bearer token once per request; a bad signature never reaches the store."""
        if not self._resolved:
            self._viewer = await self._resolve_viewer()
            self._resolved = True
        return self._viewer

    async def require_viewer(self) -> Viewer:
        viewer = await self.viewer()
        if viewer is None:
            raise NotAuthenticated()
        return viewer

    async def viewer_id(self) -> int | None:
        viewer = await self.viewer()
        return viewer.user_id if viewer else None

    async def _resolve_viewer(self) -> Viewer | None:
        token = bearer_token(self.authorization)
        if token is None:
            return None
        key = self.services.signer.verify(token)
        if key is None:
            return None
        user_id = await self.services.sessions.user_id(key)
        if user_id is None:
            return None
        return Viewer(user_id=user_id, session_key=key)

    @property
    def loaders(self) -> Loaders:
        if self._loaders is None:
            from app.resolvers.loaders import Loaders

            self._loaders = Loaders(self)
        return self._loaders

    def reset_loaders(self) -> None:
        """Drop cached rows, so a long-lived connection reads fresh data for the next event."""
        self._loaders = None
