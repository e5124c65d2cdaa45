"""Print the messages posted to one channel as they arrive, over graphql-transport-ws.

Usage: .venv/bin/python scripts/watch.py TOKEN CHANNEL_ID [--url ws://127.0.0.1:8000/graphql]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json

from websockets.asyncio.client import connect
from websockets.typing import Subprotocol

SUBSCRIPTION = """
subscription Watch($channelId: ID!) {
  messageAdded(channelId: $channelId) { id body createdAt creator { userName } }
}
"""


async def watch(url: str, token: str, channel_id: str) -> None:
    async with connect(url, subprotocols=[Subprotocol("graphql-transport-ws")]) as connection:
        await connection.send(
            json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}})
        )
        ack = json.loads(await connection.recv())
        if ack.get("type") != "connection_ack":
            raise SystemExit(f"connection rejected: {ack}")
        await connection.send(
            json.dumps(
                {
                    "id": "1",
                    "type": "subscribe",
                    "payload": {"query": SUBSCRIPTION, "variables": {"channelId": channel_id}},
                }
            )
        )
        print(f"watching channel {channel_id}; press Ctrl+C to stop", flush=True)
        async for raw in connection:
            print(raw, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Print new messages of one channel as JSON lines.")
    parser.add_argument("token", help="session token from signUp or signIn")
    parser.add_argument("channel_id", help="id of a channel the token's user may read")
    parser.add_argument("--url", default="ws://127.0.0.1:8000/graphql", help="GraphQL WebSocket address")
    arguments = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(watch(arguments.url, arguments.token, arguments.channel_id))


if __name__ == "__main__":
    main()
