"""The Subscription root and the ChatEvent union."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry

from app.realtime.events import ChangeEvent, ChangeKind
from app.resolvers import subscriptions
from app.resolvers.snapshots import channel_from_snapshot, message_from_snapshot
from app.schema.context import Info
from app.schema.types import ChannelType, MessageType, UserType


@strawberry.type(description="A message was posted.")
class MessageCreated:
    message: MessageType = strawberry.field(description="The new message.")


@strawberry.type(description="A message was edited.")
class MessageUpdated:
    message: MessageType = strawberry.field(description="The message as edited.")


@strawberry.type(description="A message was deleted.")
class MessageDeleted:
    message_id: strawberry.ID = strawberry.field(description="Id of the deleted message.")
    channel_id: strawberry.ID = strawberry.field(description="Id of its channel.")


@strawberry.type(description="A channel the viewer may read was created.")
class ChannelCreated:
    channel: ChannelType = strawberry.field(description="The new channel.")


@strawberry.type(description="A channel was renamed or redescribed.")
class ChannelUpdated:
    channel: ChannelType = strawberry.field(description="The channel as changed.")


@strawberry.type(description="A channel was deleted with its messages.")
class ChannelDeleted:
    channel_id: strawberry.ID = strawberry.field(description="Id of the deleted channel.")


@strawberry.type(description="A user became a member of a channel.")
class MemberAdded:
    channel_id: strawberry.ID = strawberry.field(description="Id of the channel.")
    user: UserType = strawberry.field(description="The new member.")


@strawberry.type(
    description="A user stopped being a member; sent to the removed user too, as its last event."
)
class MemberRemoved:
    channel_id: strawberry.ID = strawberry.field(description="Id of the channel.")
    user: UserType = strawberry.field(description="The removed member.")


ChatEvent = Annotated[
    MessageCreated
    | MessageUpdated
    | MessageDeleted
    | ChannelCreated
    | ChannelUpdated
    | ChannelDeleted
    | MemberAdded
    | MemberRemoved,
    strawberry.union("ChatEvent", description="One change in a channel the viewer may read."),
]


async def _member(info: Info, event: ChangeEvent) -> UserType:
    user = await info.context.loaders.user.load(event.user_id or 0)
    if user is None:
        raise LookupError(f"user {event.user_id} of a membership change is gone")
    return UserType(model=user)


async def to_chat_event(info: Info, event: ChangeEvent) -> ChatEvent:
    channel_id = strawberry.ID(str(event.channel_id))
    match event.kind:
        case ChangeKind.MESSAGE_CREATED:
            return MessageCreated(message=MessageType(model=message_from_snapshot(event.data)))
        case ChangeKind.MESSAGE_UPDATED:
            return MessageUpdated(message=MessageType(model=message_from_snapshot(event.data)))
        case ChangeKind.MESSAGE_DELETED:
            return MessageDeleted(message_id=strawberry.ID(str(event.data["id"])), channel_id=channel_id)
        case ChangeKind.CHANNEL_CREATED:
            return ChannelCreated(channel=ChannelType(model=channel_from_snapshot(event.data)))
        case ChangeKind.CHANNEL_UPDATED:
            return ChannelUpdated(channel=ChannelType(model=channel_from_snapshot(event.data)))
        case ChangeKind.CHANNEL_DELETED:
            return ChannelDeleted(channel_id=channel_id)
        case ChangeKind.MEMBER_ADDED:
            return MemberAdded(channel_id=channel_id, user=await _member(info, event))
        case ChangeKind.MEMBER_REMOVED:
            return MemberRemoved(channel_id=channel_id, user=await _member(info, event))
    raise ValueError(f"no ChatEvent type for change kind {event.kind}")


@strawberry.type
class Subscription:
    @strawberry.subscription(description="New messages in one channel the viewer may read.")
    async def message_added(self, info: Info, channel_id: strawberry.ID) -> AsyncGenerator[MessageType, None]:
        feed = subscriptions.changes(info.context, channel_id, frozenset({ChangeKind.MESSAGE_CREATED}))
        async for event in feed:
            info.context.reset_loaders()
            yield MessageType(model=message_from_snapshot(event.data))

    @strawberry.subscription(
        description="Every change in the channels the viewer may read, or in one of them."
    )
    async def chat_events(
        self, info: Info, channel_id: strawberry.ID | None = None
    ) -> AsyncGenerator[ChatEvent, None]:
        async for event in subscriptions.changes(info.context, channel_id):
            info.context.reset_loaders()
            yield await to_chat_event(info, event)
