"""Measurement 4: one subscriber that stops reading, beside one that keeps up.

The server's hub gives each subscriber a queue of SUBSCRIBER_QUEUE_SIZE events and ends
the subscriber when it is full. That queue fills only after the buffers in front of it are
full. Those are the slow client library's receive queue, the kernel receive and send
buffers of the socket, and the server transport's write buffer. Linux grows the send
buffer up to the third field of net.ipv4.tcp_wmem (several MiB), and permessage-deflate
shrinks repetitive frames. So the slow client turns compression off, and both
subscriptions select the body many times under aliases. Every frame is then about 16 KiB
without extra database work per delivery, and a couple of thousand messages overflow
those buffers.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path

from websockets.asyncio.client import ClientConnection, connect

from bench.results import Figure, Measurement
from bench.servers import BenchBackend, rss_kib, running_server
from bench.stats import median, milliseconds, percentile, ratio, times
from bench.workload import (
    DeliveryLog,
    close_all,
    general_channel_id,
    open_message_subscriptions,
    post_concurrently,
    sign_up_many,
    start_readers,
    stop_readers,
)
from tests.support.clients import GraphQLClient, open_subscriptions, wait_for_subscriptions
from tests.support.server import ServerProcess

logger = logging.getLogger(__name__)

MESSAGES_ALONE = 300
MESSAGES_BESIDE_SLOW = 2000
BODY_COPIES = 60
# Messages are posted one at a time. With more posting tasks the bench process itself (HTTP
# client and subscription reader on one event loop, sharing the cores with the server)
# falls behind, and the latencies then measure its backlog instead of the server.
POSTING_TASKS = 1
ALONE_TIME_LIMIT_SECONDS = 10.0
BESIDE_SLOW_TIME_LIMIT_SECONDS = 25.0
RSS_INTERVAL_SECONDS = 0.25
LAST_DELIVERY_TIMEOUT_SECONDS = 10.0
DRAIN_TIMEOUT_SECONDS = 10.0
# The default max_queue of the `websockets` client, which stops reading its socket once this
# many received frames wait.
CLIENT_MAX_QUEUE = 16
TOO_SLOW_LOG_EVENT = "hub.subscriber_too_slow"
BODY_ALIASES = " ".join(f"copy{number}: body" for number in range(BODY_COPIES))
MESSAGE_WITH_COPIES = (
    "subscription Added($channelId: ID!) { messageAdded(channelId: $channelId) { "
    f"id body createdAt {BODY_ALIASES} }} }}"
)


@dataclass
class Phase:
    """Latencies of the healthy subscriber, post count and server RSS during one batch of messages."""

    latencies: list[float] = field(default_factory=list)
    posted: int = 0
    seconds: float = 0.0
    rss_kib: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Drained:
    """Count of the frames the slow client finds once it reads again, and the frame or error after them."""

    messages: int
    ending: str


@dataclass(frozen=True)
class Outcome:
    """Everything the slow-client measurement observed."""

    alone: Phase
    beside_slow: Phase
    payload_bytes: int
    rss_after: int
    still_open: int
    drained: Drained


async def _post_phase(
    server: ServerProcess,
    poster: GraphQLClient,
    channel_id: str,
    log: DeliveryLog,
    sequences: range,
    limit_seconds: float,
) -> Phase:
    """Post a batch of numbered messages, and collect the healthy subscriber's latencies and server RSS."""
    phase = Phase()
    stop_sampling = asyncio.Event()
    sampler = asyncio.create_task(_sample_rss(server, phase.rss_kib, stop_sampling))
    started = time.monotonic()
    try:
        sent = await post_concurrently(poster, channel_id, sequences, POSTING_TASKS, limit_seconds)
        phase.seconds = time.monotonic() - started
        await log.wait_for(max(sent), LAST_DELIVERY_TIMEOUT_SECONDS)
    finally:
        stop_sampling.set()
        await sampler
    phase.posted = len(sent)
    phase.latencies = [log.received[number][0] - at for number, at in sent.items() if number in log.received]
    return phase


async def _sample_rss(server: ServerProcess, readings: list[int], stop: asyncio.Event) -> None:
    while True:
        readings.append(rss_kib(server))
        if stop.is_set():
            return
        await asyncio.sleep(RSS_INTERVAL_SECONDS)


