"""The Query root."""

from __future__ import annotations

import strawberry

from app.resolvers import channels, events, users
from app.resolvers.events import EventFilter
from app.schema.context import Info
from app.schema.inputs import EventFilterInput
from app.schema.types import ChannelType, EventConnection, EventType, UserType, user_type


@strawberry.type
class Query:
    @strawberry.field(description="The signed-in user, or null when signed out.")
    async def me(self, info: Info) -> UserType | None:
        return user_type(await users.me(info.context))

    @strawberry.field(description="A user by id.")
    async def user(self, info: Info, id: strawberry.ID) -> UserType | None:
        return user_type(await users.get_user(info.context, id))

    @strawberry.field(description="Events in the order they were published, 20 a page by default.")
    async def events(
        self,
        info: Info,
        first: int | None = 20,
        after: str | None = None,
        filter: EventFilterInput | None = None,
    ) -> EventConnection:
        event_filter = None
        if filter is not None:
            event_filter = EventFilter(
                search=filter.search, creator_id=filter.creator_id, joined=filter.joined
            )
        page = await events.list_events(info.context, first=first, after=after, event_filter=event_filter)
        return EventConnection.from_page(page)

    @strawberry.field(description="An event by id.")
    async def event(self, info: Info, id: strawberry.ID) -> EventType | None:
        return EventType(model=await events.get_event(info.context, id))

    @strawberry.field(description="The events the viewer joined, including those it published.")
    async def joined_events(self, info: Info) -> list[EventType]:
        return [EventType(model=event) for event in await events.joined_events(info.context)]

    @strawberry.field(description="Every channel the viewer may read.")
    async def channels(self, info: Info) -> list[ChannelType]:
        return [ChannelType(model=channel) for channel in await channels.list_channels(info.context)]

    @strawberry.field(description="A channel by id, if the viewer may read it.")
    async def channel(self, info: Info, id: strawberry.ID) -> ChannelType | None:
        return ChannelType(model=await channels.get_channel(info.context, id))
