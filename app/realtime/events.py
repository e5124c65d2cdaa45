"""The change events that travel over pub/sub, and their JSON encoding."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class ChangeKind(StrEnum):
    MESSAGE_CREATED = "message.created"
    MESSAGE_UPDATED = "message.updated"
    MESSAGE_DELETED = "message.deleted"
    CHANNEL_CREATED = "channel.created"
    CHANNEL_UPDATED = "channel.updated"
    CHANNEL_DELETED = "channel.deleted"
    MEMBER_ADDED = "member.added"
    MEMBER_REMOVED = "member.removed"
    # Not a chat change: it makes every process end the subscriptions of a signed-out session.
    SESSION_ENDED = "session.ended"


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """One committed change.

    `data` contains the changed row as plain JSON values. `audience` is set only when the
    channel is gone by delivery time (a deleted channel): the member ids who could read it,
    or None when it was public. `user_id` names the member added or removed.
    """

    kind: ChangeKind
    channel_id: int | None = None
    data: dict[str, Any] = field(default_factory=dict)
    user_id: int | None = None
    audience: list[int] | None = None
    was_private: bool = False
    session_key: str | None = None

    def encode(self) -> str:
        return json.dumps(
            {
                "kind": self.kind.value,
                "channelId": self.channel_id,
                "data": self.data,
                "userId": self.user_id,
                "audience": self.audience,
                "wasPrivate": self.was_private,
                "sessionKey": self.session_key,
            },
            separators=(",", ":"),
        )

    @classmethod
    def decode(cls, text: str) -> ChangeEvent:
        raw = json.loads(text)
        return cls(
            kind=ChangeKind(raw["kind"]),
            channel_id=raw.get("channelId"),
            data=raw.get("data") or {},
            user_id=raw.get("userId"),
            audience=raw.get("audience"),
            was_private=bool(raw.get("wasPrivate")),
            session_key=raw.get("sessionKey"),
        )
