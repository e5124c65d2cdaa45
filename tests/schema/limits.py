"""Every string input that is stored in a column, with the column's limit.

The limits repeat app/models/columns.py on purpose, because a test that imported them
would still pass after someone changed a limit there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.schema import documents
from tests.schema.factories import (
    Caller,
    World,
    date_time_of_length,
    email_of_length,
    event_input,
    password_of_bytes,
    sign_up_input,
    text_of_length,
)

Variables = Callable[[World, str], dict[str, Any]]

NEW_USER_NAME = "carol"


@dataclass(frozen=True)
class FieldLimit:
    """One stored string input: how to send a value in it, and where an accepted value lands."""

    name: str
    field: str
    limit: int
    document: str
    variables: Variables
    caller: Caller = Caller.OWNER
    make_value: Callable[[int], str] = text_of_length
    # Table and column that store the value, or None when only a hash is stored.
    stored_in: tuple[str, str] | None = None

    def value(self, length: int) -> str:
        return self.make_value(length)


def _sign_up(**field: str) -> dict[str, Any]:
    return {"input": sign_up_input(NEW_USER_NAME, **field)}


FIELD_LIMITS = [
    FieldLimit(
        name="signUp.email",
        field="email",
        limit=255,
        document=documents.SIGN_UP,
        variables=lambda _world, value: _sign_up(email=value),
        caller=Caller.ANONYMOUS,
        make_value=email_of_length,
        stored_in=("Users", "Email"),
    ),
    FieldLimit(
        name="signUp.password",
        field="password",
        limit=72,
        document=documents.SIGN_UP,
        variables=lambda _world, value: _sign_up(password=value, passwordConf=value),
        caller=Caller.ANONYMOUS,
        make_value=password_of_bytes,
    ),
    FieldLimit(
        name="signUp.userName",
        field="userName",
        limit=255,
        document=documents.SIGN_UP,
        variables=lambda _world, value: _sign_up(userName=value),
        caller=Caller.ANONYMOUS,
        stored_in=("Users", "UserName"),
    ),
    FieldLimit(
        name="signUp.firstName",
        field="firstName",
        limit=128,
        document=documents.SIGN_UP,
        variables=lambda _world, value: _sign_up(firstName=value),
        caller=Caller.ANONYMOUS,
        stored_in=("Users", "FirstName"),
    ),
    FieldLimit(
        name="signUp.lastName",
        field="lastName",
        limit=128,
        document=documents.SIGN_UP,
        variables=lambda _world, value: _sign_up(lastName=value),
        caller=Caller.ANONYMOUS,
        stored_in=("Users", "LastName"),
    ),
    FieldLimit(
        name="updateMe.firstName",
        field="firstName",
        limit=128,
        document=documents.UPDATE_ME,
        variables=lambda _world, value: {"input": {"firstName": value}},
        stored_in=("Users", "FirstName"),
    ),
    FieldLimit(
        name="updateMe.lastName",
        field="lastName",
        limit=128,
        document=documents.UPDATE_ME,
        variables=lambda _world, value: {"input": {"lastName": value}},
        stored_in=("Users", "LastName"),
    ),
    FieldLimit(
        name="createEvent.title",
        field="title",
        limit=255,
        document=documents.CREATE_EVENT,
        variables=lambda _world, value: {"input": event_input(title=value)},
        stored_in=("Events", "Title"),
    ),
    FieldLimit(
        name="createEvent.dateTime",
        field="dateTime",
        limit=255,
        document=documents.CREATE_EVENT,
        variables=lambda _world, value: {"input": event_input(dateTime=value)},
        make_value=date_time_of_length,
        stored_in=("Events", "EventDateTime"),
    ),
    FieldLimit(
        name="createEvent.location",
        field="location",
        limit=255,
        document=documents.CREATE_EVENT,
        variables=lambda _world, value: {"input": event_input(location=value)},
        stored_in=("Events", "LocationOfEvent"),
    ),
    FieldLimit(
        name="createEvent.description",
        field="description",
        limit=255,
        document=documents.CREATE_EVENT,
        variables=lambda _world, value: {"input": event_input(description=value)},
        stored_in=("Events", "DescriptionOfEvent"),
    ),
    FieldLimit(
        name="createChannel.name",
        field="name",
        limit=255,
        document=documents.CREATE_CHANNEL,
        variables=lambda _world, value: {"input": {"name": value}},
        stored_in=("Channels", "ChannelName"),
    ),
    FieldLimit(
        name="createChannel.description",
        field="description",
        limit=255,
        document=documents.CREATE_CHANNEL,
        variables=lambda _world, value: {"input": {"name": "Strings", "description": value}},
        stored_in=("Channels", "ChannelDescription"),
    ),
    FieldLimit(
        name="updateChannel.name",
        field="name",
        limit=255,
        document=documents.UPDATE_CHANNEL,
        variables=lambda world, value: {"id": world.public_channel, "input": {"name": value}},
        stored_in=("Channels", "ChannelName"),
    ),
    FieldLimit(
        name="updateChannel.description",
        field="description",
        limit=255,
        document=documents.UPDATE_CHANNEL,
        variables=lambda world, value: {"id": world.public_channel, "input": {"description": value}},
        stored_in=("Channels", "ChannelDescription"),
    ),
    FieldLimit(
        name="postMessage.body",
        field="body",
        limit=255,
        document=documents.POST_MESSAGE,
        variables=lambda world, value: {"channelId": world.public_channel, "body": value},
        stored_in=("Messages", "Body"),
    ),
    FieldLimit(
        name="updateMessage.body",
        field="body",
        limit=255,
        document=documents.UPDATE_MESSAGE,
        variables=lambda world, value: {"id": world.message, "body": value},
        stored_in=("Messages", "Body"),
    ),
]
