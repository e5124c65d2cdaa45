"""/v1/messages/{id}: every documented status, and the message shape field by field."""

from __future__ import annotations

import pytest

from tests.rest.support import (
    MESSAGE_KEYS,
    UTC_TIMESTAMP,
    RestClient,
    assert_plain_text,
    assert_user,
    post_message,
)

GENERAL_ID = 1


async def test_update_message_is_200_with_message(rest_alice: RestClient) -> None:
    message = await post_message(rest_alice, GENERAL_ID, "draft")

    response = await rest_alice.send("PATCH", f"/v1/messages/{message['id']}", {"body": "final"})

    assert response.status_code == 200
    updated = response.json()
    assert set(updated) == MESSAGE_KEYS
    assert updated["id"] == message["id"]
    assert updated["channelID"] == GENERAL_ID
    assert updated["body"] == "final"
    assert updated["createdAt"] == message["createdAt"]
    assert UTC_TIMESTAMP.match(updated["editedAt"])
    assert_user(updated["creator"], rest_alice)
    assert await rest_alice.ok("GET", f"/v1/channels/{GENERAL_ID}") == [updated]


async def test_update_message_without_session_is_401(
    rest_alice: RestClient, rest_anonymous: RestClient
) -> None:
    message = await post_message(rest_alice, GENERAL_ID)

    response = await rest_anonymous.send("PATCH", f"/v1/messages/{message['id']}", {"body": "edited"})

    assert response.status_code == 401


async def test_update_message_of_someone_else_is_403(rest_alice: RestClient, rest_bob: RestClient) -> None:
    message = await post_message(rest_alice, GENERAL_ID, "mine")

    response = await rest_bob.send("PATCH", f"/v1/messages/{message['id']}", {"body": "yours"})

    assert response.status_code == 403
    assert_plain_text(response, contains="only the creator")
    assert (await rest_alice.ok("GET", f"/v1/channels/{GENERAL_ID}"))[0]["body"] == "mine"


async def test_update_unknown_message_is_404(rest_alice: RestClient) -> None:
    response = await rest_alice.send("PATCH", "/v1/messages/999999", {"body": "ghost"})

    assert response.status_code == 404
    assert_plain_text(response, contains="message 999999 not found")


@pytest.mark.parametrize("body", [{"body": ""}, {"body": "x" * 256}, {}])
async def test_update_message_with_invalid_body_is_400(rest_alice: RestClient, body: dict[str, str]) -> None:
    message = await post_message(rest_alice, GENERAL_ID)

    response = await rest_alice.send("PATCH", f"/v1/messages/{message['id']}", body)

    assert response.status_code == 400
    assert_plain_text(response, contains="body")


async def test_update_message_without_json_is_415(rest_alice: RestClient) -> None:
    message = await post_message(rest_alice, GENERAL_ID)

    response = await rest_alice.send("PATCH", f"/v1/messages/{message['id']}", content=b"body=x")

    assert response.status_code == 415


async def test_delete_message_is_200_with_text(rest_alice: RestClient) -> None:
    message = await post_message(rest_alice, GENERAL_ID)

    response = await rest_alice.send("DELETE", f"/v1/messages/{message['id']}")

    assert response.status_code == 200
    assert_plain_text(response, contains=f"Message {message['id']} deleted")
    assert await rest_alice.ok("GET", f"/v1/channels/{GENERAL_ID}") == []


async def test_delete_message_without_session_is_401(
    rest_alice: RestClient, rest_anonymous: RestClient
) -> None:
    message = await post_message(rest_alice, GENERAL_ID)

    response = await rest_anonymous.send("DELETE", f"/v1/messages/{message['id']}")

    assert response.status_code == 401


async def test_delete_message_of_someone_else_is_403(rest_alice: RestClient, rest_bob: RestClient) -> None:
    message = await post_message(rest_alice, GENERAL_ID)

    response = await rest_bob.send("DELETE", f"/v1/messages/{message['id']}")

    assert response.status_code == 403
    assert len(await rest_alice.ok("GET", f"/v1/channels/{GENERAL_ID}")) == 1


async def test_delete_unknown_message_is_404(rest_alice: RestClient) -> None:
    response = await rest_alice.send("DELETE", "/v1/messages/999999")

    assert response.status_code == 404


@pytest.mark.parametrize("method", ["PATCH", "DELETE"])
async def test_message_route_with_malformed_id_is_400(rest_alice: RestClient, method: str) -> None:
    response = await rest_alice.send(method, "/v1/messages/first", {"body": "x"})

    assert response.status_code == 400
    assert_plain_text(response, contains="id must be a positive integer id")
