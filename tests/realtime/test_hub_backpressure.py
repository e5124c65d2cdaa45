"""A subscriber that stops reading is ended, while the others keep receiving everything."""

from __future__ import annotations

import asyncio

import pytest
from broadcaster import Broadcast

from app.errors import ErrorCode, SubscriptionEnded
from app.realtime.events import ChangeEvent, ChangeKind
from app.realtime.hub import Audience, Hub

QUEUE_SIZE = 8
EVENTS = 50


async def _everyone_may_read(_channel_id: int) -> Audience:
    return Audience(public=True, member_ids=frozenset())


async def _session_is_live(_session_key: str) -> int:
    return 1


def _message(number: int) -> ChangeEvent:
    return ChangeEvent(kind=ChangeKind.MESSAGE_CREATED, channel_id=1, data={"id": number})


async def test_slow_subscriber_ended_fast_one_unaffected() -> None:
    hub = Hub(
        Broadcast("memory://"),
        _everyone_may_read,
        _session_is_live,
        queue_size=QUEUE_SIZE,
        publish_timeout=1.0,
    )
    await hub.start()
    received: list[int] = []

    async with (
        hub.subscribe(viewer_id=1, session_key="fast") as fast,
        hub.subscribe(viewer_id=2, session_key="slow") as slow,
    ):

        async def read_fast() -> None:
            async for event in fast.events():
                received.append(event.data["id"])
                if len(received) == EVENTS:
                    return

        reader = asyncio.create_task(read_fast())
        for number in range(EVENTS):
            await hub.publish(_message(number))
            await asyncio.sleep(0)  # let the hub dispatch, as it would between requests
        await asyncio.wait_for(reader, timeout=5)

        queued = slow.queue.qsize()
        with pytest.raises(SubscriptionEnded) as ended:
            await anext(slow.events())

    await hub.stop()

    assert received == list(range(EVENTS))
    assert queued <= QUEUE_SIZE + 1
    assert ended.value.code is ErrorCode.RATE_LIMITED
    assert "catch up" in ended.value.message
    assert slow.ended
    assert hub.subscriber_count == 0
