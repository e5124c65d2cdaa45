"""/v1/events and /v1/events/join: every documented status, and the event shape field by field."""

from __future__ import annotations

import pytest

from tests.rest.support import EVENT_KEYS, RestClient, assert_plain_text, create_event

NEW_EVENT = {
    "title": "Sunday folk session",
    "datetime": "2027-02-07T15:00:00+01:00",
    "location": "The Crown, back room",
    "description": "Fiddles and whistles welcome",
}


async def test_create_event_is_201_with_event(rest_alice: RestClient) -> None:
    response = await rest_alice.send("POST", "/v1/events", NEW_EVENT)

    assert response.status_code == 201
    event = response.json()
    assert set(event) == EVENT_KEYS
    assert isinstance(event["id"], int)
    assert event["title"] == NEW_EVENT["title"]
    assert event["datetime"] == NEW_EVENT["datetime"]
    assert event["location"] == NEW_EVENT["location"]
    assert event["description"] == NEW_EVENT["description"]
    assert isinstance(event["channel"], int)
    history = await rest_alice.send("GET", f"/v1/channels/{event['channel']}")
    assert history.status_code == 200


async def test_create_event_without_session_is_401(rest_anonymous: RestClient) -> None:
    response = await rest_anonymous.send("POST", "/v1/events", NEW_EVENT)

    assert response.status_code == 401
    assert_plain_text(response, contains="authentication required")


@pytest.mark.parametrize(
    ("field", "value"),
    [("datetime", "next friday"), ("datetime", None), ("title", ""), ("location", "x" * 256)],
)
async def test_create_event_with_invalid_field_is_400(
    rest_alice: RestClient, field: str, value: object
) -> None:
    response = await rest_alice.send("POST", "/v1/events", {**NEW_EVENT, field: value})

    assert response.status_code == 400
    assert_plain_text(response, contains=field)
    assert await rest_alice.ok("GET", "/v1/events") == []


async def test_create_event_without_json_is_415(rest_alice: RestClient) -> None:
    response = await rest_alice.send("POST", "/v1/events", content=b"title=jam")

    assert response.status_code == 415


async def test_list_events_is_200_with_every_event(rest_alice: RestClient, rest_bob: RestClient) -> None:
    first = await create_event(rest_alice, "first")
    second = await create_event(rest_bob, "second")

    response = await rest_bob.send("GET", "/v1/events")

    assert response.status_code == 200
    assert response.json() == [first, second]


async def test_list_events_returns_more_than_one_page(rest_alice: RestClient) -> None:
    created = [await create_event(rest_alice, f"event {number}") for number in range(103)]

    listed = await rest_alice.ok("GET", "/v1/events")

    assert [event["id"] for event in listed] == [event["id"] for event in created]


async def test_list_events_without_session_is_401(rest_anonymous: RestClient) -> None:
    response = await rest_anonymous.send("GET", "/v1/events")

    assert response.status_code == 401


async def test_join_event_is_201_with_event(rest_alice: RestClient, rest_bob: RestClient) -> None:
    event = await create_event(rest_alice)

    response = await rest_bob.send("POST", "/v1/events/join", {"id": event["id"]})

    assert response.status_code == 201
    assert response.json() == event
    assert await rest_bob.ok("GET", "/v1/events/join") == [event]
    channel = await rest_bob.ok("GET", f"/v1/channels/{event['channel']}")
    assert channel == []


async def test_join_event_twice_is_201_once_joined(rest_alice: RestClient, rest_bob: RestClient) -> None:
    event = await create_event(rest_alice)

    await rest_bob.ok("POST", "/v1/events/join", {"id": event["id"]}, status=201)
    again = await rest_bob.send("POST", "/v1/events/join", {"id": str(event["id"])})

    assert again.status_code == 201
    assert await rest_bob.ok("GET", "/v1/events/join") == [event]


async def test_join_event_without_session_is_401(rest_alice: RestClient, rest_anonymous: RestClient) -> None:
    event = await create_event(rest_alice)

    response = await rest_anonymous.send("POST", "/v1/events/join", {"id": event["id"]})

    assert response.status_code == 401


async def test_join_unknown_event_is_404(rest_alice: RestClient) -> None:
    response = await rest_alice.send("POST", "/v1/events/join", {"id": 424242})

    assert response.status_code == 404
    assert_plain_text(response, contains="event 424242 not found")


@pytest.mark.parametrize("body", [{}, {"id": "abc"}, {"id": True}, {"id": [1]}])
async def test_join_event_with_invalid_id_is_400(rest_alice: RestClient, body: dict[str, object]) -> None:
    response = await rest_alice.send("POST", "/v1/events/join", body)

    assert response.status_code == 400
    assert_plain_text(response, contains="id")
    assert "eventId" not in response.text


async def test_joined_events_is_200_with_joined_only(rest_alice: RestClient, rest_bob: RestClient) -> None:
    joined = await create_event(rest_alice, "joined")
    await create_event(rest_alice, "not joined")
    own = await create_event(rest_bob, "own")
    await rest_bob.ok("POST", "/v1/events/join", {"id": joined["id"]}, status=201)

    response = await rest_bob.send("GET", "/v1/events/join")

    assert response.status_code == 200
    assert response.json() == [joined, own]


async def test_joined_events_without_session_is_401(rest_anonymous: RestClient) -> None:
    response = await rest_anonymous.send("GET", "/v1/events/join")

    assert response.status_code == 401
