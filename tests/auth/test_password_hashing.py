"""bcrypt runs in worker threads, so hashing never blocks the event loop."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

import bcrypt
import httpx
import pytest

from app.auth.passwords import PasswordHasher
from tests.support.backends import Backends
from tests.support.clients import PASSWORD
from tests.support.server import ServerProcess


def _recording(
    original: Callable[..., Any], threads: list[threading.Thread], loops: list[bool]
) -> Callable[..., Any]:
    def wrapper(*args: Any) -> Any:
        threads.append(threading.current_thread())
        try:
            asyncio.get_running_loop()
            loops.append(True)
        except RuntimeError:
            loops.append(False)
        return original(*args)

    return wrapper


async def test_hash_and_verify_run_off_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[threading.Thread] = []
    on_loop: list[bool] = []
    monkeypatch.setattr(bcrypt, "hashpw", _recording(bcrypt.hashpw, threads, on_loop))
    monkeypatch.setattr(bcrypt, "checkpw", _recording(bcrypt.checkpw, threads, on_loop))
    hasher = PasswordHasher(rounds=4)

    password_hash = await hasher.hash("a long enough password")
    verified = await hasher.verify("a long enough password", password_hash)
    rejected = await hasher.verify("another password", password_hash)
    decoy = await hasher.verify("any password", None)

    assert verified is True
    assert rejected is False
    assert decoy is False
    # hash, two checks, the decoy's own hash and its check
    assert len(threads) == 5
    assert threading.main_thread() not in threads
    assert not any(on_loop)


async def test_earlier_2a_cost_13_hash_verifies() -> None:
    earlier_hash = bcrypt.hashpw(b"their old password", bcrypt.gensalt(13, prefix=b"2a")).decode()
    hasher = PasswordHasher(rounds=4)

    assert earlier_hash.startswith("$2a$13$")
    assert await hasher.verify("their old password", earlier_hash) is True
    assert await hasher.verify("a wrong password", earlier_hash) is False


async def test_slow_sign_up_does_not_stall_other_requests(backends: Backends, tmp_path: Any) -> None:
    """While a costly hash runs, the same process keeps serving, so /healthz returns first."""
    server = ServerProcess(
        backends=backends, log_path=tmp_path / "slow-hash.log", overrides={"BCRYPT_ROUNDS": "14"}
    ).start()
    finished: list[str] = []
    try:
        async with httpx.AsyncClient(base_url=server.base_url, timeout=60) as http:

            async def sign_up_slowly() -> None:
                variables = {
                    "input": {
                        "email": "slow@example.com",
                        "password": PASSWORD,
                        "passwordConf": PASSWORD,
                        "userName": "slow",
                    }
                }
                query = "mutation($input: SignUpInput!) { signUp(input: $input) { token } }"
                response = await http.post("/graphql", json={"query": query, "variables": variables})
                assert "token" in response.text
                finished.append("signUp")

            async def check_health() -> None:
                await asyncio.sleep(0.2)  # Let the sign-up reach bcrypt first.
                response = await http.get("/healthz")
                assert response.status_code == 200
                finished.append("healthz")

            await asyncio.gather(sign_up_slowly(), check_health())
    finally:
        server.stop()

    assert finished == ["healthz", "signUp"]
