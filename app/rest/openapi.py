"""The OpenAPI 3.0 document of the /v1 shim, served at /v1/openapi.json.

The document is written by hand from the routes in this package. A test checks that it
lists every route and method, and a schemathesis test checks the responses against it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from app.models import columns
from app.resolvers.validation import MAX_IDENTIFIER

Schema = dict[str, Any]

FAILURE_TEXT = {
    400: "Malformed JSON body, invalid field or invalid path parameter; the body names the field.",
    401: "No valid session: send `Authorization: Bearer <token>`.",
    403: "The viewer may not do this.",
    404: "No such id.",
    409: "The change conflicts with the data, such as deleting an event's chat.",
    413: "The request body is larger than the server accepts.",
    415: "The request body is not sent as application/json.",
    429: "Too many failed sign-ins for this email; the Retry-After header gives the seconds to wait.",
    503: "The database or the session store is unreachable; retry later.",
}


def _ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _text(max_length: int, *, nullable: bool = False) -> Schema:
    schema: Schema = {"type": "string", "maxLength": max_length}
    if nullable:
        schema["nullable"] = True
    return schema


def _object(properties: dict[str, Schema], required: list[str], *, closed: bool = False) -> Schema:
    schema: Schema = {"type": "object", "properties": properties, "required": required}
    if closed:
        schema["additionalProperties"] = False
    return schema


ID: Schema = {"type": "integer", "minimum": 1, "maximum": MAX_IDENTIFIER}
TIMESTAMP: Schema = {"type": "string", "format": "date-time"}


def _schemas() -> dict[str, Schema]:
    user_properties = {
        "id": ID,
        "userName": {"type": "string"},
        "firstName": {"type": "string"},
        "lastName": {"type": "string"},
        "photoURL": {"type": "string"},
    }
    return {
        "User": _object(user_properties, list(user_properties), closed=True),
        "NewUser": _object(
            {
                "email": _text(columns.EMAIL_MAX),
                "password": {"type": "string"},
                "passwordConf": {"type": "string"},
                "userName": _text(columns.USER_NAME_MAX),
                "firstName": _text(columns.FIRST_NAME_MAX, nullable=True),
                "lastName": _text(columns.LAST_NAME_MAX, nullable=True),
            },
            ["email", "password", "passwordConf", "userName"],
        ),
        "Credentials": _object(
            {"email": {"type": "string"}, "password": {"type": "string"}}, ["email", "password"]
        ),
        "UserUpdates": _object(
            {
                "id": ID,
                "firstName": _text(columns.FIRST_NAME_MAX, nullable=True),
                "lastName": _text(columns.LAST_NAME_MAX, nullable=True),
            },
            [],
        ),
        "Event": _object(
            {
                "id": ID,
                "title": {"type": "string"},
                "datetime": {"type": "string"},
                "channel": ID,
                "location": {"type": "string"},
                "description": {"type": "string"},
            },
            ["id", "title", "datetime", "channel", "location", "description"],
            closed=True,
        ),
        "NewEvent": _object(
            {
                "title": _text(columns.TITLE_MAX),
                "datetime": {**_text(columns.EVENT_DATETIME_MAX), "example": "2027-01-31T19:30:00+01:00"},
                "location": _text(columns.LOCATION_MAX),
                "description": _text(columns.DESCRIPTION_MAX),
            },
            ["title", "datetime", "location"],
        ),
        "Reference": _object({"id": ID}, ["id"]),
        "Channel": _object(
            {
                "id": ID,
                "name": {"type": "string"},
                "description": {"type": "string", "nullable": True},
                "private": {"type": "boolean"},
                "members": {"type": "array", "items": _ref("User")},
                "createdAt": TIMESTAMP,
                "creator": {**_ref_nullable("User")},
                "editedAt": {**TIMESTAMP, "nullable": True},
            },
            ["id", "name", "description", "private", "members", "createdAt", "creator", "editedAt"],
            closed=True,
        ),
        "NewChannel": _object(
            {
                "name": _text(columns.CHANNEL_NAME_MAX),
                "description": _text(columns.CHANNEL_DESCRIPTION_MAX, nullable=True),
                "private": {"type": "boolean"},
                "members": {"type": "array", "items": _ref("Reference")},
            },
            ["name"],
        ),
        "ChannelChanges": {
            **_object(
                {
                    "name": _text(columns.CHANNEL_NAME_MAX, nullable=True),
                    "description": _text(columns.CHANNEL_DESCRIPTION_MAX, nullable=True),
                },
                [],
            ),
            "description": "At least one of name and description; with neither, the response is 400.",
        },
        "Message": _object(
            {
                "id": ID,
                "channelID": ID,
                "body": {"type": "string"},
                "createdAt": TIMESTAMP,
                "creator": _ref("User"),
                "editedAt": {**TIMESTAMP, "nullable": True},
            },
            ["id", "channelID", "body", "createdAt", "creator", "editedAt"],
            closed=True,
        ),
        "MessageBody": _object({"body": _text(columns.MESSAGE_BODY_MAX)}, ["body"]),
    }


def _ref_nullable(name: str) -> Schema:
    # OpenAPI 3.0 ignores siblings of $ref, so a nullable reference goes through allOf.
    return {"allOf": [_ref(name)], "nullable": True}


def _json(schema: Schema) -> Schema:
    return {"application/json": {"schema": schema}}


PLAIN_TEXT: Schema = {"text/plain": {"schema": {"type": "string"}}}


def _operation(
    summary: str,
    success: tuple[int, str, Schema],
    failures: list[int],
    *,
    body: str | None = None,
    public: bool = False,
    headers: Schema | None = None,
) -> Schema:
    status, description, content = success
    responses: Schema = {str(status): {"description": description, "content": content}}
    if headers is not None:
        responses[str(status)]["headers"] = headers
    codes = {*failures, 503}
    if body is not None:
        codes |= {413, 415}
    if not public:
        codes.add(401)
    for code in sorted(codes):
        responses[str(code)] = {"description": FAILURE_TEXT[code], "content": PLAIN_TEXT}
    operation: Schema = {"summary": summary, "responses": responses}
    if body is not None:
        operation["requestBody"] = {"required": True, "content": _json(_ref(body))}
    if public:
        operation["security"] = []
    return operation


def _path_id(description: str) -> list[Schema]:
    return [{"name": "id", "in": "path", "required": True, "description": description, "schema": ID}]


SESSION_HEADER: Schema = {
    "Authorization": {
        "description": "`Bearer <token>`: send it back in the Authorization header of later requests.",
        "required": True,
        "schema": {"type": "string", "pattern": "^Bearer .+"},
    }
}


def _user_paths() -> dict[str, Schema]:
    user = _json(_ref("User"))
    return {
        "/v1/users": {
            "post": _operation(
                "Create an account and sign it in",
                (201, "The new user; the session token is in the Authorization header.", user),
                [400, 401],
                body="NewUser",
                public=True,
                headers=SESSION_HEADER,
            )
            | {"description": "Invalid or already taken input returns 401, and the body names the field."},
        },
        "/v1/users/me": {
            "get": _operation("Read the signed-in user", (200, "The signed-in user.", user), []),
            "patch": _operation(
                "Update the signed-in user's names",
                (200, "The updated user.", user),
                [400, 403],
                body="UserUpdates",
            ),
        },
        "/v1/users/{id}": {
            "parameters": _path_id("User id."),
            "get": _operation("Read a user", (200, "The user.", user), [400, 404]),
        },
        "/v1/sessions": {
            "post": _operation(
                "Sign in",
                (201, "The user; the session token is in the Authorization header.", user),
                [400, 401, 429],
                body="Credentials",
                public=True,
                headers=SESSION_HEADER,
            )
            | {"description": "A wrong email or password returns 401 `invalid credentials`."},
        },
        "/v1/sessions/mine": {
            "delete": _operation("Sign out", (200, "The text `Signed out`.", PLAIN_TEXT), []),
        },
    }


def _event_paths() -> dict[str, Schema]:
    event = _json(_ref("Event"))
    events = _json({"type": "array", "items": _ref("Event")})
    return {
        "/v1/events": {
            "get": _operation("List every event", (200, "Every event, oldest first.", events), []),
            "post": _operation(
                "Publish an event with its private chat channel",
                (201, "The new event.", event),
                [400],
                body="NewEvent",
            ),
        },
        "/v1/events/join": {
            "get": _operation(
                "List the events the viewer joined", (200, "The joined events, oldest first.", events), []
            ),
            "post": _operation(
                "Join an event and its chat; joining twice changes nothing",
                (201, "The event.", event),
                [400, 404],
                body="Reference",
            ),
        },
    }


def _channel_paths() -> dict[str, Schema]:
    channel = _json(_ref("Channel"))
    message = _json(_ref("Message"))
    before = {
        "name": "before",
        "in": "query",
        "required": False,
        "description": "Return only messages older than this message id.",
        "schema": ID,
    }
    return {
        "/v1/channels": {
            "get": _operation(
                "List the channels the viewer may read",
                (
                    200,
                    "Public channels and the private ones the viewer is a member of.",
                    _json({"type": "array", "items": _ref("Channel")}),
                ),
                [],
            ),
            "post": _operation(
                "Create a channel", (201, "The new channel.", channel), [400], body="NewChannel"
            ),
        },
        "/v1/channels/{id}": {
            "parameters": _path_id("Channel id."),
            "get": {
                **_operation(
                    "Read a channel's messages",
                    (
                        200,
                        "Up to 100 most recent messages, oldest first.",
                        _json({"type": "array", "items": _ref("Message"), "maxItems": 100}),
                    ),
                    [400, 403, 404],
                ),
                "parameters": [before],
            },
            "post": _operation(
                "Post a message", (201, "The new message.", message), [400, 403, 404], body="MessageBody"
            ),
            "patch": _operation(
                "Rename or redescribe a channel (creator only)",
                (200, "The updated channel.", channel),
                [400, 403, 404],
                body="ChannelChanges",
            ),
            "delete": _operation(
                "Delete a channel with its messages (creator only)",
                (200, "A confirmation text.", PLAIN_TEXT),
                [400, 403, 404, 409],
            ),
        },
        "/v1/channels/{id}/members": {
            "parameters": _path_id("Channel id."),
            "post": _operation(
                "Add a user to a channel (creator only)",
                (201, "A confirmation text.", PLAIN_TEXT),
                [400, 403, 404],
                body="Reference",
            ),
            "delete": _operation(
                "Remove a user from a channel (creator only)",
                (200, "A confirmation text.", PLAIN_TEXT),
                [400, 403, 404, 409],
                body="Reference",
            ),
        },
    }


def _message_paths() -> dict[str, Schema]:
    return {
        "/v1/messages/{id}": {
            "parameters": _path_id("Message id."),
            "patch": _operation(
                "Edit one's own message",
                (200, "The updated message.", _json(_ref("Message"))),
                [400, 403, 404],
                body="MessageBody",
            ),
            "delete": _operation(
                "Delete one's own message",
                (200, "A confirmation text.", PLAIN_TEXT),
                [400, 403, 404],
            ),
        },
    }


@lru_cache(maxsize=1)
def document() -> Schema:
    """Return the OpenAPI document; built once, because it never changes while the process runs."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Musician Meetup legacy REST API",
            "version": "1",
            "description": (
                "The /v1 API of the earlier Musician Meetup system, served for old clients. "
                "Errors have plain-text bodies. Changes stream as JSON frames on the WebSocket "
                "/v1/ws, authenticated with `?auth=Bearer%20<token>` or the Authorization header."
            ),
        },
        "paths": _user_paths() | _event_paths() | _channel_paths() | _message_paths(),
        "components": {
            "schemas": _schemas(),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{"bearer": []}],
    }


async def openapi_json(request: Request) -> Response:
    return JSONResponse(document())


def routes() -> list[BaseRoute]:
    return [Route("/v1/openapi.json", openapi_json, methods=["GET"], name="rest:/v1/openapi.json")]
