"""The authorization and validation matrix: every protected operation and how it must fail.

Each case names the document, its variables (built from a `World`), the caller, and the
expected `extensions.code` and `extensions.field`. test_matrix.py runs every case.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.schema import documents
from tests.schema.factories import (
    EMAIL_DOMAIN,
    HUGE_UNKNOWN_ID,
    UNKNOWN_ID,
    Caller,
    World,
    event_input,
    sign_up_input,
)
from tests.schema.limits import FIELD_LIMITS, NEW_USER_NAME
from tests.support.clients import PASSWORD

Variables = Callable[[World], dict[str, Any]]

UNAUTHENTICATED = "UNAUTHENTICATED"
FORBIDDEN = "FORBIDDEN"
NOT_FOUND = "NOT_FOUND"
BAD_USER_INPUT = "BAD_USER_INPUT"
CONFLICT = "CONFLICT"

# Malformed ids by test-id label: not a number, negative, zero, a superscript digit (which
# Python's str.isdigit accepts but int() rejects), and more digits than a 64-bit integer holds.
BAD_IDS = {
    "abc": "abc",
    "minus-1": "-1",
    "zero": "0",
    "superscript-2": "²",
    "30-digits": "9" * 30,
}


@dataclass(frozen=True)
class Case:
    """One request that must fail, and the error it must fail with."""

    name: str
    document: str
    variables: Variables
    caller: Caller
    code: str
    field: str | None = None
    # The exact message, where the contract fixes it.
    message: str | None = None


@dataclass(frozen=True)
class Operation:
    """A protected query or mutation with variables that would succeed for the owner."""

    name: str
    document: str
    variables: Variables


PROTECTED_OPERATIONS = [
    Operation("user", documents.USER, lambda w: {"id": w.owner_id}),
    Operation("events", documents.EVENTS, lambda w: {}),
    Operation("event", documents.EVENT, lambda w: {"id": w.event}),
    Operation("joinedEvents", documents.JOINED_EVENTS, lambda w: {}),
    Operation("channels", documents.CHANNELS, lambda w: {}),
    Operation("channel", documents.CHANNEL, lambda w: {"id": w.public_channel}),
    Operation("channel.messages", documents.MESSAGES, lambda w: {"id": w.public_channel}),
    Operation("signOut", documents.SIGN_OUT, lambda w: {}),
    Operation("updateMe", documents.UPDATE_ME, lambda w: {"input": {"firstName": "Nina"}}),
    Operation("createEvent", documents.CREATE_EVENT, lambda w: {"input": event_input()}),
    Operation("joinEvent", documents.JOIN_EVENT, lambda w: {"id": w.event}),
    Operation("leaveEvent", documents.LEAVE_EVENT, lambda w: {"id": w.event}),
    Operation("createChannel", documents.CREATE_CHANNEL, lambda w: {"input": {"name": "Strings"}}),
    Operation(
        "updateChannel",
        documents.UPDATE_CHANNEL,
        lambda w: {"id": w.public_channel, "input": {"name": "Brass"}},
    ),
    Operation("deleteChannel", documents.DELETE_CHANNEL, lambda w: {"id": w.public_channel}),
    Operation(
        "addChannelMember",
        documents.ADD_MEMBER,
        lambda w: {"channelId": w.public_channel, "userId": w.outsider_id},
    ),
    Operation(
        "removeChannelMember",
        documents.REMOVE_MEMBER,
        lambda w: {"channelId": w.public_channel, "userId": w.outsider_id},
    ),
    Operation(
        "postMessage", documents.POST_MESSAGE, lambda w: {"channelId": w.public_channel, "body": "Hello"}
    ),
    Operation("updateMessage", documents.UPDATE_MESSAGE, lambda w: {"id": w.message, "body": "Edited"}),
    Operation("deleteMessage", documents.DELETE_MESSAGE, lambda w: {"id": w.message}),
]

SIGNED_OUT_CASES = [
    Case(f"{caller.value}-{operation.name}", operation.document, operation.variables, caller, UNAUTHENTICATED)
    for caller in (Caller.ANONYMOUS, Caller.FORGED_TOKEN)
    for operation in PROTECTED_OPERATIONS
]

FORBIDDEN_CASES = [
    Case(
        "outsider-channel-private",
        documents.CHANNEL,
        lambda w: {"id": w.private_channel},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "outsider-messages-private",
        documents.MESSAGES,
        lambda w: {"id": w.private_channel},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "outsider-channel-event-chat",
        documents.CHANNEL,
        lambda w: {"id": w.event_channel},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "outsider-event-chat-messages",
        documents.EVENT_CHAT_MESSAGES,
        lambda w: {"id": w.event},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "outsider-postMessage-private",
        documents.POST_MESSAGE,
        lambda w: {"channelId": w.private_channel, "body": "Let me in"},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "outsider-postMessage-event-chat",
        documents.POST_MESSAGE,
        lambda w: {"channelId": w.event_channel, "body": "Let me in"},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "outsider-updateChannel-public",
        documents.UPDATE_CHANNEL,
        lambda w: {"id": w.public_channel, "input": {"name": "Mine now"}},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "outsider-updateChannel-private",
        documents.UPDATE_CHANNEL,
        lambda w: {"id": w.private_channel, "input": {"description": "Mine now"}},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "outsider-updateChannel-event-chat",
        documents.UPDATE_CHANNEL,
        lambda w: {"id": w.event_channel, "input": {"name": "Mine now"}},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "outsider-deleteChannel-public",
        documents.DELETE_CHANNEL,
        lambda w: {"id": w.public_channel},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "outsider-deleteChannel-private",
        documents.DELETE_CHANNEL,
        lambda w: {"id": w.private_channel},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "outsider-deleteChannel-event-chat",
        documents.DELETE_CHANNEL,
        lambda w: {"id": w.event_channel},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "outsider-addChannelMember-self-to-public",
        documents.ADD_MEMBER,
        lambda w: {"channelId": w.public_channel, "userId": w.outsider_id},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "outsider-addChannelMember-self-to-private",
        documents.ADD_MEMBER,
        lambda w: {"channelId": w.private_channel, "userId": w.outsider_id},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "outsider-addChannelMember-self-to-event-chat",
        documents.ADD_MEMBER,
        lambda w: {"channelId": w.event_channel, "userId": w.outsider_id},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "outsider-removeChannelMember-creator",
        documents.REMOVE_MEMBER,
        lambda w: {"channelId": w.public_channel, "userId": w.owner_id},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "outsider-updateMessage",
        documents.UPDATE_MESSAGE,
        lambda w: {"id": w.message, "body": "Not mine"},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "outsider-deleteMessage",
        documents.DELETE_MESSAGE,
        lambda w: {"id": w.message},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "owner-updateChannel-general",
        documents.UPDATE_CHANNEL,
        lambda w: {"id": w.general_channel, "input": {"name": "Lobby"}},
        Caller.OWNER,
        FORBIDDEN,
    ),
    Case(
        "outsider-updateChannel-general",
        documents.UPDATE_CHANNEL,
        lambda w: {"id": w.general_channel, "input": {"description": "Lobby"}},
        Caller.OUTSIDER,
        FORBIDDEN,
    ),
    Case(
        "owner-deleteChannel-general",
        documents.DELETE_CHANNEL,
        lambda w: {"id": w.general_channel},
        Caller.OWNER,
        FORBIDDEN,
    ),
    Case(
        "owner-addChannelMember-general",
        documents.ADD_MEMBER,
        lambda w: {"channelId": w.general_channel, "userId": w.outsider_id},
        Caller.OWNER,
        FORBIDDEN,
    ),
    Case(
        "owner-removeChannelMember-general",
        documents.REMOVE_MEMBER,
        lambda w: {"channelId": w.general_channel, "userId": w.outsider_id},
        Caller.OWNER,
        FORBIDDEN,
    ),
]


def _unknown(name: str, document: str, variables: Variables) -> Case:
    return Case(f"unknown-{name}", document, variables, Caller.OWNER, NOT_FOUND)


NOT_FOUND_CASES = [
    _unknown("user", documents.USER, lambda w: {"id": UNKNOWN_ID}),
    _unknown("user-beyond-int", documents.USER, lambda w: {"id": HUGE_UNKNOWN_ID}),
    _unknown("event", documents.EVENT, lambda w: {"id": UNKNOWN_ID}),
    _unknown("channel", documents.CHANNEL, lambda w: {"id": UNKNOWN_ID}),
    _unknown("channel-beyond-int", documents.CHANNEL, lambda w: {"id": HUGE_UNKNOWN_ID}),
    _unknown("channel.messages", documents.MESSAGES, lambda w: {"id": UNKNOWN_ID}),
    _unknown("joinEvent", documents.JOIN_EVENT, lambda w: {"id": UNKNOWN_ID}),
    _unknown("leaveEvent", documents.LEAVE_EVENT, lambda w: {"id": UNKNOWN_ID}),
    _unknown(
        "updateChannel", documents.UPDATE_CHANNEL, lambda w: {"id": UNKNOWN_ID, "input": {"name": "Brass"}}
    ),
    _unknown("deleteChannel", documents.DELETE_CHANNEL, lambda w: {"id": UNKNOWN_ID}),
    _unknown(
        "addChannelMember-channel",
        documents.ADD_MEMBER,
        lambda w: {"channelId": UNKNOWN_ID, "userId": w.outsider_id},
    ),
    _unknown(
        "addChannelMember-user",
        documents.ADD_MEMBER,
        lambda w: {"channelId": w.public_channel, "userId": UNKNOWN_ID},
    ),
    _unknown(
        "removeChannelMember-channel",
        documents.REMOVE_MEMBER,
        lambda w: {"channelId": UNKNOWN_ID, "userId": w.outsider_id},
    ),
    _unknown(
        "removeChannelMember-user",
        documents.REMOVE_MEMBER,
        lambda w: {"channelId": w.public_channel, "userId": UNKNOWN_ID},
    ),
    _unknown("postMessage", documents.POST_MESSAGE, lambda w: {"channelId": UNKNOWN_ID, "body": "Hello"}),
    _unknown(
        "postMessage-beyond-int",
        documents.POST_MESSAGE,
        lambda w: {"channelId": HUGE_UNKNOWN_ID, "body": "Hello"},
    ),
    _unknown("updateMessage", documents.UPDATE_MESSAGE, lambda w: {"id": UNKNOWN_ID, "body": "Edited"}),
    _unknown("deleteMessage", documents.DELETE_MESSAGE, lambda w: {"id": UNKNOWN_ID}),
    _unknown("deleteMessage-beyond-int", documents.DELETE_MESSAGE, lambda w: {"id": HUGE_UNKNOWN_ID}),
]

CONFLICT_CASES = [
    Case(
        "conflict-signUp-taken-email",
        documents.SIGN_UP,
        lambda w: {"input": sign_up_input(NEW_USER_NAME, email=f"{w.owner.user_name}{EMAIL_DOMAIN}")},
        Caller.ANONYMOUS,
        CONFLICT,
        "email",
    ),
    Case(
        "conflict-signUp-taken-email-other-case",
        documents.SIGN_UP,
        lambda w: {"input": sign_up_input(NEW_USER_NAME, email=f"{w.owner.user_name}{EMAIL_DOMAIN}".upper())},
        Caller.ANONYMOUS,
        CONFLICT,
        "email",
    ),
    Case(
        "conflict-signUp-taken-userName-other-case",
        documents.SIGN_UP,
        lambda w: {
            "input": sign_up_input(NEW_USER_NAME, userName=(w.owner.user_name or "").upper()),
        },
        Caller.ANONYMOUS,
        CONFLICT,
        "userName",
    ),
    Case(
        "conflict-leaveEvent-creator",
        documents.LEAVE_EVENT,
        lambda w: {"id": w.event},
        Caller.OWNER,
        CONFLICT,
        "eventId",
    ),
    Case(
        "conflict-deleteChannel-event-chat",
        documents.DELETE_CHANNEL,
        lambda w: {"id": w.event_channel},
        Caller.OWNER,
        CONFLICT,
        "id",
    ),
    Case(
        "conflict-removeChannelMember-creator",
        documents.REMOVE_MEMBER,
        lambda w: {"channelId": w.public_channel, "userId": w.owner_id},
        Caller.OWNER,
        CONFLICT,
        "userId",
    ),
]


@dataclass(frozen=True)
class IdArgument:
    """An ID argument, and variables that would succeed for the owner but for that argument."""

    name: str
    document: str
    variables: Callable[[World, str], dict[str, Any]]
    field: str


ID_ARGUMENTS = [
    IdArgument("user.id", documents.USER, lambda w, bad: {"id": bad}, "id"),
    IdArgument("event.id", documents.EVENT, lambda w, bad: {"id": bad}, "id"),
    IdArgument("channel.id", documents.CHANNEL, lambda w, bad: {"id": bad}, "id"),
    IdArgument(
        "events.filter.creatorId",
        documents.EVENTS,
        lambda w, bad: {"filter": {"creatorId": bad}},
        "filter.creatorId",
    ),
    IdArgument("joinEvent.eventId", documents.JOIN_EVENT, lambda w, bad: {"id": bad}, "eventId"),
    IdArgument("leaveEvent.eventId", documents.LEAVE_EVENT, lambda w, bad: {"id": bad}, "eventId"),
    IdArgument(
        "createChannel.memberIds",
        documents.CREATE_CHANNEL,
        lambda w, bad: {"input": {"name": "Strings", "memberIds": [w.outsider_id, bad]}},
        "memberIds",
    ),
    IdArgument(
        "updateChannel.id",
        documents.UPDATE_CHANNEL,
        lambda w, bad: {"id": bad, "input": {"name": "Brass"}},
        "id",
    ),
    IdArgument("deleteChannel.id", documents.DELETE_CHANNEL, lambda w, bad: {"id": bad}, "id"),
    IdArgument(
        "addChannelMember.channelId",
        documents.ADD_MEMBER,
        lambda w, bad: {"channelId": bad, "userId": w.outsider_id},
        "channelId",
    ),
    IdArgument(
        "addChannelMember.userId",
        documents.ADD_MEMBER,
        lambda w, bad: {"channelId": w.public_channel, "userId": bad},
        "userId",
    ),
    IdArgument(
        "removeChannelMember.channelId",
        documents.REMOVE_MEMBER,
        lambda w, bad: {"channelId": bad, "userId": w.outsider_id},
        "channelId",
    ),
    IdArgument(
        "removeChannelMember.userId",
        documents.REMOVE_MEMBER,
        lambda w, bad: {"channelId": w.public_channel, "userId": bad},
        "userId",
    ),
    IdArgument(
        "postMessage.channelId",
        documents.POST_MESSAGE,
        lambda w, bad: {"channelId": bad, "body": "Hello"},
        "channelId",
    ),
    IdArgument(
        "updateMessage.id",
        documents.UPDATE_MESSAGE,
        lambda w, bad: {"id": bad, "body": "Edited"},
        "id",
    ),
    IdArgument("deleteMessage.id", documents.DELETE_MESSAGE, lambda w, bad: {"id": bad}, "id"),
]


def _with_value(build: Callable[[World, str], dict[str, Any]], value: str) -> Variables:
    return lambda w: build(w, value)


INVALID_ID_CASES = [
    Case(
        f"bad-id-{argument.name}-{label}",
        argument.document,
        _with_value(argument.variables, bad),
        Caller.OWNER,
        BAD_USER_INPUT,
        argument.field,
    )
    for argument in ID_ARGUMENTS
    for label, bad in BAD_IDS.items()
]


def _sign_up(**fields: str) -> Variables:
    return lambda w: {"input": sign_up_input(NEW_USER_NAME, **fields)}


def _invalid_sign_up(name: str, field: str, **fields: str) -> Case:
    return Case(
        f"invalid-signUp.{name}",
        documents.SIGN_UP,
        _sign_up(**fields),
        Caller.ANONYMOUS,
        BAD_USER_INPUT,
        field,
    )


def _invalid(name: str, document: str, variables: Variables, field: str) -> Case:
    return Case(f"invalid-{name}", document, variables, Caller.OWNER, BAD_USER_INPUT, field)


def _cursor(kind: str, row_id: str) -> str:
    """Build a cursor the way the server encodes them, with any text as the row id."""
    return base64.urlsafe_b64encode(f"{kind}:{row_id}".encode()).decode()


INVALID_INPUT_CASES = [
    _invalid_sign_up("email-empty", "email", email=""),
    _invalid_sign_up("email-without-at", "email", email="carol.example.com"),
    _invalid_sign_up("email-two-ats", "email", email="carol@@example.com"),
    _invalid_sign_up("email-without-dot", "email", email="carol@example"),
    _invalid_sign_up("email-with-space", "email", email="car ol@example.com"),
    _invalid_sign_up("password-empty", "password", password="", passwordConf=""),
    _invalid_sign_up("password-five-characters", "password", password="abcde", passwordConf="abcde"),
    _invalid_sign_up("password-37-two-byte-characters", "password", password="é" * 37, passwordConf="é" * 37),
    _invalid_sign_up("passwordConf-differs", "passwordConf", passwordConf=PASSWORD + "!"),
    _invalid_sign_up("userName-empty", "userName", userName=""),
    _invalid_sign_up("userName-blank", "userName", userName="   "),
    _invalid_sign_up("userName-with-space", "userName", userName="miles davis"),
    _invalid_sign_up("userName-with-tab", "userName", userName="miles\tdavis"),
    _invalid(
        "updateMe.firstName-not-a-string", documents.UPDATE_ME, lambda w: {"input": {"firstName": 7}}, "input"
    ),
    _invalid(
        "createEvent.title-empty", documents.CREATE_EVENT, lambda w: {"input": event_input(title="")}, "title"
    ),
    _invalid(
        "createEvent.title-blank",
        documents.CREATE_EVENT,
        lambda w: {"input": event_input(title="  ")},
        "title",
    ),
    _invalid(
        "createEvent.location-empty",
        documents.CREATE_EVENT,
        lambda w: {"input": event_input(location="")},
        "location",
    ),
    _invalid(
        "createEvent.dateTime-empty",
        documents.CREATE_EVENT,
        lambda w: {"input": event_input(dateTime="")},
        "dateTime",
    ),
    _invalid(
        "createEvent.dateTime-words",
        documents.CREATE_EVENT,
        lambda w: {"input": event_input(dateTime="next friday")},
        "dateTime",
    ),
    _invalid(
        "createEvent.dateTime-date-only",
        documents.CREATE_EVENT,
        lambda w: {"input": event_input(dateTime="2027-01-31")},
        "dateTime",
    ),
    _invalid(
        "createEvent.dateTime-february-30",
        documents.CREATE_EVENT,
        lambda w: {"input": event_input(dateTime="2027-02-30T19:30:00")},
        "dateTime",
    ),
    _invalid(
        "createEvent.dateTime-hour-25",
        documents.CREATE_EVENT,
        lambda w: {"input": event_input(dateTime="2027-01-31T25:00:00")},
        "dateTime",
    ),
    _invalid("createChannel.name-empty", documents.CREATE_CHANNEL, lambda w: {"input": {"name": ""}}, "name"),
    _invalid(
        "createChannel.memberIds-unknown-user",
        documents.CREATE_CHANNEL,
        lambda w: {"input": {"name": "Strings", "memberIds": [UNKNOWN_ID]}},
        "memberIds",
    ),
    _invalid(
        "updateChannel.input-empty",
        documents.UPDATE_CHANNEL,
        lambda w: {"id": w.public_channel, "input": {}},
        "input",
    ),
    _invalid(
        "updateChannel.name-empty",
        documents.UPDATE_CHANNEL,
        lambda w: {"id": w.public_channel, "input": {"name": ""}},
        "name",
    ),
    _invalid(
        "postMessage.body-empty",
        documents.POST_MESSAGE,
        lambda w: {"channelId": w.public_channel, "body": ""},
        "body",
    ),
    _invalid(
        "postMessage.body-blank",
        documents.POST_MESSAGE,
        lambda w: {"channelId": w.public_channel, "body": " \n\t "},
        "body",
    ),
    _invalid(
        "postMessage.body-256-emoji",
        documents.POST_MESSAGE,
        lambda w: {"channelId": w.public_channel, "body": "🎻" * 256},
        "body",
    ),
    _invalid(
        "updateMessage.body-empty", documents.UPDATE_MESSAGE, lambda w: {"id": w.message, "body": ""}, "body"
    ),
    _invalid("events.first-101", documents.EVENTS, lambda w: {"first": 101}, "first"),
    _invalid("events.first-negative", documents.EVENTS, lambda w: {"first": -1}, "first"),
    _invalid("events.after-garbage", documents.EVENTS, lambda w: {"after": "not a cursor"}, "after"),
    _invalid(
        "events.after-message-cursor", documents.EVENTS, lambda w: {"after": _cursor("message", "1")}, "after"
    ),
    _invalid(
        "events.after-non-ascii-digit",
        documents.EVENTS,
        lambda w: {"after": _cursor("event", "²")},
        "after",
    ),
    _invalid(
        "messages.last-101", documents.MESSAGES, lambda w: {"id": w.public_channel, "last": 101}, "last"
    ),
    _invalid(
        "messages.last-negative", documents.MESSAGES, lambda w: {"id": w.public_channel, "last": -1}, "last"
    ),
    _invalid(
        "messages.first-101", documents.MESSAGES, lambda w: {"id": w.public_channel, "first": 101}, "first"
    ),
    _invalid(
        "messages.before-garbage",
        documents.MESSAGES,
        lambda w: {"id": w.public_channel, "before": "garbage"},
        "before",
    ),
    _invalid(
        "messages.before-30-digit-id",
        documents.MESSAGES,
        lambda w: {"id": w.public_channel, "before": _cursor("message", "9" * 30)},
        "before",
    ),
    _invalid(
        "messages.after-garbage",
        documents.MESSAGES,
        lambda w: {"id": w.public_channel, "after": "garbage"},
        "after",
    ),
    _invalid("attendees.first-101", documents.ATTENDEES, lambda w: {"id": w.event, "first": 101}, "first"),
    _invalid(
        "attendees.after-garbage", documents.ATTENDEES, lambda w: {"id": w.event, "after": "garbage"}, "after"
    ),
]


TOO_LONG_CASES = [
    Case(
        f"too-long-{field_limit.name}",
        field_limit.document,
        _with_value(field_limit.variables, field_limit.value(field_limit.limit + 1)),
        field_limit.caller,
        BAD_USER_INPUT,
        field_limit.field,
    )
    for field_limit in FIELD_LIMITS
]

# Sign-in is the one exception to the rule that over-long input is BAD_USER_INPUT. It writes
# no input to a column, and every sign-in failure reports only "invalid credentials".
SIGN_IN_CASES = [
    Case(
        "signIn-email-256",
        documents.SIGN_IN,
        lambda w: {"email": "m" * 244 + EMAIL_DOMAIN, "password": PASSWORD},
        Caller.ANONYMOUS,
        UNAUTHENTICATED,
        message="invalid credentials",
    ),
    Case(
        "signIn-password-73-bytes",
        documents.SIGN_IN,
        lambda w: {"email": f"{w.owner.user_name}{EMAIL_DOMAIN}", "password": "p" * 73},
        Caller.ANONYMOUS,
        UNAUTHENTICATED,
        message="invalid credentials",
    ),
    Case(
        "signIn-email-empty",
        documents.SIGN_IN,
        lambda w: {"email": "", "password": PASSWORD},
        Caller.ANONYMOUS,
        UNAUTHENTICATED,
        message="invalid credentials",
    ),
]

MATRIX = (
    SIGNED_OUT_CASES
    + FORBIDDEN_CASES
    + NOT_FOUND_CASES
    + CONFLICT_CASES
    + INVALID_ID_CASES
    + INVALID_INPUT_CASES
    + TOO_LONG_CASES
    + SIGN_IN_CASES
)
