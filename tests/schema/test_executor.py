"""Subscription events each get their own subfield memo, so a long subscription does not grow."""

from __future__ import annotations

from graphql import parse

from app.schema import schema
from app.schema.executor import PerEventMemoExecutor

DOCUMENT = parse("subscription { messageAdded(channelId: 1) { id body creator { userName } } }")


def test_schema_uses_per_event_memo_executor() -> None:
    assert schema.execution_context_class is PerEventMemoExecutor


def test_each_event_gets_fresh_memo() -> None:
    executor = PerEventMemoExecutor.build(schema._schema, DOCUMENT)
    assert isinstance(executor, PerEventMemoExecutor)

    first = executor.build_per_event_executor({"messageAdded": None})
    second = executor.build_per_event_executor({"messageAdded": None})

    assert first._relevant_sub_fields is not executor._relevant_sub_fields
    assert second._relevant_sub_fields is not first._relevant_sub_fields
    assert first.root_value == {"messageAdded": None}
