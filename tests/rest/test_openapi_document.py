"""/v1/openapi.json: served as built, and listing exactly the routes and methods the shim serves."""

from __future__ import annotations

import httpx
from starlette.routing import Route

from app.rest import routes
from app.rest.openapi import document
from tests.support.server import ServerProcess

UNDOCUMENTED_PATHS = {"/v1/openapi.json", "/v1/ws"}
HTTP_METHODS = {"get", "put", "post", "patch", "delete"}


async def test_openapi_document_is_served(server: ServerProcess) -> None:
    async with httpx.AsyncClient() as http:
        response = await http.get(f"{server.base_url}/v1/openapi.json")

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == document()
    assert response.json()["openapi"] == "3.0.3"


def test_openapi_lists_every_route_and_method() -> None:
    served = {
        (route.path, method.lower())
        for route in routes()
        if isinstance(route, Route) and route.path not in UNDOCUMENTED_PATHS
        for method in route.methods or ()
        if method != "HEAD"
    }
    documented = {
        (path, method)
        for path, item in document()["paths"].items()
        for method in item
        if method in HTTP_METHODS
    }

    assert served == documented


def test_openapi_documents_plain_text_errors_and_bearer_auth() -> None:
    spec = document()

    assert spec["components"]["securitySchemes"]["bearer"] == {"type": "http", "scheme": "bearer"}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            for status, response in operation["responses"].items():
                if int(status) >= 400:
                    assert list(response["content"]) == ["text/plain"], f"{method} {path} {status}"
            if path not in ("/v1/users", "/v1/sessions"):
                assert "401" in operation["responses"], f"{method} {path}"
