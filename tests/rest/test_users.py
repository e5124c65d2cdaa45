"""/v1/users and /v1/sessions: every documented status, and the user shape field by field."""

from __future__ import annotations

import pytest

from tests.rest.support import (
    USER_KEYS,
    RestClient,
    assert_plain_text,
    assert_user,
    new_user_body,
    token_from,
)
from tests.support.clients import PASSWORD


async def test_sign_up_is_201_with_user_and_token(rest_anonymous: RestClient) -> None:
    response = await rest_anonymous.send("POST", "/v1/users", new_user_body("newcomer"))

    assert response.status_code == 201
    assert response.headers["content-type"] == "application/json"
    user = response.json()
    assert set(user) == USER_KEYS
    assert isinstance(user["id"], int)
    assert user["userName"] == "newcomer"
    assert user["firstName"] == "Newcomer"
    assert user["lastName"] == "Tester"
    assert user["photoURL"].startswith("https://www.gravatar.com/avatar/")
    assert "email" not in user
    token = token_from(response)
    me = await rest_anonymous.send("GET", "/v1/users/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json() == user


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("email", "not-an-email", "email"),
        ("email", None, "email"),
        ("password", "short", "password"),
        ("passwordConf", "something else", "passwordConf"),
        ("userName", "two words", "userName"),
        ("userName", "", "userName"),
        ("userName", 42, "userName"),
        ("firstName", "x" * 129, "firstName"),
    ],
)
async def test_sign_up_with_invalid_field_is_401(
    rest_anonymous: RestClient, field: str, value: object, named: str
) -> None:
    body: dict[str, object] = {**new_user_body("invalid"), field: value}

    response = await rest_anonymous.send("POST", "/v1/users", body)

    assert response.status_code == 401
    assert_plain_text(response, contains=named)
    assert "authorization" not in response.headers


@pytest.mark.parametrize("field", ["email", "userName"])
async def test_sign_up_with_taken_field_is_401(
    rest_alice: RestClient, rest_anonymous: RestClient, field: str
) -> None:
    body = new_user_body("someone")
    body[field] = rest_alice.email if field == "email" else rest_alice.user["userName"]

    response = await rest_anonymous.send("POST", "/v1/users", body)

    assert response.status_code == 401
    assert_plain_text(response, contains=f"{field} is already taken")


