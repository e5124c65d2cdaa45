"""Accounts over real HTTP: sign-up, sign-in, sign-out, profiles."""

from __future__ import annotations

import hashlib

from sqlalchemy.engine import Engine

from tests.schema import documents
from tests.schema.factories import EMAIL_DOMAIN, assert_safe_error, count_rows, sign_up_input
from tests.support.clients import PASSWORD, GraphQLClient
from tests.support.server import ServerProcess

GRAVATAR_PREFIX = "https://www.gravatar.com/avatar/"


async def test_sign_up_signs_the_new_user_in(anonymous: GraphQLClient) -> None:
    signed_up = (await anonymous.data(documents.SIGN_UP, {"input": sign_up_input("carol")}))["signUp"]

    anonymous.token = signed_up["token"]
    me = (await anonymous.data(documents.ME))["me"]

    assert me["id"] == signed_up["user"]["id"]
    assert me["userName"] == "carol"
    assert me["email"] == f"carol{EMAIL_DOMAIN}"
    assert me["firstName"] == "Ella"
    assert me["lastName"] == "Fitzgerald"


async def test_sign_up_accepts_six_character_password(anonymous: GraphQLClient) -> None:
    new_user = sign_up_input("carol", password="abc123", passwordConf="abc123")
    await anonymous.data(documents.SIGN_UP, {"input": new_user})

    signed_in = await anonymous.data(documents.SIGN_IN, {"email": new_user["email"], "password": "abc123"})

    assert signed_in["signIn"]["token"]


async def test_failed_sign_up_writes_no_row(anonymous: GraphQLClient, database: Engine) -> None:
    too_long_last_name = sign_up_input("carol", lastName="x" * 129)

    error = await anonymous.error(documents.SIGN_UP, {"input": too_long_last_name})

    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "lastName"}
    assert count_rows(database, "Users") == 0
    # Nothing half-written blocks the same email and name once the input is fixed.
    await anonymous.data(documents.SIGN_UP, {"input": sign_up_input("carol")})
    assert count_rows(database, "Users", Email=f"carol{EMAIL_DOMAIN}") == 1


async def test_sign_up_conflict_writes_no_row(
    alice: GraphQLClient, anonymous: GraphQLClient, database: Engine
) -> None:
    taken_name = sign_up_input("carol", userName="alice")

    error = await anonymous.error(documents.SIGN_UP, {"input": taken_name})

    assert error["extensions"] == {"code": "CONFLICT", "field": "userName"}
    assert count_rows(database, "Users", Email=f"carol{EMAIL_DOMAIN}") == 0
    assert count_rows(database, "Users") == 1


async def test_sign_in_failures_read_the_same(alice: GraphQLClient, anonymous: GraphQLClient) -> None:
    unknown_email = await anonymous.error(
        documents.SIGN_IN, {"email": f"nobody{EMAIL_DOMAIN}", "password": PASSWORD}
    )
    wrong_password = await anonymous.error(
        documents.SIGN_IN, {"email": f"alice{EMAIL_DOMAIN}", "password": PASSWORD + "?"}
    )

    assert unknown_email["message"] == "invalid credentials"
    assert wrong_password["message"] == "invalid credentials"
    assert unknown_email["extensions"] == {"code": "UNAUTHENTICATED"}
    assert wrong_password["extensions"] == {"code": "UNAUTHENTICATED"}
    assert_safe_error(unknown_email)


async def test_sign_in_logs_one_row(alice: GraphQLClient, anonymous: GraphQLClient, database: Engine) -> None:
    credentials = {"email": f"alice{EMAIL_DOMAIN}", "password": PASSWORD}
    await anonymous.error(documents.SIGN_IN, {**credentials, "password": "wrong password"})
    assert count_rows(database, "UserSignInLog") == 0

    signed_in = (await anonymous.data(documents.SIGN_IN, credentials))["signIn"]

    assert signed_in["user"]["id"] == alice.user_id
    assert count_rows(database, "UserSignInLog", UserID=int(signed_in["user"]["id"])) == 1
    assert count_rows(database, "UserSignInLog", ClientIP="127.0.0.1") == 1


async def test_sign_in_ignores_email_case_and_spaces(alice: GraphQLClient, anonymous: GraphQLClient) -> None:
    credentials = {"email": f"  ALICE{EMAIL_DOMAIN.upper()} ", "password": PASSWORD}

    signed_in = (await anonymous.data(documents.SIGN_IN, credentials))["signIn"]

    assert signed_in["user"]["id"] == alice.user_id


