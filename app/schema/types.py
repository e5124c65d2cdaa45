"""GraphQL object types: thin wrappers that read models and load nested rows through loaders."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import strawberry

from app import models
from app.resolvers import events as event_operations
from app.resolvers import messages as message_operations
from app.resolvers.pagination import Page
from app.schema.context import Info


def utc(value: datetime) -> datetime:
    """Attach UTC to a stored naive timestamp, so it is sent with an explicit offset."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def optional_utc(value: datetime | None) -> datetime | None:
    return utc(value) if value is not None else None


@strawberry.type(description="Where a page of a connection sits in the whole list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether more items follow this page.")
    has_previous_page: bool = strawberry.field(description="Whether items come before this page.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first item on this page.")
    end_cursor: str | None = strawberry.field(description="Cursor of the last item on this page.")


def page_info(page: Page[object]) -> PageInfo:
    return PageInfo(
        has_next_page=page.has_next_page,
        has_previous_page=page.has_previous_page,
        start_cursor=page.cursors[0] if page.cursors else None,
        end_cursor=page.cursors[-1] if page.cursors else None,
    )


@strawberry.type(name="User", description="A musician with an account.")
class UserType:
    model: strawberry.Private[models.User]

    @strawberry.field(description="The user's id.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self.model.id))

    @strawberry.field(description="Unique handle, without spaces.")
    def user_name(self) -> str:
        return self.model.user_name

    @strawberry.field(description="Given name; empty when not set.")
    def first_name(self) -> str:
        return self.model.first_name or ""

    @strawberry.field(description="Family name; empty when not set.")
    def last_name(self) -> str:
        return self.model.last_name or ""

    @strawberry.field(
        name="photoURL",
        description="Gravatar image address, from the MD5 of the trimmed, lower-cased email.",
    )
    def photo_url(self) -> str:
        return self.model.photo_url

    @strawberry.field(description="Email address: the viewer's own only, null for anyone else.")
    async def email(self, info: Info) -> str | None:
        return self.model.email if await info.context.viewer_id() == self.model.id else None


def user_type(model: models.User | None) -> UserType | None:
    return UserType(model=model) if model is not None else None


@strawberry.type(name="UserEdge", description="A user in a page of users.")
class UserEdge:
    cursor: str = strawberry.field(description="Opaque position of this user in the list.")
    node: UserType = strawberry.field(description="The user.")


@strawberry.type(name="UserConnection", description="A page of users.")
class UserConnection:
    edges: list[UserEdge] = strawberry.field(description="The users of this page.")
    page_info: PageInfo = strawberry.field(description="Where this page sits.")
    total_count: int = strawberry.field(description="How many users the whole list has.")

    @classmethod
    def from_page(cls, page: Page[models.User]) -> UserConnection:
        edges = [
            UserEdge(cursor=cursor, node=UserType(model=user))
            for user, cursor in zip(page.items, page.cursors, strict=True)
        ]
        return cls(edges=edges, page_info=page_info(page), total_count=page.total_count)  # type: ignore[arg-type]


@strawberry.type(name="Message", description="A chat message.")
class MessageType:
    model: strawberry.Private[models.Message]

    @strawberry.field(description="The message's id.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self.model.id))

    @strawberry.field(description="Id of the channel the message was posted to.")
    def channel_id(self) -> strawberry.ID:
        return strawberry.ID(str(self.model.channel_id))

    @strawberry.field(description="The channel the message was posted to.")
    async def channel(self, info: Info) -> Annotated[ChannelType, strawberry.lazy("app.schema.types")]:
        channel = await info.context.loaders.channel.load(self.model.channel_id)
        if channel is None:
            raise LookupError(f"channel {self.model.channel_id} of message {self.model.id} is gone")
        return ChannelType(model=channel)

    @strawberry.field(description="The text of the message.")
    def body(self) -> str:
        return self.model.body

    @strawberry.field(description="When the message was posted, in UTC.")
    def created_at(self) -> datetime:
        return utc(self.model.created_at)

    @strawberry.field(description="When the message was last edited, in UTC; null if never.")
    def edited_at(self) -> datetime | None:
        return optional_utc(self.model.edited_at)

    @strawberry.field(description="Who posted the message.")
    async def creator(self, info: Info) -> UserType:
        user = await info.context.loaders.user.load(self.model.creator_id)
        if user is None:
            raise LookupError(f"creator {self.model.creator_id} of message {self.model.id} is gone")
        return UserType(model=user)


@strawberry.type(name="MessageEdge", description="A message in a page of messages.")
class MessageEdge:
    cursor: str = strawberry.field(description="Opaque position of this message in the channel.")
    node: MessageType = strawberry.field(description="The message.")


@strawberry.type(name="MessageConnection", description="A page of messages, oldest first.")
class MessageConnection:
    edges: list[MessageEdge] = strawberry.field(description="The messages of this page.")
    page_info: PageInfo = strawberry.field(description="Where this page sits.")
    total_count: int = strawberry.field(description="How many messages the channel has.")

    @classmethod
    def from_page(cls, page: Page[models.Message]) -> MessageConnection:
        edges = [
            MessageEdge(cursor=cursor, node=MessageType(model=message))
            for message, cursor in zip(page.items, page.cursors, strict=True)
        ]
        return cls(edges=edges, page_info=page_info(page), total_count=page.total_count)  # type: ignore[arg-type]


@strawberry.type(name="Channel", description="A chat channel: public, or private to its members.")
class ChannelType:
    model: strawberry.Private[models.Channel]

    @strawberry.field(description="The channel's id.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self.model.id))

    @strawberry.field(description="The channel's name.")
    def name(self) -> str:
        return self.model.name

    @strawberry.field(description="What the channel is for.")
    def description(self) -> str | None:
        return self.model.description

    @strawberry.field(description="Whether only members may read and post.")
    def private(self) -> bool:
        return self.model.private

    @strawberry.field(description="When the channel was created, in UTC.")
    def created_at(self) -> datetime:
        return utc(self.model.created_at)

    @strawberry.field(description="When the channel was last changed, in UTC; null if never.")
    def edited_at(self) -> datetime | None:
        return optional_utc(self.model.edited_at)

    @strawberry.field(description="Who created the channel; null for the General channel.")
    async def creator(self, info: Info) -> UserType | None:
        if self.model.creator_id is None:
            return None
        return user_type(await info.context.loaders.user.load(self.model.creator_id))

    @strawberry.field(description="The channel's members, in the order they were added.")
    async def members(self, info: Info) -> list[UserType]:
        users = await info.context.loaders.members(self.model.id or 0)
        return [UserType(model=user) for user in users]

    @strawberry.field(description="The event whose chat this is; null for other channels.")
    async def event(self, info: Info) -> Annotated[EventType, strawberry.lazy("app.schema.types")] | None:
        event = await info.context.loaders.event_by_channel.load(self.model.id or 0)
        return EventType(model=event) if event is not None else None

    @strawberry.field(description="Whether the viewer is a member.")
    async def viewer_is_member(self, info: Info) -> bool:
        viewer_id = await info.context.viewer_id()
        return viewer_id in await info.context.loaders.member_ids.load(self.model.id or 0)

    @strawberry.field(
        description=(
            "Messages, oldest first. With no arguments: the 100 most recent. `last`/`before` page "
            "backwards; `first`/`after` page forwards, as a client catching up after a reconnect does."
        )
    )
    async def messages(
        self,
        info: Info,
        last: Annotated[int | None, strawberry.argument(description="How many, at most 100.")] = 100,
        before: Annotated[
            str | None, strawberry.argument(description="Only messages older than this cursor.")
        ] = None,
        first: Annotated[
            int | None, strawberry.argument(description="How many, at most 100, reading forwards.")
        ] = None,
        after: Annotated[
            str | None, strawberry.argument(description="Only messages newer than this cursor.")
        ] = None,
    ) -> MessageConnection:
        page = await message_operations.history(
            info.context, self.model.id or 0, last=last, before=before, first=first, after=after
        )
        return MessageConnection.from_page(page)


@strawberry.type(name="Event", description="A meetup that musicians can join.")
class EventType:
    model: strawberry.Private[models.Event]

    @strawberry.field(description="The event's id.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(str(self.model.id))

    @strawberry.field(description="The event's title.")
    def title(self) -> str:
        return self.model.title

    @strawberry.field(description="When the event takes place: an ISO 8601 date-time as entered.")
    def date_time(self) -> str:
        return self.model.date_time

    @strawberry.field(description="Where the event takes place.")
    def location(self) -> str:
        return self.model.location

    @strawberry.field(description="What the event is about.")
    def description(self) -> str:
        return self.model.description

    @strawberry.field(description="Who published the event; null for events adopted from the earlier system.")
    async def creator(self, info: Info) -> UserType | None:
        if self.model.creator_id is None:
            return None
        return user_type(await info.context.loaders.user.load(self.model.creator_id))

    @strawberry.field(description="The event's chat, private to its attendees.")
    async def channel(self, info: Info) -> ChannelType:
        channel = await info.context.loaders.channel.load(self.model.channel_id)
        if channel is None:
            raise LookupError(f"channel {self.model.channel_id} of event {self.model.id} is gone")
        return ChannelType(model=channel)

    @strawberry.field(description="Who joined the event, the creator first.")
    async def attendees(
        self,
        info: Info,
        first: Annotated[int | None, strawberry.argument(description="How many, at most 100.")] = 50,
        after: Annotated[
            str | None, strawberry.argument(description="Only attendees after this cursor.")
        ] = None,
    ) -> UserConnection:
        page = await event_operations.attendees(info.context, self.model.id or 0, first=first, after=after)
        return UserConnection.from_page(page)

    @strawberry.field(description="How many users joined the event, the creator included.")
    async def attendee_count(self, info: Info) -> int:
        return await info.context.loaders.attendee_count.load(self.model.id or 0)

    @strawberry.field(description="Whether the viewer joined the event.")
    async def viewer_has_joined(self, info: Info) -> bool:
        return await info.context.loaders.viewer_joined.load(self.model.id or 0)


@strawberry.type(name="EventEdge", description="An event in a page of events.")
class EventEdge:
    cursor: str = strawberry.field(description="Opaque position of this event in the list.")
    node: EventType = strawberry.field(description="The event.")


@strawberry.type(name="EventConnection", description="A page of events, in the order they were published.")
class EventConnection:
    edges: list[EventEdge] = strawberry.field(description="The events of this page.")
    page_info: PageInfo = strawberry.field(description="Where this page sits.")
    total_count: int = strawberry.field(description="How many events match, on all pages.")

    @classmethod
    def from_page(cls, page: Page[models.Event]) -> EventConnection:
        edges = [
            EventEdge(cursor=cursor, node=EventType(model=event))
            for event, cursor in zip(page.items, page.cursors, strict=True)
        ]
        return cls(edges=edges, page_info=page_info(page), total_count=page.total_count)  # type: ignore[arg-type]


@strawberry.type(description="A session token and the user it signs in.")
class AuthPayload:
    token: str = strawberry.field(description="Send as `Authorization: Bearer <token>`.")
    user: UserType = strawberry.field(description="The signed-in user.")
