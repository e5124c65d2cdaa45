"""Chat channels: listing, creating, changing, deleting, and their members."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import delete, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.errors import Conflict, InvalidInput, NotFound
from app.models import Channel, ChannelMember, Event, Message, User, columns
from app.models.columns import utc_now
from app.realtime.events import ChangeEvent, ChangeKind
from app.resolvers import access, validation
from app.resolvers.context import RequestContext
from app.resolvers.database import execute_write, open_session
from app.resolvers.snapshots import channel_snapshot

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NewChannel:
    name: str
    description: str | None = None
    private: bool = False
    member_ids: list[str | int] = field(default_factory=list)


@dataclass(frozen=True)
class ChannelChanges:
    name: str | None = None
    description: str | None = None


async def list_channels(context: RequestContext) -> list[Channel]:
    """Return every channel the viewer may read: the public ones and the private ones it belongs to."""
    viewer = await context.require_viewer()

    async with open_session(context.services.sessionmaker) as session:
        memberships = select(col(ChannelMember.channel_id)).where(
            col(ChannelMember.member_id) == viewer.user_id
        )
        rows = await session.execute(
            select(Channel)
            .where(or_(col(Channel.private).is_(False), col(Channel.id).in_(memberships)))
            .order_by(col(Channel.id))
        )
        return list(rows.scalars())


async def get_channel(context: RequestContext, channel_id: str | int) -> Channel:
    """Return a readable channel; raises NotFound, or Forbidden for a private one the viewer is not in."""
    viewer = await context.require_viewer()
    number = validation.identifier("id", channel_id)

    async with open_session(context.services.sessionmaker) as session:
        channel = await access.get_channel_or_raise(session, number)
        await access.ensure_can_read(session, channel, viewer.user_id)
        return channel


async def _existing_user_ids(context: RequestContext, raw_ids: list[str | int], field: str) -> set[int]:
    ids = {validation.identifier(field, raw) for raw in raw_ids}
    if not ids:
        return ids
    async with open_session(context.services.sessionmaker) as session:
        found = set((await session.execute(select(col(User.id)).where(col(User.id).in_(ids)))).scalars())
    missing = sorted(ids - found)
    if missing:
        raise InvalidInput(field, f"{field} names users that do not exist: {missing}")
    return ids


async def create_channel(context: RequestContext, new: NewChannel) -> Channel:
    """Create a channel owned by the viewer, who is always one of its members."""
    viewer = await context.require_viewer()
    name = validation.text("name", new.name, columns.CHANNEL_NAME_MAX)
    description = validation.optional_text("description", new.description, columns.CHANNEL_DESCRIPTION_MAX)
    members = await _existing_user_ids(context, new.member_ids, "memberIds")
    members.add(viewer.user_id)

    async with open_session(context.services.sessionmaker) as session:
        channel = Channel(name=name, description=description, private=new.private, creator_id=viewer.user_id)
        session.add(channel)
        await session.flush()
        for member_id in sorted(members):
            session.add(ChannelMember(channel_id=channel.id or 0, member_id=member_id))
        await session.commit()

    await context.services.hub.publish(
        ChangeEvent(kind=ChangeKind.CHANNEL_CREATED, channel_id=channel.id, data=channel_snapshot(channel))
    )
    logger.info("channel.created channel_id=%s user_id=%s", channel.id, viewer.user_id)
    return channel


async def update_channel(context: RequestContext, channel_id: str | int, changes: ChannelChanges) -> Channel:
    """Rename or redescribe a channel; only its creator may, and at least one field must be given."""
    viewer = await context.require_viewer()
    number = validation.identifier("id", channel_id)
    if changes.name is None and changes.description is None:
        raise InvalidInput("input", "give at least one of name or description")
    name = (
        validation.text("name", changes.name, columns.CHANNEL_NAME_MAX) if changes.name is not None else None
    )
    description = validation.optional_text(
        "description", changes.description, columns.CHANNEL_DESCRIPTION_MAX
    )

    async with open_session(context.services.sessionmaker) as session:
        channel = await access.get_channel_or_raise(session, number)
        access.ensure_channel_creator(channel, viewer.user_id)

        if name is not None:
            channel.name = name
        if changes.description is not None:
            channel.description = description
        channel.edited_at = utc_now()
        async with context.services.hub.channel_lock(number):
            await session.commit()
            await context.services.hub.publish(
                ChangeEvent(
                    kind=ChangeKind.CHANNEL_UPDATED,
                    channel_id=number,
                    data=channel_snapshot(channel),
                )
            )

    context.reset_loaders()
    logger.info("channel.updated channel_id=%s user_id=%s", number, viewer.user_id)
    return channel


async def delete_channel(context: RequestContext, channel_id: str | int) -> int:
    """Delete a channel with its messages and members; raises Conflict for an event's chat."""
    viewer = await context.require_viewer()
    number = validation.identifier("id", channel_id)

    async with open_session(context.services.sessionmaker) as session:
        channel = await access.get_channel_or_raise(session, number)
        access.ensure_channel_creator(channel, viewer.user_id)
        if await session.scalar(select(col(Event.id)).where(col(Event.channel_id) == number)) is not None:
            raise Conflict(f"channel {number} is the chat of an event and cannot be deleted", field="id")

        audience = sorted(await access.member_ids(session, number))
        await session.execute(delete(Message).where(col(Message.channel_id) == number))
        await session.execute(delete(ChannelMember).where(col(ChannelMember.channel_id) == number))
        await session.delete(channel)
        async with context.services.hub.channel_lock(number):
            await session.commit()
            await context.services.hub.publish(
                ChangeEvent(
                    kind=ChangeKind.CHANNEL_DELETED,
                    channel_id=number,
                    audience=audience,
                    was_private=channel.private,
                )
            )

    context.reset_loaders()
    logger.info("channel.deleted channel_id=%s user_id=%s", number, viewer.user_id)
    return number


