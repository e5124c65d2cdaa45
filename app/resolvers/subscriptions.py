"""Live change feeds, authorized when opened and again for every delivered event."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from app.realtime.events import ChangeEvent, ChangeKind
from app.resolvers import access, validation
from app.resolvers.context import RequestContext
from app.resolvers.database import open_session

logger = logging.getLogger(__name__)

CHAT_KINDS = frozenset(kind for kind in ChangeKind if kind is not ChangeKind.SESSION_ENDED)


async def changes(
    context: RequestContext,
    channel_id: str | int | None = None,
    kinds: frozenset[ChangeKind] = CHAT_KINDS,
) -> AsyncIterator[ChangeEvent]:
    """Yield committed changes the viewer may read, from one channel or all of them.

    Raises NotAuthenticated, NotFound or Forbidden when opened, and
    `SubscriptionEnded` when the session ends or the client falls too far behind.
    """
    viewer = await context.require_viewer()
    number = validation.identifier("channelId", channel_id) if channel_id is not None else None
    if number is not None:
        async with open_session(context.services.sessionmaker) as session:
            channel = await access.get_channel_or_raise(session, number)
            await access.ensure_can_read(session, channel, viewer.user_id)

    async with context.services.hub.subscribe(
        viewer_id=viewer.user_id,
        session_key=viewer.session_key,
        channel_id=number,
        kinds=kinds,
    ) as subscriber:
        logger.info("subscription.opened user_id=%s channel_id=%s", viewer.user_id, number)
        try:
            async for event in subscriber.events():
                yield event
        finally:
            logger.info("subscription.closed user_id=%s channel_id=%s", viewer.user_id, number)
