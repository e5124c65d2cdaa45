"""Nested fields load through batch loaders: the SQL statement count does not grow with the page."""

from __future__ import annotations

import asyncio
import logging
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
NESTED_PAGES = """
query Nested($first: Int!) {
  events(first: $first) {
    edges { node {
      attendees(first: 3) { totalCount edges { cursor node { userName } } }
      channel { messages(last: 2) { totalCount edges { node { body creator { userName } } } } }
    } }
  }
}
"""
POST = 'mutation Post($channelId: ID!) { postMessage(channelId: $channelId, body: "count me") { id } }'
CREATE_EVENT = """
mutation Create($input: CreateEventInput!) { createEvent(input: $input) { id channel { id } } }
"""
JOIN_EVENT = "mutation Join($id: ID!) { joinEvent(eventId: $id) { id } }"
logger = logging.getLogger(__name__)
STATEMENT = re.compile(r" sqlalchemy\.engine\.Engine (SELECT|INSERT|UPDATE|DELETE)\b")


@pytest.fixture(scope="module")
def logged_server(backends: Backends, scratch: Path) -> Iterator[ServerProcess]:
    """A server of its own that logs every SQL statement it runs."""
    process = ServerProcess(
        backends=backends, log_path=scratch / "sql-server.log", overrides={"LOG_SQL": "true"}
    ).start()
    yield process
    process.stop()


async def _statements_for(server: ServerProcess, client: GraphQLClient, first: int, query: str) -> int:
    before = len(STATEMENT.findall(server.log_text()))
    data = await client.data(query, {"first": first})
    assert len(data["events"]["edges"]) == first
    await asyncio.sleep(0.2)  # Let the server flush its log lines for this request.
    return len(STATEMENT.findall(server.log_text())) - before


@pytest.fixture(scope="module")
async def populated(logged_server: ServerProcess) -> GraphQLClient:
    """Create fifty events by five hosts, and return a guest who joined all and posted in every third."""
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
        await guest.data(JOIN_EVENT, {"id": created["createEvent"]["id"]})
        if number % 3 == 0:
            await guest.data(POST, {"channelId": created["createEvent"]["channel"]["id"]})
    for host in hosts:
        await host.aclose()
    return guest


@pytest.mark.no_clean_data
async def test_events_page_statement_count_is_constant(
    logged_server: ServerProcess, populated: GraphQLClient
) -> None:
    small_page = await _statements_for(logged_server, populated, 5, EVENTS_PAGE)
    large_page = await _statements_for(logged_server, populated, 50, EVENTS_PAGE)
    logger.info("events page: %d statements for 5 events, %d for 50", small_page, large_page)

    assert small_page > 0
    assert large_page == small_page


@pytest.mark.no_clean_data
async def test_nested_pages_statement_count_is_constant(
    logged_server: ServerProcess, populated: GraphQLClient
) -> None:
    """Attendee and message pages of many parents load in one query per kind, not one per parent."""
    small_page = await _statements_for(logged_server, populated, 5, NESTED_PAGES)
    large_page = await _statements_for(logged_server, populated, 50, NESTED_PAGES)
    logger.info("nested pages: %d statements for 5 events, %d for 50", small_page, large_page)

    assert small_page > 0
    assert large_page == small_page
