"""Events over real HTTP: publishing, joining, leaving, listing and filtering."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.engine import Engine

from tests.schema import documents
from tests.schema.factories import count_rows, create_event
from tests.support.clients import GraphQLClient, sign_up
from tests.support.server import ServerProcess


def _attendee_rows(database: Engine, event: dict[str, Any], user: GraphQLClient) -> int:
    return count_rows(database, "UsersJoinEvents", EventID=int(event["id"]), UserID=int(user.user_id or 0))


def _member_rows(database: Engine, event: dict[str, Any], user: GraphQLClient) -> int:
    channel_id = int(event["channel"]["id"])
    return count_rows(database, "ChannelsJoinMembers", ChannelID=channel_id, MemberID=int(user.user_id or 0))


async def test_create_event_opens_private_chat(alice: GraphQLClient, database: Engine) -> None:
    event = await create_event(alice, title="Bebop night")

    assert event["title"] == "Bebop night"
    assert event["creator"] == {"id": alice.user_id}
    assert event["attendeeCount"] == 1
    assert event["viewerHasJoined"] is True
    assert event["channel"]["private"] is True
    assert event["channel"]["creator"] == {"id": alice.user_id}
    assert event["channel"]["members"] == [{"id": alice.user_id}]
    assert _attendee_rows(database, event, alice) == 1
    assert _member_rows(database, event, alice) == 1


async def test_join_event_adds_attendee_and_member(
    alice: GraphQLClient, bob: GraphQLClient, database: Engine
) -> None:
    event = await create_event(alice)

    joined = (await bob.data(documents.JOIN_EVENT, {"id": event["id"]}))["joinEvent"]

    assert joined == {"id": event["id"], "attendeeCount": 2, "viewerHasJoined": True}
    chat = (await bob.data(documents.CHANNEL, {"id": event["channel"]["id"]}))["channel"]
    assert chat["members"] == [{"id": alice.user_id}, {"id": bob.user_id}]
    assert chat["viewerIsMember"] is True
    attendees = (await bob.data(documents.ATTENDEES, {"id": event["id"]}))["event"]["attendees"]
    assert [edge["node"]["id"] for edge in attendees["edges"]] == [alice.user_id, bob.user_id]


async def test_join_event_twice_adds_no_row(
    alice: GraphQLClient, bob: GraphQLClient, database: Engine
) -> None:
    event = await create_event(alice)
    await bob.data(documents.JOIN_EVENT, {"id": event["id"]})

    again = (await bob.data(documents.JOIN_EVENT, {"id": event["id"]}))["joinEvent"]

    assert again["attendeeCount"] == 2
    assert _attendee_rows(database, event, bob) == 1
    assert _member_rows(database, event, bob) == 1


async def test_leave_event_removes_attendee_and_member(
    alice: GraphQLClient, bob: GraphQLClient, database: Engine
) -> None:
    event = await create_event(alice)
    await bob.data(documents.JOIN_EVENT, {"id": event["id"]})

    left = (await bob.data(documents.LEAVE_EVENT, {"id": event["id"]}))["leaveEvent"]

    assert left == {"id": event["id"], "attendeeCount": 1, "viewerHasJoined": False}
    assert _attendee_rows(database, event, bob) == 0
    assert _member_rows(database, event, bob) == 0
    chat = await bob.error(documents.CHANNEL, {"id": event["channel"]["id"]})
    assert chat["extensions"] == {"code": "FORBIDDEN"}


async def test_creator_cannot_leave_event(alice: GraphQLClient, database: Engine) -> None:
    event = await create_event(alice)

    error = await alice.error(documents.LEAVE_EVENT, {"id": event["id"]})

    assert error["extensions"] == {"code": "CONFLICT", "field": "eventId"}
    assert _attendee_rows(database, event, alice) == 1
    assert _member_rows(database, event, alice) == 1


@pytest.mark.parametrize(
    "date_time",
    [
        "2027-01-31T19:30:00+01:00",
        "2027-01-31T19:30:00Z",
        "2027-01-31T19:30",
        "2027-01-31T19:30:00.250-05:00",
    ],
)
async def test_date_time_is_kept_as_entered(alice: GraphQLClient, date_time: str) -> None:
    event = await create_event(alice, dateTime=date_time)

    assert event["dateTime"] == date_time


async def test_events_page_forward(alice: GraphQLClient) -> None:
    titles = [f"Jam {number}" for number in range(1, 6)]
    for title in titles:
        await create_event(alice, title=title)

    first = (await alice.data(documents.EVENTS, {"first": 2}))["events"]
    second = (await alice.data(documents.EVENTS, {"first": 2, "after": first["pageInfo"]["endCursor"]}))[
        "events"
    ]
    last = (await alice.data(documents.EVENTS, {"first": 2, "after": second["pageInfo"]["endCursor"]}))[
        "events"
    ]

    assert [edge["node"]["title"] for edge in first["edges"]] == titles[0:2]
    assert [edge["node"]["title"] for edge in second["edges"]] == titles[2:4]
    assert [edge["node"]["title"] for edge in last["edges"]] == titles[4:5]
    assert first["totalCount"] == 5
    assert last["totalCount"] == 5
    assert first["pageInfo"]["hasNextPage"] is True
    assert first["pageInfo"]["hasPreviousPage"] is False
    assert second["pageInfo"]["hasPreviousPage"] is True
    assert last["pageInfo"]["hasNextPage"] is False
    assert first["pageInfo"]["startCursor"] == first["edges"][0]["cursor"]


async def test_events_default_page_and_maximum(alice: GraphQLClient) -> None:
    for number in range(21):
        await create_event(alice, title=f"Session {number}")

    default = (await alice.data(documents.EVENTS))["events"]
    largest = (await alice.data(documents.EVENTS, {"first": 100}))["events"]

    assert len(default["edges"]) == 20
    assert default["pageInfo"]["hasNextPage"] is True
    assert len(largest["edges"]) == 21
    assert largest["pageInfo"]["hasNextPage"] is False


async def test_events_filter(alice: GraphQLClient, bob: GraphQLClient) -> None:
    await create_event(alice, title="Jazz jam", location="Cellar")
    await create_event(alice, title="Choir practice", description="Bring the JAZZ standards book")
    folk = await create_event(bob, title="Folk night", location="Jazz cafe")
    await create_event(bob, title="Drum circle")
    await alice.data(documents.JOIN_EVENT, {"id": folk["id"]})

    async def titles(event_filter: dict[str, Any]) -> list[str]:
        events = (await alice.data(documents.EVENTS, {"filter": event_filter}))["events"]
        assert events["totalCount"] == len(events["edges"])
        return [edge["node"]["title"] for edge in events["edges"]]

    assert await titles({"search": "jazz"}) == ["Jazz jam", "Choir practice", "Folk night"]
    assert await titles({"creatorId": bob.user_id}) == ["Folk night", "Drum circle"]
    assert await titles({"joined": True}) == ["Jazz jam", "Choir practice", "Folk night"]
    assert await titles({"joined": False}) == ["Drum circle"]
    assert await titles({"search": "jazz", "creatorId": bob.user_id, "joined": True}) == ["Folk night"]


async def test_events_search_matches_wildcards_literally(alice: GraphQLClient) -> None:
    await create_event(alice, title="100% swing")
    await create_event(alice, title="Big_band rehearsal")
    await create_event(alice, title="Bigxband rehearsal")

    async def titles(search: str) -> list[str]:
        events = (await alice.data(documents.EVENTS, {"filter": {"search": search}}))["events"]
        return [edge["node"]["title"] for edge in events["edges"]]

    assert await titles("%") == ["100% swing"]
    assert await titles("big_band") == ["Big_band rehearsal"]


async def test_attendees_page_forward(alice: GraphQLClient, server: ServerProcess) -> None:
    event = await create_event(alice)
    guests = [await sign_up(server.base_url) for _ in range(2)]
    for guest in guests:
        await guest.data(documents.JOIN_EVENT, {"id": event["id"]})

    first = (await alice.data(documents.ATTENDEES, {"id": event["id"], "first": 2}))["event"]["attendees"]
    cursor = first["pageInfo"]["endCursor"]
    rest = (await alice.data(documents.ATTENDEES, {"id": event["id"], "after": cursor}))["event"]["attendees"]

    assert [edge["node"]["id"] for edge in first["edges"]] == [alice.user_id, guests[0].user_id]
    assert first["pageInfo"]["hasNextPage"] is True
    assert [edge["node"]["id"] for edge in rest["edges"]] == [guests[1].user_id]
    assert rest["totalCount"] == 3
    for guest in guests:
        await guest.aclose()
