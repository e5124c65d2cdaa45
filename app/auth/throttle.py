"""Failed sign-in counting per email, so one account cannot be guessed at full speed.

Failures are counted in a fixed window per email digest. Unknown emails count like known
ones, so the limit reveals nothing about which accounts exist. With Redis the count is
shared by every process.
"""

from __future__ import annotations

import hashlib
import logging
import time
from typing import Protocol

from redis import asyncio as aioredis
from redis.exceptions import RedisError

from app.errors import ServiceUnavailable

logger = logging.getLogger(__name__)


def throttle_key(email: str) -> str:
    return hashlib.sha256(email.encode()).hexdigest()


class SignInThrottle(Protocol):
    async def retry_after(self, key: str) -> int:
        """Return the seconds until sign-in may be tried again, or 0 when it may be tried now."""
        ...

    async def record_failure(self, key: str) -> None: ...

    async def clear(self, key: str) -> None: ...


class MemorySignInThrottle:
    def __init__(self, max_failures: int, window_seconds: int) -> None:
        self._max_failures = max_failures
        self._window = window_seconds
        self._failures: dict[str, tuple[int, float]] = {}

    async def retry_after(self, key: str) -> int:
        count, window_end = self._failures.get(key, (0, 0.0))
        remaining = window_end - time.monotonic()
        if remaining <= 0:
            self._failures.pop(key, None)
            return 0
        return max(1, round(remaining)) if count >= self._max_failures else 0

    async def record_failure(self, key: str) -> None:
        now = time.monotonic()
        count, window_end = self._failures.get(key, (0, 0.0))
        if window_end <= now:
            count, window_end = 0, now + self._window
        self._failures[key] = (count + 1, window_end)

    async def clear(self, key: str) -> None:
        self._failures.pop(key, None)


class RedisSignInThrottle:
    def __init__(self, client: aioredis.Redis, max_failures: int, window_seconds: int) -> None:
        self._client = client
        self._max_failures = max_failures
        self._window = window_seconds

    @staticmethod
    def _name(key: str) -> str:
        return f"signin-failures:{key}"

    async def retry_after(self, key: str) -> int:
        try:
            count = await self._client.get(self._name(key))
            if count is None or int(count) < self._max_failures:
                return 0
            ttl = await self._client.ttl(self._name(key))
        except RedisError as error:
            logger.error("signin_throttle.lookup_failed error=%s", error)
            raise ServiceUnavailable("the session store is unavailable; try again shortly") from error
        return max(1, int(ttl))

    async def record_failure(self, key: str) -> None:
        name = self._name(key)
        try:
            count = await self._client.incr(name)
            if count == 1:
                await self._client.expire(name, self._window)
        except RedisError as error:
            # The failed sign-in is still reported; only the count is lost.
            logger.error("signin_throttle.record_failed error=%s", error)

    async def clear(self, key: str) -> None:
        try:
            await self._client.delete(self._name(key))
        except RedisError as error:
            logger.error("signin_throttle.clear_failed error=%s", error)
