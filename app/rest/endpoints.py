"""Route plumbing shared by the resources: the request context, error handling, method dispatch."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from app.errors import DomainError
from app.resolvers.context import RequestContext
from app.resolvers.services import Services
from app.rest.errors import DEFAULT_MAPPING, ErrorMapping, error_response, internal_error_response

logger = logging.getLogger(__name__)

Handler = Callable[[Request, RequestContext], Awaitable[Response]]


@dataclass(frozen=True)
class Operation:
    """One method of a route: its handler and how its errors map to statuses."""

    handler: Handler
    errors: ErrorMapping = DEFAULT_MAPPING


def request_context(request: Request) -> RequestContext:
    services: Services = request.app.state.services
    return RequestContext(
        services=services,
        authorization=request.headers.get("authorization"),
        client_ip=request.client.host if request.client else None,
    )


def json_response(content: Any, status_code: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    return JSONResponse(content, status_code=status_code, headers=headers)


def text_response(content: str, status_code: int = 200) -> Response:
    return PlainTextResponse(content, status_code=status_code)


async def _run(operation: Operation, request: Request) -> Response:
    try:
        return await operation.handler(request, request_context(request))
    except DomainError as error:
        logger.info(
            "rest.error method=%s path=%s code=%s field=%s",
            request.method,
            request.url.path,
            error.code.value,
            error.field,
        )
        return error_response(error, operation.errors)
    except Exception:
        logger.exception("rest.unexpected_error method=%s path=%s", request.method, request.url.path)
        return internal_error_response()


def resource(path: str, operations: Mapping[str, Operation]) -> Route:
    """Build one route serving each method in `operations`; Starlette returns 405 for other methods."""

    async def endpoint(request: Request) -> Response:
        # Starlette routes HEAD to every route that has GET.
        method = "GET" if request.method == "HEAD" else request.method
        return await _run(operations[method], request)

    name = "rest:" + path
    return Route(path, endpoint, methods=list(operations), name=name)
