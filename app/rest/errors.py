"""Turn domain errors into HTTP responses: one status table, plain-text bodies."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

from starlette.responses import PlainTextResponse

from app.errors import DomainError, ErrorCode, RateLimited, ServiceUnavailable

logger = logging.getLogger(__name__)

INTERNAL_MESSAGE = "internal server error"

STATUS_BY_CODE: Mapping[ErrorCode, int] = {
    ErrorCode.UNAUTHENTICATED: 401,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.BAD_USER_INPUT: 400,
    ErrorCode.CONFLICT: 409,
    ErrorCode.RATE_LIMITED: 429,
    ErrorCode.INTERNAL_SERVER_ERROR: 500,
}


class MalformedBody(DomainError):
    """A request body that is not a JSON object. It maps to 400 whatever a route maps input errors to."""

    code = ErrorCode.BAD_USER_INPUT


class UnsupportedMediaType(DomainError):
    """A request body sent without a JSON content type."""

    code = ErrorCode.BAD_USER_INPUT


@dataclass(frozen=True)
class ErrorMapping:
    """The error reporting of one route.

    `statuses` overrides the general table for some codes, where the legacy route
    documents another status. `field_names` renames operation input fields (such as
    `dateTime`) to the names the route's JSON uses (such as `datetime`).
    """

    statuses: Mapping[ErrorCode, int] = field(default_factory=dict)
    field_names: Mapping[str, str] = field(default_factory=dict)


DEFAULT_MAPPING = ErrorMapping()


def status_for(error: DomainError, mapping: ErrorMapping = DEFAULT_MAPPING) -> int:
    """Return the HTTP status of a domain error on a route with this mapping."""
    if isinstance(error, UnsupportedMediaType):
        return 415
    if isinstance(error, MalformedBody):
        return 400
    if isinstance(error, ServiceUnavailable):
        return 503
    return mapping.statuses.get(error.code, STATUS_BY_CODE[error.code])


def message_for(error: DomainError, mapping: ErrorMapping = DEFAULT_MAPPING) -> str:
    """Return the error message, with an operation field name replaced by the route's JSON name."""
    message = error.message
    if error.field is None or error.field not in mapping.field_names:
        return message
    legacy_name = mapping.field_names[error.field]
    if message.startswith(error.field):
        return legacy_name + message[len(error.field) :]
    return f"{legacy_name}: {message}"


def error_response(error: DomainError, mapping: ErrorMapping = DEFAULT_MAPPING) -> PlainTextResponse:
    status = status_for(error, mapping)
    if status >= 500:
        logger.warning("rest.unavailable status=%s message=%s", status, error.message)
    response = PlainTextResponse(message_for(error, mapping), status_code=status)
    if isinstance(error, RateLimited) and error.retry_after is not None:
        response.headers["Retry-After"] = str(error.retry_after)
    return response


def internal_error_response() -> PlainTextResponse:
    return PlainTextResponse(INTERNAL_MESSAGE, status_code=500)
