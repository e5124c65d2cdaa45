"""REST and GraphQL on the same data: each side's posts reach the other side's live feed."""

from __future__ import annotations

from tests.rest.support import RestClient, create_event, open_feed, post_message
from tests.support.clients import GraphQLClient, subscribe
from tests.support.server import ServerProcess

MESSAGE_ADDED = """
subscription Watch($channelId: ID!) {
  messageAdded(channelId: $channelId) { id body channelId creator { id userName } }
}
"""
POST = """
mutation Post($channelId: ID!, $body: String!) {
  postMessage(channelId: $channelId, body: $body) { id body createdAt }
}
"""
JOIN = "mutation Join($id: ID!) { joinEvent(eventId: $id) { id } }"


async def test_rest_post_reaches_graphql_subscription(
    server: ServerProcess, rest_alice: RestClient, bob: GraphQLClient
) -> None:
    event = await create_event(rest_alice)
    await bob.data(JOIN, {"id": str(event["id"])})

    async with subscribe(
        server.ws_url,
        MESSAGE_ADDED,
        {"channelId": str(event["channel"])},
        token=bob.token,
        registered_at=server.base_url,
    ) as subscription:
        posted = await post_message(rest_alice, event["channel"], "posted over REST")
        payload = await subscription.next_payload()

    received = payload["data"]["messageAdded"]
    assert received["id"] == str(posted["id"])
    assert received["body"] == "posted over REST"
    assert received["channelId"] == str(event["channel"])
    assert received["creator"] == {"id": str(rest_alice.user_id), "userName": "alice"}


async def test_graphql_post_reaches_rest_feed(
    server: ServerProcess, rest_alice: RestClient, bob: GraphQLClient
) -> None:
    event = await create_event(rest_alice)
    await bob.data(JOIN, {"id": str(event["id"])})

    async with open_feed(server.base_url, server.ws_url, rest_alice.token) as feed:
        posted = (await bob.data(POST, {"channelId": str(event["channel"]), "body": "posted over GraphQL"}))[
            "postMessage"
        ]
        frame = await feed.next_frame()

    assert frame["type"] == "message-new"
    message = frame["message"]
    assert message["id"] == int(posted["id"])
    assert message["channelID"] == event["channel"]
    assert message["body"] == "posted over GraphQL"
    assert message["createdAt"] == posted["createdAt"]
    assert message["creator"]["id"] == int(bob.user_id or 0)
    assert message["creator"]["userName"] == "bob"
    assert await rest_alice.ok("GET", f"/v1/channels/{event['channel']}") == [message]
