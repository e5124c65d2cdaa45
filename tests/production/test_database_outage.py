"""MariaDB goes away and comes back under a running process.

A private mariadbd is stopped while a uvicorn process serves requests: requests fail
at once with a clear error, /readyz reports the database unavailable, and the same
process serves again once mariadbd is back, without a restart.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.production.documents import CHANNELS, POST_MESSAGE, SIGN_IN
from tests.production.feeds import general_channel_id
from tests.production.instances import PrivateMariaDB
from tests.production.migrations import run_alembic
from tests.support.backends import Backends
from tests.support.clients import PASSWORD, GraphQLClient, sign_up
from tests.support.server import ServerProcess

DATABASE_UNAVAILABLE = "the database is unavailable; try again shortly"
RECOVERY_TIMEOUT_SECONDS = 30.0
# Longer than DB_CONNECT_TIMEOUT below, so a request that hangs fails the test instead of waiting.
HANG_GUARD_SECONDS = 15.0


@pytest.fixture(scope="module")
def database_server(
    backends: Backends, private_mariadb: PrivateMariaDB, scratch: Path
) -> Iterator[ServerProcess]:
    private_mariadb.create_database("meetup")
    on_private_mariadb = Backends(
        database_url=private_mariadb.database_url("meetup"), redis_url=backends.redis_url
    )
    run_alembic(on_private_mariadb, "upgrade", "head")
    process = ServerProcess(
        backends=on_private_mariadb,
        log_path=scratch / "server-mariadb-outage.log",
        overrides={"DB_CONNECT_TIMEOUT": "2"},
    ).start()
    yield process
    process.stop()


async def _wait_until_ready(base_url: str) -> float:
    """Poll /readyz until it returns 200, and return the seconds that took."""
    started = time.monotonic()
    async with httpx.AsyncClient(timeout=HANG_GUARD_SECONDS) as http:
        while (await http.get(f"{base_url}/readyz")).status_code != 200:
            assert time.monotonic() - started < RECOVERY_TIMEOUT_SECONDS, (
                f"the service did not recover within {RECOVERY_TIMEOUT_SECONDS}s of MariaDB restarting"
            )
            await asyncio.sleep(0.1)
    return time.monotonic() - started


async def test_database_outage_fails_fast_and_recovers(
    database_server: ServerProcess, private_mariadb: PrivateMariaDB
) -> None:
    alice = await sign_up(database_server.base_url)
    alice.http.timeout = httpx.Timeout(HANG_GUARD_SECONDS)
    channel_id = await general_channel_id(alice)
    anonymous = GraphQLClient(database_server.base_url)
    rest = httpx.AsyncClient(timeout=HANG_GUARD_SECONDS, headers=alice.headers())

    private_mariadb.stop()
    try:
        started = time.monotonic()
        read = await alice.error(CHANNELS)
        write = await alice.error(POST_MESSAGE, {"channelId": channel_id, "body": "lost in the outage?"})
        sign_in = await anonymous.error(
            SIGN_IN, {"email": f"{alice.user_name}@example.com", "password": PASSWORD}
        )
        legacy = await rest.get(f"{database_server.base_url}/v1/channels")
        readiness = await rest.get(f"{database_server.base_url}/readyz")
        outage_seconds = time.monotonic() - started
    finally:
        private_mariadb.start()
    recovery_seconds = await _wait_until_ready(database_server.base_url)
    print(
        f"five requests during the outage took {outage_seconds:.2f}s;"
        f" /readyz was 200 again {recovery_seconds:.2f}s after mariadbd restarted"
    )

    for error in (read, write, sign_in):
        assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
        assert error["message"] == DATABASE_UNAVAILABLE
    assert legacy.status_code == 503
    assert "database is unavailable" in legacy.text
    assert readiness.status_code == 503
    assert readiness.json() == {"status": "unavailable", "database": "unavailable", "redis": "ok"}

    posted = await alice.data(POST_MESSAGE, {"channelId": channel_id, "body": "back after the outage"})
    assert posted["postMessage"]["body"] == "back after the outage"
    assert "General" in {channel["name"] for channel in (await alice.data(CHANNELS))["channels"]}
    for client in (alice, anonymous):
        await client.aclose()
    await rest.aclose()
