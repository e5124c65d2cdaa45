"""The main job end to end: two users, an event, a subscription and a message, over real sockets."""

from __future__ import annotations

import pytest

from tests.support.clients import GraphQLClient, sign_up, subscribe
from tests.support.server import ServerProcess

CREATE_EVENT = """
mutation Create($input: CreateEventInput!) {
  createEvent(input: $input) { id channel { id } attendeeCount }
}
"""
JOIN_EVENT = "mutation Join($id: ID!) { joinEvent(eventId: $id) { attendeeCount viewerHasJoined } }"
MESSAGE_ADDED = """
subscription Watch($channelId: ID!) {
  messageAdded(channelId: $channelId) { id body channelId creator { userName } createdAt }
}
"""
POST = """
mutation Post($channelId: ID!, $body: String!) { postMessage(channelId: $channelId, body: $body) { id } }
"""
HISTORY = """
query History($id: ID!) {
  channel(id: $id) { messages { totalCount edges { cursor node { id body creator { userName } } } } }
}
"""


@pytest.mark.parametrize("protocol", ["graphql-transport-ws", "graphql-ws"])
async def test_two_users_chat_about_an_event(server: ServerProcess, protocol: str) -> None:
    host = await sign_up(server.base_url, f"host{protocol.count('-')}")
    guest = await sign_up(server.base_url, f"guest{protocol.count('-')}")

    created = await host.data(
        CREATE_EVENT,
        {
            "input": {
                "title": "Friday jazz jam",
                "dateTime": "2027-01-08T20:00:00+01:00",
                "location": "Rehearsal room 3",
                "description": "Standards in B flat, bring your own stand",
            }
        },
    )
    event = created["createEvent"]
    channel_id = event["channel"]["id"]
    assert event["attendeeCount"] == 1

    joined = await guest.data(JOIN_EVENT, {"id": event["id"]})
    assert joined["joinEvent"] == {"attendeeCount": 2, "viewerHasJoined": True}

    async with subscribe(
        server.ws_url,
        MESSAGE_ADDED,
        {"channelId": channel_id},
        token=host.token,
        protocol=protocol,
        registered_at=server.base_url,
    ) as subscription:
        posted = await guest.data(POST, {"channelId": channel_id, "body": "I'll bring the double bass 🎻"})
        payload = await subscription.next_payload()

    received = payload["data"]["messageAdded"]
    assert received["id"] == posted["postMessage"]["id"]
    assert received["body"] == "I'll bring the double bass 🎻"
    assert received["channelId"] == channel_id
    assert received["creator"] == {"userName": guest.user_name}
    assert received["createdAt"].endswith("+00:00")

    history = await host.data(HISTORY, {"id": channel_id})
    messages = history["channel"]["messages"]
    assert messages["totalCount"] == 1
    assert messages["edges"][0]["node"] == {
        "id": received["id"],
        "body": "I'll bring the double bass 🎻",
        "creator": {"userName": guest.user_name},
    }
    for client in (host, guest):
        await client.aclose()


async def test_service_answers_typename(anonymous: GraphQLClient) -> None:
    assert await anonymous.data("{ __typename }") == {"__typename": "Query"}
