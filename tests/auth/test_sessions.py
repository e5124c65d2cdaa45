"""Session tokens: signed, checked before any store lookup, and expiring after SESSION_TTL."""

from __future__ import annotations

import asyncio
from pathlib import Path

from app.auth.sessions import MemorySessionStore
from app.auth.tokens import TokenSigner, bearer_token
from tests.support.backends import Backends
from tests.support.clients import GraphQLClient, sign_up
from tests.support.server import ServerProcess


def test_token_carries_256_random_bits() -> None:
    signer = TokenSigner(b"key")

    first, first_key = signer.issue()
    second, second_key = signer.issue()
    session_part = first.partition(".")[0]

    assert first != second
    assert first_key != second_key
    assert len(session_part) == 43  # 32 bytes in unpadded base64url
    assert signer.verify(first) == first_key


def test_tampered_or_foreign_tokens_fail_verification() -> None:
    signer = TokenSigner(b"key")
    token, _ = signer.issue()
    session_part, _, signature = token.partition(".")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]

    assert signer.verify(f"{session_part}.{flipped}") is None
    assert TokenSigner(b"another key").verify(token) is None
    assert signer.verify(session_part) is None
    assert signer.verify("not a token at all") is None
    assert signer.verify("%%%.%%%") is None
    assert signer.verify("") is None


def test_bearer_header_parsing() -> None:
    assert bearer_token("Bearer abc.def") == "abc.def"
    assert bearer_token("bearer   abc.def  ") == "abc.def"
    assert bearer_token("Basic abc") is None
    assert bearer_token("Bearer ") is None
    assert bearer_token(None) is None


async def test_memory_store_expires_and_slides() -> None:
    store = MemorySessionStore(ttl_seconds=1)
    await store.create("kept", 7)
    await store.create("dropped", 8)

    await asyncio.sleep(0.6)
    assert await store.user_id("kept") == 7  # this read pushes the expiry forward
    await asyncio.sleep(0.6)

    assert await store.user_id("kept") == 7
    assert await store.user_id("dropped") is None


async def test_session_ends_after_ttl(backends: Backends, tmp_path: Path) -> None:
    server = ServerProcess(
        backends=backends, log_path=tmp_path / "ttl.log", overrides={"SESSION_TTL": "1"}
    ).start()
    try:
        client = await sign_up(server.base_url, "shortlived")
        assert (await client.data("{ me { userName } }"))["me"] == {"userName": "shortlived"}

        await asyncio.sleep(1.5)
        expired = await client.data("{ me { userName } }")
        error = await client.error("{ channels { id } }")
        await client.aclose()
    finally:
        server.stop()

    assert expired["me"] is None
    assert error["extensions"]["code"] == "UNAUTHENTICATED"


async def test_forged_token_is_unauthenticated(anonymous: GraphQLClient) -> None:
    anonymous.token = "A" * 43 + "." + "B" * 43

    error = await anonymous.error("{ channels { id } }")
    me = await anonymous.data("{ me { id } }")

    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    assert me["me"] is None
