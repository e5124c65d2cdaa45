"""REST and /v1/ws clients that behave like the earlier system's web client."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Origin

from tests.support.clients import PASSWORD, open_subscriptions, unique_name, wait_for_subscriptions

# Sent as the Origin header only, as a browser on a developer's machine would; no traffic goes there.
BROWSER_ORIGIN = "http://localhost:3000"
USER_KEYS = {"id", "userName", "firstName", "lastName", "photoURL"}
EVENT_KEYS = {"id", "title", "datetime", "channel", "location", "description"}
CHANNEL_KEYS = {"id", "name", "description", "private", "members", "createdAt", "creator", "editedAt"}
MESSAGE_KEYS = {"id", "channelID", "body", "createdAt", "creator", "editedAt"}
UTC_TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$")


@dataclass
class RestClient:
    """One browser tab of the old web client: its token comes from the Authorization response header."""

    base_url: str
    token: str | None = None
    user: dict[str, Any] = field(default_factory=dict)
    email: str = ""
    http: httpx.AsyncClient = field(default_factory=lambda: httpx.AsyncClient(timeout=30.0))

    @property
    def user_id(self) -> int:
        user_id: int = self.user["id"]
        return user_id

    def headers(self) -> dict[str, str]:
        headers = {"Origin": BROWSER_ORIGIN}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    async def send(self, method: str, path: str, body: Any = None, **kwargs: Any) -> httpx.Response:
        """Send a request as this client; `body` goes out as JSON unless None."""
        headers = {**self.headers(), **kwargs.pop("headers", {})}
        if body is not None:
            kwargs["json"] = body
        return await self.http.request(method, f"{self.base_url}{path}", headers=headers, **kwargs)

    async def ok(self, method: str, path: str, body: Any = None, *, status: int = 200) -> Any:
        """Send a request, assert that its response has `status`, and return the JSON body."""
        response = await self.send(method, path, body)
        assert response.status_code == status, f"{method} {path}: {response.status_code} {response.text}"
        return response.json()

    async def aclose(self) -> None:
        await self.http.aclose()


def token_from(response: httpx.Response) -> str:
    scheme, _, token = response.headers["authorization"].partition(" ")
    assert scheme == "Bearer", response.headers["authorization"]
    return token


def new_user_body(user_name: str) -> dict[str, str]:
    return {
        "email": f"{user_name}@example.com",
        "password": PASSWORD,
        "passwordConf": PASSWORD,
        "userName": user_name,
        "firstName": user_name.title(),
        "lastName": "Tester",
    }


async def rest_sign_up(base_url: str, name: str | None = None) -> RestClient:
    """Create an account through POST /v1/users and return a client holding its token."""
    client = RestClient(base_url)
    body = new_user_body(name or unique_name("rest"))
    response = await client.send("POST", "/v1/users", body)
    assert response.status_code == 201, response.text
    client.token = token_from(response)
    client.user = response.json()
    client.email = body["email"]
    return client


async def create_event(client: RestClient, title: str = "Friday jam") -> dict[str, Any]:
    event: dict[str, Any] = await client.ok(
        "POST",
        "/v1/events",
        {
            "title": title,
            "datetime": "2027-01-08T20:00:00+01:00",
            "location": "Rehearsal room 3",
            "description": "Standards in B flat",
        },
        status=201,
    )
    return event


async def create_channel(client: RestClient, name: str = "brass", **fields: Any) -> dict[str, Any]:
    channel: dict[str, Any] = await client.ok("POST", "/v1/channels", {"name": name, **fields}, status=201)
    return channel


async def post_message(client: RestClient, channel_id: int, body: str = "hello") -> dict[str, Any]:
    message: dict[str, Any] = await client.ok(
        "POST", f"/v1/channels/{channel_id}", {"body": body}, status=201
    )
    return message


def assert_user(shape: dict[str, Any], client: RestClient) -> None:
    """Check a user object field by field against the account the client signed up."""
    assert set(shape) == USER_KEYS
    assert shape["id"] == client.user_id
    assert shape["userName"] == client.user["userName"]
    assert shape["firstName"] == client.user["firstName"]
    assert shape["lastName"] == client.user["lastName"]
    assert shape["photoURL"].startswith("https://www.gravatar.com/avatar/")


def assert_plain_text(response: httpx.Response, *, contains: str) -> None:
    assert response.headers["content-type"].startswith("text/plain"), response.headers["content-type"]
    assert contains in response.text, response.text


class Feed:
    """An open /v1/ws connection."""

    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection

    async def next_frame(self, timeout: float = 5.0) -> dict[str, Any]:
        frame: dict[str, Any] = json.loads(await asyncio.wait_for(self.connection.recv(), timeout=timeout))
        return frame

    async def expect_silence(self, seconds: float = 0.5) -> None:
        try:
            raw = await asyncio.wait_for(self.connection.recv(), timeout=seconds)
        except TimeoutError:
            return
        raise AssertionError(f"expected no frame, received {raw!r}")


def feed_url(ws_url: str, token: str | None) -> str:
    if token is None:
        return f"{ws_url}/v1/ws"
    return f"{ws_url}/v1/ws?auth={quote('Bearer ' + token)}"


@asynccontextmanager
async def open_feed(
    base_url: str,
    ws_url: str,
    token: str | None,
    *,
    via_header: bool = False,
    origin: str | None = None,
) -> AsyncIterator[Feed]:
    """Open /v1/ws with the token in `?auth=` (or the header) and wait until the server has subscribed it."""
    before = await open_subscriptions(base_url)
    headers = {"Authorization": f"Bearer {token}"} if via_header and token else None
    url = feed_url(ws_url, None if via_header else token)
    async with connect(
        url, additional_headers=headers, origin=Origin(origin) if origin else None
    ) as connection:
        await wait_for_subscriptions(base_url, before + 1)
        yield Feed(connection)