async def test_sign_up_without_json_content_type_is_415(rest_anonymous: RestClient) -> None:
    response = await rest_anonymous.send(
        "POST",
        "/v1/users",
        content=b"email=a@b.co",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )

    assert response.status_code == 415
    assert_plain_text(response, contains="application/json")


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b'"text"', b"\xff\xfe"])
async def test_sign_up_with_malformed_body_is_400(rest_anonymous: RestClient, raw: bytes) -> None:
    response = await rest_anonymous.send(
        "POST", "/v1/users", content=raw, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert_plain_text(response, contains="request body")


async def test_get_user_by_id_is_200(rest_alice: RestClient, rest_bob: RestClient) -> None:
    response = await rest_alice.send("GET", f"/v1/users/{rest_bob.user_id}")

    assert response.status_code == 200
    assert_user(response.json(), rest_bob)


async def test_get_me_is_200_with_viewer(rest_alice: RestClient) -> None:
    response = await rest_alice.send("GET", "/v1/users/me")

    assert response.status_code == 200
    assert_user(response.json(), rest_alice)


@pytest.mark.parametrize("path", ["/v1/users/me", "/v1/users/1"])
async def test_get_user_without_session_is_401(rest_anonymous: RestClient, path: str) -> None:
    response = await rest_anonymous.send("GET", path)

    assert response.status_code == 401
    assert_plain_text(response, contains="authentication required")


async def test_get_user_with_bad_token_is_401(rest_alice: RestClient) -> None:
    response = await rest_alice.send("GET", "/v1/users/me", headers={"Authorization": "Bearer forged.token"})

    assert response.status_code == 401


async def test_get_unknown_user_is_404(rest_alice: RestClient) -> None:
    response = await rest_alice.send("GET", "/v1/users/999999")

    assert response.status_code == 404
    assert_plain_text(response, contains="user 999999 not found")


@pytest.mark.parametrize("raw_id", ["abc", "0", "-3", "1.5"])
async def test_get_user_with_malformed_id_is_400(rest_alice: RestClient, raw_id: str) -> None:
    response = await rest_alice.send("GET", f"/v1/users/{raw_id}")

    assert response.status_code == 400
    assert_plain_text(response, contains="id must be a positive integer id")


async def test_update_me_is_200_and_persisted(rest_alice: RestClient) -> None:
    response = await rest_alice.send("PATCH", "/v1/users/me", {"firstName": "Alicia", "lastName": "Keys"})

    assert response.status_code == 200
    updated = response.json()
    assert set(updated) == USER_KEYS
    assert updated["id"] == rest_alice.user_id
    assert updated["firstName"] == "Alicia"
    assert updated["lastName"] == "Keys"
    assert updated["userName"] == "alice"
    assert (await rest_alice.ok("GET", "/v1/users/me")) == updated


async def test_update_me_keeps_fields_not_sent(rest_alice: RestClient) -> None:
    updated = await rest_alice.ok("PATCH", "/v1/users/me", {"lastName": "Coltrane"})

    assert updated["firstName"] == "Alice"
    assert updated["lastName"] == "Coltrane"


async def test_update_me_with_own_id_is_200(rest_alice: RestClient) -> None:
    body = {**rest_alice.user, "firstName": "Al"}

    updated = await rest_alice.ok("PATCH", "/v1/users/me", body)

    assert updated["firstName"] == "Al"


async def test_update_me_with_other_id_is_403(rest_alice: RestClient, rest_bob: RestClient) -> None:
    response = await rest_alice.send(
        "PATCH", "/v1/users/me", {"id": rest_bob.user_id, "firstName": "Mallory"}
    )

    assert response.status_code == 403
    assert_plain_text(response, contains="only your own user")
    assert (await rest_bob.ok("GET", "/v1/users/me"))["firstName"] == "Bob"
    assert (await rest_alice.ok("GET", "/v1/users/me"))["firstName"] == "Alice"


async def test_update_me_without_session_is_401(rest_anonymous: RestClient) -> None:
    response = await rest_anonymous.send("PATCH", "/v1/users/me", {"firstName": "Nobody"})

    assert response.status_code == 401


async def test_update_me_without_json_is_415(rest_alice: RestClient) -> None:
    response = await rest_alice.send("PATCH", "/v1/users/me", content=b"firstName=A")

    assert response.status_code == 415


async def test_update_me_with_too_long_name_is_400(rest_alice: RestClient) -> None:
    response = await rest_alice.send("PATCH", "/v1/users/me", {"lastName": "x" * 129})

    assert response.status_code == 400
    assert_plain_text(response, contains="lastName is too long")


async def test_update_other_user_is_405(rest_alice: RestClient) -> None:
    response = await rest_alice.send("PATCH", f"/v1/users/{rest_alice.user_id}", {"firstName": "A"})

    assert response.status_code == 405
    assert {method.strip() for method in response.headers["allow"].split(",")} == {"GET", "HEAD"}


async def test_sign_in_is_201_with_user_and_token(rest_alice: RestClient, rest_anonymous: RestClient) -> None:
    response = await rest_anonymous.send(
        "POST", "/v1/sessions", {"email": rest_alice.email, "password": PASSWORD}
    )

    assert response.status_code == 201
    assert_user(response.json(), rest_alice)
    token = token_from(response)
    assert token != rest_alice.token
    me = await rest_anonymous.send("GET", "/v1/users/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200


@pytest.mark.parametrize(
    "credentials",
    [
        {"email": "alice@example.com", "password": "wrong password"},
        {"email": "nobody@example.com", "password": PASSWORD},
        {"email": "alice@example.com"},
        {},
    ],
)
async def test_sign_in_with_invalid_credentials_is_401(
    rest_alice: RestClient, rest_anonymous: RestClient, credentials: dict[str, str]
) -> None:
    response = await rest_anonymous.send("POST", "/v1/sessions", credentials)

    assert response.status_code == 401
    assert response.text == "invalid credentials"
    assert "authorization" not in response.headers


async def test_sign_in_without_json_is_415(rest_anonymous: RestClient) -> None:
    response = await rest_anonymous.send(
        "POST", "/v1/sessions", content=b"{}", headers={"Content-Type": "text/plain"}
    )

    assert response.status_code == 415


async def test_sign_out_is_200_and_ends_the_token(rest_alice: RestClient) -> None:
    response = await rest_alice.send("DELETE", "/v1/sessions/mine")

    assert response.status_code == 200
    assert response.text == "Signed out"
    assert response.headers["content-type"].startswith("text/plain")
    after = await rest_alice.send("GET", "/v1/users/me")
    assert after.status_code == 401


async def test_sign_out_without_session_is_401(rest_anonymous: RestClient) -> None:
    response = await rest_anonymous.send("DELETE", "/v1/sessions/mine")

    assert response.status_code == 401


async def test_sign_in_after_too_many_failures_is_429(rest_anonymous: RestClient) -> None:
    credentials = {"email": "throttled@example.com", "password": "wrong password"}
    statuses = [
        (await rest_anonymous.send("POST", "/v1/sessions", credentials)).status_code for _ in range(12)
    ]

    response = await rest_anonymous.send("POST", "/v1/sessions", credentials)

    assert set(statuses[:10]) == {401}
    assert response.status_code == 429
    assert_plain_text(response, contains="too many failed sign-in attempts")
    assert 0 < int(response.headers["retry-after"]) <= 300
