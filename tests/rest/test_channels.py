"""/v1/channels, /v1/channels/{id} and its members: every documented status, shapes field by field."""

from __future__ import annotations

from typing import Any

import pytest

from tests.rest.support import (
    CHANNEL_KEYS,
    MESSAGE_KEYS,
    UTC_TIMESTAMP,
    RestClient,
    assert_plain_text,
    assert_user,
    create_channel,
    create_event,
    post_message,
)

GENERAL_ID = 1


async def test_create_channel_is_201_with_channel(rest_alice: RestClient, rest_bob: RestClient) -> None:
    response = await rest_alice.send(
        "POST",
        "/v1/channels",
        {
            "name": "horns",
            "description": "Trumpets and saxes",
            "private": True,
            "members": [{"id": rest_bob.user_id}],
        },
    )

    assert response.status_code == 201
    channel = response.json()
    assert set(channel) == CHANNEL_KEYS
    assert isinstance(channel["id"], int)
    assert channel["name"] == "horns"
    assert channel["description"] == "Trumpets and saxes"
    assert channel["private"] is True
    assert UTC_TIMESTAMP.match(channel["createdAt"])
    assert channel["editedAt"] is None
    assert_user(channel["creator"], rest_alice)
    members = sorted(channel["members"], key=lambda member: member["id"])
    assert len(members) == 2
    assert_user(members[0], rest_alice)
    assert_user(members[1], rest_bob)


async def test_create_channel_defaults_to_public_without_members(rest_alice: RestClient) -> None:
    channel = await create_channel(rest_alice, "open mic")

    assert channel["private"] is False
    assert channel["description"] is None
    assert [member["id"] for member in channel["members"]] == [rest_alice.user_id]


async def test_create_channel_without_session_is_401(rest_anonymous: RestClient) -> None:
    response = await rest_anonymous.send("POST", "/v1/channels", {"name": "x"})

    assert response.status_code == 401


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"name": ""}, "name"),
        ({"name": "x" * 256}, "name"),
        ({"name": "x", "private": "yes"}, "private"),
        ({"name": "x", "members": [{"id": 999999}]}, "members"),
        ({"name": "x", "members": [7]}, "members"),
    ],
)
async def test_create_channel_with_invalid_field_is_400(
    rest_alice: RestClient, body: dict[str, Any], named: str
) -> None:
    response = await rest_alice.send("POST", "/v1/channels", body)

    assert response.status_code == 400
    assert_plain_text(response, contains=named)
    assert len(await rest_alice.ok("GET", "/v1/channels")) == 1


async def test_create_channel_without_json_is_415(rest_alice: RestClient) -> None:
    response = await rest_alice.send("POST", "/v1/channels", content=b"name=x")

    assert response.status_code == 415


async def test_list_channels_is_200_with_readable_only(rest_alice: RestClient, rest_bob: RestClient) -> None:
    public = await create_channel(rest_alice, "public")
    await create_channel(rest_alice, "secret", private=True)
    shared = await create_channel(rest_alice, "shared", private=True, members=[{"id": rest_bob.user_id}])

    response = await rest_bob.send("GET", "/v1/channels")

    assert response.status_code == 200
    channels = response.json()
    assert [channel["id"] for channel in channels] == [GENERAL_ID, public["id"], shared["id"]]
    general = channels[0]
    assert set(general) == CHANNEL_KEYS
    assert general["name"] == "General"
    assert general["private"] is False
    assert general["creator"] is None
    assert general["members"] == []
    assert channels[2] == shared


async def test_list_channels_without_session_is_401(rest_anonymous: RestClient) -> None:
    response = await rest_anonymous.send("GET", "/v1/channels")

    assert response.status_code == 401


async def test_post_message_is_201_with_message(rest_alice: RestClient) -> None:
    response = await rest_alice.send("POST", f"/v1/channels/{GENERAL_ID}", {"body": "Anyone for a jam? 🎷"})

    assert response.status_code == 201
    message = response.json()
    assert set(message) == MESSAGE_KEYS
    assert isinstance(message["id"], int)
    assert message["channelID"] == GENERAL_ID
    assert message["body"] == "Anyone for a jam? 🎷"
    assert UTC_TIMESTAMP.match(message["createdAt"])
    assert message["editedAt"] is None
    assert_user(message["creator"], rest_alice)


async def test_post_message_without_session_is_401(rest_anonymous: RestClient) -> None:
    response = await rest_anonymous.send("POST", f"/v1/channels/{GENERAL_ID}", {"body": "hi"})

    assert response.status_code == 401


