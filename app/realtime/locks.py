"""Per-channel locks that keep commit-then-publish in commit order.

Within one process an asyncio lock per channel is enough. With several processes a
Redis lock is held as well, so that two processes cannot commit to one channel in one
order and publish in the other. If Redis cannot grant the lock in time, the write goes
ahead without it: the change must not fail because ordering could not be guaranteed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from collections.abc import AsyncIterator

from redis import asyncio as aioredis
from redis.exceptions import LockError, RedisError

logger = logging.getLogger(__name__)

# Maximum time a lock is held before Redis frees it, in case its process dies holding it.
LOCK_EXPIRY_SECONDS = 10.0


class ChannelLocks:
    def __init__(self, client: aioredis.Redis | None = None, *, wait_seconds: float = 2.0) -> None:
        self._client = client
        self._wait_seconds = wait_seconds
        self._local: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()

    def _local_lock(self, channel_id: int) -> asyncio.Lock:
        lock = self._local.get(channel_id)
        if lock is None:
            lock = asyncio.Lock()
            self._local[channel_id] = lock
        return lock

    @contextlib.asynccontextmanager
    async def hold(self, channel_id: int) -> AsyncIterator[None]:
        async with self._local_lock(channel_id):
            if self._client is None:
                yield
                return
            shared = self._client.lock(
                f"channel-lock:{channel_id}",
                timeout=LOCK_EXPIRY_SECONDS,
                blocking_timeout=self._wait_seconds,
            )
            acquired = await self._acquire(shared, channel_id)
            try:
                yield
            finally:
                if acquired:
                    await self._release(shared, channel_id)

    async def _acquire(self, lock: aioredis.lock.Lock, channel_id: int) -> bool:
        try:
            acquired = bool(await lock.acquire())
        except RedisError as error:
            logger.warning("channel_lock.unavailable channel_id=%s error=%s", channel_id, error)
            return False
        if not acquired:
            logger.warning("channel_lock.timed_out channel_id=%s wait=%.1fs", channel_id, self._wait_seconds)
        return acquired

    async def _release(self, lock: aioredis.lock.Lock, channel_id: int) -> None:
        try:
            await lock.release()
        except (LockError, RedisError) as error:
            logger.warning("channel_lock.release_failed channel_id=%s error=%s", channel_id, error)
