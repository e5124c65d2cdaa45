"""Meetup events: publishing, browsing, joining and leaving."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import delete, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.errors import Conflict, NotFound
from app.models import Channel, ChannelMember, Event, EventAttendee, User, columns
from app.realtime.events import ChangeEvent, ChangeKind
from app.resolvers import validation
from app.resolvers.context import RequestContext
from app.resolvers.database import execute_write, open_session
from app.resolvers.page_loaders import PageKey
from app.resolvers.pagination import Page, decode_cursor, encode_cursor, page_size
from app.resolvers.snapshots import channel_snapshot

logger = logging.getLogger(__name__)

EVENT_CURSOR = "event"
USER_CURSOR = "user"


@dataclass(frozen=True)
class NewEvent:
    title: str
    date_time: str
    location: str
    description: str


@dataclass(frozen=True)
class EventFilter:
    search: str | None = None
    creator_id: str | int | None = None
    joined: bool | None = None


async def _get_event_or_raise(session: AsyncSession, event_id: int) -> Event:
    event = await session.get(Event, event_id)
    if event is None:
        raise NotFound(f"event {event_id} not found")
    return event


async def list_events(
    context: RequestContext,
    first: int | None = 20,
    after: str | None = None,
    event_filter: EventFilter | None = None,
) -> Page[Event]:
    """Return events in the order they were published; raises NotAuthenticated when signed out."""
    viewer = await context.require_viewer()
    limit = page_size("first", first, 20)
    after_id = decode_cursor("after", EVENT_CURSOR, after)

    conditions = []
    if event_filter is not None and event_filter.search:
        term = event_filter.search.strip().lower()
        # With autoescape, "%" and "_" in the search term match only themselves.
        conditions.append(
            or_(
                func.lower(col(Event.title)).contains(term, autoescape=True),
                func.lower(col(Event.location)).contains(term, autoescape=True),
                func.lower(col(Event.description)).contains(term, autoescape=True),
            )
        )
    if event_filter is not None and event_filter.creator_id is not None:
        creator_id = validation.identifier("filter.creatorId", event_filter.creator_id)
        conditions.append(col(Event.creator_id) == creator_id)
    if event_filter is not None and event_filter.joined is not None:
        joined = select(col(EventAttendee.event_id)).where(col(EventAttendee.user_id) == viewer.user_id)
        membership = col(Event.id).in_(joined)
        conditions.append(membership if event_filter.joined else ~membership)

    async with open_session(context.services.sessionmaker) as session:
        total = await session.scalar(select(func.count()).select_from(Event).where(*conditions))
        query = select(Event).where(*conditions).order_by(col(Event.id)).limit(limit + 1)
        if after_id is not None:
            query = query.where(col(Event.id) > after_id)
        rows = list((await session.execute(query)).scalars())

    items = rows[:limit]
    return Page(
        items=items,
        cursors=[encode_cursor(EVENT_CURSOR, event.id or 0) for event in items],
        has_next_page=len(rows) > limit,
        has_previous_page=after_id is not None,
        total_count=total or 0,
    )


async def get_event(context: RequestContext, event_id: str | int) -> Event:
    await context.require_viewer()
    number = validation.identifier("id", event_id)

    event = await context.loaders.event.load(number)
    if event is None:
        raise NotFound(f"event {number} not found")
    return event


async def joined_events(context: RequestContext) -> list[Event]:
    viewer = await context.require_viewer()

    async with open_session(context.services.sessionmaker) as session:
        rows = await session.execute(
            select(Event)
            .join(EventAttendee, col(EventAttendee.event_id) == col(Event.id))
            .where(col(EventAttendee.user_id) == viewer.user_id)
            .order_by(col(Event.id))
        )
        return list(rows.scalars())


async def create_event(context: RequestContext, new: NewEvent) -> Event:
    """Publish an event with its private chat channel; the creator is its first attendee."""
    viewer = await context.require_viewer()
    title = validation.text("title", new.title, columns.TITLE_MAX)
    date_time = validation.iso_datetime("dateTime", new.date_time, columns.EVENT_DATETIME_MAX)
    location = validation.text("location", new.location, columns.LOCATION_MAX)
    description = validation.text("description", new.description, columns.DESCRIPTION_MAX, required=False)

    async with open_session(context.services.sessionmaker) as session:
        channel = Channel(
            name=title,
            description=f"Chat for the event {title}"[: columns.CHANNEL_DESCRIPTION_MAX],
            private=True,
            creator_id=viewer.user_id,
        )
        session.add(channel)
        await session.flush()
        event = Event(
            title=title,
            date_time=date_time,
            location=location,
            description=description,
            channel_id=channel.id or 0,
            creator_id=viewer.user_id,
        )
        session.add(event)
        await session.flush()
        session.add(ChannelMember(channel_id=channel.id or 0, member_id=viewer.user_id))
        session.add(EventAttendee(event_id=event.id or 0, user_id=viewer.user_id))
        await session.commit()

    await context.services.hub.publish(
        ChangeEvent(
            kind=ChangeKind.CHANNEL_CREATED,
            channel_id=channel.id,
            data=channel_snapshot(channel),
        )
    )
    logger.info("event.created event_id=%s channel_id=%s user_id=%s", event.id, channel.id, viewer.user_id)
    return event


async def join_event(context: RequestContext, event_id: str | int) -> Event:
    """Add the viewer to the event and its chat; joining twice changes nothing."""
    viewer = await context.require_viewer()
    number = validation.identifier("eventId", event_id)

    async with open_session(context.services.sessionmaker) as session:
        event = await _get_event_or_raise(session, number)
        already = await session.scalar(
            select(col(EventAttendee.id)).where(
                col(EventAttendee.event_id) == number, col(EventAttendee.user_id) == viewer.user_id
            )
        )
        if already is not None:
            return event

        session.add(EventAttendee(event_id=number, user_id=viewer.user_id))
        member = await session.scalar(
            select(col(ChannelMember.id)).where(
                col(ChannelMember.channel_id) == event.channel_id,
                col(ChannelMember.member_id) == viewer.user_id,
            )
        )
        if member is None:
            session.add(ChannelMember(channel_id=event.channel_id, member_id=viewer.user_id))
        try:
            async with context.services.hub.channel_lock(event.channel_id):
                await session.commit()
                await _publish_membership(context, ChangeKind.MEMBER_ADDED, event, viewer.user_id)
        except IntegrityError:
            # A concurrent join of the same user won the race; the outcome is the same.
            logger.info("event.join_raced event_id=%s user_id=%s", number, viewer.user_id)
            await session.rollback()

    context.reset_loaders()
    logger.info("event.joined event_id=%s user_id=%s", number, viewer.user_id)
    return event


async def leave_event(context: RequestContext, event_id: str | int) -> Event:
    """Remove the viewer from the event and its chat; raises Conflict for the event's creator."""
    viewer = await context.require_viewer()
    number = validation.identifier("eventId", event_id)

    async with open_session(context.services.sessionmaker) as session:
        event = await _get_event_or_raise(session, number)
        if event.creator_id == viewer.user_id:
            raise Conflict("the creator of an event cannot leave it", field="eventId")

        left = await execute_write(
            session,
            delete(EventAttendee).where(
                col(EventAttendee.event_id) == number,
                col(EventAttendee.user_id) == viewer.user_id,
            ),
        )
        await session.execute(
            delete(ChannelMember).where(
                col(ChannelMember.channel_id) == event.channel_id,
                col(ChannelMember.member_id) == viewer.user_id,
            )
        )
        async with context.services.hub.channel_lock(event.channel_id):
            await session.commit()
            if left.rowcount:
                await _publish_membership(context, ChangeKind.MEMBER_REMOVED, event, viewer.user_id)

    context.reset_loaders()
    logger.info("event.left event_id=%s user_id=%s", number, viewer.user_id)
    return event


async def _publish_membership(context: RequestContext, kind: ChangeKind, event: Event, user_id: int) -> None:
    await context.services.hub.publish(ChangeEvent(kind=kind, channel_id=event.channel_id, user_id=user_id))


async def attendees(
    context: RequestContext, event_id: int, first: int | None = 50, after: str | None = None
) -> Page[User]:
    """Return an event's attendees in the order they joined."""
    limit = page_size("first", first, 50)
    after_id = decode_cursor("after", USER_CURSOR, after)

    loaded = await context.loaders.attendee_page.load(PageKey(event_id, limit, after_id))

    users: list[User] = loaded.rows[:limit]
    return Page(
        items=users,
        cursors=[encode_cursor(USER_CURSOR, row_id) for row_id in loaded.row_ids[:limit]],
        has_next_page=len(loaded.rows) > limit,
        has_previous_page=after_id is not None,
        total_count=loaded.total,
    )
