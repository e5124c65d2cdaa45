"""Repeated failed sign-ins for one email are throttled, known and unknown emails alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.backends import Backends
from tests.support.clients import PASSWORD, GraphQLClient, sign_up
from tests.support.server import ServerProcess

SIGN_IN = (
    "mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }"
)


@pytest.fixture(scope="module")
def strict_server(backends: Backends, scratch: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(
        backends=backends,
        log_path=scratch / "throttle.log",
        overrides={"SIGN_IN_MAX_FAILURES": "3", "SIGN_IN_WINDOW": "60"},
    ).start()
    yield process
    process.stop()


async def _fail(client: GraphQLClient, email: str, times: int) -> list[str]:
    codes = []
    for _ in range(times):
        error = await client.error(SIGN_IN, {"email": email, "password": "wrong password"})
        codes.append(error["extensions"]["code"])
    return codes


async def test_sign_in_throttled_after_max_failures(strict_server: ServerProcess) -> None:
    user = await sign_up(strict_server.base_url, "drummer")
    stranger = GraphQLClient(strict_server.base_url)

    failures = await _fail(stranger, "drummer@example.com", 3)
    throttled = await stranger.error(SIGN_IN, {"email": "drummer@example.com", "password": PASSWORD})
    other_user = await stranger.execute(SIGN_IN, {"email": "nobody@example.com", "password": "x" * 8})

    assert failures == ["UNAUTHENTICATED"] * 3
    assert throttled["extensions"]["code"] == "RATE_LIMITED"
    assert "try again in" in throttled["message"]
    assert other_user["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    await user.aclose()
    await stranger.aclose()


async def test_unknown_email_is_throttled_too(strict_server: ServerProcess) -> None:
    stranger = GraphQLClient(strict_server.base_url)

    failures = await _fail(stranger, "ghost@example.com", 3)
    throttled = await stranger.error(SIGN_IN, {"email": "ghost@example.com", "password": "anything"})

    assert failures == ["UNAUTHENTICATED"] * 3
    assert throttled["extensions"]["code"] == "RATE_LIMITED"
    await stranger.aclose()


async def test_success_clears_failure_count(strict_server: ServerProcess) -> None:
    user = await sign_up(strict_server.base_url, "bassist")
    client = GraphQLClient(strict_server.base_url)

    await _fail(client, "bassist@example.com", 2)
    signed_in = await client.data(SIGN_IN, {"email": "bassist@example.com", "password": PASSWORD})
    after_success = await _fail(client, "bassist@example.com", 2)

    assert signed_in["signIn"]["token"]
    assert after_success == ["UNAUTHENTICATED"] * 2
    await user.aclose()
    await client.aclose()
