"""Input exactly at a column's limit is stored whole, on SQLite and on MySQL/MariaDB alike.

Input one past the limit is rejected by the matrix (test_matrix.py).
"""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from tests.schema import documents
from tests.schema.factories import World, count_rows, create_channel, event_input, sign_up_input
from tests.schema.limits import FIELD_LIMITS, FieldLimit
from tests.support.clients import GraphQLClient

# A character outside the Basic Multilingual Plane: four bytes in UTF-8, so a MySQL column
# that is not utf8mb4 would reject it.
VIOLIN = "🎻"


@pytest.mark.parametrize("field_limit", FIELD_LIMITS, ids=[limit.name for limit in FIELD_LIMITS])
async def test_value_at_limit_is_stored(field_limit: FieldLimit, world: World, database: Engine) -> None:
    value = field_limit.value(field_limit.limit)

    await world.client(field_limit.caller).data(field_limit.document, field_limit.variables(world, value))

    if field_limit.stored_in is not None:
        table, column = field_limit.stored_in
        assert count_rows(database, table, **{column: value}) == 1


@pytest.mark.parametrize("password", ["p" * 72, "é" * 36], ids=["72-ascii", "36-two-byte"])
async def test_password_at_72_bytes_signs_in(anonymous: GraphQLClient, password: str) -> None:
    new_user = sign_up_input("carol", password=password, passwordConf=password)
    await anonymous.data(documents.SIGN_UP, {"input": new_user})

    signed_in = await anonymous.data(documents.SIGN_IN, {"email": new_user["email"], "password": password})

    assert signed_in["signIn"]["token"]


async def test_four_byte_characters_at_limit(alice: GraphQLClient, database: Engine) -> None:
    name = VIOLIN * 255
    channel = await create_channel(alice, name, description=VIOLIN * 255)
    event = (await alice.data(documents.CREATE_EVENT, {"input": event_input(title=name)}))["createEvent"]
    message = await alice.data(documents.POST_MESSAGE, {"channelId": channel["id"], "body": VIOLIN * 255})
    me = await alice.data(documents.UPDATE_ME, {"input": {"firstName": VIOLIN * 128}})

    assert channel["name"] == name
    assert event["title"] == name
    assert message["postMessage"]["body"] == VIOLIN * 255
    assert me["updateMe"]["firstName"] == VIOLIN * 128
    stored = (await alice.data(documents.CHANNEL, {"id": channel["id"]}))["channel"]
    assert stored["name"] == name
    assert stored["description"] == VIOLIN * 255
    assert count_rows(database, "Messages", ID=int(message["postMessage"]["id"]), Body=VIOLIN * 255) == 1


async def test_email_longer_once_lower_cased_is_rejected(anonymous: GraphQLClient, database: Engine) -> None:
    # "İ" lower-cases to two characters, so this 255-character email is 256 long as stored.
    email = "İ" + "m" * (255 - len("İ@example.com")) + "@example.com"
    assert len(email) == 255

    error = await anonymous.error(documents.SIGN_UP, {"input": sign_up_input("carol", email=email)})

    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "email"}
    assert count_rows(database, "Users") == 0
