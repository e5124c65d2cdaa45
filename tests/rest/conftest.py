"""Clients of the legacy REST shim, signed up through POST /v1/users."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.rest.support import RestClient, rest_sign_up
from tests.support.server import ServerProcess


@pytest.fixture
async def rest_alice(server: ServerProcess) -> AsyncIterator[RestClient]:
    client = await rest_sign_up(server.base_url, "alice")
    yield client
    await client.aclose()


@pytest.fixture
async def rest_bob(server: ServerProcess) -> AsyncIterator[RestClient]:
    client = await rest_sign_up(server.base_url, "bob")
    yield client
    await client.aclose()


@pytest.fixture
async def rest_anonymous(server: ServerProcess) -> AsyncIterator[RestClient]:
    client = RestClient(server.base_url)
    yield client
    await client.aclose()
