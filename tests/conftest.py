"""Fixtures: one real server process for the session, clean data for every test."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import redis

from tests.support import backends as backend_config
from tests.support.backends import Backends
from tests.support.clients import GraphQLClient, sign_up
from tests.support.server import ServerProcess, migrate


@pytest.fixture(scope="session")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("meetup")


@pytest.fixture(scope="session")
def backends(scratch: Path) -> Backends:
    chosen = backend_config.from_environment(scratch)
    if chosen.is_mysql:
        backend_config.recreate_mysql_database(chosen)
    migrate(chosen)
    return chosen


@pytest.fixture(scope="session")
def server(backends: Backends, scratch: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(backends=backends, log_path=scratch / "server.log").start()
    yield process
    process.stop()


@pytest.fixture(autouse=True)
def clean_data(request: pytest.FixtureRequest, backends: Backends) -> Iterator[None]:
    """Give every test empty tables (but General) and, with Redis, an empty Redis database."""
    if "no_clean_data" in request.keywords:
        yield
        return
    engine = backends.sync_engine()
    backend_config.reset_data(engine, backends.is_mysql)
    engine.dispose()
    if backends.redis_url:
        client = redis.Redis.from_url(backends.redis_url)
        client.flushdb()
        client.close()
    yield


@pytest.fixture
async def alice(server: ServerProcess) -> AsyncIterator[GraphQLClient]:
    client = await sign_up(server.base_url, "alice")
    yield client
    await client.aclose()


@pytest.fixture
async def bob(server: ServerProcess) -> AsyncIterator[GraphQLClient]:
    client = await sign_up(server.base_url, "bob")
    yield client
    await client.aclose()


@pytest.fixture
async def anonymous(server: ServerProcess) -> AsyncIterator[GraphQLClient]:
    client = GraphQLClient(server.base_url)
    yield client
    await client.aclose()