async def test_post_message_to_private_channel_as_outsider_is_403(
    rest_alice: RestClient, rest_bob: RestClient
) -> None:
    event = await create_event(rest_alice)

    response = await rest_bob.send("POST", f"/v1/channels/{event['channel']}", {"body": "let me in"})

    assert response.status_code == 403
    assert_plain_text(response, contains="private")
    assert await rest_alice.ok("GET", f"/v1/channels/{event['channel']}") == []


async def test_post_message_to_unknown_channel_is_404(rest_alice: RestClient) -> None:
    response = await rest_alice.send("POST", "/v1/channels/999999", {"body": "hello?"})

    assert response.status_code == 404


@pytest.mark.parametrize("body", [{"body": ""}, {"body": "x" * 256}, {"body": 5}, {}])
async def test_post_message_with_invalid_body_is_400(rest_alice: RestClient, body: dict[str, Any]) -> None:
    response = await rest_alice.send("POST", f"/v1/channels/{GENERAL_ID}", body)

    assert response.status_code == 400
    assert_plain_text(response, contains="body")


async def test_post_message_without_json_is_415(rest_alice: RestClient) -> None:
    response = await rest_alice.send("POST", f"/v1/channels/{GENERAL_ID}", content=b"hi")

    assert response.status_code == 415


async def test_history_is_200_oldest_first(rest_alice: RestClient, rest_bob: RestClient) -> None:
    first = await post_message(rest_alice, GENERAL_ID, "one")
    second = await post_message(rest_bob, GENERAL_ID, "two")

    response = await rest_bob.send("GET", f"/v1/channels/{GENERAL_ID}")

    assert response.status_code == 200
    assert response.json() == [first, second]


async def test_history_returns_100_most_recent(rest_alice: RestClient) -> None:
    posted = [await post_message(rest_alice, GENERAL_ID, f"message {number}") for number in range(105)]

    history = await rest_alice.ok("GET", f"/v1/channels/{GENERAL_ID}")

    assert [message["id"] for message in history] == [message["id"] for message in posted[5:]]


async def test_history_before_returns_older_messages(rest_alice: RestClient) -> None:
    posted = [await post_message(rest_alice, GENERAL_ID, f"message {number}") for number in range(4)]

    history = await rest_alice.ok("GET", f"/v1/channels/{GENERAL_ID}?before={posted[2]['id']}")

    assert history == posted[:2]


@pytest.mark.parametrize("before", ["abc", "0", "", "1e3"])
async def test_history_with_malformed_before_is_400(rest_alice: RestClient, before: str) -> None:
    response = await rest_alice.send("GET", f"/v1/channels/{GENERAL_ID}?before={before}")

    assert response.status_code == 400
    assert_plain_text(response, contains="before")


async def test_history_without_session_is_401(rest_anonymous: RestClient) -> None:
    response = await rest_anonymous.send("GET", f"/v1/channels/{GENERAL_ID}")

    assert response.status_code == 401


async def test_history_of_private_channel_as_outsider_is_403(
    rest_alice: RestClient, rest_bob: RestClient
) -> None:
    event = await create_event(rest_alice)
    await post_message(rest_alice, event["channel"], "members only")

    response = await rest_bob.send("GET", f"/v1/channels/{event['channel']}")

    assert response.status_code == 403
    assert "members only" not in response.text


async def test_history_of_unknown_channel_is_404(rest_alice: RestClient) -> None:
    response = await rest_alice.send("GET", "/v1/channels/999999")

    assert response.status_code == 404
    assert_plain_text(response, contains="channel 999999 not found")


@pytest.mark.parametrize("method", ["GET", "POST", "PATCH", "DELETE"])
async def test_channel_route_with_malformed_id_is_400(rest_alice: RestClient, method: str) -> None:
    response = await rest_alice.send(method, "/v1/channels/abc", {"body": "x", "name": "x"})

    assert response.status_code == 400
    assert_plain_text(response, contains="id must be a positive integer id")


async def test_update_channel_is_200_with_channel(rest_alice: RestClient) -> None:
    channel = await create_channel(rest_alice, "strings")

    response = await rest_alice.send(
        "PATCH", f"/v1/channels/{channel['id']}", {"name": "strings and bows", "description": "Bring rosin"}
    )

    assert response.status_code == 200
    updated = response.json()
    assert set(updated) == CHANNEL_KEYS
    assert updated["id"] == channel["id"]
    assert updated["name"] == "strings and bows"
    assert updated["description"] == "Bring rosin"
    assert updated["private"] is False
    assert updated["createdAt"] == channel["createdAt"]
    assert UTC_TIMESTAMP.match(updated["editedAt"])
    assert updated["creator"] == channel["creator"]
    assert updated["members"] == channel["members"]


