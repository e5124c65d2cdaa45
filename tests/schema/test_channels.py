"""Channels over real HTTP: who may read and change them, and the General channel."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from tests.schema import documents
from tests.schema.factories import (
    count_rows,
    create_channel,
    create_event,
    general_channel_id,
    post_message,
)
from tests.support.clients import GraphQLClient, sign_up
from tests.support.server import ServerProcess


async def _channel_names(client: GraphQLClient) -> list[str]:
    return [channel["name"] for channel in (await client.data(documents.CHANNELS))["channels"]]


async def test_channels_lists_public_and_own_private(
    alice: GraphQLClient, bob: GraphQLClient, server: ServerProcess
) -> None:
    carol = await sign_up(server.base_url, "carol")
    await create_channel(alice, "Brass section")
    await create_channel(alice, "Band leaders", private=True, member_ids=[bob.user_id or ""])
    await create_event(alice, title="Gig night")

    assert await _channel_names(alice) == ["General", "Brass section", "Band leaders", "Gig night"]
    assert await _channel_names(bob) == ["General", "Brass section", "Band leaders"]
    assert await _channel_names(carol) == ["General", "Brass section"]
    await carol.aclose()


async def test_private_channel_open_to_members(alice: GraphQLClient, bob: GraphQLClient) -> None:
    private = await create_channel(alice, "Band leaders", private=True, member_ids=[bob.user_id or ""])

    seen = (await bob.data(documents.CHANNEL, {"id": private["id"]}))["channel"]
    posted = await post_message(bob, private["id"], "Count me in")
    history = (await alice.data(documents.MESSAGES, {"id": private["id"]}))["channel"]["messages"]

    assert seen["viewerIsMember"] is True
    assert seen["members"] == [{"id": alice.user_id}, {"id": bob.user_id}]
    assert [edge["node"]["id"] for edge in history["edges"]] == [posted["id"]]


async def test_general_channel_has_no_creator(alice: GraphQLClient, bob: GraphQLClient) -> None:
    general_id = await general_channel_id(alice)

    general = (await bob.data(documents.CHANNEL, {"id": general_id}))["channel"]

    assert general["name"] == "General"
    assert general["private"] is False
    assert general["creator"] is None
    assert await general_channel_id(bob) == general_id


async def test_general_channel_open_to_everyone(alice: GraphQLClient, bob: GraphQLClient) -> None:
    general_id = await general_channel_id(alice)

    posted = await post_message(bob, general_id, "Hello everyone")
    history = (await alice.data(documents.MESSAGES, {"id": general_id}))["channel"]["messages"]

    assert [edge["node"]["id"] for edge in history["edges"]] == [posted["id"]]


async def test_creator_updates_channel(alice: GraphQLClient, bob: GraphQLClient) -> None:
    channel = await create_channel(alice, "Brass section", description="Trumpets and trombones")

    renamed = await alice.data(documents.UPDATE_CHANNEL, {"id": channel["id"], "input": {"name": "Brass"}})
    redescribed = await alice.data(
        documents.UPDATE_CHANNEL, {"id": channel["id"], "input": {"description": "Horns welcome"}}
    )

    assert renamed["updateChannel"]["name"] == "Brass"
    assert renamed["updateChannel"]["description"] == "Trumpets and trombones"
    assert renamed["updateChannel"]["editedAt"] is not None
    assert redescribed["updateChannel"]["name"] == "Brass"
    assert redescribed["updateChannel"]["description"] == "Horns welcome"
    seen_by_bob = (await bob.data(documents.CHANNEL, {"id": channel["id"]}))["channel"]
    assert seen_by_bob["name"] == "Brass"


async def test_creator_deletes_channel_and_messages(alice: GraphQLClient, database: Engine) -> None:
    channel = await create_channel(alice, "Brass section")
    await post_message(alice, channel["id"], "Tuning at seven")

    deleted = (await alice.data(documents.DELETE_CHANNEL, {"id": channel["id"]}))["deleteChannel"]

    assert deleted == channel["id"]
    assert count_rows(database, "Messages", ChannelID=int(channel["id"])) == 0
    assert count_rows(database, "ChannelsJoinMembers", ChannelID=int(channel["id"])) == 0
    lookup = await alice.error(documents.CHANNEL, {"id": channel["id"]})
    assert lookup["extensions"] == {"code": "NOT_FOUND"}


async def test_event_chat_cannot_be_deleted(alice: GraphQLClient, database: Engine) -> None:
    event = await create_event(alice)

    error = await alice.error(documents.DELETE_CHANNEL, {"id": event["channel"]["id"]})

    assert error["extensions"] == {"code": "CONFLICT", "field": "id"}
    assert count_rows(database, "Channels", ID=int(event["channel"]["id"])) == 1


async def test_creator_adds_and_removes_member(
    alice: GraphQLClient, bob: GraphQLClient, database: Engine
) -> None:
    private = await create_channel(alice, "Band leaders", private=True)

    added = await alice.data(documents.ADD_MEMBER, {"channelId": private["id"], "userId": bob.user_id})
    await alice.data(documents.ADD_MEMBER, {"channelId": private["id"], "userId": bob.user_id})

    assert added["addChannelMember"]["members"] == [{"id": alice.user_id}, {"id": bob.user_id}]
    member_rows = {"ChannelID": int(private["id"]), "MemberID": int(bob.user_id or 0)}
    assert count_rows(database, "ChannelsJoinMembers", **member_rows) == 1
    await post_message(bob, private["id"], "Thanks for adding me")

    removed = await alice.data(documents.REMOVE_MEMBER, {"channelId": private["id"], "userId": bob.user_id})

    assert removed["removeChannelMember"]["members"] == [{"id": alice.user_id}]
    assert count_rows(database, "ChannelsJoinMembers", **member_rows) == 0
    late_post = await bob.error(documents.POST_MESSAGE, {"channelId": private["id"], "body": "Still here?"})
    assert late_post["extensions"] == {"code": "FORBIDDEN"}
