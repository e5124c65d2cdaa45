"""CORS headers on responses to requests that carry no Origin header.

Starlette's CORSMiddleware adds CORS headers only when a request sends `Origin`. The
earlier gateway put them on every response, so when any origin is allowed this adds the
same headers to responses that still lack them. With a list of origins there is no
origin to name, so such responses get none.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ALLOWED_METHODS = ("GET", "PUT", "POST", "PATCH", "DELETE")
ALLOWED_HEADERS = ("Content-Type", "Authorization")
EXPOSED_HEADERS = ("Authorization",)


class AnyOriginHeaders:
    def __init__(self, app: ASGIApp, *, enabled: bool) -> None:
        self.app = app
        self.enabled = enabled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.enabled:
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if "access-control-allow-origin" not in headers:
                    headers["Access-Control-Allow-Origin"] = "*"
                    headers["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
                    headers["Access-Control-Allow-Headers"] = ", ".join(ALLOWED_HEADERS)
                    headers["Access-Control-Expose-Headers"] = ", ".join(EXPOSED_HEADERS)
            await send(message)

        await self.app(scope, receive, send_with_headers)
