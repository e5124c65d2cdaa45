"""Batch loaders for nested fields: one query per kind of row per request, whatever the list size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import func, select
from sqlmodel import col
from strawberry.dataloader import DataLoader

from app.models import Channel, ChannelMember, Event, EventAttendee, User
from app.resolvers import page_loaders
from app.resolvers.database import open_session

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from app.resolvers.context import RequestContext

Key = TypeVar("Key")
Value = TypeVar("Value")


class Loaders:
    """The loaders of one request; each caches what it loaded for the rest of the request."""

    def __init__(self, context: RequestContext) -> None:
        self._context = context
        self.user = self._loader(self._users)
        self.channel = self._loader(self._channels)
        self.event_by_channel = self._loader(self._events_by_channel)
        self.event = self._loader(self._events)
        self.member_ids = self._loader(self._member_ids)
        self.attendee_count = self._loader(self._attendee_counts)
        self.viewer_joined = self._loader(self._viewer_joined)
        self.attendee_page = self._loader(page_loaders.attendee_pages)
        self.message_page = self._loader(page_loaders.message_pages)

    def _loader(
        self, batch: Callable[[AsyncSession, Sequence[Key]], Awaitable[list[Value]]]
    ) -> DataLoader[Key, Value]:
        sessionmaker = self._context.services.sessionmaker

        async def load(keys: list[Key]) -> list[Value]:
            async with open_session(sessionmaker) as session:
                return await batch(session, keys)

        return DataLoader(load_fn=load)

    async def members(self, channel_id: int) -> list[User]:
        member_ids = await self.member_ids.load(channel_id)
        users = await self.user.load_many(member_ids)
        return [user for user in users if user is not None]

    @staticmethod
    async def _users(session: AsyncSession, ids: Sequence[int]) -> list[User | None]:
        rows = await session.execute(select(User).where(col(User.id).in_(ids)))
        by_id = {user.id: user for user in rows.scalars()}
        return [by_id.get(key) for key in ids]

    @staticmethod
    async def _channels(session: AsyncSession, ids: Sequence[int]) -> list[Channel | None]:
        rows = await session.execute(select(Channel).where(col(Channel.id).in_(ids)))
        by_id = {channel.id: channel for channel in rows.scalars()}
        return [by_id.get(key) for key in ids]

    @staticmethod
    async def _events(session: AsyncSession, ids: Sequence[int]) -> list[Event | None]:
        rows = await session.execute(select(Event).where(col(Event.id).in_(ids)))
        by_id = {event.id: event for event in rows.scalars()}
        return [by_id.get(key) for key in ids]

    @staticmethod
    async def _events_by_channel(session: AsyncSession, channel_ids: Sequence[int]) -> list[Event | None]:
        rows = await session.execute(select(Event).where(col(Event.channel_id).in_(channel_ids)))
        by_channel = {event.channel_id: event for event in rows.scalars()}
        return [by_channel.get(key) for key in channel_ids]

    @staticmethod
    async def _member_ids(session: AsyncSession, channel_ids: Sequence[int]) -> list[list[int]]:
        rows = await session.execute(
            select(col(ChannelMember.channel_id), col(ChannelMember.member_id))
            .where(col(ChannelMember.channel_id).in_(channel_ids))
            .order_by(col(ChannelMember.id))
        )
        by_channel: dict[int, list[int]] = defaultdict(list)
        for channel_id, member_id in rows:
            by_channel[channel_id].append(member_id)
        return [by_channel.get(key, []) for key in channel_ids]

    @staticmethod
    async def _attendee_counts(session: AsyncSession, event_ids: Sequence[int]) -> list[int]:
        rows = await session.execute(
            select(col(EventAttendee.event_id), func.count())
            .where(col(EventAttendee.event_id).in_(event_ids))
            .group_by(col(EventAttendee.event_id))
        )
        counts: dict[int, int] = dict(rows.tuples().all())
        return [counts.get(key, 0) for key in event_ids]

    async def _viewer_joined(self, session: AsyncSession, event_ids: Sequence[int]) -> list[bool]:
        viewer_id = await self._context.viewer_id()
        if viewer_id is None:
            return [False for _ in event_ids]
        rows = await session.execute(
            select(col(EventAttendee.event_id)).where(
                col(EventAttendee.user_id) == viewer_id,
                col(EventAttendee.event_id).in_(event_ids),
            )
        )
        joined = set(rows.scalars())
        return [key in joined for key in event_ids]
