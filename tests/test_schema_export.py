"""The committed schema.graphql is the schema the code serves."""

from __future__ import annotations

from pathlib import Path

from app.schema.export import sdl

COMMITTED = Path(__file__).resolve().parents[1] / "schema.graphql"


def test_committed_schema_matches_code() -> None:
    assert COMMITTED.read_text() == sdl(), (
        "schema.graphql is out of date: run `make schema` and commit the result"
    )


def test_schema_keeps_contract_names() -> None:
    text = COMMITTED.read_text()

    for name in (
        "signUp(input: SignUpInput!): AuthPayload!",
        "postMessage(channelId: ID!, body: String!): Message!",
        "messageAdded(channelId: ID!): Message!",
        "chatEvents(channelId: ID = null): ChatEvent!",
        "photoURL: String!",
    ):
        assert name in text, f"schema.graphql lacks {name}"