async def _load_for_member_change(
    session: AsyncSession, channel_id: int, user_id: int, viewer_id: int
) -> Channel:
    """Load a channel whose members the viewer changes; raises NotFound or Forbidden."""
    channel = await access.get_channel_or_raise(session, channel_id)
    access.ensure_channel_creator(channel, viewer_id)
    if await session.get(User, user_id) is None:
        raise NotFound(f"user {user_id} not found")
    return channel


async def add_member(context: RequestContext, channel_id: str | int, user_id: str | int) -> Channel:
    """Add a user to a channel; only the creator may, and adding a member twice changes nothing."""
    viewer = await context.require_viewer()
    channel_number = validation.identifier("channelId", channel_id)
    user_number = validation.identifier("userId", user_id)

    async with open_session(context.services.sessionmaker) as session:
        channel = await _load_for_member_change(session, channel_number, user_number, viewer.user_id)
        if await access.is_member(session, channel_number, user_number):
            return channel

        session.add(ChannelMember(channel_id=channel_number, member_id=user_number))
        try:
            async with context.services.hub.channel_lock(channel_number):
                await session.commit()
                await context.services.hub.publish(
                    ChangeEvent(kind=ChangeKind.MEMBER_ADDED, channel_id=channel_number, user_id=user_number)
                )
        except IntegrityError:
            logger.info("channel.add_member_raced channel_id=%s user_id=%s", channel_number, user_number)
            await session.rollback()

    context.reset_loaders()
    logger.info(
        "channel.member_added channel_id=%s user_id=%s by=%s",
        channel_number,
        user_number,
        viewer.user_id,
    )
    return channel


async def remove_member(context: RequestContext, channel_id: str | int, user_id: str | int) -> Channel:
    """Remove a user from a channel; only the creator may, and the creator cannot be removed."""
    viewer = await context.require_viewer()
    channel_number = validation.identifier("channelId", channel_id)
    user_number = validation.identifier("userId", user_id)

    async with open_session(context.services.sessionmaker) as session:
        channel = await _load_for_member_change(session, channel_number, user_number, viewer.user_id)
        if user_number == channel.creator_id:
            raise Conflict("the creator of a channel cannot be removed from it", field="userId")

        removed = await execute_write(
            session,
            delete(ChannelMember).where(
                col(ChannelMember.channel_id) == channel_number,
                col(ChannelMember.member_id) == user_number,
            ),
        )
        async with context.services.hub.channel_lock(channel_number):
            await session.commit()
            if removed.rowcount:
                await context.services.hub.publish(
                    ChangeEvent(
                        kind=ChangeKind.MEMBER_REMOVED,
                        channel_id=channel_number,
                        user_id=user_number,
                    )
                )

    context.reset_loaders()
    logger.info(
        "channel.member_removed channel_id=%s user_id=%s by=%s",
        channel_number,
        user_number,
        viewer.user_id,
    )
    return channel
