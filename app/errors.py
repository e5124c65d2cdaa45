"""Domain errors raised by the operations layer.

Each error carries a code. The GraphQL schema and the REST shim map codes to
`extensions.code` and to HTTP statuses in one table each.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    BAD_USER_INPUT = "BAD_USER_INPUT"
    CONFLICT = "CONFLICT"
    RATE_LIMITED = "RATE_LIMITED"
    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"


class DomainError(Exception):
    """Root of every expected error. GraphQL clients receive `extensions` beside the message."""

    code: ErrorCode = ErrorCode.INTERNAL_SERVER_ERROR

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    @property
    def extensions(self) -> dict[str, Any]:
        extensions: dict[str, Any] = {"code": self.code.value}
        if self.field is not None:
            extensions["field"] = self.field
        return extensions


class NotAuthenticated(DomainError):
    code = ErrorCode.UNAUTHENTICATED

    def __init__(self, message: str = "authentication required: send a valid session token") -> None:
        super().__init__(message)


class InvalidCredentials(DomainError):
    code = ErrorCode.UNAUTHENTICATED

    def __init__(self) -> None:
        super().__init__("invalid credentials")


class Forbidden(DomainError):
    code = ErrorCode.FORBIDDEN


class NotFound(DomainError):
    code = ErrorCode.NOT_FOUND


class InvalidInput(DomainError):
    """Input that fails validation; `field` names the offending input field."""

    code = ErrorCode.BAD_USER_INPUT

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message, field=field)


class Conflict(DomainError):
    code = ErrorCode.CONFLICT


class RateLimited(DomainError):
    """Too many attempts; `retry_after` is the number of seconds to wait, when known."""

    code = ErrorCode.RATE_LIMITED

    def __init__(self, message: str, *, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ServiceUnavailable(DomainError):
    """A backing service (the database or Redis) cannot be reached; the request may be retried."""

    code = ErrorCode.INTERNAL_SERVER_ERROR


class SubscriptionEnded(DomainError):
    """A live subscription that the server ended; the message gives the reason and the next step."""

    def __init__(self, message: str, code: ErrorCode) -> None:
        super().__init__(message)
        self.code = code
