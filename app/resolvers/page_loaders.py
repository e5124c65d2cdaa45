"""Batched pages of nested connections: one window query for the pages of many parents.

A list of events that each ask for their attendees, or of channels that each ask for
their messages, would cost a query per parent. These batch functions serve every
parent of one request that requests the same page arguments in a single query, using
ROW_NUMBER() over each parent's rows (SQLite 3.25+ and MariaDB 10.2+ have it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import EventAttendee, Message, User


@dataclass(frozen=True, slots=True)
class PageKey:
    """One parent's page request: rows after `after_id` or before `before_id`, at most `limit`."""

    parent_id: int
    limit: int
    after_id: int | None = None
    before_id: int | None = None
    newest_first: bool = False


@dataclass(frozen=True, slots=True)
class RowsPage:
    """Up to `limit + 1` rows of one parent, in the requested order, and the parent's total."""

    rows: list[Any]
    row_ids: list[int]
    total: int


def _group(keys: Sequence[PageKey]) -> dict[tuple[int, int | None, int | None, bool], list[int]]:
    groups: dict[tuple[int, int | None, int | None, bool], list[int]] = defaultdict(list)
    for key in keys:
        groups[(key.limit, key.after_id, key.before_id, key.newest_first)].append(key.parent_id)
    return groups


async def _totals(session: AsyncSession, parent_column: Any, parent_ids: Sequence[int]) -> dict[int, int]:
    rows = await session.execute(
        select(parent_column, func.count()).where(parent_column.in_(parent_ids)).group_by(parent_column)
    )
    return dict(rows.tuples().all())


async def attendee_pages(session: AsyncSession, keys: Sequence[PageKey]) -> list[RowsPage]:
    """Load the attendee pages of many events: users in the order they joined."""
    parent_ids = sorted({key.parent_id for key in keys})
    totals = await _totals(session, col(EventAttendee.event_id), parent_ids)
    found: dict[PageKey, RowsPage] = {}

    for (limit, after_id, _before_id, _newest), events in _group(keys).items():
        position = func.row_number().over(
            partition_by=col(EventAttendee.event_id), order_by=col(EventAttendee.id)
        )
        ranked = select(
            col(EventAttendee.id).label("row_id"),
            col(EventAttendee.event_id).label("parent_id"),
            col(EventAttendee.user_id).label("user_id"),
            position.label("position"),
        ).where(col(EventAttendee.event_id).in_(events))
        if after_id is not None:
            ranked = ranked.where(col(EventAttendee.id) > after_id)
        window = ranked.subquery()
        rows = await session.execute(
            select(window.c.row_id, window.c.parent_id, User)
            .join(User, col(User.id) == window.c.user_id)
            .where(window.c.position <= limit + 1)
            .order_by(window.c.parent_id, window.c.position)
        )
        by_event: dict[int, list[tuple[int, User]]] = defaultdict(list)
        for row_id, event_id, user in rows.tuples():
            by_event[event_id].append((row_id, user))
        for event_id in events:
            entries = by_event.get(event_id, [])
            key = PageKey(event_id, limit, after_id)
            found[key] = RowsPage(
                rows=[user for _, user in entries],
                row_ids=[row_id for row_id, _ in entries],
                total=totals.get(event_id, 0),
            )

    return [found[key] for key in keys]


async def message_pages(session: AsyncSession, keys: Sequence[PageKey]) -> list[RowsPage]:
    """Load the message pages of many channels, newest first or oldest first as each key requests."""
    parent_ids = sorted({key.parent_id for key in keys})
    totals = await _totals(session, col(Message.channel_id), parent_ids)
    found: dict[PageKey, RowsPage] = {}

    for (limit, after_id, before_id, newest_first), channels in _group(keys).items():
        order = col(Message.id).desc() if newest_first else col(Message.id)
        position = func.row_number().over(partition_by=col(Message.channel_id), order_by=order)
        ranked = select(col(Message.id).label("row_id"), position.label("position")).where(
            col(Message.channel_id).in_(channels)
        )
        if after_id is not None:
            ranked = ranked.where(col(Message.id) > after_id)
        if before_id is not None:
            ranked = ranked.where(col(Message.id) < before_id)
        window = ranked.subquery()
        rows = await session.execute(
            select(Message)
            .join(window, window.c.row_id == col(Message.id))
            .where(window.c.position <= limit + 1)
            .order_by(col(Message.channel_id), order)
        )
        by_channel: dict[int, list[Message]] = defaultdict(list)
        for message in rows.scalars():
            by_channel[message.channel_id].append(message)
        for channel_id in channels:
            messages = by_channel.get(channel_id, [])
            key = PageKey(channel_id, limit, after_id, before_id, newest_first)
            found[key] = RowsPage(
                rows=list(messages),
                row_ids=[message.id or 0 for message in messages],
                total=totals.get(channel_id, 0),
            )

    return [found[key] for key in keys]
