"""Measurement 3: server memory per idle open subscription."""

from __future__ import annotations

import asyncio
import logging
import statistics
from contextlib import AsyncExitStack
from pathlib import Path

from bench.results import Figure, Measurement
from bench.servers import BenchBackend, rss_kib, running_server
from bench.workload import close_all, general_channel_id, open_message_subscriptions, sign_up_many
from tests.support.clients import open_subscriptions, wait_for_subscriptions
from tests.support.server import ServerProcess

logger = logging.getLogger(__name__)

SUBSCRIPTIONS = 500
USERS = 10
WARM_UP_SUBSCRIPTIONS = 20
SETTLE_SECONDS = 1.0
RSS_READINGS = 5


async def _settled_rss(server: ServerProcess) -> int:
    """Wait for the server to go quiet, then return the median of a few RSS readings in KiB."""
    await asyncio.sleep(SETTLE_SECONDS)
    readings = []
    for _ in range(RSS_READINGS):
        readings.append(rss_kib(server))
        await asyncio.sleep(0.1)
    return int(statistics.median(readings))


async def _open_and_close(server: ServerProcess, channel_id: str, tokens: list[str]) -> None:
    async with AsyncExitStack() as stack:
        await open_message_subscriptions(stack, server.ws_url, server.base_url, channel_id, tokens)
    await wait_for_subscriptions_to_end(server)


async def wait_for_subscriptions_to_end(server: ServerProcess) -> None:
    """Wait until the server has dropped every subscription; closing a socket ends it asynchronously."""
    for _ in range(100):
        if await open_subscriptions(server.base_url) == 0:
            return
        await asyncio.sleep(0.05)
    raise RuntimeError("the server still counts open subscriptions 5 s after every socket was closed")


async def measure(backend: BenchBackend, scratch: Path) -> Measurement:
    with running_server(backend, scratch, "memory") as server:
        users = await sign_up_many(server.base_url, "idle", USERS)
        tokens = [users[index % USERS].token or "" for index in range(SUBSCRIPTIONS)]
        try:
            channel_id = await general_channel_id(users[0])
            # Open and close a few first, so that the baseline includes the code paths and
            # buffers that any first subscription brings in.
            await _open_and_close(server, channel_id, tokens[:WARM_UP_SUBSCRIPTIONS])
            idle_rss = await _settled_rss(server)
            async with AsyncExitStack() as stack:
                await open_message_subscriptions(stack, server.ws_url, server.base_url, channel_id, tokens)
                await wait_for_subscriptions(server.base_url, SUBSCRIPTIONS)
                open_rss = await _settled_rss(server)
            await wait_for_subscriptions_to_end(server)
            closed_rss = await _settled_rss(server)
        finally:
            await close_all(users)

    per_subscription = (open_rss - idle_rss) / SUBSCRIPTIONS
    logger.info("bench.memory idle=%d open=%d per_subscription=%.1f", idle_rss, open_rss, per_subscription)
    return Measurement(
        title=f"Memory: {SUBSCRIPTIONS} idle subscriptions",
        method=(
            f"Server RSS (VmRSS in /proc/<pid>/status, median of {RSS_READINGS} readings after "
            f"{SETTLE_SECONDS:.0f} s of quiet) with no subscription open (after {WARM_UP_SUBSCRIPTIONS} "
            f"were opened and closed as a warm-up), then with {SUBSCRIPTIONS} idle `messageAdded` "
            f"subscriptions, each its own WebSocket, shared by {USERS} users, then after closing them."
        ),
        figures=[
            Figure("RSS, 0 subscriptions", f"{idle_rss:,} KiB"),
            Figure(f"RSS, {SUBSCRIPTIONS} subscriptions", f"{open_rss:,} KiB"),
            Figure("RSS, after closing them", f"{closed_rss:,} KiB"),
        ],
        ratio_label=f"RSS with {SUBSCRIPTIONS} / with 0 subscriptions",
        ratio=f"{open_rss / idle_rss:.2f}x; {per_subscription:.1f} KiB per subscription",
        reading=(
            f"Each idle subscription costs about {per_subscription:.0f} KiB of server memory, so "
            f"{SUBSCRIPTIONS} of them add {(open_rss - idle_rss) / 1024:.1f} MiB; after closing them "
            f"RSS is {closed_rss:,} KiB (CPython's allocator need not return freed memory to the OS)."
        ),
    )
