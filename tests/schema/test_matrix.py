"""Run the authorization and validation matrix against the real server."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from tests.schema.conftest import SharedWorld
from tests.schema.factories import assert_safe_error, table_snapshot
from tests.schema.matrix import MATRIX, Case

# The cases share one data set and prove they leave it unchanged, so the per-test reset is skipped.
pytestmark = pytest.mark.no_clean_data


def test_matrix_case_names_are_unique() -> None:
    names = [case.name for case in MATRIX]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    assert not duplicates


@pytest.mark.parametrize("case", MATRIX, ids=[case.name for case in MATRIX])
async def test_operation_rejected(case: Case, shared_world: SharedWorld, database: Engine) -> None:
    world = await shared_world.current()
    before = table_snapshot(database)

    body = await world.client(case.caller).execute(case.document, case.variables(world))

    errors = body.get("errors")
    assert errors, f"expected {case.code}, got data {body.get('data')}"
    error = errors[0]
    extensions = error.get("extensions", {})
    assert extensions.get("code") == case.code, error
    assert extensions.get("field") == case.field, error
    if case.message is not None:
        assert error["message"] == case.message
    assert_safe_error(error)
    assert table_snapshot(database) == before, "a rejected request changed the tables"
