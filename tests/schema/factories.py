"""Factory helpers for the rule tests: build data through the API and inspect the tables directly."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine

from tests.schema import documents
from tests.support.backends import DATA_TABLES
from tests.support.clients import PASSWORD, GraphQLClient

# An id that no row has. It is larger than any id the tests create and inside MySQL's INT range.
UNKNOWN_ID = "999999"
# An id beyond MySQL's signed INT range, which a lookup must report as NOT_FOUND, not a database error.
HUGE_UNKNOWN_ID = "99999999999"

VALID_DATE_TIME = "2027-01-31T19:30:00+01:00"
EMAIL_DOMAIN = "@example.com"

# Words a client must never see in an error message: stack traces, SQL and Python exception names.
LEAKED_TEXT = re.compile(r"Traceback|SELECT|INSERT|UPDATE |DELETE FROM|\b[A-Z]\w*(Error|Exception)\b")

# Primary keys of the tables, so a snapshot lists rows in a stable order.
PRIMARY_KEYS = {
    "UserSignInLog": "ID",
    "UsersJoinEvents": "UJM",
    "ChannelsJoinMembers": "CJMID",
    "Messages": "ID",
    "Events": "ID",
    "Channels": "ID",
    "Users": "ID",
}


class Caller(StrEnum):
    """Who sends a request in a test case."""

    ANONYMOUS = "anonymous"
    FORGED_TOKEN = "forged-token"
    OWNER = "owner"
    OUTSIDER = "outsider"


@dataclass
class World:
    """A small data set built through the API: the owner created every channel, event and message.

    The outsider is signed in but belongs to no channel and joined no event.
    Ids are strings, as the GraphQL `ID` type sends them.
    """

    owner: GraphQLClient
    outsider: GraphQLClient
    anonymous: GraphQLClient
    forged: GraphQLClient
    general_channel: str
    public_channel: str
    private_channel: str
    event: str
    event_channel: str
    message: str

    @property
    def owner_id(self) -> str:
        assert self.owner.user_id is not None
        return self.owner.user_id

    @property
    def outsider_id(self) -> str:
        assert self.outsider.user_id is not None
        return self.outsider.user_id

    def client(self, caller: Caller) -> GraphQLClient:
        clients = {
            Caller.ANONYMOUS: self.anonymous,
            Caller.FORGED_TOKEN: self.forged,
            Caller.OWNER: self.owner,
            Caller.OUTSIDER: self.outsider,
        }
        return clients[caller]


async def build_world(owner: GraphQLClient, outsider: GraphQLClient, anonymous: GraphQLClient) -> World:
    """Create a public channel, a private channel, an event and one message, all as `owner`."""
    public = await create_channel(owner, "Brass section")
    private = await create_channel(owner, "Band leaders", private=True)
    event = await create_event(owner, title="Session at the Blue Room")
    message = await post_message(owner, public["id"], "Tuning at seven")
    forged = GraphQLClient(owner.base_url, token="forged.token.value")

    return World(
        owner=owner,
        outsider=outsider,
        anonymous=anonymous,
        forged=forged,
        general_channel=await general_channel_id(owner),
        public_channel=public["id"],
        private_channel=private["id"],
        event=event["id"],
        event_channel=event["channel"]["id"],
        message=message["id"],
    )


async def general_channel_id(client: GraphQLClient) -> str:
    channels = (await client.data(documents.CHANNELS))["channels"]
    general = [channel for channel in channels if channel["name"] == "General"]
    assert len(general) == 1, channels
    channel_id: str = general[0]["id"]
    return channel_id


def sign_up_input(user_name: str, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "email": f"{user_name}{EMAIL_DOMAIN}",
        "password": PASSWORD,
        "passwordConf": PASSWORD,
        "userName": user_name,
        "firstName": "Ella",
        "lastName": "Fitzgerald",
    }
    values.update(overrides)
    return values


def event_input(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "title": "Friday jazz jam",
        "dateTime": VALID_DATE_TIME,
        "location": "Rehearsal room 3",
        "description": "Standards in B flat",
    }
    values.update(overrides)
    return values


async def create_event(client: GraphQLClient, **overrides: Any) -> dict[str, Any]:
    data = await client.data(documents.CREATE_EVENT, {"input": event_input(**overrides)})
    event: dict[str, Any] = data["createEvent"]
    return event


async def create_channel(
    client: GraphQLClient,
    name: str,
    *,
    private: bool = False,
    member_ids: list[str] | None = None,
    description: str | None = None,
) -> dict[str, Any]:
    channel_input = {
        "name": name,
        "description": description,
        "private": private,
        "memberIds": member_ids or [],
    }
    data = await client.data(documents.CREATE_CHANNEL, {"input": channel_input})
    channel: dict[str, Any] = data["createChannel"]
    return channel


async def post_message(client: GraphQLClient, channel_id: str, body: str) -> dict[str, Any]:
    data = await client.data(documents.POST_MESSAGE, {"channelId": channel_id, "body": body})
    message: dict[str, Any] = data["postMessage"]
    return message


def text_of_length(length: int, fill: str = "a") -> str:
    return fill * length


def email_of_length(length: int) -> str:
    return "m" * (length - len(EMAIL_DOMAIN)) + EMAIL_DOMAIN


def date_time_of_length(length: int) -> str:
    """Return a valid ISO 8601 date-time padded with fractional-second digits to `length` characters."""
    base = "2027-01-31T19:30:00."
    return base + "0" * (length - len(base))


def password_of_bytes(length: int) -> str:
    return "p" * length


def assert_safe_error(error: dict[str, Any]) -> None:
    """Fail when an error message shows a stack trace, SQL or a Python exception name."""
    message = error["message"]
    assert not LEAKED_TEXT.search(message), f"error message leaks internals: {message!r}"
    assert "stacktrace" not in error.get("extensions", {}), error


def count_rows(engine: Engine, table: str, **equal: object) -> int:
    """Count the rows of `table` whose columns equal the given values (column names as in the table)."""
    conditions = " AND ".join(f"{column} = :{column}" for column in equal) or "1 = 1"
    with engine.connect() as connection:
        count = connection.execute(text(f"SELECT COUNT(*) FROM {table} WHERE {conditions}"), equal).scalar()
    return int(count or 0)


def table_snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Return every row of every data table, so a test can prove a request wrote nothing."""
    snapshot: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        for table in DATA_TABLES:
            rows = connection.execute(text(f"SELECT * FROM {table} ORDER BY {PRIMARY_KEYS[table]}"))
            snapshot[table] = [tuple(row) for row in rows]
    return snapshot
