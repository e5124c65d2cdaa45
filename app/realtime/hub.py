"""Publishing change events, and fanning them out to this process's subscribers.

Each process subscribes once to one pub/sub topic (in-process or Redis through
broadcaster) and hands every event to its local subscribers, each through a
bounded queue. A subscriber whose queue is full is ended instead of buffered, so
one slow client never holds back or grows memory for the others. Read access is
checked at delivery: a viewer who may no longer read a channel gets nothing more.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

from broadcaster import Broadcast
from broadcaster._base import Unsubscribed

from app.errors import ErrorCode, SubscriptionEnded
from app.realtime.events import ChangeEvent, ChangeKind
from app.realtime.locks import ChannelLocks

logger = logging.getLogger(__name__)

TOPIC = "meetup.changes"
SESSION_RECHECK_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class Audience:
    """The readers of a channel: anyone signed in when it is public, else its members."""

    public: bool
    member_ids: frozenset[int]

    def admits(self, user_id: int) -> bool:
        return self.public or user_id in self.member_ids


AudienceLoader = Callable[[int], Awaitable[Audience | None]]
SessionChecker = Callable[[str], Awaitable[int | None]]


@dataclass(eq=False)
class Subscriber:
    viewer_id: int
    session_key: str
    channel_id: int | None
    kinds: frozenset[ChangeKind] | None
    queue: asyncio.Queue[ChangeEvent | SubscriptionEnded]
    session_checked_at: float = field(default_factory=time.monotonic)
    ended: bool = False

    def wants(self, event: ChangeEvent) -> bool:
        if self.kinds is not None and event.kind not in self.kinds:
            return False
        return self.channel_id is None or self.channel_id == event.channel_id

    def end(self, reason: str, code: ErrorCode) -> None:
        if self.ended:
            return
        self.ended = True
        # Drop queued events so the reason is the next thing the consumer reads.
        while not self.queue.empty():
            self.queue.get_nowait()
        self.queue.put_nowait(SubscriptionEnded(reason, code))

    async def events(self) -> AsyncIterator[ChangeEvent]:
        while True:
            item = await self.queue.get()
            if isinstance(item, SubscriptionEnded):
                raise item
            yield item


class Hub:
    def __init__(
        self,
        broadcast: Broadcast,
        load_audience: AudienceLoader,
        check_session: SessionChecker,
        *,
        queue_size: int,
        publish_timeout: float,
        locks: ChannelLocks | None = None,
    ) -> None:
        self._broadcast = broadcast
        self._load_audience = load_audience
        self._check_session = check_session
        self._queue_size = queue_size
        self._publish_timeout = publish_timeout
        self._subscribers: set[Subscriber] = set()
        self._listener: asyncio.Task[None] | None = None
        self._locks = locks or ChannelLocks()
        self.started = asyncio.Event()

    async def start(self) -> None:
        await self._broadcast.connect()
        self._listener = asyncio.create_task(self._listen(), name="hub-listener")
        await asyncio.wait_for(self.started.wait(), timeout=10)
        logger.info("hub.started")

    async def stop(self) -> None:
        for subscriber in list(self._subscribers):
            subscriber.end("the server is shutting down; reconnect", ErrorCode.INTERNAL_SERVER_ERROR)
        if self._listener is not None:
            self._listener.cancel()
            await asyncio.gather(self._listener, return_exceptions=True)
        await self._broadcast.disconnect()
        logger.info("hub.stopped")

    def channel_lock(self, channel_id: int) -> contextlib.AbstractAsyncContextManager[None]:
        """Return the lock that keeps commit-then-publish in commit order for one channel."""
        return self._locks.hold(channel_id)

    async def publish(self, event: ChangeEvent) -> None:
        """Publish a committed change, logging a failure instead of raising it: the change is saved."""
        try:
            await asyncio.wait_for(
                self._broadcast.publish(TOPIC, event.encode()), timeout=self._publish_timeout
            )
        except Exception as error:
            logger.error(
                "hub.publish_failed kind=%s channel_id=%s error=%r",
                event.kind.value,
                event.channel_id,
                error,
            )

    @contextlib.asynccontextmanager
    async def subscribe(
        self,
        *,
        viewer_id: int,
        session_key: str,
        channel_id: int | None = None,
        kinds: frozenset[ChangeKind] | None = None,
    ) -> AsyncIterator[Subscriber]:
        subscriber = Subscriber(
            viewer_id=viewer_id,
            session_key=session_key,
            channel_id=channel_id,
            kinds=kinds,
            queue=asyncio.Queue(maxsize=self._queue_size + 1),
        )
        self._subscribers.add(subscriber)
        logger.debug("hub.subscribed viewer_id=%s channel_id=%s", viewer_id, channel_id)
        try:
            yield subscriber
        finally:
            self._subscribers.discard(subscriber)
            logger.debug("hub.unsubscribed viewer_id=%s channel_id=%s", viewer_id, channel_id)

    @property
    def subscriber_count(self) -> int:
        return len(self._subscribers)

    async def _listen(self) -> None:
        async with self._broadcast.subscribe(TOPIC) as stream:
            self.started.set()
            while True:
                try:
                    message = await stream.get()
                except Unsubscribed:
                    return
                try:
                    await self._dispatch(ChangeEvent.decode(message.message))
                except Exception:
                    logger.exception("hub.dispatch_failed message=%.200s", message.message)

    async def _dispatch(self, event: ChangeEvent) -> None:
        if event.kind is ChangeKind.SESSION_ENDED:
            for subscriber in list(self._subscribers):
                if subscriber.session_key == event.session_key:
                    subscriber.end("the session has ended; sign in again", ErrorCode.UNAUTHENTICATED)
            return

        interested = [s for s in self._subscribers if not s.ended and s.wants(event)]
        if not interested:
            return
        audience = await self._audience_for(event)
        for subscriber in interested:
            if await self._may_deliver(subscriber, event, audience):
                self._offer(subscriber, event)

    async def _audience_for(self, event: ChangeEvent) -> Audience | None:
        if event.kind is ChangeKind.CHANNEL_DELETED:
            # The channel is gone, so the event carries who could read it when it was deleted.
            return Audience(public=not event.was_private, member_ids=frozenset(event.audience or ()))
        if event.channel_id is None:
            return None
        return await self._load_audience(event.channel_id)

    async def _may_deliver(
        self, subscriber: Subscriber, event: ChangeEvent, audience: Audience | None
    ) -> bool:
        removed_self = event.kind is ChangeKind.MEMBER_REMOVED and event.user_id == subscriber.viewer_id
        if not removed_self and (audience is None or not audience.admits(subscriber.viewer_id)):
            return False
        if time.monotonic() - subscriber.session_checked_at < SESSION_RECHECK_SECONDS:
            return True
        try:
            user_id = await self._check_session(subscriber.session_key)
        except Exception as error:
            logger.warning("hub.session_recheck_failed viewer_id=%s error=%r", subscriber.viewer_id, error)
            return True
        if user_id is None:
            subscriber.end("the session has ended; sign in again", ErrorCode.UNAUTHENTICATED)
            return False
        subscriber.session_checked_at = time.monotonic()
        return True

    def _offer(self, subscriber: Subscriber, event: ChangeEvent) -> None:
        if subscriber.queue.qsize() >= self._queue_size:
            logger.warning(
                "hub.subscriber_too_slow viewer_id=%s queued=%d",
                subscriber.viewer_id,
                subscriber.queue.qsize(),
            )
            subscriber.end(
                "the client fell too far behind; resubscribe and catch up with messages(after:)",
                ErrorCode.RATE_LIMITED,
            )
            return
        subscriber.queue.put_nowait(event)
