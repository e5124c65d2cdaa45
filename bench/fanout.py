"""Measurement 2: post-to-receive latency on `messageAdded` with 1 and with 100 subscribers."""

from __future__ import annotations

import logging
import time
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path

from bench.results import Figure, Measurement
from bench.servers import BenchBackend, running_server
from bench.stats import median, milliseconds, percentile, ratio, times
from bench.workload import (
    DeliveryLog,
    close_all,
    general_channel_id,
    open_message_subscriptions,
    post_message,
    sign_up_many,
    start_readers,
    stop_readers,
)
from tests.support.clients import GraphQLClient
from tests.support.server import ServerProcess

logger = logging.getLogger(__name__)

FEW = 1
MANY = 100
WARM_UP_MESSAGES = 3
MESSAGES = 30
DELIVERY_TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True)
class FanOutSample:
    """Latencies of one configuration: every delivery, and the last delivery of each message."""

    subscribers: int
    deliveries: list[float]
    last_deliveries: list[float]


async def _sample(
    server: ServerProcess, poster: GraphQLClient, channel_id: str, tokens: list[str]
) -> FanOutSample:
    """Post numbered messages one at a time, each after the previous one reached every subscriber."""
    log = DeliveryLog(expected_receivers=len(tokens))
    deliveries: list[float] = []
    last_deliveries: list[float] = []
    async with AsyncExitStack() as stack:
        subscriptions = await open_message_subscriptions(
            stack, server.ws_url, server.base_url, channel_id, tokens
        )
        readers = start_readers(subscriptions, log)
        try:
            for sequence in range(WARM_UP_MESSAGES + MESSAGES):
                sent = time.perf_counter()
                await post_message(poster, channel_id, sequence)
                if not await log.wait_for(sequence, DELIVERY_TIMEOUT_SECONDS):
                    got = len(log.received.get(sequence, []))
                    raise RuntimeError(
                        f"delivery timed out: message {sequence} reached {got} of {len(tokens)} "
                        f"subscribers within {DELIVERY_TIMEOUT_SECONDS:.0f} s"
                    )
                if sequence >= WARM_UP_MESSAGES:
                    latencies = [received - sent for received in log.received[sequence]]
                    deliveries.extend(latencies)
                    last_deliveries.append(max(latencies))
        finally:
            errors = await stop_readers(readers)
    if errors:
        raise RuntimeError(f"{len(errors)} subscriptions failed, the first with: {errors[0]!r}")
    return FanOutSample(len(tokens), deliveries, last_deliveries)


async def measure(backend: BenchBackend, scratch: Path) -> Measurement:
    with running_server(backend, scratch, "fan-out") as server:
        poster = (await sign_up_many(server.base_url, "poster", 1))[0]
        listeners = await sign_up_many(server.base_url, "listener", MANY)
        tokens = [listener.token or "" for listener in listeners]
        try:
            channel_id = await general_channel_id(poster)
            few = await _sample(server, poster, channel_id, tokens[:FEW])
            many = await _sample(server, poster, channel_id, tokens)
        finally:
            await close_all([poster, *listeners])

    median_ratio = ratio(median(many.deliveries), median(few.deliveries))
    p95_ratio = ratio(percentile(many.deliveries, 0.95), percentile(few.deliveries, 0.95))
    logger.info("bench.fan_out median_ratio=%.2f p95_ratio=%.2f", median_ratio, p95_ratio)
    return Measurement(
        title=f"Fan-out: {MANY} subscribers against {FEW}",
        method=(
            f"`messageAdded` on General, each subscriber its own WebSocket and user, all on one server "
            f"process. {MESSAGES} messages (after {WARM_UP_MESSAGES} warm-up messages) are posted over "
            "HTTP one at a time, each once the previous one reached every subscriber. Latency runs "
            "from the client sending `postMessage` to a subscriber reading the frame; the bench "
            "process reads all sockets on one event loop and shares the two cores with the server."
        ),
        figures=[
            *_figures(few),
            *_figures(many),
        ],
        ratio_label=f"median delivery latency, {MANY} / {FEW} subscribers (p95: {times(p95_ratio)})",
        ratio=times(median_ratio),
        reading=(
            f"Serving {MANY} subscribers instead of {FEW} makes the median delivery "
            f"{median_ratio:.1f} times slower. A message reaches the last of the {MANY} subscribers "
            f"in {milliseconds(median(many.last_deliveries))} (median)."
        ),
    )


def _figures(sample: FanOutSample) -> list[Figure]:
    label = f"{sample.subscribers} subscriber{'s' if sample.subscribers > 1 else ''}"
    return [
        Figure(f"{label}: median delivery", milliseconds(median(sample.deliveries))),
        Figure(f"{label}: p95 delivery", milliseconds(percentile(sample.deliveries, 0.95))),
        Figure(f"{label}: median of the last delivery", milliseconds(median(sample.last_deliveries))),
        Figure(f"{label}: deliveries measured", f"{len(sample.deliveries):,}"),
    ]
