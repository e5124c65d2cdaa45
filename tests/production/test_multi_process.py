"""Two uvicorn processes on one MariaDB database and one Redis: state and events are shared."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from websockets.exceptions import ConnectionClosed

from tests.production.documents import ME, MESSAGE_ADDED, POST_MESSAGE, SIGN_IN, SIGN_OUT
from tests.production.feeds import general_channel_id, legacy_feed, next_frame
from tests.support.backends import Backends
from tests.support.clients import PASSWORD, GraphQLClient, subscribe
from tests.support.server import ServerProcess

PUBSUB_TOPIC = "meetup.changes"


@pytest.fixture(scope="module")
def second_server(backends: Backends, scratch: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(backends=backends, log_path=scratch / "server-second.log").start()
    yield process
    process.stop()


def _client_on(server: ServerProcess, signed_in: GraphQLClient) -> GraphQLClient:
    return GraphQLClient(server.base_url, token=signed_in.token, user_id=signed_in.user_id)


async def test_token_from_one_process_works_on_other(
    server: ServerProcess, second_server: ServerProcess, alice: GraphQLClient
) -> None:
    on_second = _client_on(second_server, alice)

    me = (await on_second.data(ME))["me"]

    assert me["id"] == alice.user_id
    assert me["userName"] == "alice"

    signed_in = (await on_second.data(SIGN_IN, {"email": "alice@example.com", "password": PASSWORD}))[
        "signIn"
    ]
    on_first = GraphQLClient(server.base_url, token=signed_in["token"])
    assert (await on_first.data(ME))["me"]["id"] == alice.user_id
    for client in (on_second, on_first):
        await client.aclose()


def test_processes_listen_on_one_redis_channel(
    server: ServerProcess, second_server: ServerProcess, backends: Backends
) -> None:
    assert backends.redis_url is not None
    client = redis.Redis.from_url(backends.redis_url)
    database = client.connection_pool.connection_kwargs.get("db", 0)
    channel = f"db{database}:{PUBSUB_TOPIC}"

    listeners = dict(client.pubsub_numsub(channel))

    client.close()
    assert listeners[channel.encode()] >= 2


@pytest.mark.parametrize("protocol", ["graphql-transport-ws", "graphql-ws"])
async def test_subscriber_receives_message_posted_through_other_process(
    server: ServerProcess,
    second_server: ServerProcess,
    alice: GraphQLClient,
    bob: GraphQLClient,
    protocol: str,
) -> None:
    channel_id = await general_channel_id(alice)

    async with subscribe(
        second_server.ws_url,
        MESSAGE_ADDED,
        {"channelId": channel_id},
        token=alice.token,
        protocol=protocol,
        registered_at=second_server.base_url,
    ) as subscription:
        posted = await bob.data(POST_MESSAGE, {"channelId": channel_id, "body": "from the first process 🎹"})
        payload = await subscription.next_payload()

    received = payload["data"]["messageAdded"]
    assert received["id"] == posted["postMessage"]["id"]
    assert received["body"] == "from the first process 🎹"
    assert received["creator"] == {"userName": "bob"}


async def test_legacy_feed_receives_message_posted_through_other_process(
    server: ServerProcess, second_server: ServerProcess, alice: GraphQLClient, bob: GraphQLClient
) -> None:
    channel_id = await general_channel_id(alice)

    async with legacy_feed(second_server.ws_url, alice.token, second_server.base_url) as feed:
        posted = await bob.data(POST_MESSAGE, {"channelId": channel_id, "body": "heard on /v1/ws"})
        frame = await next_frame(feed)

    assert frame["type"] == "message-new"
    assert str(frame["message"]["id"]) == posted["postMessage"]["id"]
    assert frame["message"]["body"] == "heard on /v1/ws"
    assert str(frame["message"]["channelID"]) == channel_id


async def test_sign_out_ends_session_on_both_processes(
    server: ServerProcess, second_server: ServerProcess, alice: GraphQLClient
) -> None:
    channel_id = await general_channel_id(alice)
    on_second = _client_on(second_server, alice)

    async with (
        subscribe(
            second_server.ws_url,
            MESSAGE_ADDED,
            {"channelId": channel_id},
            token=alice.token,
            registered_at=second_server.base_url,
        ) as graphql_on_second,
        subscribe(
            server.ws_url,
            MESSAGE_ADDED,
            {"channelId": channel_id},
            token=alice.token,
            registered_at=server.base_url,
        ) as graphql_on_first,
        legacy_feed(second_server.ws_url, alice.token, second_server.base_url) as feed_on_second,
    ):
        assert (await alice.data(SIGN_OUT))["signOut"] is True

        for subscription in (graphql_on_second, graphql_on_first):
            ended = await subscription.next_message()
            assert ended["type"] == "next", ended
            assert ended["payload"]["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
            assert (await subscription.next_message())["type"] == "complete"
        with pytest.raises(ConnectionClosed) as closed:
            await asyncio.wait_for(feed_on_second.recv(), timeout=5)
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == 4401

    assert (await on_second.data(ME))["me"] is None
    assert (await alice.data(ME))["me"] is None
    await on_second.aclose()


async def test_messages_from_two_processes_arrive_in_commit_order(
    server: ServerProcess, second_server: ServerProcess, alice: GraphQLClient, bob: GraphQLClient
) -> None:
    """Posts racing through both processes reach a subscriber in the order of their ids."""
    channel_id = await general_channel_id(alice)
    bob_on_second = _client_on(second_server, bob)
    posts_per_process = 15

    async def post_many(client: GraphQLClient, prefix: str) -> None:
        for number in range(posts_per_process):
            await client.data(POST_MESSAGE, {"channelId": channel_id, "body": f"{prefix} {number}"})

    async with subscribe(
        server.ws_url,
        MESSAGE_ADDED,
        {"channelId": channel_id},
        token=alice.token,
        registered_at=server.base_url,
    ) as subscription:
        await asyncio.gather(post_many(alice, "first"), post_many(bob_on_second, "second"))
        received = [await subscription.next_payload() for _ in range(2 * posts_per_process)]
    await bob_on_second.aclose()

    ids = [int(payload["data"]["messageAdded"]["id"]) for payload in received]
    assert len(set(ids)) == 2 * posts_per_process
    assert ids == sorted(ids)
