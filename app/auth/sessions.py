"""Session stores: in-process for the embedded default, Redis with sliding expiry in production."""

from __future__ import annotations

import logging
import time
from typing import Protocol

from redis import asyncio as aioredis
from redis.exceptions import RedisError

from app.errors import ServiceUnavailable

logger = logging.getLogger(__name__)


class SessionStore(Protocol):
    async def create(self, key: str, user_id: int) -> None: ...

    async def user_id(self, key: str) -> int | None:
        """Return the session's user id and extend its expiry, or None if it has ended."""
        ...

    async def delete(self, key: str) -> None: ...


class MemorySessionStore:
    """Sessions in a dict of this process; they end when the process stops."""

    def __init__(self, ttl_seconds: int) -> None:
        self._ttl = ttl_seconds
        self._sessions: dict[str, tuple[int, float]] = {}

    async def create(self, key: str, user_id: int) -> None:
        self._prune()
        self._sessions[key] = (user_id, time.monotonic() + self._ttl)

    async def user_id(self, key: str) -> int | None:
        entry = self._sessions.get(key)
        if entry is None:
            return None
        user_id, expires_at = entry
        now = time.monotonic()
        if expires_at <= now:
            del self._sessions[key]
            return None
        self._sessions[key] = (user_id, now + self._ttl)
        return user_id

    async def delete(self, key: str) -> None:
        self._sessions.pop(key, None)

    def _prune(self) -> None:
        now = time.monotonic()
        expired = [key for key, (_, expires_at) in self._sessions.items() if expires_at <= now]
        for key in expired:
            del self._sessions[key]


class RedisSessionStore:
    """Sessions in Redis under `session:<digest>`, each read pushing the expiry forward."""

    def __init__(self, client: aioredis.Redis, ttl_seconds: int) -> None:
        self._client = client
        self._ttl = ttl_seconds

    @staticmethod
    def _name(key: str) -> str:
        return f"session:{key}"

    async def create(self, key: str, user_id: int) -> None:
        try:
            await self._client.set(self._name(key), str(user_id), ex=self._ttl)
        except RedisError as error:
            logger.error("session.create_failed error=%s", error)
            raise ServiceUnavailable("the session store is unavailable; try again shortly") from error

    async def user_id(self, key: str) -> int | None:
        try:
            value = await self._client.getex(self._name(key), ex=self._ttl)
        except RedisError as error:
            logger.error("session.lookup_failed error=%s", error)
            raise ServiceUnavailable("the session store is unavailable; try again shortly") from error
        if value is None:
            return None
        return int(value)

    async def delete(self, key: str) -> None:
        try:
            await self._client.delete(self._name(key))
        except RedisError as error:
            logger.error("session.delete_failed error=%s", error)
            raise ServiceUnavailable("the session store is unavailable; try again shortly") from error
