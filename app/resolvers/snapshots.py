"""Rows as JSON values for change events, and back, so subscribers need not re-read them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.models import Channel, Message


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_time(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None


def channel_snapshot(channel: Channel) -> dict[str, Any]:
    return {
        "id": channel.id,
        "name": channel.name,
        "description": channel.description,
        "private": channel.private,
        "createdAt": _time(channel.created_at),
        "creatorId": channel.creator_id,
        "editedAt": _time(channel.edited_at),
    }


def channel_from_snapshot(data: dict[str, Any]) -> Channel:
    return Channel(
        id=data["id"],
        name=data["name"],
        description=data.get("description"),
        private=bool(data["private"]),
        created_at=_parse_time(data.get("createdAt")) or datetime.min,
        creator_id=data.get("creatorId"),
        edited_at=_parse_time(data.get("editedAt")),
    )


def message_snapshot(message: Message) -> dict[str, Any]:
    return {
        "id": message.id,
        "channelId": message.channel_id,
        "body": message.body,
        "createdAt": _time(message.created_at),
        "creatorId": message.creator_id,
        "editedAt": _time(message.edited_at),
    }


def message_from_snapshot(data: dict[str, Any]) -> Message:
    return Message(
        id=data["id"],
        channel_id=data["channelId"],
        body=data["body"],
        created_at=_parse_time(data.get("createdAt")) or datetime.min,
        creator_id=data["creatorId"],
        edited_at=_parse_time(data.get("editedAt")),
    )
