"""Measurement 5: /healthz latency while sign-ins hash passwords at bcrypt cost 12.

The server runs bcrypt in worker threads. If it ran on the event loop, every request that
arrives during a sign-in would wait for the whole hash.
"""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

import httpx

from bench.results import Figure, Measurement
from bench.servers import BenchBackend, running_server
from bench.stats import median, milliseconds, percentile, ratio, times
from bench.workload import close_all, sign_up_many
from tests.support.clients import PASSWORD, GraphQLClient
from tests.support.server import ServerProcess

logger = logging.getLogger(__name__)

BCRYPT_ROUNDS = 12
SIGN_IN_WORKERS = 4
WARM_UP_REQUESTS = 10
REQUESTS = 100
REQUEST_INTERVAL_SECONDS = 0.02
LOAD_TIME_LIMIT_SECONDS = 20.0
SIGN_IN = """
mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }
"""


async def _healthz_latencies(http: httpx.AsyncClient, base_url: str, count: int) -> list[float]:
    """Time `count` sequential /healthz requests, spaced so that they sample the load over time."""
    latencies: list[float] = []
    for _ in range(count):
        started = time.perf_counter()
        response = await http.get(f"{base_url}/healthz")
        latencies.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise RuntimeError(f"/healthz returned {response.status_code}: {response.text[:200]}")
        await asyncio.sleep(REQUEST_INTERVAL_SECONDS)
    return latencies


async def _sign_in_repeatedly(client: GraphQLClient, stop: asyncio.Event, durations: list[float]) -> None:
    """Sign in again and again until `stop` is set or the time limit passes."""
    deadline = time.monotonic() + LOAD_TIME_LIMIT_SECONDS
    email = f"{client.user_name}@example.com"
    while not stop.is_set() and time.monotonic() < deadline:
        started = time.perf_counter()
        await client.data(SIGN_IN, {"email": email, "password": PASSWORD})
        durations.append(time.perf_counter() - started)


async def _sample(server: ServerProcess) -> tuple[list[float], list[float], list[float]]:
    users = await sign_up_many(server.base_url, "hasher", SIGN_IN_WORKERS)
    sign_ins: list[float] = []
    try:
        async with httpx.AsyncClient(timeout=30.0) as http:
            await _healthz_latencies(http, server.base_url, WARM_UP_REQUESTS)
            idle = await _healthz_latencies(http, server.base_url, REQUESTS)

            stop = asyncio.Event()
            workers = [asyncio.create_task(_sign_in_repeatedly(user, stop, sign_ins)) for user in users]
            await asyncio.sleep(0.2)  # Let every worker's first sign-in reach the server.
            try:
                loaded = await _healthz_latencies(http, server.base_url, REQUESTS)
            finally:
                stop.set()
                await asyncio.gather(*workers)
    finally:
        await close_all(users)
    return idle, loaded, sign_ins


async def measure(backend: BenchBackend, scratch: Path) -> Measurement:
    with running_server(backend, scratch, "bcrypt", BCRYPT_ROUNDS=str(BCRYPT_ROUNDS)) as server:
        idle, loaded, sign_ins = await _sample(server)

    latency_ratio = ratio(median(loaded), median(idle))
    sign_in_median = median(sign_ins)
    logger.info("bench.bcrypt ratio=%.2f sign_in=%.3f", latency_ratio, sign_in_median)
    return Measurement(
        title=f"bcrypt off the loop: /healthz during {SIGN_IN_WORKERS} sign-ins at cost {BCRYPT_ROUNDS}",
        method=(
            f"A server at BCRYPT_ROUNDS={BCRYPT_ROUNDS}. {REQUESTS} sequential `/healthz` requests, "
            f"{REQUEST_INTERVAL_SECONDS * 1000:.0f} ms apart, first with the server idle, then while "
            f"{SIGN_IN_WORKERS} clients sign in again and again (each `signIn` verifies one bcrypt hash)."
        ),
        figures=[
            Figure("/healthz idle: median", milliseconds(median(idle))),
            Figure("/healthz idle: p95", milliseconds(percentile(idle, 0.95))),
            Figure("/healthz during sign-ins: median", milliseconds(median(loaded))),
            Figure("/healthz during sign-ins: p95", milliseconds(percentile(loaded, 0.95))),
            Figure("/healthz during sign-ins: max", milliseconds(max(loaded))),
            Figure("sign-ins completed while measuring", str(len(sign_ins))),
            Figure("signIn median latency under that load", milliseconds(sign_in_median)),
        ],
        ratio_label="median /healthz latency, during sign-ins / idle",
        ratio=times(latency_ratio),
        reading=_reading(median(loaded), max(loaded), sign_in_median),
    )


def _reading(loaded_median: float, loaded_max: float, sign_in_median: float) -> str:
    figures = (
        f"While {SIGN_IN_WORKERS} hashes compete for the cores, /healthz takes "
        f"{milliseconds(loaded_median)} (median, at most {milliseconds(loaded_max)}) against a "
        f"{milliseconds(sign_in_median)} sign-in"
    )
    # A request queued behind a hash on the loop would wait for a good part of a whole sign-in.
    if loaded_max < sign_in_median / 4:
        return f"{figures}: the loop keeps answering, so the slowdown is CPU contention, not a blocked loop."
    return f"{figures}: some requests waited for a large part of a sign-in, so something blocks the loop."
