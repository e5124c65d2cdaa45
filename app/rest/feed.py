"""/v1/ws: the legacy WebSocket feed of chat changes, one JSON text frame per change."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncGenerator
from typing import cast

from starlette.responses import PlainTextResponse
from starlette.routing import BaseRoute, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from app.errors import DomainError, ErrorCode, NotAuthenticated, SubscriptionEnded
from app.realtime.events import ChangeEvent
from app.resolvers import subscriptions
from app.resolvers.context import RequestContext, Viewer
from app.resolvers.services import Services
from app.rest.errors import message_for, status_for
from app.rest.frames import frame_for

logger = logging.getLogger(__name__)

# 4401 mirrors HTTP 401, so the client signs in again before reconnecting.
SESSION_ENDED_CODE = 4401
SESSION_ENDED_REASON = "the session has ended; sign in again, then reconnect"
# 1013 is the registered "Try Again Later" close code, so the client reconnects and reloads history.
RECONNECT_CODE = 1013
RECONNECT_REASON = "the feed was interrupted; reconnect and reload the channel history"
INTERNAL_ERROR_CODE = 1011
INTERNAL_ERROR_REASON = "internal server error; reconnect and reload the channel history"


def origin_allowed(origin: str | None, allowed_origins: list[str]) -> bool:
    """Allow any origin with `*`, a listed origin, or no Origin header at all (a non-browser client)."""
    return origin is None or "*" in allowed_origins or origin in allowed_origins


def _authorization(websocket: WebSocket) -> str | None:
    return websocket.headers.get("authorization") or websocket.query_params.get("auth")


async def _reject(websocket: WebSocket, status: int, message: str) -> None:
    """Reject the upgrade with an HTTP status and a plain-text body, or a bare 403 without the extension."""
    if "websocket.http.response" in websocket.scope.get("extensions", {}):
        await websocket.send_denial_response(PlainTextResponse(message, status_code=status))
    else:
        await websocket.close(code=1008, reason=message[:120])


async def feed(websocket: WebSocket) -> None:
    services: Services = websocket.app.state.services
    origin = websocket.headers.get("origin")
    if not origin_allowed(origin, services.settings.allowed_origins):
        logger.info("feed.rejected reason=origin origin=%.100s", origin)
        await _reject(websocket, 403, f"origin {origin!r} is not allowed to open this feed")
        return

    context = RequestContext(
        services=services,
        authorization=_authorization(websocket),
        client_ip=websocket.client.host if websocket.client else None,
    )
    try:
        viewer = await context.require_viewer()
    except DomainError as error:
        logger.info("feed.rejected status=%s code=%s", status_for(error), error.code.value)
        await _reject(websocket, status_for(error), message_for(error))
        return

    await websocket.accept()
    logger.info("feed.opened user_id=%s", viewer.user_id)
    code, reason = await _serve(websocket, context, viewer)
    logger.info("feed.closed user_id=%s code=%s", viewer.user_id, code)
    if code is not None:
        await websocket.close(code=code, reason=reason)


async def _serve(websocket: WebSocket, context: RequestContext, viewer: Viewer) -> tuple[int | None, str]:
    """Send frames until the client leaves or the feed ends; return the close code to send, if any."""
    sender = asyncio.create_task(_send_changes(websocket, context, viewer))
    receiver = asyncio.create_task(_wait_for_disconnect(websocket))
    try:
        await asyncio.wait({sender, receiver}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (sender, receiver):
            task.cancel()
        await asyncio.gather(sender, receiver, return_exceptions=True)
    if sender.cancelled() or sender.exception() is not None:
        return None, ""
    return sender.result()


async def _wait_for_disconnect(websocket: WebSocket) -> None:
    # Old clients send nothing the feed needs, so incoming frames are read and dropped.
    while (await websocket.receive())["type"] != "websocket.disconnect":
        pass


async def _send_changes(
    websocket: WebSocket, context: RequestContext, viewer: Viewer
) -> tuple[int | None, str]:
    # `changes` is an async generator, so closing it in `finally` unsubscribes from the hub at once.
    stream = cast(AsyncGenerator[ChangeEvent, None], subscriptions.changes(context))
    try:
        async for event in stream:
            context.reset_loaders()
            frame = await frame_for(context, viewer.user_id, event)
            if frame is not None:
                await websocket.send_text(json.dumps(frame, separators=(",", ":")))
    except SubscriptionEnded as ended:
        logger.info("feed.ended user_id=%s reason=%s", viewer.user_id, ended.message)
        if ended.code is ErrorCode.UNAUTHENTICATED:
            return SESSION_ENDED_CODE, SESSION_ENDED_REASON
        return RECONNECT_CODE, RECONNECT_REASON
    except NotAuthenticated:
        logger.info("feed.ended user_id=%s reason=session signed out before subscribing", viewer.user_id)
        return SESSION_ENDED_CODE, SESSION_ENDED_REASON
    except (WebSocketDisconnect, OSError) as error:
        logger.info("feed.client_gone user_id=%s error=%r", viewer.user_id, error)
        return None, ""
    except DomainError as error:
        logger.warning("feed.failed user_id=%s code=%s message=%s", viewer.user_id, error.code.value, error)
        return RECONNECT_CODE, RECONNECT_REASON
    except Exception:
        logger.exception("feed.unexpected_error user_id=%s", viewer.user_id)
        return INTERNAL_ERROR_CODE, INTERNAL_ERROR_REASON
    finally:
        await stream.aclose()
    return RECONNECT_CODE, RECONNECT_REASON


def routes() -> list[BaseRoute]:
    return [WebSocketRoute("/v1/ws", feed, name="rest:/v1/ws")]
