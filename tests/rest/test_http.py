"""What every /v1 response shares: CORS headers, preflights, and plain-text 404, 405 and 413 responses."""

from __future__ import annotations

import httpx
import pytest

from app.errors import (
    Conflict,
    DomainError,
    Forbidden,
    InvalidInput,
    NotAuthenticated,
    NotFound,
    RateLimited,
    ServiceUnavailable,
)
from app.rest.errors import ErrorMapping, MalformedBody, UnsupportedMediaType, message_for, status_for
from tests.rest.support import BROWSER_ORIGIN, RestClient, assert_plain_text
from tests.support.server import ServerProcess

GENERAL_ID = 1


def assert_cors(response: httpx.Response) -> None:
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["access-control-expose-headers"] == "Authorization"


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/v1/events", 200),
        ("GET", "/v1/users/999999", 404),
        ("GET", "/v1/channels/abc", 400),
        ("DELETE", "/v1/sessions/mine", 200),
        ("PUT", "/v1/channels", 405),
        ("GET", "/v1/no-such-route", 404),
    ],
)
async def test_response_carries_cors_headers(
    rest_alice: RestClient, method: str, path: str, status: int
) -> None:
    response = await rest_alice.send(method, path)

    assert response.status_code == status
    assert_cors(response)


async def test_unauthenticated_response_carries_cors_headers(rest_anonymous: RestClient) -> None:
    response = await rest_anonymous.send("GET", "/v1/channels")

    assert response.status_code == 401
    assert_cors(response)


async def test_sign_in_exposes_authorization_header(
    rest_alice: RestClient, rest_anonymous: RestClient
) -> None:
    response = await rest_anonymous.send(
        "POST", "/v1/sessions", {"email": rest_alice.email, "password": "correct horse"}
    )

    assert response.status_code == 201
    assert_cors(response)
    assert response.headers["authorization"].startswith("Bearer ")


@pytest.mark.parametrize("method", ["GET", "PUT", "POST", "PATCH", "DELETE"])
async def test_preflight_is_200_with_allowed_methods_and_headers(
    rest_anonymous: RestClient, method: str
) -> None:
    response = await rest_anonymous.http.options(
        f"{rest_anonymous.base_url}/v1/channels/{GENERAL_ID}",
        headers={
            "Origin": BROWSER_ORIGIN,
            "Access-Control-Request-Method": method,
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )

    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    allowed_methods = {item.strip() for item in response.headers["access-control-allow-methods"].split(",")}
    assert allowed_methods == {"GET", "PUT", "POST", "PATCH", "DELETE"}
    allowed_headers = {
        item.strip().lower() for item in response.headers["access-control-allow-headers"].split(",")
    }
    assert {"authorization", "content-type"} <= allowed_headers


async def test_wrong_method_is_405_plain_text_with_allow(rest_alice: RestClient) -> None:
    response = await rest_alice.send("DELETE", "/v1/events")

    assert response.status_code == 405
    assert_plain_text(response, contains="Method Not Allowed")
    assert {method.strip() for method in response.headers["allow"].split(",")} == {"GET", "HEAD", "POST"}
    assert_cors(response)


async def test_unknown_route_is_404_plain_text(rest_alice: RestClient) -> None:
    response = await rest_alice.send("GET", "/v1/nothing-here")

    assert response.status_code == 404
    assert_plain_text(response, contains="Not Found")


async def test_oversized_body_is_413_plain_text_with_cors(rest_alice: RestClient) -> None:
    oversized = b'{"body": "' + b"x" * 1_100_000 + b'"}'

    response = await rest_alice.send(
        "POST", f"/v1/channels/{GENERAL_ID}", content=oversized, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 413
    assert_plain_text(response, contains="request body is too large")
    assert_cors(response)
    assert await rest_alice.ok("GET", f"/v1/channels/{GENERAL_ID}") == []


async def test_json_content_type_with_charset_is_accepted(rest_alice: RestClient) -> None:
    response = await rest_alice.send(
        "POST",
        f"/v1/channels/{GENERAL_ID}",
        content=b'{"body": "hello"}',
        headers={"Content-Type": "application/json; charset=utf-8"},
    )

    assert response.status_code == 201


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (NotAuthenticated(), 401),
        (Forbidden("no"), 403),
        (NotFound("gone"), 404),
        (InvalidInput("name", "name is required"), 400),
        (Conflict("taken"), 409),
        (RateLimited("slow down"), 429),
        (ServiceUnavailable("the database is unavailable"), 503),
        (DomainError("unexpected"), 500),
        (MalformedBody("not JSON"), 400),
        (UnsupportedMediaType("not JSON"), 415),
    ],
)
def test_error_status_table(error: DomainError, status: int) -> None:
    assert status_for(error) == status


def test_route_mapping_overrides_status_and_renames_field() -> None:
    mapping = ErrorMapping(statuses={InvalidInput.code: 401}, field_names={"dateTime": "datetime"})
    error = InvalidInput("dateTime", "dateTime must be an ISO 8601 date-time")

    assert status_for(error, mapping) == 401
    assert message_for(error, mapping) == "datetime must be an ISO 8601 date-time"
    assert status_for(MalformedBody("not JSON"), mapping) == 400


async def test_response_without_origin_carries_cors_headers(server: ServerProcess) -> None:
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        response = await http.get("/v1/events")

    assert response.status_code == 401
    assert "origin" not in response.request.headers
    assert_cors(response)
    assert response.headers["access-control-allow-methods"] == "GET, PUT, POST, PATCH, DELETE"
    assert response.headers["access-control-allow-headers"] == "Content-Type, Authorization"
