"""Redis restarts under two processes with open subscriptions.

A private redis-server (with persistence, so sessions survive) is stopped and started
on the same port while GraphQL subscriptions and a /v1/ws feed are open on two uvicorn
processes. Subscribers must receive new messages within 5 s of Redis being back, and a
mutation during the outage must either commit or fail with a clear error.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from websockets.asyncio.client import ClientConnection

from tests.production.documents import HISTORY, MESSAGE_ADDED, POST_MESSAGE
from tests.production.feeds import general_channel_id, legacy_feed, next_frame
from tests.production.instances import PrivateRedis
from tests.support.backends import Backends
from tests.support.clients import GraphQLClient, Subscription, sign_up, subscribe
from tests.support.server import ServerProcess

RECOVERY_SECONDS = 5.0
# Long enough for the pub/sub listener to fail several times and reach its longest retry delay.
OUTAGE_SECONDS = 3.0
PROBE_INTERVAL_SECONDS = 0.2
# Longer than any retry inside the service, so a request that hangs fails the test instead of waiting.
HANG_GUARD_SECONDS = 15.0
SIGN_UP = "mutation($input: SignUpInput!) { signUp(input: $input) { token } }"


@pytest.fixture(scope="module")
def redis_servers(
    backends: Backends, private_redis: PrivateRedis, scratch: Path
) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    on_private_redis = Backends(database_url=backends.database_url, redis_url=private_redis.url(0))
    first = ServerProcess(backends=on_private_redis, log_path=scratch / "server-redis-a.log").start()
    second = ServerProcess(backends=on_private_redis, log_path=scratch / "server-redis-b.log").start()
    yield first, second
    first.stop()
    second.stop()


@dataclass
class Listeners:
    """The open subscriptions of the test: GraphQL on both processes and /v1/ws on the second."""

    graphql: dict[str, Subscription] = field(default_factory=dict)
    feed: ClientConnection | None = None

    async def next_body(self, name: str) -> tuple[str, str]:
        """Return (message id, body) of the next message that the named listener receives."""
        if name == "feed":
            assert self.feed is not None
            frame = await next_frame(self.feed)
            assert frame["type"] == "message-new", frame
            return str(frame["message"]["id"]), frame["message"]["body"]
        payload = await self.graphql[name].next_payload()
        message: dict[str, Any] = payload["data"]["messageAdded"]
        return message["id"], message["body"]

    @property
    def names(self) -> list[str]:
        return [*self.graphql, "feed"]


@pytest.fixture
async def listeners(
    redis_servers: tuple[ServerProcess, ServerProcess], people: tuple[GraphQLClient, GraphQLClient]
) -> AsyncIterator[Listeners]:
    first, second = redis_servers
    poster, reader = people
    channel_id = await general_channel_id(poster)
    opened = Listeners()
    async with AsyncExitStack() as stack:
        for name, server, protocol in (
            ("graphql on first", first, "graphql-transport-ws"),
            ("graphql on second", second, "graphql-ws"),
        ):
            opened.graphql[name] = await stack.enter_async_context(
                subscribe(
                    server.ws_url,
                    MESSAGE_ADDED,
                    {"channelId": channel_id},
                    token=reader.token,
                    protocol=protocol,
                    registered_at=server.base_url,
                )
            )
        opened.feed = await stack.enter_async_context(
            legacy_feed(second.ws_url, reader.token, second.base_url)
        )
        yield opened


@pytest.fixture
async def people(
    redis_servers: tuple[ServerProcess, ServerProcess],
) -> AsyncIterator[tuple[GraphQLClient, GraphQLClient]]:
    first, second = redis_servers
    poster = await sign_up(first.base_url)
    reader = await sign_up(second.base_url)
    yield poster, reader
    for client in (poster, reader):
        await client.aclose()


async def _post(client: GraphQLClient, channel_id: str, body: str) -> dict[str, Any]:
    """Post a message with a hang guard; return the whole response body."""
    return await asyncio.wait_for(
        client.execute(POST_MESSAGE, {"channelId": channel_id, "body": body}), timeout=HANG_GUARD_SECONDS
    )


async def _drain_until(listeners: Listeners, name: str, last_id: str) -> list[str]:
    """Read the listener's messages up to the one with `last_id`; return their bodies in order."""
    bodies: list[str] = []
    while True:
        message_id, body = await listeners.next_body(name)
        bodies.append(body)
        if message_id == last_id:
            return bodies


