"""Nested fields load through batch loaders: the SQL statement count does not grow with the page."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.backends import Backends
from tests.support.clients import GraphQLClient, sign_up
from tests.support.server import ServerProcess

EVENTS_PAGE = """
query Page($first: Int!) {
  events(first: $first) {
    edges { node {
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
STATEMENT = re.compile(r" sqlalchemy\.engine\.Engine (SELECT|INSERT|UPDATE|DELETE)\b")


@pytest.fixture(scope="module")
def logged_server(backends: Backends, scratch: Path) -> Iterator[ServerProcess]:
    """A server of its own that logs every SQL statement it runs."""
    process = ServerProcess(
        backends=backends, log_path=scratch / "sql-server.log", overrides={"LOG_SQL": "true"}
    ).start()
    yield process
    process.stop()


async def _statements_for(server: ServerProcess, client: GraphQLClient, first: int) -> int:
    before = len(STATEMENT.findall(server.log_text()))
    data = await client.data(EVENTS_PAGE, {"first": first})
    assert len(data["events"]["edges"]) == first
    await asyncio.sleep(0.2)  # Let the server flush its log lines for this request.
    return len(STATEMENT.findall(server.log_text())) - before


async def test_events_page_statement_count_is_constant(logged_server: ServerProcess) -> None:
    hosts = [await sign_up(logged_server.base_url, f"host{index}") for index in range(5)]
    guest = await sign_up(logged_server.base_url, "guest")
    for number in range(50):
        host = hosts[number % len(hosts)]
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
        if number % 3 == 0:
            await guest.data(JOIN_EVENT, {"id": created["createEvent"]["id"]})

    small_page = await _statements_for(logged_server, guest, 5)
    large_page = await _statements_for(logged_server, guest, 50)

    assert small_page > 0
    assert large_page == small_page
    for client in [*hosts, guest]:
        await client.aclose()
