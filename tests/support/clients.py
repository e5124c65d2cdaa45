"""Clients that talk to the server the way real ones do: GraphQL over HTTP and WebSocket."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect

PASSWORD = "correct horse"
_counter = itertools.count(1)


class GraphQLFailure(AssertionError):
    """A response had errors where the test expected data."""


@dataclass
class GraphQLClient:
    base_url: str
    token: str | None = None
    user_id: str | None = None
    user_name: str | None = None
    http: httpx.AsyncClient = field(default_factory=lambda: httpx.AsyncClient(timeout=30.0))

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    async def execute(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send a document and return the whole response body."""
        response = await self.http.post(
            f"{self.base_url}/graphql",
            json={"query": query, "variables": variables or {}},
            headers=self.headers(),
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send a document and return its data, failing the test on any error."""
        body = await self.execute(query, variables)
        if body.get("errors"):
            raise GraphQLFailure(json.dumps(body["errors"], indent=2))
        result: dict[str, Any] = body["data"]
        return result

    async def error(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send a document that must fail and return its first error."""
        body = await self.execute(query, variables)
        assert body.get("errors"), f"expected an error, got {body}"
        first: dict[str, Any] = body["errors"][0]
        return first

    async def aclose(self) -> None:
        await self.http.aclose()


SIGN_UP = """
mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { token user { id userName email } }
}
"""


def unique_name(prefix: str = "user") -> str:
    return f"{prefix}{next(_counter)}"


async def sign_up(base_url: str, name: str | None = None) -> GraphQLClient:
    """Create an account through the API and return a client signed in as it."""
    user_name = name or unique_name()
    client = GraphQLClient(base_url)
    data = await client.data(
        SIGN_UP,
        {
            "input": {
                "email": f"{user_name}@example.com",
                "password": PASSWORD,
                "passwordConf": PASSWORD,
                "userName": user_name,
                "firstName": user_name.title(),
                "lastName": "Tester",
            }
        },
    )
    client.token = data["signUp"]["token"]
    client.user_id = data["signUp"]["user"]["id"]
    client.user_name = user_name
    return client


@dataclass
class Subscription:
    """One subscription over one WebSocket, in either subprotocol."""

    connection: ClientConnection
    protocol: str
    operation_id: str = "1"

    async def next_payload(self, timeout: float = 5.0) -> dict[str, Any]:
        """Return the next result of the subscription, failing on an error or a timeout."""
        while True:
            raw = await asyncio.wait_for(self.connection.recv(), timeout=timeout)
            message = json.loads(raw)
            kind = message.get("type")
            if kind in ("next", "data"):
                payload: dict[str, Any] = message["payload"]
                return payload
            if kind in ("ka", "ping", "pong"):
                continue
            raise AssertionError(f"unexpected {self.protocol} message: {message}")

    async def next_message(self, timeout: float = 5.0) -> dict[str, Any]:
        """Return the next raw protocol message, keep-alives skipped."""
        while True:
            message: dict[str, Any] = json.loads(
                await asyncio.wait_for(self.connection.recv(), timeout=timeout)
            )
            if message.get("type") not in ("ka", "ping", "pong"):
                return message

    async def expect_silence(self, seconds: float = 0.5) -> None:
        """Fail if the subscription receives anything within `seconds`."""
        try:
            raw = await asyncio.wait_for(self.connection.recv(), timeout=seconds)
        except TimeoutError:
            return
        raise AssertionError(f"expected nothing, received {raw!r}")


async def open_subscriptions(base_url: str) -> int:
    """Return how many subscriptions the server process at `base_url` is serving."""
    async with httpx.AsyncClient(timeout=5.0) as http:
        count: int = (await http.get(f"{base_url}/healthz")).json()["subscriptions"]
        return count


async def wait_for_subscriptions(base_url: str, expected: int, timeout: float = 5.0) -> None:
    """Wait until the server serves `expected` subscriptions, so that no event is published too early."""
    deadline = asyncio.get_running_loop().time() + timeout
    while await open_subscriptions(base_url) < expected:
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"the server at {base_url} did not reach {expected} subscriptions")
        await asyncio.sleep(0.02)


@asynccontextmanager
async def subscribe(
    ws_url: str,
    query: str,
    variables: dict[str, Any] | None = None,
    *,
    token: str | None = None,
    protocol: str = "graphql-transport-ws",
    init_payload: dict[str, Any] | None = None,
    registered_at: str | None = None,
) -> AsyncIterator[Subscription]:
    """Open a WebSocket, authenticate in `connection_init` and start one subscription.

    With `registered_at` (the server's base URL), wait until the server has registered it.
    """
    before = await open_subscriptions(registered_at) if registered_at else 0
    payload = init_payload
    if payload is None:
        payload = {"authorization": f"Bearer {token}"} if token else {}
    async with connect(f"{ws_url}/graphql", subprotocols=[protocol]) as connection:  # type: ignore[list-item]
        await connection.send(json.dumps({"type": "connection_init", "payload": payload}))
        ack = json.loads(await asyncio.wait_for(connection.recv(), timeout=5))
        assert ack["type"] == "connection_ack", ack
        start = "subscribe" if protocol == "graphql-transport-ws" else "start"
        await connection.send(
            json.dumps(
                {
                    "id": "1",
                    "type": start,
                    "payload": {"query": query, "variables": variables or {}},
                }
            )
        )
        subscription = Subscription(connection=connection, protocol=protocol)
        if registered_at:
            await wait_for_subscriptions(registered_at, before + 1)
        yield subscription
