"""/v1/channels: channels, their message history and their members."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute

from app.resolvers import channels, messages, validation
from app.resolvers.context import RequestContext
from app.resolvers.messages import MESSAGE_CURSOR
from app.resolvers.pagination import encode_cursor
from app.rest import requests
from app.rest.endpoints import Operation, json_response, resource, text_response
from app.rest.errors import ErrorMapping
from app.rest.shapes import channel_json, channels_json, message_json, messages_json

CREATE_ERRORS = ErrorMapping(field_names={"memberIds": "members"})
PATH_ERRORS = ErrorMapping(field_names={"channelId": "id"})
MEMBER_ERRORS = ErrorMapping(field_names={"userId": "id"})


def _channel_id(request: Request) -> int:
    return validation.identifier("id", request.path_params["id"])


async def list_channels(request: Request, context: RequestContext) -> Response:
    return json_response(await channels_json(context, await channels.list_channels(context)))


async def create_channel(request: Request, context: RequestContext) -> Response:
    await context.require_viewer()
    body = await requests.json_object(request)
    new_channel = channels.NewChannel(
        name=requests.string(body, "name"),
        description=requests.optional_string(body, "description"),
        private=requests.boolean(body, "private", default=False),
        member_ids=requests.member_ids(body, "members"),
    )
    channel = await channels.create_channel(context, new_channel)
    return json_response(await channel_json(context, channel), status_code=201)


async def channel_history(request: Request, context: RequestContext) -> Response:
    await context.require_viewer()
    channel_id = _channel_id(request)
    raw_before = request.query_params.get("before")
    before = None
    if raw_before is not None:
        before = encode_cursor(MESSAGE_CURSOR, validation.identifier("before", raw_before))
    page = await messages.history(context, channel_id, before=before)
    return json_response(await messages_json(context, page.items))


async def post_message(request: Request, context: RequestContext) -> Response:
    await context.require_viewer()
    channel_id = _channel_id(request)
    body = await requests.json_object(request)
    message = await messages.post_message(context, channel_id, requests.string(body, "body"))
    return json_response(await message_json(context, message), status_code=201)


async def update_channel(request: Request, context: RequestContext) -> Response:
    await context.require_viewer()
    channel_id = _channel_id(request)
    body = await requests.json_object(request)
    changes = channels.ChannelChanges(
        name=requests.optional_string(body, "name"),
        description=requests.optional_string(body, "description"),
    )
    channel = await channels.update_channel(context, channel_id, changes)
    return json_response(await channel_json(context, channel))


async def delete_channel(request: Request, context: RequestContext) -> Response:
    deleted = await channels.delete_channel(context, request.path_params["id"])
    return text_response(f"Channel {deleted} deleted")


async def _member_request(request: Request, context: RequestContext) -> tuple[int, int]:
    await context.require_viewer()
    channel_id = _channel_id(request)
    body = await requests.json_object(request)
    return channel_id, validation.identifier("id", requests.identifier(body, "id"))


async def add_member(request: Request, context: RequestContext) -> Response:
    channel_id, user_id = await _member_request(request, context)
    await channels.add_member(context, channel_id, user_id)
    return text_response(f"User {user_id} added to channel {channel_id}", status_code=201)


async def remove_member(request: Request, context: RequestContext) -> Response:
    channel_id, user_id = await _member_request(request, context)
    await channels.remove_member(context, channel_id, user_id)
    return text_response(f"User {user_id} removed from channel {channel_id}")


def routes() -> list[BaseRoute]:
    return [
        resource(
            "/v1/channels",
            {"GET": Operation(list_channels), "POST": Operation(create_channel, CREATE_ERRORS)},
        ),
        resource(
            "/v1/channels/{id}",
            {
                "GET": Operation(channel_history),
                "POST": Operation(post_message, PATH_ERRORS),
                "PATCH": Operation(update_channel),
                "DELETE": Operation(delete_channel),
            },
        ),
        resource(
            "/v1/channels/{id}/members",
            {"POST": Operation(add_member, MEMBER_ERRORS), "DELETE": Operation(remove_member, MEMBER_ERRORS)},
        ),
    ]
