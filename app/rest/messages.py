"""/v1/messages: editing and deleting one's own chat messages."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute

from app.resolvers import messages
from app.resolvers.context import RequestContext
from app.rest import requests
from app.rest.endpoints import Operation, json_response, resource, text_response
from app.rest.shapes import message_json


async def update_message(request: Request, context: RequestContext) -> Response:
    await context.require_viewer()
    body = await requests.json_object(request)
    message = await messages.update_message(context, request.path_params["id"], requests.string(body, "body"))
    return json_response(await message_json(context, message))


async def delete_message(request: Request, context: RequestContext) -> Response:
    deleted = await messages.delete_message(context, request.path_params["id"])
    return text_response(f"Message {deleted.id} deleted")


def routes() -> list[BaseRoute]:
    return [
        resource(
            "/v1/messages/{id}",
            {"PATCH": Operation(update_message), "DELETE": Operation(delete_message)},
        ),
    ]
