"""The shim against its own OpenAPI document: generated requests, no 5xx, no response the document denies."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation.case import Case
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.specs.openapi.schemas import OpenApiSchema

from app.rest.openapi import document
from tests.rest.support import new_user_body, token_from
from tests.support.backends import Backends
from tests.support.clients import PASSWORD
from tests.support.server import ServerProcess

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
SIGN_OUT_PATH = "/v1/sessions/mine"
# 20 operations with 25 examples each (positive and negative) took about 15 s on SQLite on a 2-core machine.
EXAMPLES_PER_OPERATION = 25


@pytest.fixture(scope="module")
def conformance_server(backends: Backends, scratch: Path) -> Iterator[ServerProcess]:
    """A server process of its own, so the failed sign-ins generated here throttle no other test."""
    process = ServerProcess(backends=backends, log_path=scratch / "conformance-server.log").start()
    yield process
    process.stop()


@pytest.fixture
def signed_in(conformance_server: ServerProcess) -> tuple[str, str]:
    """Sign up the user every generated request runs as; return its email and token."""
    body = new_user_body("conformance")
    with httpx.Client(timeout=10.0) as http:
        response = http.post(f"{conformance_server.base_url}/v1/users", json=body)
    assert response.status_code == 201, response.text
    return body["email"], token_from(response)


def fresh_token(base_url: str, email: str) -> str:
    with httpx.Client(timeout=10.0) as http:
        response = http.post(f"{base_url}/v1/sessions", json={"email": email, "password": PASSWORD})
    assert response.status_code == 201, response.text
    return token_from(response)


# The document is loaded from the code, so pytest collects one test per operation at import time.
# test_openapi_document.py checks that the server serves this same document.
# NOTE: the lazy loader schemathesis.pytest.from_fixture fails on pytest 9.2 (schemathesis 4.32.5),
# because it sets Node._nodeid, which pytest no longer has.
schema: OpenApiSchema = schemathesis.openapi.from_dict(document())


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_shim_conforms_to_openapi(
    case: Case[Any], conformance_server: ServerProcess, signed_in: tuple[str, str]
) -> None:
    base_url = conformance_server.base_url
    email, token = signed_in
    if case.path == SIGN_OUT_PATH:
        # Signing out ends the token it sends, so this operation signs in afresh for every example.
        token = fresh_token(base_url, email)

    case.call_and_validate(base_url=base_url, headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
