"""A broadcaster backend for Redis pub/sub that survives Redis restarts.

broadcaster's own Redis backend stops listening for good when its connection drops,
which would leave every subscription open but silent. This one reconnects with a
short capped backoff and subscribes again, so open subscriptions resume receiving
within about a second of Redis accepting connections again. Events published while
Redis is away are lost; clients find them in history.

Redis pub/sub channels are shared by every database index of a server, so channel
names carry the database index of REDIS_URL (`db3:meetup.changes`). Deployments that
share one Redis server under different indexes then never receive each other's events.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from broadcaster import BroadcastBackend, Event
from redis import asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RECONNECT_DELAYS = (0.1, 0.25, 0.5, 1.0)
HEALTH_CHECK_SECONDS = 5
POLL_SECONDS = 1.0


class ReconnectingRedisBackend(BroadcastBackend):
    """Publishes through a pooled client and listens on one pub/sub connection that is re-opened when lost."""

    def __init__(self, url: str, *, timeout: float = 2.0) -> None:
        self._url = url
        self._timeout = timeout
        self._publisher = aioredis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
        database = self._publisher.connection_pool.connection_kwargs.get("db", 0)
        self._prefix = f"db{database}:"
        self._channels: set[str] = set()
        self._queue: asyncio.Queue[Event] = asyncio.Queue()
        self._changed = asyncio.Event()
        self._listener: asyncio.Task[None] | None = None
        self._listening_to: frozenset[str] = frozenset()
        self._subscribed = asyncio.Event()
        self.connected = asyncio.Event()

    async def connect(self) -> None:
        self._listener = asyncio.create_task(self._listen_forever(), name="redis-pubsub-listener")

    async def disconnect(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            await asyncio.gather(self._listener, return_exceptions=True)
        await self._publisher.aclose()

    async def subscribe(self, group: str) -> None:
        """Subscribe to `group`, waiting up to the timeout for Redis to confirm it.

        When Redis is unreachable, this returns after the timeout so that a process can
        start without Redis. The listener keeps retrying and subscribes once Redis is back.
        """
        self._channels.add(group)
        self._changed.set()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self._timeout):
                while group not in self._listening_to:
                    self._subscribed.clear()
                    await self._subscribed.wait()

    async def unsubscribe(self, group: str) -> None:
        self._channels.discard(group)
        self._changed.set()

    async def publish(self, channel: str, message: Any) -> None:
        await self._publisher.publish(self._prefix + channel, message)

    async def next_published(self) -> Event:
        return await self._queue.get()

    async def _listen_forever(self) -> None:
        failures = 0
        while True:
            if not self._channels:
                self._changed.clear()
                await self._changed.wait()
                continue
            try:
                await self._listen_once()
                failures = 0
            except (RedisError, OSError) as error:
                delay = RECONNECT_DELAYS[min(failures, len(RECONNECT_DELAYS) - 1)]
                failures += 1
                logger.warning(
                    "pubsub.connection_lost error=%s attempt=%d retry_in=%.2fs",
                    error,
                    failures,
                    delay,
                )
                await asyncio.sleep(delay)

    async def _listen_once(self) -> None:
        # No retries inside redis-py: a lost connection surfaces at once and the loop above
        # reconnects on its own backoff, which is shorter than redis-py's default.
        client = aioredis.Redis.from_url(
            self._url,
            socket_connect_timeout=self._timeout,
            health_check_interval=HEALTH_CHECK_SECONDS,
            retry=Retry(NoBackoff(), 0),
        )
        pubsub = client.pubsub()
        try:
            requested = frozenset(self._channels)
            await pubsub.subscribe(*(self._prefix + channel for channel in requested))
            self._listening_to = requested
            self._subscribed.set()
            self.connected.set()
            logger.info("pubsub.subscribed channels=%s prefix=%s", sorted(requested), self._prefix)
            self._changed.clear()
            while requested == self._channels:
                message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=POLL_SECONDS)
                if message is None or message["type"] != "message":
                    continue
                channel = message["channel"].decode().removeprefix(self._prefix)
                await self._queue.put(Event(channel=channel, message=message["data"].decode()))
        finally:
            self.connected.clear()
            self._listening_to = frozenset()
            await pubsub.aclose()
            await client.aclose()
