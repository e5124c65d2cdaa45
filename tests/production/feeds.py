"""Helpers for the production tests: channel look-ups and the legacy /v1/ws feed."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import quote

from websockets.asyncio.client import ClientConnection, connect

from tests.production.documents import CHANNELS
from tests.support.clients import GraphQLClient, open_subscriptions, wait_for_subscriptions


async def general_channel_id(client: GraphQLClient) -> str:
    channels = (await client.data(CHANNELS))["channels"]
    ids: list[str] = [channel["id"] for channel in channels if channel["name"] == "General"]
    assert len(ids) == 1, f"expected one General channel, got {channels}"
    return ids[0]


@asynccontextmanager
async def legacy_feed(ws_url: str, token: str | None, base_url: str) -> AsyncIterator[ClientConnection]:
    """Open /v1/ws with `?auth=Bearer <token>` and wait until the server has registered it."""
    before = await open_subscriptions(base_url)
    async with connect(f"{ws_url}/v1/ws?auth={quote(f'Bearer {token}')}") as connection:
        await wait_for_subscriptions(base_url, before + 1)
        yield connection


async def next_frame(connection: ClientConnection, timeout: float = 5.0) -> dict[str, Any]:
    frame: dict[str, Any] = json.loads(await asyncio.wait_for(connection.recv(), timeout=timeout))
    return frame
