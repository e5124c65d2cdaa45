"""/v1/events: listing, publishing and joining meetup events."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute

from app.models import Event
from app.resolvers import events
from app.resolvers.context import RequestContext
from app.resolvers.pagination import MAX_PAGE_SIZE
from app.rest import requests
from app.rest.endpoints import Operation, json_response, resource
from app.rest.errors import ErrorMapping
from app.rest.shapes import event_json

CREATE_ERRORS = ErrorMapping(field_names={"dateTime": "datetime"})
JOIN_ERRORS = ErrorMapping(field_names={"eventId": "id"})


async def _all_events(context: RequestContext) -> list[Event]:
    # The legacy route returns every event, so read the operation's pages to the end.
    collected: list[Event] = []
    after: str | None = None
    while True:
        page = await events.list_events(context, first=MAX_PAGE_SIZE, after=after)
        collected.extend(page.items)
        if not page.has_next_page or not page.cursors:
            return collected
        after = page.cursors[-1]


async def list_events(request: Request, context: RequestContext) -> Response:
    return json_response([event_json(event) for event in await _all_events(context)])


async def create_event(request: Request, context: RequestContext) -> Response:
    await context.require_viewer()
    body = await requests.json_object(request)
    new_event = events.NewEvent(
        title=requests.string(body, "title"),
        date_time=requests.string(body, "datetime"),
        location=requests.string(body, "location"),
        description=requests.string(body, "description"),
    )
    return json_response(event_json(await events.create_event(context, new_event)), status_code=201)


async def joined_events(request: Request, context: RequestContext) -> Response:
    return json_response([event_json(event) for event in await events.joined_events(context)])


async def join_event(request: Request, context: RequestContext) -> Response:
    await context.require_viewer()
    body = await requests.json_object(request)
    event = await events.join_event(context, requests.identifier(body, "id"))
    return json_response(event_json(event), status_code=201)


def routes() -> list[BaseRoute]:
    return [
        resource(
            "/v1/events",
            {"GET": Operation(list_events), "POST": Operation(create_event, CREATE_ERRORS)},
        ),
        resource(
            "/v1/events/join",
            {"GET": Operation(joined_events), "POST": Operation(join_event, JOIN_ERRORS)},
        ),
    ]