async def test_sign_out_ends_the_token(alice: GraphQLClient, server: ServerProcess) -> None:
    other_session = GraphQLClient(server.base_url)
    signed_in = await other_session.data(
        documents.SIGN_IN, {"email": f"alice{EMAIL_DOMAIN}", "password": PASSWORD}
    )
    other_session.token = signed_in["signIn"]["token"]

    assert (await alice.data(documents.SIGN_OUT))["signOut"] is True

    assert (await alice.data(documents.ME))["me"] is None
    protected = await alice.error(documents.CHANNELS)
    assert protected["extensions"] == {"code": "UNAUTHENTICATED"}
    again = await alice.error(documents.SIGN_OUT)
    assert again["extensions"] == {"code": "UNAUTHENTICATED"}
    # Signing out ends one session, not every session of the user.
    assert (await other_session.data(documents.ME))["me"]["id"] == alice.user_id
    await other_session.aclose()


async def test_email_is_shown_to_its_owner_only(alice: GraphQLClient, bob: GraphQLClient) -> None:
    seen_by_bob = (await bob.data(documents.USER, {"id": alice.user_id}))["user"]
    seen_by_alice = (await alice.data(documents.USER, {"id": alice.user_id}))["user"]

    assert seen_by_bob["email"] is None
    assert seen_by_bob["userName"] == "alice"
    assert seen_by_alice["email"] == f"alice{EMAIL_DOMAIN}"


async def test_photo_url_hashes_normalized_email(anonymous: GraphQLClient) -> None:
    entered = "  Dizzy.Gillespie@Example.COM "
    expected_digest = hashlib.md5(b"dizzy.gillespie@example.com", usedforsecurity=False).hexdigest()

    data = await anonymous.data(documents.SIGN_UP, {"input": sign_up_input("dizzy", email=entered)})

    user = data["signUp"]["user"]
    assert user["photoURL"] == GRAVATAR_PREFIX + expected_digest
    assert user["email"] == "dizzy.gillespie@example.com"


async def test_update_me_persists(alice: GraphQLClient, server: ServerProcess, database: Engine) -> None:
    updated = (await alice.data(documents.UPDATE_ME, {"input": {"firstName": "Nina"}}))["updateMe"]
    assert updated == {"id": alice.user_id, "firstName": "Nina", "lastName": "Tester"}

    await alice.data(documents.UPDATE_ME, {"input": {"lastName": "Simone"}})

    fresh = GraphQLClient(server.base_url, token=alice.token)
    me = (await fresh.data(documents.ME))["me"]
    assert me["firstName"] == "Nina"
    assert me["lastName"] == "Simone"
    assert count_rows(database, "Users", FirstName="Nina", LastName="Simone") == 1
    await fresh.aclose()


async def test_update_me_clears_name_with_empty_string(alice: GraphQLClient) -> None:
    updated = (await alice.data(documents.UPDATE_ME, {"input": {"firstName": ""}}))["updateMe"]

    assert updated["firstName"] == ""
    assert updated["lastName"] == "Tester"


async def test_distinct_emoji_and_accented_names_coexist(anonymous: GraphQLClient) -> None:
    """Names that differ only in an emoji or an accent are distinct users on every backend."""
    names = ["🎸riff", "🎻riff", "José", "Jose"]

    created = []
    for number, name in enumerate(names):
        new_user = sign_up_input(f"player{number}", userName=name)
        created.append((await anonymous.data(documents.SIGN_UP, {"input": new_user}))["signUp"]["user"])

    assert [user["userName"] for user in created] == names


async def test_user_name_case_variant_conflicts(alice: GraphQLClient, anonymous: GraphQLClient) -> None:
    error = await anonymous.error(documents.SIGN_UP, {"input": sign_up_input("carol", userName="ALICE")})

    assert error["extensions"] == {"code": "CONFLICT", "field": "userName"}


async def test_sign_up_without_password_conf_names_it(anonymous: GraphQLClient) -> None:
    error = await anonymous.error(documents.SIGN_UP, {"input": sign_up_input("carol", passwordConf="")})

    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "passwordConf"}
    assert error["message"] == "passwordConf is required: repeat the password"
