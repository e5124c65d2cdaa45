"""Convert change events into the JSON frames of the legacy /v1/ws feed."""

from __future__ import annotations

from typing import Any

from app.realtime.events import ChangeEvent, ChangeKind
from app.resolvers.context import RequestContext
from app.resolvers.snapshots import channel_from_snapshot, message_from_snapshot
from app.rest.shapes import channel_json, message_json

Frame = dict[str, Any]

MESSAGE_FRAME_TYPES = {
    ChangeKind.MESSAGE_CREATED: "message-new",
    ChangeKind.MESSAGE_UPDATED: "message-update",
}
CHANNEL_FRAME_TYPES = {
    ChangeKind.CHANNEL_CREATED: "channel-new",
    ChangeKind.CHANNEL_UPDATED: "channel-update",
}


async def frame_for(context: RequestContext, viewer_id: int, event: ChangeEvent) -> Frame | None:
    """Return the frame a viewer receives for an event, or None when the feed has no frame for it.

    The feed has no membership frames, so a membership change is sent as the channel
    changing: `channel-update` for those who keep reading it, `channel-new` for a user
    added to a private channel, and `channel-delete` for a user removed from one.
    """
    if event.kind in MESSAGE_FRAME_TYPES:
        message = message_from_snapshot(event.data)
        return {"type": MESSAGE_FRAME_TYPES[event.kind], "message": await message_json(context, message)}
    if event.kind is ChangeKind.MESSAGE_DELETED:
        return {"type": "message-delete", "messageID": event.data.get("id"), "channelID": event.channel_id}
    if event.kind in CHANNEL_FRAME_TYPES:
        channel = channel_from_snapshot(event.data)
        return {"type": CHANNEL_FRAME_TYPES[event.kind], "channel": await channel_json(context, channel)}
    if event.kind is ChangeKind.CHANNEL_DELETED:
        return {"type": "channel-delete", "channelID": event.channel_id}
    if event.kind in (ChangeKind.MEMBER_ADDED, ChangeKind.MEMBER_REMOVED):
        return await _membership_frame(context, viewer_id, event)
    return None


async def _membership_frame(context: RequestContext, viewer_id: int, event: ChangeEvent) -> Frame | None:
    channel = await context.loaders.channel.load(event.channel_id or 0)
    if channel is None:
        return None
    concerns_viewer = event.user_id == viewer_id and channel.private
    if concerns_viewer and event.kind is ChangeKind.MEMBER_REMOVED:
        return {"type": "channel-delete", "channelID": channel.id}
    frame_type = "channel-new" if concerns_viewer else "channel-update"
    return {"type": frame_type, "channel": await channel_json(context, channel)}
