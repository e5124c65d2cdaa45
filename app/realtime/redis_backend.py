"""A broadcaster backend for Redis pub/sub that survives Redis restarts.

broadcaster's own Redis backend stops listening for good when its connection drops,
which would leave every subscription open but silent. This one reconnects with a
short capped backoff and subscribes again, so open subscriptions resume receiving.
Events published while Redis is away are lost; clients find them in history.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from broadcaster import BroadcastBackend, Event
from redis import asyncio as aioredis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RECONNECT_DELAYS = (0.1, 0.25, 0.5, 1.0)


class ReconnectingRedisBackend(BroadcastBackend):
    def __init__(self, url: str, *, timeout: float = 2.0) -> None:
        self._url = url
        self._timeout = timeout
        self._publisher = aioredis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
        self._channels: set[str] = set()
        self._queue: asyncio.Queue[Event] = asyncio.Queue()
        self._changed = asyncio.Event()
        self._listener: asyncio.Task[None] | None = None
        self.connected = asyncio.Event()

    async def connect(self) -> None:
        self._listener = asyncio.create_task(self._listen_forever(), name="redis-pubsub-listener")

    async def disconnect(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            await asyncio.gather(self._listener, return_exceptions=True)
        await self._publisher.aclose()

    async def subscribe(self, group: str) -> None:
        self._channels.add(group)
        self._changed.set()

    async def unsubscribe(self, group: str) -> None:
        self._channels.discard(group)
        self._changed.set()

    async def publish(self, channel: str, message: Any) -> None:
        await self._publisher.publish(channel, message)

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
                self.connected.clear()
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
        client = aioredis.Redis.from_url(
            self._url, socket_connect_timeout=self._timeout, health_check_interval=5
        )
        pubsub = client.pubsub()
        try:
            subscribed = set(self._channels)
            await pubsub.subscribe(*subscribed)
            self.connected.set()
            logger.info("pubsub.subscribed channels=%s", sorted(subscribed))
            self._changed.clear()
            while subscribed == self._channels:
                message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
                if message is None or message["type"] != "message":
                    continue
                await self._queue.put(
                    Event(channel=message["channel"].decode(), message=message["data"].decode())
                )
        finally:
            await pubsub.aclose()
            await client.aclose()