async def test_subscribers_resume_after_redis_restart(
    redis_servers: tuple[ServerProcess, ServerProcess],
    private_redis: PrivateRedis,
    people: tuple[GraphQLClient, GraphQLClient],
    listeners: Listeners,
) -> None:
    poster, reader = people
    channel_id = await general_channel_id(poster)
    before = await _post(poster, channel_id, "before the restart")
    for name in listeners.names:
        assert (await listeners.next_body(name))[1] == "before the restart"

    private_redis.stop()
    outage_started = time.monotonic()
    during = await _post(poster, channel_id, "during the outage")
    outage_post_seconds = time.monotonic() - outage_started
    await asyncio.sleep(OUTAGE_SECONDS)
    private_redis.start()
    back_at = time.monotonic()

    posted_at: dict[str, float] = {}
    while time.monotonic() - back_at < RECOVERY_SECONDS:
        body = f"probe {len(posted_at)}"
        response = await _post(poster, channel_id, body)
        assert not response.get("errors"), response
        posted_at[body] = time.monotonic() - back_at
        await asyncio.sleep(PROBE_INTERVAL_SECONDS)
    last = await _post(poster, channel_id, "after the restart")
    assert not last.get("errors"), last

    for name in listeners.names:
        bodies = await _drain_until(listeners, name, last["data"]["postMessage"]["id"])
        received_probes = [body for body in bodies if body.startswith("probe")]
        assert received_probes, f"{name} received no message posted within {RECOVERY_SECONDS}s of the restart"
        assert received_probes == sorted(received_probes, key=lambda body: int(body.split()[1]))
        print(
            f"{name}: first received {received_probes[0]!r}, posted {posted_at[received_probes[0]]:.2f}s"
            f" after Redis was back ({len(posted_at)} probes posted)"
        )
    print(f"a post during the outage returned after {outage_post_seconds:.2f}s: {during}")

    if during.get("errors"):
        error = during["errors"][0]
        assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
        assert "unavailable" in error["message"]
    else:
        history = (await reader.data(HISTORY, {"id": channel_id, "after": None}))["channel"]["messages"]
        bodies = [edge["node"]["body"] for edge in history["edges"]]
        assert "during the outage" in bodies
    assert not before.get("errors")


async def test_requests_during_redis_outage_fail_clearly(
    redis_servers: tuple[ServerProcess, ServerProcess],
    private_redis: PrivateRedis,
    people: tuple[GraphQLClient, GraphQLClient],
) -> None:
    first, _second = redis_servers
    poster, _reader = people
    channel_id = await general_channel_id(poster)

    private_redis.stop()
    try:
        response = await _post(poster, channel_id, "while Redis is down")
        async with httpx.AsyncClient(timeout=HANG_GUARD_SECONDS) as http:
            readiness = await http.get(f"{first.base_url}/readyz")
    finally:
        private_redis.start()

    error = response["errors"][0]
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert error["message"] == "the session store is unavailable; try again shortly"
    assert readiness.status_code == 503
    assert readiness.json()["redis"] == "unavailable"
    assert readiness.json()["database"] == "ok"

    recovered = await _post(poster, channel_id, "Redis is back")
    assert not recovered.get("errors"), recovered


async def test_sign_up_during_redis_outage_writes_nothing(
    redis_servers: tuple[ServerProcess, ServerProcess],
    private_redis: PrivateRedis,
    backends: Backends,
) -> None:
    first, _second = redis_servers
    newcomer = {
        "email": "newcomer@example.com",
        "password": "correct horse",
        "passwordConf": "correct horse",
        "userName": "newcomer",
    }
    client = GraphQLClient(first.base_url)

    private_redis.stop()
    try:
        failed = await client.execute(SIGN_UP, {"input": newcomer})
    finally:
        private_redis.start()
    engine = backends.sync_engine()
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT COUNT(*) FROM Users WHERE Email = :email"), {"email": newcomer["email"]}
        ).scalar()
    engine.dispose()
    retried = await client.execute(SIGN_UP, {"input": newcomer})
    await client.aclose()

    assert failed["errors"][0]["message"] == "the session store is unavailable; try again shortly"
    assert rows == 0
    assert not retried.get("errors"), retried
    assert retried["data"]["signUp"]["token"]
