"""Browsers may open the GraphQL WebSocket only from the origins CORS_ORIGINS allows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus
from websockets.typing import Origin, Subprotocol

from tests.support.backends import Backends
from tests.support.server import ServerProcess

PROTOCOL = [Subprotocol("graphql-transport-ws")]


@pytest.fixture(scope="module")
def restricted_server(backends: Backends, scratch: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(
        backends=backends,
        log_path=scratch / "origins.log",
        overrides={"CORS_ORIGINS": "http://app.example.test"},
    ).start()
    yield process
    process.stop()


async def test_any_origin_allowed_by_default(server: ServerProcess) -> None:
    async with connect(
        f"{server.ws_url}/graphql", subprotocols=PROTOCOL, origin=Origin("http://elsewhere.example.test")
    ) as connection:
        assert connection.subprotocol == "graphql-transport-ws"


async def test_listed_origin_allowed(restricted_server: ServerProcess) -> None:
    async with connect(
        f"{restricted_server.ws_url}/graphql", subprotocols=PROTOCOL, origin=Origin("http://app.example.test")
    ) as connection:
        assert connection.subprotocol == "graphql-transport-ws"


async def test_unlisted_origin_rejected(restricted_server: ServerProcess) -> None:
    with pytest.raises(InvalidStatus) as rejected:
        async with connect(
            f"{restricted_server.ws_url}/graphql",
            subprotocols=PROTOCOL,
            origin=Origin("http://elsewhere.example.test"),
        ):
            pass

    assert rejected.value.response.status_code == 403


async def test_client_without_origin_allowed(restricted_server: ServerProcess) -> None:
    async with connect(f"{restricted_server.ws_url}/graphql", subprotocols=PROTOCOL) as connection:
        assert connection.subprotocol == "graphql-transport-ws"
