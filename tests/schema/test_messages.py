"""Messages over real HTTP: history pages, cursors, editing and deleting."""

from __future__ import annotations

from typing import Any

from tests.schema import documents
from tests.schema.factories import create_channel, post_message
from tests.support.clients import GraphQLClient

HISTORY_SIZE = 100


def _bodies(messages: dict[str, Any]) -> list[str]:
    return [edge["node"]["body"] for edge in messages["edges"]]


async def _history(client: GraphQLClient, channel_id: str, **arguments: Any) -> dict[str, Any]:
    data = await client.data(documents.MESSAGES, {"id": channel_id, **arguments})
    messages: dict[str, Any] = data["channel"]["messages"]
    return messages


async def test_history_pages_through_105_messages(alice: GraphQLClient) -> None:
    channel = await create_channel(alice, "Brass section")
    for number in range(1, 106):
        await post_message(alice, channel["id"], f"message {number}")

    recent = await _history(alice, channel["id"])

    assert len(recent["edges"]) == HISTORY_SIZE
    assert _bodies(recent)[0] == "message 6"
    assert _bodies(recent)[-1] == "message 105"
    assert recent["pageInfo"]["hasPreviousPage"] is True
    assert recent["pageInfo"]["hasNextPage"] is False
    assert recent["totalCount"] == 105

    older = await _history(alice, channel["id"], last=3, before=recent["pageInfo"]["startCursor"])

    assert _bodies(older) == ["message 3", "message 4", "message 5"]
    assert older["pageInfo"]["hasPreviousPage"] is True
    assert older["pageInfo"]["hasNextPage"] is True

    oldest = await _history(alice, channel["id"], before=older["pageInfo"]["startCursor"])

    assert _bodies(oldest) == ["message 1", "message 2"]
    assert oldest["pageInfo"]["hasPreviousPage"] is False

    newer = await _history(alice, channel["id"], first=3, after=recent["edges"][-4]["cursor"])

    assert _bodies(newer) == ["message 103", "message 104", "message 105"]
    assert newer["pageInfo"]["hasNextPage"] is False
    assert newer["pageInfo"]["hasPreviousPage"] is True

    caught_up = await _history(alice, channel["id"], after=newer["pageInfo"]["endCursor"])

    assert caught_up["edges"] == []
    assert caught_up["pageInfo"]["hasNextPage"] is False


async def test_after_cursor_pages_forward(alice: GraphQLClient) -> None:
    channel = await create_channel(alice, "Brass section")
    for number in range(1, 6):
        await post_message(alice, channel["id"], f"message {number}")
    everything = await _history(alice, channel["id"])

    page = await _history(alice, channel["id"], first=2, after=everything["edges"][0]["cursor"])

    assert _bodies(page) == ["message 2", "message 3"]
    assert page["pageInfo"]["hasNextPage"] is True
    assert page["pageInfo"]["hasPreviousPage"] is True
    assert page["totalCount"] == 5


async def test_creator_edits_message(alice: GraphQLClient, bob: GraphQLClient) -> None:
    channel = await create_channel(alice, "Brass section")
    message = await post_message(alice, channel["id"], "Tuning at seven")

    edited = await alice.data(documents.UPDATE_MESSAGE, {"id": message["id"], "body": "Tuning at eight"})

    assert edited["updateMessage"]["body"] == "Tuning at eight"
    assert edited["updateMessage"]["editedAt"] is not None
    seen_by_bob = await _history(bob, channel["id"])
    assert _bodies(seen_by_bob) == ["Tuning at eight"]


async def test_creator_deletes_message(alice: GraphQLClient, bob: GraphQLClient) -> None:
    channel = await create_channel(alice, "Brass section")
    bob_message = await post_message(bob, channel["id"], "See you there")
    message = await post_message(alice, channel["id"], "Tuning at seven")

    deleted = (await alice.data(documents.DELETE_MESSAGE, {"id": message["id"]}))["deleteMessage"]

    assert deleted == message["id"]
    history = await _history(bob, channel["id"])
    assert [edge["node"]["id"] for edge in history["edges"]] == [bob_message["id"]]
    again = await alice.error(documents.UPDATE_MESSAGE, {"id": message["id"], "body": "Back?"})
    assert again["extensions"] == {"code": "NOT_FOUND"}
