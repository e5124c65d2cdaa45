"""Read JSON request bodies and their fields, raising errors that name the field."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from app.errors import InvalidInput
from app.rest.errors import MalformedBody, UnsupportedMediaType

JsonObject = dict[str, Any]


def _is_json(content_type: str) -> bool:
    media_type = content_type.partition(";")[0].strip().lower()
    return media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


async def json_object(request: Request) -> JsonObject:
    """Return the body as a JSON object; raises UnsupportedMediaType or MalformedBody."""
    content_type = request.headers.get("content-type", "")
    if not _is_json(content_type):
        raise UnsupportedMediaType(
            f"request body must be JSON: send Content-Type: application/json, got {content_type[:60]!r}"
        )
    raw = await request.body()
    try:
        body = json.loads(raw)
    except UnicodeDecodeError as error:
        raise MalformedBody("request body is not valid UTF-8 JSON") from error
    except json.JSONDecodeError as error:
        raise MalformedBody(f"request body is not valid JSON: {error.msg} at position {error.pos}") from error
    if not isinstance(body, dict):
        raise MalformedBody(f"request body must be a JSON object, got {type(body).__name__}")
    return body


def string(body: JsonObject, name: str) -> str:
    """Return a required string field; a missing field reads as empty, so the operation reports it."""
    value = body.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidInput(name, f"{name} must be a string")
    return value


def optional_string(body: JsonObject, name: str) -> str | None:
    value = body.get(name)
    if value is not None and not isinstance(value, str):
        raise InvalidInput(name, f"{name} must be a string or null")
    return value


def boolean(body: JsonObject, name: str, default: bool) -> bool:
    value = body.get(name)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise InvalidInput(name, f"{name} must be true or false")
    return value


def identifier(body: JsonObject, name: str) -> str | int:
    """Return a required id field as sent (an integer or a string of digits) for the operation to check."""
    value = body.get(name)
    if value is None:
        raise InvalidInput(name, f"{name} is required")
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise InvalidInput(name, f"{name} must be a positive integer id")
    return value


def member_ids(body: JsonObject, name: str) -> list[str | int]:
    """Return the ids of a list of user objects such as `[{"id": 3}]`; a missing list is empty."""
    value = body.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidInput(name, f'{name} must be a list of users such as [{{"id": 3}}]')
    ids: list[str | int] = []
    for member in value:
        member_id = member.get("id") if isinstance(member, dict) else None
        if isinstance(member_id, bool) or not isinstance(member_id, int | str):
            raise InvalidInput(name, f'{name} must be a list of users such as [{{"id": 3}}]')
        ids.append(member_id)
    return ids
