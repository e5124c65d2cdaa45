"""The JSON shapes of the legacy API, built from models; nested users load through the context's loaders."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from app.models import Channel, Event, Message, User
from app.resolvers.context import RequestContext

JsonObject = dict[str, Any]


def timestamp(value: datetime | None) -> str | None:
    """Format a stored naive UTC time as ISO 8601 with an explicit +00:00 offset."""
    if value is None:
        return None
    aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return aware.isoformat()


def user_json(user: User) -> JsonObject:
    """Return the public user shape, which never carries the email or the password hash."""
    return {
        "id": user.id,
        "userName": user.user_name,
        "firstName": user.first_name or "",
        "lastName": user.last_name or "",
        "photoURL": user.photo_url,
    }


def event_json(event: Event) -> JsonObject:
    return {
        "id": event.id,
        "title": event.title,
        "datetime": event.date_time,
        "channel": event.channel_id,
        "location": event.location,
        "description": event.description,
    }


async def _optional_user(context: RequestContext, user_id: int | None) -> JsonObject | None:
    if user_id is None:
        return None
    user = await context.loaders.user.load(user_id)
    return user_json(user) if user is not None else None


async def channel_json(context: RequestContext, channel: Channel) -> JsonObject:
    members, creator = await asyncio.gather(
        context.loaders.members(channel.id or 0),
        _optional_user(context, channel.creator_id),
    )
    return {
        "id": channel.id,
        "name": channel.name,
        "description": channel.description,
        "private": channel.private,
        "members": [user_json(member) for member in members],
        "createdAt": timestamp(channel.created_at),
        "creator": creator,
        "editedAt": timestamp(channel.edited_at),
    }


async def channels_json(context: RequestContext, channels: list[Channel]) -> list[JsonObject]:
    # Gathering lets the loaders fetch every channel's members and creator in one batch.
    return list(await asyncio.gather(*(channel_json(context, channel) for channel in channels)))


async def message_json(context: RequestContext, message: Message) -> JsonObject:
    return {
        "id": message.id,
        "channelID": message.channel_id,
        "body": message.body,
        "createdAt": timestamp(message.created_at),
        "creator": await _optional_user(context, message.creator_id),
        "editedAt": timestamp(message.edited_at),
    }


async def messages_json(context: RequestContext, messages: list[Message]) -> list[JsonObject]:
    return list(await asyncio.gather(*(message_json(context, message) for message in messages)))
