"""Sessions live in Redis with sliding expiry, shared by every process."""

from __future__ import annotations

import asyncio

import redis

from tests.production.documents import CHANNELS, ME, SIGN_OUT
from tests.support.backends import Backends
from tests.support.clients import GraphQLClient

DEFAULT_SESSION_TTL = 7 * 24 * 3600
SHORTENED_TTL = 100


def _session_keys(client: redis.Redis) -> list[bytes]:
    return sorted(client.scan_iter(match="session:*"))


def _redis(backends: Backends) -> redis.Redis:
    assert backends.redis_url is not None
    return redis.Redis.from_url(backends.redis_url)


async def test_sign_up_stores_session_in_redis_with_expiry(alice: GraphQLClient, backends: Backends) -> None:
    client = _redis(backends)

    keys = _session_keys(client)
    ttl = client.ttl(keys[0]) if keys else None

    client.close()
    assert len(keys) == 1
    assert ttl is not None
    assert DEFAULT_SESSION_TTL - 60 < ttl <= DEFAULT_SESSION_TTL
    assert alice.token is not None
    assert alice.token.encode() not in keys[0], "the store must hold a digest, not the token"


async def test_each_request_pushes_session_expiry_forward(alice: GraphQLClient, backends: Backends) -> None:
    client = _redis(backends)
    (key,) = _session_keys(client)
    client.expire(key, SHORTENED_TTL)

    await alice.data(ME)

    ttl = client.ttl(key)
    client.close()
    assert ttl > SHORTENED_TTL


async def test_expired_session_signs_viewer_out(alice: GraphQLClient, backends: Backends) -> None:
    client = _redis(backends)
    (key,) = _session_keys(client)
    client.pexpire(key, 1)
    # Redis treats a key as gone from the moment its expiry passes, even before it deletes it.
    await asyncio.sleep(0.01)
    client.close()

    me = (await alice.data(ME))["me"]
    error = await alice.error(CHANNELS)

    assert me is None
    assert error["extensions"]["code"] == "UNAUTHENTICATED"


async def test_sign_out_deletes_session_from_redis(alice: GraphQLClient, backends: Backends) -> None:
    client = _redis(backends)

    await alice.data(SIGN_OUT)

    keys = _session_keys(client)
    client.close()
    assert keys == []