async def test_update_channel_with_one_field_keeps_the_other(rest_alice: RestClient) -> None:
    channel = await create_channel(rest_alice, "strings", description="Bring rosin")

    updated = await rest_alice.ok("PATCH", f"/v1/channels/{channel['id']}", {"name": "bows"})

    assert updated["name"] == "bows"
    assert updated["description"] == "Bring rosin"


async def test_update_channel_with_neither_field_is_400(rest_alice: RestClient) -> None:
    channel = await create_channel(rest_alice, "strings")

    response = await rest_alice.send("PATCH", f"/v1/channels/{channel['id']}", {})

    assert response.status_code == 400
    assert_plain_text(response, contains="name or description")


async def test_update_channel_without_session_is_401(
    rest_alice: RestClient, rest_anonymous: RestClient
) -> None:
    channel = await create_channel(rest_alice, "strings")

    response = await rest_anonymous.send("PATCH", f"/v1/channels/{channel['id']}", {"name": "mine now"})

    assert response.status_code == 401


async def test_update_channel_as_non_creator_is_403(rest_alice: RestClient, rest_bob: RestClient) -> None:
    channel = await create_channel(rest_alice, "strings")

    response = await rest_bob.send("PATCH", f"/v1/channels/{channel['id']}", {"name": "mine now"})

    assert response.status_code == 403
    assert_plain_text(response, contains="only the creator")
    assert (await rest_alice.ok("GET", "/v1/channels"))[1]["name"] == "strings"


async def test_update_unknown_channel_is_404(rest_alice: RestClient) -> None:
    response = await rest_alice.send("PATCH", "/v1/channels/999999", {"name": "ghost"})

    assert response.status_code == 404


async def test_update_channel_without_json_is_415(rest_alice: RestClient) -> None:
    channel = await create_channel(rest_alice, "strings")

    response = await rest_alice.send("PATCH", f"/v1/channels/{channel['id']}", content=b"name=x")

    assert response.status_code == 415


async def test_delete_channel_is_200_with_text(rest_alice: RestClient) -> None:
    channel = await create_channel(rest_alice, "temporary")
    await post_message(rest_alice, channel["id"], "soon gone")

    response = await rest_alice.send("DELETE", f"/v1/channels/{channel['id']}")

    assert response.status_code == 200
    assert_plain_text(response, contains=f"Channel {channel['id']} deleted")
    assert (await rest_alice.send("GET", f"/v1/channels/{channel['id']}")).status_code == 404


async def test_delete_channel_without_session_is_401(
    rest_alice: RestClient, rest_anonymous: RestClient
) -> None:
    channel = await create_channel(rest_alice, "temporary")

    response = await rest_anonymous.send("DELETE", f"/v1/channels/{channel['id']}")

    assert response.status_code == 401


async def test_delete_channel_as_non_creator_is_403(rest_alice: RestClient, rest_bob: RestClient) -> None:
    channel = await create_channel(rest_alice, "temporary")

    response = await rest_bob.send("DELETE", f"/v1/channels/{channel['id']}")

    assert response.status_code == 403
    assert (await rest_alice.send("GET", f"/v1/channels/{channel['id']}")).status_code == 200


async def test_delete_unknown_channel_is_404(rest_alice: RestClient) -> None:
    response = await rest_alice.send("DELETE", "/v1/channels/999999")

    assert response.status_code == 404


async def test_delete_event_chat_is_409(rest_alice: RestClient) -> None:
    event = await create_event(rest_alice)

    response = await rest_alice.send("DELETE", f"/v1/channels/{event['channel']}")

    assert response.status_code == 409
    assert_plain_text(response, contains="chat of an event")


async def test_add_member_is_201_with_text(rest_alice: RestClient, rest_bob: RestClient) -> None:
    channel = await create_channel(rest_alice, "duo", private=True)

    response = await rest_alice.send("POST", f"/v1/channels/{channel['id']}/members", rest_bob.user)

    assert response.status_code == 201
    assert_plain_text(response, contains=f"User {rest_bob.user_id} added to channel {channel['id']}")
    assert await rest_bob.ok("GET", f"/v1/channels/{channel['id']}") == []


