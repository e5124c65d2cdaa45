"""The Mutation root: each field adapts arguments, calls one operation and wraps its result."""

from __future__ import annotations

import strawberry

from app.resolvers import channels, events, messages, users
from app.resolvers.channels import ChannelChanges, NewChannel
from app.resolvers.events import NewEvent
from app.resolvers.users import NewUser
from app.schema.context import Info
from app.schema.inputs import (
    CreateChannelInput,
    CreateEventInput,
    SignUpInput,
    UpdateChannelInput,
    UpdateMeInput,
)
from app.schema.types import AuthPayload, ChannelType, EventType, MessageType, UserType


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Create an account and sign it in.")
    async def sign_up(self, info: Info, input: SignUpInput) -> AuthPayload:
        signed_in = await users.sign_up(
            info.context,
            NewUser(
                email=input.email,
                password=input.password,
                password_conf=input.password_conf,
                user_name=input.user_name,
                first_name=input.first_name,
                last_name=input.last_name,
            ),
        )
        return AuthPayload(token=signed_in.token, user=UserType(model=signed_in.user))

    @strawberry.mutation(description="Start a session; any failure reports only 'invalid credentials'.")
    async def sign_in(self, info: Info, email: str, password: str) -> AuthPayload:
        signed_in = await users.sign_in(info.context, email, password)
        return AuthPayload(token=signed_in.token, user=UserType(model=signed_in.user))

    @strawberry.mutation(description="End the viewer's session and the subscriptions opened with it.")
    async def sign_out(self, info: Info) -> bool:
        return await users.sign_out(info.context)

    @strawberry.mutation(description="Change the viewer's names.")
    async def update_me(self, info: Info, input: UpdateMeInput) -> UserType:
        user = await users.update_me(info.context, input.first_name, input.last_name)
        return UserType(model=user)

    @strawberry.mutation(
        description="Publish an event with its private chat; the creator is its first attendee."
    )
    async def create_event(self, info: Info, input: CreateEventInput) -> EventType:
        event = await events.create_event(
            info.context,
            NewEvent(
                title=input.title,
                date_time=input.date_time,
                location=input.location,
                description=input.description,
            ),
        )
        return EventType(model=event)

    @strawberry.mutation(description="Join an event and its chat; joining twice changes nothing.")
    async def join_event(self, info: Info, event_id: strawberry.ID) -> EventType:
        return EventType(model=await events.join_event(info.context, event_id))

    @strawberry.mutation(description="Leave an event and its chat; its creator cannot.")
    async def leave_event(self, info: Info, event_id: strawberry.ID) -> EventType:
        return EventType(model=await events.leave_event(info.context, event_id))

    @strawberry.mutation(description="Create a channel; the viewer is its creator and a member.")
    async def create_channel(self, info: Info, input: CreateChannelInput) -> ChannelType:
        channel = await channels.create_channel(
            info.context,
            NewChannel(
                name=input.name,
                description=input.description,
                private=input.private,
                member_ids=list(input.member_ids),
            ),
        )
        return ChannelType(model=channel)

    @strawberry.mutation(description="Rename or redescribe a channel; only its creator may.")
    async def update_channel(self, info: Info, id: strawberry.ID, input: UpdateChannelInput) -> ChannelType:
        channel = await channels.update_channel(
            info.context, id, ChannelChanges(name=input.name, description=input.description)
        )
        return ChannelType(model=channel)

    @strawberry.mutation(description="Delete a channel and its messages; only its creator may.")
    async def delete_channel(self, info: Info, id: strawberry.ID) -> strawberry.ID:
        return strawberry.ID(str(await channels.delete_channel(info.context, id)))

    @strawberry.mutation(description="Add a member to a channel; only its creator may.")
    async def add_channel_member(
        self, info: Info, channel_id: strawberry.ID, user_id: strawberry.ID
    ) -> ChannelType:
        return ChannelType(model=await channels.add_member(info.context, channel_id, user_id))

    @strawberry.mutation(description="Remove a member from a channel; only its creator may.")
    async def remove_channel_member(
        self, info: Info, channel_id: strawberry.ID, user_id: strawberry.ID
    ) -> ChannelType:
        return ChannelType(model=await channels.remove_member(info.context, channel_id, user_id))

    @strawberry.mutation(description="Post a message to a channel the viewer may read.")
    async def post_message(self, info: Info, channel_id: strawberry.ID, body: str) -> MessageType:
        return MessageType(model=await messages.post_message(info.context, channel_id, body))

    @strawberry.mutation(description="Edit one of the viewer's messages.")
    async def update_message(self, info: Info, id: strawberry.ID, body: str) -> MessageType:
        return MessageType(model=await messages.update_message(info.context, id, body))

    @strawberry.mutation(description="Delete one of the viewer's messages.")
    async def delete_message(self, info: Info, id: strawberry.ID) -> strawberry.ID:
        message = await messages.delete_message(info.context, id)
        return strawberry.ID(str(message.id))
