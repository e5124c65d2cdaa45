"""/v1/ws across server processes: a post through one process reaches a feed on another, through Redis."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.exceptions import ConnectionClosed

from tests.rest.support import RestClient, create_event, open_feed, post_message
from tests.support.backends import Backends
from tests.support.server import ServerProcess


@pytest.fixture(scope="module")
def second_server(backends: Backends, scratch: Path) -> Iterator[ServerProcess]:
    if backends.redis_url is None:
        pytest.skip("needs TEST_REDIS_URL: without Redis each process has its own sessions and pub/sub")
    process = ServerProcess(backends=backends, log_path=scratch / "second-server.log").start()
    yield process
    process.stop()


async def test_post_reaches_feed_elsewhere(
    server: ServerProcess, second_server: ServerProcess, rest_alice: RestClient, rest_bob: RestClient
) -> None:
    event = await create_event(rest_alice)
    await rest_bob.ok("POST", "/v1/events/join", {"id": event["id"]}, status=201)

    async with open_feed(second_server.base_url, second_server.ws_url, rest_bob.token) as feed:
        posted = await post_message(rest_alice, event["channel"], "across processes")
        frame = await feed.next_frame()

    assert frame == {"type": "message-new", "message": posted}


async def test_sign_out_closes_feed_elsewhere(
    server: ServerProcess, second_server: ServerProcess, rest_alice: RestClient
) -> None:
    async with open_feed(second_server.base_url, second_server.ws_url, rest_alice.token) as feed:
        signed_out = await rest_alice.send("DELETE", "/v1/sessions/mine")
        with pytest.raises(ConnectionClosed) as closed:
            await feed.next_frame()

    assert signed_out.status_code == 200
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4401
