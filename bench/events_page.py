"""Measurement 1: the cost of output size on the events page.

The page loads its nested fields through batch loaders, so the number of SQL statements is
the same for 5 and for 50 events (tests/performance/test_statement_count.py checks that).
What grows with the page is the rows read, the objects resolved and the JSON written.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from bench.results import Figure, Measurement
from bench.servers import BenchBackend, running_server
from bench.stats import median, milliseconds, ratio, times
from bench.workload import close_all, sign_up_many
from tests.support.clients import GraphQLClient

logger = logging.getLogger(__name__)

EVENTS_PAGE = """
query Page($first: Int!) {
  events(first: $first) {
    edges { node {
      id title
      creator { userName }
      attendeeCount
      viewerHasJoined
      channel { name members { userName } }
    } }
  }
}
"""
CREATE_EVENT = "mutation Create($input: CreateEventInput!) { createEvent(input: $input) { id } }"
JOIN_EVENT = "mutation Join($id: ID!) { joinEvent(eventId: $id) { id } }"
EVENT_COUNT = 50
HOST_COUNT = 5
SMALL_PAGE = 5
LARGE_PAGE = 50
WARM_UP_ROUNDS = 3
ROUNDS = 40
TIME_LIMIT_SECONDS = 40.0


async def _populate(base_url: str) -> tuple[GraphQLClient, list[GraphQLClient]]:
    """Create fifty events by five hosts, have a guest join every other one, and return guest and hosts."""
    hosts = await sign_up_many(base_url, "host", HOST_COUNT)
    guest = (await sign_up_many(base_url, "guest", 1))[0]
    for number in range(EVENT_COUNT):
        host = hosts[number % HOST_COUNT]
        created = await host.data(
            CREATE_EVENT,
            {
                "input": {
                    "title": f"Session {number}",
                    "dateTime": "2027-03-01T18:00:00Z",
                    "location": "Studio B",
                    "description": "Open jam",
                }
            },
        )
        if number % 2 == 0:
            await guest.data(JOIN_EVENT, {"id": created["createEvent"]["id"]})
    return guest, hosts


async def _timed_page(client: GraphQLClient, first: int) -> tuple[float, int]:
    """Fetch one page and return its latency in seconds and its response size in bytes."""
    started = time.perf_counter()
    response = await client.http.post(
        f"{client.base_url}/graphql",
        json={"query": EVENTS_PAGE, "variables": {"first": first}},
        headers=client.headers(),
    )
    elapsed = time.perf_counter() - started
    body = response.json()
    if response.status_code != 200 or body.get("errors") or len(body["data"]["events"]["edges"]) != first:
        raise RuntimeError(f"events(first: {first}) failed: {response.status_code} {response.text[:300]}")
    return elapsed, len(response.content)


async def _sample(client: GraphQLClient) -> tuple[list[float], list[float], dict[int, int]]:
    """Alternate small and large pages, so that drift on a noisy machine hits both alike."""
    sizes: dict[int, int] = {}
    for _ in range(WARM_UP_ROUNDS):
        for first in (SMALL_PAGE, LARGE_PAGE):
            _, sizes[first] = await _timed_page(client, first)
    small: list[float] = []
    large: list[float] = []
    deadline = time.monotonic() + TIME_LIMIT_SECONDS
    while len(small) < ROUNDS and time.monotonic() < deadline:
        small.append((await _timed_page(client, SMALL_PAGE))[0])
        large.append((await _timed_page(client, LARGE_PAGE))[0])
    return small, large, sizes


async def measure(backend: BenchBackend, scratch: Path) -> Measurement:
    with running_server(backend, scratch, "events-page") as server:
        guest, hosts = await _populate(server.base_url)
        try:
            small, large, sizes = await _sample(guest)
        finally:
            await close_all([guest, *hosts])

    small_median, large_median = median(small), median(large)
    latency_ratio = ratio(large_median, small_median)
    size_ratio = ratio(sizes[LARGE_PAGE], sizes[SMALL_PAGE])
    logger.info(
        "bench.events_page small=%.4f large=%.4f ratio=%.2f", small_median, large_median, latency_ratio
    )
    return Measurement(
        title="Events page: 50 events against 5",
        method=(
            f"{EVENT_COUNT} events by {HOST_COUNT} hosts; the viewer joined every other one. "
            f"`events(first: {SMALL_PAGE})` and `events(first: {LARGE_PAGE})` with nested `creator`, "
            "`attendeeCount`, `viewerHasJoined` and `channel { members }`, fetched alternately over "
            f"HTTP, {len(small)} times each after {WARM_UP_ROUNDS} warm-up rounds. "
            "Latency is measured by the client from request sent to response read."
        ),
        figures=[
            Figure(f"median latency, first: {SMALL_PAGE}", milliseconds(small_median)),
            Figure(f"median latency, first: {LARGE_PAGE}", milliseconds(large_median)),
            Figure(f"response size, first: {SMALL_PAGE}", f"{sizes[SMALL_PAGE]:,} bytes"),
            Figure(f"response size, first: {LARGE_PAGE}", f"{sizes[LARGE_PAGE]:,} bytes"),
            Figure("response size ratio", times(size_ratio)),
        ],
        ratio_label=f"median latency, {LARGE_PAGE} / {SMALL_PAGE} events",
        ratio=times(latency_ratio),
        reading=(
            f"Ten times the events cost {latency_ratio:.1f} times the time for {size_ratio:.1f} times "
            "the bytes, with the same statement count: the extra time is reading rows, resolving "
            "fields and writing JSON."
        ),
    )