async def test_add_member_twice_is_201(rest_alice: RestClient, rest_bob: RestClient) -> None:
    channel = await create_channel(rest_alice, "duo", private=True)
    path = f"/v1/channels/{channel['id']}/members"

    first = await rest_alice.send("POST", path, {"id": rest_bob.user_id})
    second = await rest_alice.send("POST", path, {"id": rest_bob.user_id})

    assert first.status_code == 201
    assert second.status_code == 201
    listed = await rest_alice.ok("GET", "/v1/channels")
    assert len(listed[1]["members"]) == 2


async def test_add_member_without_session_is_401(
    rest_alice: RestClient, rest_bob: RestClient, rest_anonymous: RestClient
) -> None:
    channel = await create_channel(rest_alice, "duo", private=True)

    response = await rest_anonymous.send(
        "POST", f"/v1/channels/{channel['id']}/members", {"id": rest_bob.user_id}
    )

    assert response.status_code == 401


async def test_add_member_as_non_creator_is_403(rest_alice: RestClient, rest_bob: RestClient) -> None:
    channel = await create_channel(rest_alice, "duo", private=True)

    response = await rest_bob.send("POST", f"/v1/channels/{channel['id']}/members", {"id": rest_bob.user_id})

    assert response.status_code == 403
    assert (await rest_bob.send("GET", f"/v1/channels/{channel['id']}")).status_code == 403


@pytest.mark.parametrize("target", ["channel", "user"])
async def test_add_member_with_unknown_id_is_404(
    rest_alice: RestClient, rest_bob: RestClient, target: str
) -> None:
    channel = await create_channel(rest_alice, "duo", private=True)
    channel_id = 999999 if target == "channel" else channel["id"]
    user_id = 999999 if target == "user" else rest_bob.user_id

    response = await rest_alice.send("POST", f"/v1/channels/{channel_id}/members", {"id": user_id})

    assert response.status_code == 404
    assert_plain_text(response, contains=f"{target} 999999 not found")


@pytest.mark.parametrize("body", [{}, {"id": "bob"}, {"userName": "bob"}])
async def test_add_member_without_valid_id_is_400(rest_alice: RestClient, body: dict[str, Any]) -> None:
    channel = await create_channel(rest_alice, "duo", private=True)

    response = await rest_alice.send("POST", f"/v1/channels/{channel['id']}/members", body)

    assert response.status_code == 400
    assert_plain_text(response, contains="id")


async def test_add_member_without_json_is_415(rest_alice: RestClient) -> None:
    channel = await create_channel(rest_alice, "duo", private=True)

    response = await rest_alice.send("POST", f"/v1/channels/{channel['id']}/members", content=b"id=2")

    assert response.status_code == 415


async def test_remove_member_is_200_with_text(rest_alice: RestClient, rest_bob: RestClient) -> None:
    channel = await create_channel(rest_alice, "duo", private=True, members=[{"id": rest_bob.user_id}])

    response = await rest_alice.send(
        "DELETE", f"/v1/channels/{channel['id']}/members", {"id": rest_bob.user_id}
    )

    assert response.status_code == 200
    assert_plain_text(response, contains=f"User {rest_bob.user_id} removed from channel {channel['id']}")
    assert (await rest_bob.send("GET", f"/v1/channels/{channel['id']}")).status_code == 403


async def test_remove_member_without_session_is_401(
    rest_alice: RestClient, rest_bob: RestClient, rest_anonymous: RestClient
) -> None:
    channel = await create_channel(rest_alice, "duo", private=True, members=[{"id": rest_bob.user_id}])

    response = await rest_anonymous.send(
        "DELETE", f"/v1/channels/{channel['id']}/members", {"id": rest_bob.user_id}
    )

    assert response.status_code == 401


async def test_remove_member_as_non_creator_is_403(rest_alice: RestClient, rest_bob: RestClient) -> None:
    channel = await create_channel(rest_alice, "duo", private=True, members=[{"id": rest_bob.user_id}])

    response = await rest_bob.send(
        "DELETE", f"/v1/channels/{channel['id']}/members", {"id": rest_alice.user_id}
    )

    assert response.status_code == 403
    assert (await rest_alice.send("GET", f"/v1/channels/{channel['id']}")).status_code == 200


async def test_remove_creator_is_409(rest_alice: RestClient) -> None:
    channel = await create_channel(rest_alice, "solo", private=True)

    response = await rest_alice.send(
        "DELETE", f"/v1/channels/{channel['id']}/members", {"id": rest_alice.user_id}
    )

    assert response.status_code == 409
    assert_plain_text(response, contains="creator of a channel cannot be removed")
