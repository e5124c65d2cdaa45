"""Chat messages: history, posting, editing and deleting."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Forbidden, NotFound
from app.models import Message, columns
from app.models.columns import utc_now
from app.realtime.events import ChangeEvent, ChangeKind
from app.resolvers import access, validation
from app.resolvers.context import RequestContext
from app.resolvers.database import open_session
from app.resolvers.page_loaders import PageKey
from app.resolvers.pagination import Page, decode_cursor, encode_cursor, page_size
from app.resolvers.snapshots import message_snapshot

logger = logging.getLogger(__name__)

MESSAGE_CURSOR = "message"
HISTORY_SIZE = 100


def message_cursor(message: Message) -> str:
    return encode_cursor(MESSAGE_CURSOR, message.id or 0)


async def history(
    context: RequestContext,
    channel_id: int,
    *,
    last: int | None = None,
    before: str | None = None,
    first: int | None = None,
    after: str | None = None,
) -> Page[Message]:
    """Return a page of a channel's messages in chronological order.

    With `first` or `after`, the page runs forward from `after`, as a client catching
    up after a reconnect needs. Otherwise it contains the `last` messages before `before`
    (by default the 100 most recent). Raises Forbidden for a private channel the
    viewer is not in.
    """
    viewer = await context.require_viewer()
    forward = first is not None or after is not None
    after_id = decode_cursor("after", MESSAGE_CURSOR, after)
    before_id = decode_cursor("before", MESSAGE_CURSOR, before)
    limit = page_size("first", first, HISTORY_SIZE) if forward else page_size("last", last, HISTORY_SIZE)

    await access.readable_channel(context, channel_id, viewer.user_id)
    loaded = await context.loaders.message_page.load(
        PageKey(channel_id, limit, after_id, before_id, newest_first=not forward)
    )

    items: list[Message] = loaded.rows[:limit]
    more = len(loaded.rows) > limit
    if not forward:
        items.reverse()
    return Page(
        items=items,
        cursors=[message_cursor(message) for message in items],
        has_next_page=more if forward else before_id is not None,
        has_previous_page=after_id is not None if forward else more,
        total_count=loaded.total,
    )


async def post_message(context: RequestContext, channel_id: str | int, body: str) -> Message:
    """Post to a channel the viewer may read; raises NotFound, Forbidden or InvalidInput."""
    viewer = await context.require_viewer()
    number = validation.identifier("channelId", channel_id)
    text = validation.text("body", body, columns.MESSAGE_BODY_MAX)

    async with open_session(context.services.sessionmaker) as session:
        channel = await access.get_channel_or_raise(session, number)
        await access.ensure_can_read(session, channel, viewer.user_id)

        message = Message(channel_id=number, body=text, creator_id=viewer.user_id)
        session.add(message)
        async with context.services.hub.channel_lock(number):
            await session.commit()
            await _publish(context, ChangeKind.MESSAGE_CREATED, message)

    logger.info("message.created message_id=%s channel_id=%s user_id=%s", message.id, number, viewer.user_id)
    return message


async def _get_own_message(session: AsyncSession, message_id: int, user_id: int) -> Message:
    message = await session.get(Message, message_id)
    if message is None:
        raise NotFound(f"message {message_id} not found")
    if message.creator_id != user_id:
        raise Forbidden(f"only the creator of message {message_id} may change it")
    return message


async def update_message(context: RequestContext, message_id: str | int, body: str) -> Message:
    """Edit the viewer's own message; raises NotFound, Forbidden or InvalidInput."""
    viewer = await context.require_viewer()
    number = validation.identifier("id", message_id)
    text = validation.text("body", body, columns.MESSAGE_BODY_MAX)

    async with open_session(context.services.sessionmaker) as session:
        message = await _get_own_message(session, number, viewer.user_id)

        message.body = text
        message.edited_at = utc_now()
        async with context.services.hub.channel_lock(message.channel_id):
            await session.commit()
            await _publish(context, ChangeKind.MESSAGE_UPDATED, message)

    logger.info("message.updated message_id=%s user_id=%s", number, viewer.user_id)
    return message


async def delete_message(context: RequestContext, message_id: str | int) -> Message:
    """Delete the viewer's own message and return it as it was."""
    viewer = await context.require_viewer()
    number = validation.identifier("id", message_id)

    async with open_session(context.services.sessionmaker) as session:
        message = await _get_own_message(session, number, viewer.user_id)

        await session.delete(message)
        async with context.services.hub.channel_lock(message.channel_id):
            await session.commit()
            await _publish(context, ChangeKind.MESSAGE_DELETED, message)

    logger.info("message.deleted message_id=%s user_id=%s", number, viewer.user_id)
    return message


async def _publish(context: RequestContext, kind: ChangeKind, message: Message) -> None:
    await context.services.hub.publish(
        ChangeEvent(kind=kind, channel_id=message.channel_id, data=message_snapshot(message))
    )
