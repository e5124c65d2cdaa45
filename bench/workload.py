"""Users, subscriptions and messages that the measurements share, built through the public API."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass, field

from tests.support.clients import GraphQLClient, Subscription, sign_up, subscribe, wait_for_subscriptions

CHANNELS = "query { channels { id name } }"
POST_MESSAGE = """
mutation Post($channelId: ID!, $body: String!) { postMessage(channelId: $channelId, body: $body) { id } }
"""
MESSAGE_ADDED = (
    "subscription Added($channelId: ID!) { messageAdded(channelId: $channelId) { id body createdAt } }"
)
# Message bodies are limited to 255 characters.
BODY_LENGTH = 250
OPEN_BATCH = 50
SUBSCRIPTION_WAIT_SECONDS = 30.0


async def sign_up_many(base_url: str, prefix: str, count: int) -> list[GraphQLClient]:
    """Create `count` accounts named prefix0, prefix1, ..., ten sign-ups at a time."""
    clients: list[GraphQLClient] = []
    for start in range(0, count, 10):
        names = [f"{prefix}{index}" for index in range(start, min(start + 10, count))]
        clients.extend(await asyncio.gather(*(sign_up(base_url, name) for name in names)))
    return clients


async def close_all(clients: Sequence[GraphQLClient]) -> None:
    await asyncio.gather(*(client.aclose() for client in clients))


async def general_channel_id(client: GraphQLClient) -> str:
    data = await client.data(CHANNELS)
    for channel in data["channels"]:
        if channel["name"] == "General":
            channel_id: str = channel["id"]
            return channel_id
    raise RuntimeError("the General channel is missing; the migrations or the data reset failed")


def message_body(sequence: int) -> str:
    return f"bench {sequence} ".ljust(BODY_LENGTH, "x")


def sequence_of(body: str) -> int:
    return int(body.split()[1])


async def post_message(client: GraphQLClient, channel_id: str, sequence: int) -> None:
    await client.data(POST_MESSAGE, {"channelId": channel_id, "body": message_body(sequence)})


async def open_message_subscriptions(
    stack: AsyncExitStack,
    ws_url: str,
    base_url: str,
    channel_id: str,
    tokens: Sequence[str],
    query: str = MESSAGE_ADDED,
) -> list[Subscription]:
    """Open one `messageAdded` subscription per token, each on its own WebSocket, closed with `stack`.

    Returns once the server has registered all of them.
    """
    variables = {"channelId": channel_id}
    opened: list[Subscription] = []
    for start in range(0, len(tokens), OPEN_BATCH):
        batch = tokens[start : start + OPEN_BATCH]
        opened.extend(
            await asyncio.gather(
                *(
                    stack.enter_async_context(subscribe(ws_url, query, variables, token=token))
                    for token in batch
                )
            )
        )
    await wait_for_subscriptions(base_url, len(tokens), timeout=SUBSCRIPTION_WAIT_SECONDS)
    return opened


@dataclass
class DeliveryLog:
    """Receive times of numbered messages, and per message an event set once every receiver has it."""

    expected_receivers: int
    received: dict[int, list[float]] = field(default_factory=dict)
    payload_bytes: int = 0
    _complete: dict[int, asyncio.Event] = field(default_factory=dict)

    def _event(self, sequence: int) -> asyncio.Event:
        return self._complete.setdefault(sequence, asyncio.Event())

    def record(self, sequence: int, payload_bytes: int) -> None:
        self.payload_bytes = payload_bytes
        times = self.received.setdefault(sequence, [])
        times.append(time.perf_counter())
        if len(times) >= self.expected_receivers:
            self._event(sequence).set()

    async def wait_for(self, sequence: int, limit_seconds: float) -> bool:
        """Wait until every receiver has the message; return False when `limit_seconds` pass first."""
        try:
            await asyncio.wait_for(self._event(sequence).wait(), timeout=limit_seconds)
        except TimeoutError:
            return False
        return True


async def read_into(subscription: Subscription, log: DeliveryLog) -> None:
    """Record every `messageAdded` payload until cancelled.

    Raises on a protocol error and when the server ends the subscription.
    """
    while True:
        payload = await subscription.next_payload(timeout=3600.0)
        if payload.get("errors"):
            raise RuntimeError(f"the subscription ended with {json.dumps(payload['errors'])[:300]}")
        log.record(sequence_of(payload["data"]["messageAdded"]["body"]), len(json.dumps(payload)))


def start_readers(subscriptions: Sequence[Subscription], log: DeliveryLog) -> list[asyncio.Task[None]]:
    return [asyncio.create_task(read_into(subscription, log)) for subscription in subscriptions]


async def stop_readers(readers: Sequence[asyncio.Task[None]]) -> list[BaseException]:
    """Cancel the reader tasks and return the errors that any of them raised before."""
    errors = [task.exception() for task in readers if task.done() and not task.cancelled()]
    for task in readers:
        task.cancel()
    await asyncio.gather(*readers, return_exceptions=True)
    return [error for error in errors if error is not None]


async def post_concurrently(
    client: GraphQLClient,
    channel_id: str,
    sequences: range,
    concurrency: int,
    limit_seconds: float,
) -> dict[int, float]:
    """Post the numbered messages from `concurrency` tasks at once, and return when each was sent.

    No new post starts after `limit_seconds`, so a slow backend shortens the run instead of
    stretching it.
    """
    sent: dict[int, float] = {}
    pending = iter(sequences)
    deadline = time.monotonic() + limit_seconds

    async def post_until_done() -> None:
        for sequence in pending:
            if time.monotonic() > deadline:
                return
            sent[sequence] = time.perf_counter()
            await post_message(client, channel_id, sequence)

    await asyncio.gather(*(post_until_done() for _ in range(concurrency)))
    return sent
