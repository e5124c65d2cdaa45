"""Map errors to the GraphQL error contract: every error gets an `extensions.code`.

Domain errors keep their message and code. Document and variable errors become
BAD_USER_INPUT. Anything else is masked as INTERNAL_SERVER_ERROR, so no stack
trace or SQL reaches a client, and logged with its traceback.
"""

from __future__ import annotations

import logging
import re

from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors
from strawberry.schema.schema import Schema
from strawberry.types import ExecutionContext

from app.errors import DomainError, ErrorCode

logger = logging.getLogger(__name__)

INTERNAL_MESSAGE = "internal server error"
_VARIABLE_NAME = re.compile(r"Variable '\$(\w+)'")


def _field_of(error: GraphQLError) -> str | None:
    match = _VARIABLE_NAME.search(error.message)
    return match.group(1) if match else None


def _located(error: GraphQLError, message: str, extensions: dict[str, object]) -> GraphQLError:
    return GraphQLError(
        message=message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions=extensions,
    )


class ErrorCodes(MaskErrors):
    def __init__(self) -> None:
        super().__init__(error_message=INTERNAL_MESSAGE)

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        return [self._with_code(error) for error in errors]

    def _with_code(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if isinstance(original, DomainError):
            return _located(error, original.message, original.extensions)
        if original is None or isinstance(original, GraphQLError):
            # No original error, or a GraphQLError from graphql-core: the document or its
            # variables are invalid, before any operation ran.
            extensions: dict[str, object] = {"code": ErrorCode.BAD_USER_INPUT.value}
            field = _field_of(error)
            if field is not None:
                extensions["field"] = field
            return _located(error, error.message, extensions)
        return _located(error, INTERNAL_MESSAGE, {"code": ErrorCode.INTERNAL_SERVER_ERROR.value})


class LoggingSchema(Schema):
    """A schema that logs unexpected errors with their traceback and expected ones briefly."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            original = error.original_error
            path = ".".join(str(part) for part in error.path or ())
            if isinstance(original, DomainError):
                logger.info(
                    "graphql.error code=%s path=%s message=%s",
                    original.code.value,
                    path,
                    original.message,
                )
            elif original is None or isinstance(original, GraphQLError):
                logger.info("graphql.invalid_request message=%s", error.message)
            else:
                logger.error("graphql.unexpected_error path=%s", path, exc_info=original)