async def _connect_slow(server: ServerProcess, token: str, channel_id: str) -> ClientConnection:
    """Open a subscription that the bench does not read from until the posting is over.

    Client keep-alive pings are off, because with reading stopped the client would miss the
    pong and close the socket itself before the server's limit is reached.
    """
    connection = await connect(
        f"{server.ws_url}/graphql",
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        ping_interval=None,
        max_queue=CLIENT_MAX_QUEUE,
        compression=None,
        close_timeout=1.0,
    )
    init = {"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}}
    await connection.send(json.dumps(init))
    acknowledgement = json.loads(await asyncio.wait_for(connection.recv(), timeout=5.0))
    if acknowledgement.get("type") != "connection_ack":
        raise RuntimeError(f"the slow client was not acknowledged: {acknowledgement}")
    payload = {"query": MESSAGE_WITH_COPIES, "variables": {"channelId": channel_id}}
    await connection.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
    return connection


async def _drain(connection: ClientConnection) -> Drained:
    """Read the slow client's socket until the subscription ends, the socket closes or time runs out."""
    messages = 0
    deadline = time.monotonic() + DRAIN_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        try:
            frame = json.loads(await asyncio.wait_for(connection.recv(), timeout=2.0))
        except TimeoutError:
            return Drained(messages, "nothing more within 2 s; the subscription was still open")
        except Exception as error:
            return Drained(messages, f"the socket closed ({type(error).__name__})")
        if frame.get("type") == "next" and not frame["payload"].get("errors"):
            messages += 1
            continue
        return Drained(messages, f"`{json.dumps(frame)[:200]}`")
    return Drained(messages, f"still delivering after {DRAIN_TIMEOUT_SECONDS:.0f} s")


async def _run(
    server: ServerProcess, poster: GraphQLClient, healthy: str, slow: str, channel_id: str
) -> Outcome:
    log = DeliveryLog(expected_receivers=1)
    async with AsyncExitStack() as stack:
        subscriptions = await open_message_subscriptions(
            stack, server.ws_url, server.base_url, channel_id, [healthy], MESSAGE_WITH_COPIES
        )
        readers = start_readers(subscriptions, log)
        alone = await _post_phase(
            server, poster, channel_id, log, range(MESSAGES_ALONE), ALONE_TIME_LIMIT_SECONDS
        )

        slow_connection = await _connect_slow(server, slow, channel_id)
        stack.push_async_callback(slow_connection.close)
        await wait_for_subscriptions(server.base_url, 2)
        sequences = range(MESSAGES_ALONE, MESSAGES_ALONE + MESSAGES_BESIDE_SLOW)
        beside_slow = await _post_phase(
            server, poster, channel_id, log, sequences, BESIDE_SLOW_TIME_LIMIT_SECONDS
        )
        await asyncio.sleep(1.0)
        still_open = await open_subscriptions(server.base_url)
        rss_after = rss_kib(server)
        drained = await _drain(slow_connection)
        errors = await stop_readers(readers)
    if errors:
        raise RuntimeError(f"the healthy subscription failed: {errors[0]!r}")
    return Outcome(
        alone=alone,
        beside_slow=beside_slow,
        payload_bytes=log.payload_bytes,
        rss_after=rss_after,
        still_open=still_open,
        drained=drained,
    )


def _kernel_buffer_limits() -> str:
    """Return net.ipv4.tcp_rmem and tcp_wmem (minimum, default, maximum bytes) for the method text."""
    rmem = Path("/proc/sys/net/ipv4/tcp_rmem").read_text().split()
    wmem = Path("/proc/sys/net/ipv4/tcp_wmem").read_text().split()
    return f"tcp_rmem {' '.join(rmem)}, tcp_wmem {' '.join(wmem)}"


async def measure(backend: BenchBackend, scratch: Path) -> Measurement:
    with running_server(backend, scratch, "slow-client") as server:
        users = await sign_up_many(server.base_url, "stream", 3)
        poster, healthy, slow = users
        try:
            channel_id = await general_channel_id(poster)
            outcome = await _run(server, poster, healthy.token or "", slow.token or "", channel_id)
        finally:
            await close_all(users)
        ended = server.log_text().count(TOO_SLOW_LOG_EVENT)
    latency_ratio = ratio(median(outcome.beside_slow.latencies), median(outcome.alone.latencies))
    logger.info(
        "bench.slow_client ratio=%.2f ended=%d still_open=%d", latency_ratio, ended, outcome.still_open
    )
    return Measurement(
        title="Slow client: a subscriber that stops reading",
        method=(
            f"A healthy subscriber receives up to {MESSAGES_ALONE:,} messages alone (at most "
            f"{ALONE_TIME_LIMIT_SECONDS:.0f} s). Then it receives up to {MESSAGES_BESIDE_SLOW:,} more "
            "beside a second subscriber that does not read its socket, for at most "
            f"{BESIDE_SLOW_TIME_LIMIT_SECONDS:.0f} s. That subscriber's `websockets` client stops "
            f"reading after {CLIENT_MAX_QUEUE} queued frames, and its keep-alive pings and "
            "compression are off. "
            "Messages are posted over HTTP one at a time, each as soon as the previous post "
            "returned. Both subscribe to General and select "
            f"the body {BODY_COPIES + 1} times under aliases, so each frame carries about "
            f"{outcome.payload_bytes / 1024:.1f} KiB of JSON. "
            f"Kernel socket buffers: {_kernel_buffer_limits()}. "
            "Server queue size: the default SUBSCRIBER_QUEUE_SIZE. Server RSS is read every "
            f"{RSS_INTERVAL_SECONDS} s. Afterwards the slow client reads again to count what the "
            "buffers held. /healthz counts a subscriber until its handler returns, and the handler "
            "of an ended subscriber first waits for its blocked socket write."
        ),
        figures=_figures(outcome, ended),
        ratio_label="healthy subscriber's median latency, beside the slow one / alone",
        ratio=times(latency_ratio),
        reading=_reading(latency_ratio, ended, outcome),
    )


def _figures(outcome: Outcome, ended: int) -> list[Figure]:
    return [
        *_phase_figures("alone", outcome.alone),
        *_phase_figures("beside the slow one", outcome.beside_slow),
        Figure("RSS 1 s after the last post", f"{outcome.rss_after:,} KiB"),
        Figure(f"`{TOO_SLOW_LOG_EVENT}` lines in the server log", str(ended)),
        Figure("subscriptions /healthz counted 1 s after the last post", str(outcome.still_open)),
        Figure("messages the slow client found when it read again", f"{outcome.drained.messages:,}"),
        Figure("what followed them", outcome.drained.ending),
    ]


def _phase_figures(label: str, phase: Phase) -> list[Figure]:
    return [
        Figure(f"healthy subscriber {label}: median latency", milliseconds(median(phase.latencies))),
        Figure(f"healthy subscriber {label}: p95 latency", milliseconds(percentile(phase.latencies, 0.95))),
        Figure(
            f"healthy subscriber {label}: messages received / posted",
            f"{len(phase.latencies):,} / {phase.posted:,} in {phase.seconds:.1f} s",
        ),
        Figure(f"{label}: server RSS at the start", f"{phase.rss_kib[0]:,} KiB"),
        Figure(f"{label}: server RSS, highest reading", f"{max(phase.rss_kib):,} KiB"),
    ]


def _rss_growth_kib_per_message(phase: Phase) -> float:
    return (max(phase.rss_kib) - phase.rss_kib[0]) / max(phase.posted, 1)


def _reading(latency_ratio: float, ended: int, outcome: Outcome) -> str:
    if ended:
        outcome_text = "the hub ended the slow subscriber once its queue was full"
    else:
        outcome_text = (
            f"the hub never ended the slow subscriber, because the buffers absorbed all "
            f"{outcome.beside_slow.posted:,} frames"
        )
    beside = _rss_growth_kib_per_message(outcome.beside_slow)
    alone = _rss_growth_kib_per_message(outcome.alone)
    comparison = ""
    if alone > 0 and beside < alone * 1.5:
        comparison = ", so the slow subscriber added no memory growth of its own"
    return (
        f"The slow subscriber changed the healthy one's median latency by a factor of "
        f"{latency_ratio:.2f}, and {outcome_text}. Server RSS rose by {beside:.1f} KiB per posted "
        f"message beside it, against {alone:.1f} KiB per message in the first phase, which "
        f"includes the server's warm-up{comparison}."
    )
