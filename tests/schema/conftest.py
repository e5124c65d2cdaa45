"""Fixtures of the rule tests: direct table access and small data sets built through the API."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import redis
from sqlalchemy.engine import Engine

from tests.schema.factories import World, build_world, table_snapshot
from tests.support import backends as backend_config
from tests.support.backends import Backends
from tests.support.clients import GraphQLClient, sign_up
from tests.support.server import ServerProcess


@pytest.fixture(scope="session")
def database(backends: Backends) -> Iterator[Engine]:
    """A synchronous engine on the server's database, for checks the API cannot show."""
    engine = backends.sync_engine()
    yield engine
    engine.dispose()


@pytest.fixture
async def world(alice: GraphQLClient, bob: GraphQLClient, anonymous: GraphQLClient) -> AsyncIterator[World]:
    built = await build_world(owner=alice, outsider=bob, anonymous=anonymous)
    yield built
    await built.forged.aclose()


class SharedWorld:
    """One `World` shared by tests that should change nothing, rebuilt when a test changed the tables.

    Building a world takes seven requests, so the matrix shares one instead of building
    one per case. Every test still starts from the same rows, because `current()` compares
    the tables with the rows of the last build and rebuilds when they differ.
    """

    def __init__(self, server: ServerProcess, backends: Backends, database: Engine) -> None:
        self._server = server
        self._backends = backends
        self._database = database
        self._world: World | None = None
        self._baseline: dict[str, list[tuple[Any, ...]]] = {}

    async def current(self) -> World:
        if self._world is None or table_snapshot(self._database) != self._baseline:
            await self._rebuild()
        assert self._world is not None
        return self._world

    async def close(self) -> None:
        if self._world is None:
            return
        for client in (self._world.owner, self._world.outsider, self._world.anonymous, self._world.forged):
            await client.aclose()
        self._world = None

    async def _rebuild(self) -> None:
        await self.close()
        backend_config.reset_data(self._database, self._backends.is_mysql)
        if self._backends.redis_url:
            client = redis.Redis.from_url(self._backends.redis_url)
            client.flushdb()
            client.close()

        base_url = self._server.base_url
        owner = await sign_up(base_url, "alice")
        outsider = await sign_up(base_url, "bob")
        self._world = await build_world(owner=owner, outsider=outsider, anonymous=GraphQLClient(base_url))
        self._baseline = table_snapshot(self._database)


@pytest.fixture(scope="module")
async def shared_world(
    server: ServerProcess, backends: Backends, database: Engine
) -> AsyncIterator[SharedWorld]:
    shared = SharedWorld(server, backends, database)
    yield shared
    await shared.close()
