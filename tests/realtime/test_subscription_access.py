"""Subscriptions deliver only what the viewer may read at the moment of delivery."""

from __future__ import annotations

import pytest

from tests.support.clients import GraphQLClient, subscribe
from tests.support.server import ServerProcess

CREATE_CHANNEL = """
mutation Create($input: CreateChannelInput!) { createChannel(input: $input) { id } }
"""
POST = """
mutation Post($channelId: ID!, $body: String!) { postMessage(channelId: $channelId, body: $body) { id } }
"""
REMOVE_MEMBER = """
mutation Remove($channelId: ID!, $userId: ID!) {
  removeChannelMember(channelId: $channelId, userId: $userId) { id }
}
"""
CHAT_EVENTS = """
subscription Watch($channelId: ID) {
  chatEvents(channelId: $channelId) {
    __typename
    ... on MessageCreated { message { body creator { userName } } }
    ... on MessageUpdated { message { body } }
    ... on MessageDeleted { messageId channelId }
    ... on ChannelCreated { channel { id name private } }
    ... on ChannelUpdated { channel { id name } }
    ... on ChannelDeleted { channelId }
    ... on MemberAdded { channelId user { userName } }
    ... on MemberRemoved { channelId user { userName } }
  }
}
"""
MESSAGE_ADDED = "subscription Watch($channelId: ID!) { messageAdded(channelId: $channelId) { body } }"


async def _private_channel(owner: GraphQLClient, *members: GraphQLClient) -> str:
    data = await owner.data(
        CREATE_CHANNEL,
        {"input": {"name": "Trio rehearsal", "private": True, "memberIds": [m.user_id for m in members]}},
    )
    channel_id: str = data["createChannel"]["id"]
    return channel_id


async def test_subscribe_signed_out_is_unauthenticated(server: ServerProcess) -> None:
    async with subscribe(server.ws_url, MESSAGE_ADDED, {"channelId": "1"}) as subscription:
        message = await subscription.next_message()

    assert message["type"] == "next"
    assert message["payload"]["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_subscribe_private_channel_as_outsider_is_forbidden(
    server: ServerProcess, alice: GraphQLClient, bob: GraphQLClient
) -> None:
    channel_id = await _private_channel(alice)

    async with subscribe(server.ws_url, MESSAGE_ADDED, {"channelId": channel_id}, token=bob.token) as sub:
        message = await sub.next_message()

    assert message["type"] == "next"
    assert message["payload"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_removed_member_stops_receiving(
    server: ServerProcess, alice: GraphQLClient, bob: GraphQLClient
) -> None:
    channel_id = await _private_channel(alice, bob)

    async with subscribe(
        server.ws_url, CHAT_EVENTS, {"channelId": channel_id}, token=bob.token, registered_at=server.base_url
    ) as subscription:
        await alice.data(POST, {"channelId": channel_id, "body": "first take"})
        first = await subscription.next_payload()
        await alice.data(REMOVE_MEMBER, {"channelId": channel_id, "userId": bob.user_id})
        removal = await subscription.next_payload()
        await alice.data(POST, {"channelId": channel_id, "body": "second take, without bob"})
        await subscription.expect_silence(0.7)

    assert first["data"]["chatEvents"]["message"]["body"] == "first take"
    assert removal["data"]["chatEvents"] == {
        "__typename": "MemberRemoved",
        "channelId": channel_id,
        "user": {"userName": "bob"},
    }


async def test_sign_out_ends_subscriptions(
    server: ServerProcess, alice: GraphQLClient, bob: GraphQLClient
) -> None:
    async with subscribe(
        server.ws_url, MESSAGE_ADDED, {"channelId": "1"}, token=bob.token, registered_at=server.base_url
    ) as subscription:
        assert (await bob.data("mutation { signOut }"))["signOut"] is True
        ended = await subscription.next_message()
        completed = await subscription.next_message()
        await alice.data(POST, {"channelId": "1", "body": "anyone still here?"})
        await subscription.expect_silence(0.5)

    assert ended["type"] == "next"
    assert completed == {"id": "1", "type": "complete"}
    assert "session has ended" in ended["payload"]["errors"][0]["message"]


@pytest.mark.parametrize("protocol", ["graphql-transport-ws", "graphql-ws"])
async def test_chat_events_follow_a_channel_life(
    server: ServerProcess, alice: GraphQLClient, bob: GraphQLClient, protocol: str
) -> None:
    async with subscribe(
        server.ws_url, CHAT_EVENTS, token=bob.token, protocol=protocol, registered_at=server.base_url
    ) as subscription:
        channel_id = await _private_channel(alice, bob)
        created = await subscription.next_payload()
        posted = await alice.data(POST, {"channelId": channel_id, "body": "tune up"})
        message = await subscription.next_payload()
        await alice.data(
            "mutation($id: ID!, $body: String!) { updateMessage(id: $id, body: $body) { id } }",
            {"id": posted["postMessage"]["id"], "body": "tune up, A = 442"},
        )
        edited = await subscription.next_payload()
        await alice.data("mutation($id: ID!) { deleteMessage(id: $id) }", {"id": posted["postMessage"]["id"]})
        deleted = await subscription.next_payload()
        await alice.data("mutation($id: ID!) { deleteChannel(id: $id) }", {"id": channel_id})
        channel_gone = await subscription.next_payload()

    assert created["data"]["chatEvents"]["__typename"] == "ChannelCreated"
    assert created["data"]["chatEvents"]["channel"]["private"] is True
    assert message["data"]["chatEvents"]["message"] == {"body": "tune up", "creator": {"userName": "alice"}}
    assert edited["data"]["chatEvents"] == {
        "__typename": "MessageUpdated",
        "message": {"body": "tune up, A = 442"},
    }
    assert deleted["data"]["chatEvents"] == {
        "__typename": "MessageDeleted",
        "messageId": posted["postMessage"]["id"],
        "channelId": channel_id,
    }
    assert channel_gone["data"]["chatEvents"] == {"__typename": "ChannelDeleted", "channelId": channel_id}


async def test_outsider_receives_nothing_from_private_channel(
    server: ServerProcess, alice: GraphQLClient, bob: GraphQLClient
) -> None:
    channel_id = await _private_channel(alice)

    async with subscribe(server.ws_url, CHAT_EVENTS, token=bob.token, registered_at=server.base_url) as sub:
        await alice.data(POST, {"channelId": channel_id, "body": "members only"})
        await alice.data(POST, {"channelId": "1", "body": "hello everyone"})
        public = await sub.next_payload()

    assert public["data"]["chatEvents"]["message"]["body"] == "hello everyone"
