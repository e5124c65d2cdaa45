"""Read and change rules for channels, written in this one place."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from app.errors import Forbidden, NotFound
from app.models import Channel, ChannelMember
from app.realtime.hub import Audience
from app.resolvers.context import RequestContext
from app.resolvers.database import open_session


async def member_ids(session: AsyncSession, channel_id: int) -> set[int]:
    rows = await session.execute(
        select(col(ChannelMember.member_id)).where(col(ChannelMember.channel_id) == channel_id)
    )
    return set(rows.scalars())


async def is_member(session: AsyncSession, channel_id: int, user_id: int) -> bool:
    row = await session.execute(
        select(col(ChannelMember.id)).where(
            col(ChannelMember.channel_id) == channel_id, col(ChannelMember.member_id) == user_id
        )
    )
    return row.first() is not None


async def get_channel_or_raise(session: AsyncSession, channel_id: int) -> Channel:
    channel = await session.get(Channel, channel_id)
    if channel is None:
        raise NotFound(f"channel {channel_id} not found")
    return channel


def _forbid_reading(channel: Channel) -> Forbidden:
    return Forbidden(f"channel {channel.id} is private to its members")


async def ensure_can_read(session: AsyncSession, channel: Channel, user_id: int) -> None:
    """Raise `Forbidden` unless the channel is public or the user is a member."""
    if channel.private and not await is_member(session, channel.id or 0, user_id):
        raise _forbid_reading(channel)


async def readable_channel(context: RequestContext, channel_id: int, user_id: int) -> Channel:
    """Return a channel the user may read, through the request's batch loaders.

    Raises NotFound for an unknown id and Forbidden for a private channel the user is not in.
    """
    channel = await context.loaders.channel.load(channel_id)
    if channel is None:
        raise NotFound(f"channel {channel_id} not found")
    if channel.private and user_id not in await context.loaders.member_ids.load(channel_id):
        raise _forbid_reading(channel)
    return channel


def ensure_channel_creator(channel: Channel, user_id: int) -> None:
    if channel.creator_id != user_id:
        raise Forbidden(f"only the creator of channel {channel.id} may change it")


async def load_audience(sessionmaker: async_sessionmaker[AsyncSession], channel_id: int) -> Audience | None:
    """Return who may read a channel now, or None when it no longer exists."""
    async with open_session(sessionmaker) as session:
        channel = await session.get(Channel, channel_id)
        if channel is None:
            return None
        if not channel.private:
            return Audience(public=True, member_ids=frozenset())
        return Audience(public=False, member_ids=frozenset(await member_ids(session, channel_id)))
