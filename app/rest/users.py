"""/v1/users and /v1/sessions: accounts, profiles, sign-in and sign-out."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute

from app.errors import ErrorCode, Forbidden
from app.resolvers import users
from app.resolvers.context import RequestContext
from app.rest import requests
from app.rest.endpoints import Operation, json_response, resource, text_response
from app.rest.errors import ErrorMapping
from app.rest.shapes import user_json

SIGNED_OUT = "Signed out"

# The legacy API returns 401 for any sign-up it could not complete, naming the field in the body.
SIGN_UP_ERRORS = ErrorMapping(statuses={ErrorCode.BAD_USER_INPUT: 401, ErrorCode.CONFLICT: 401})


def _signed_in(signed_in: users.SignedIn) -> Response:
    return json_response(
        user_json(signed_in.user),
        status_code=201,
        headers={"Authorization": f"Bearer {signed_in.token}"},
    )


async def sign_up(request: Request, context: RequestContext) -> Response:
    body = await requests.json_object(request)
    new_user = users.NewUser(
        email=requests.string(body, "email"),
        password=requests.string(body, "password"),
        password_conf=requests.string(body, "passwordConf"),
        user_name=requests.string(body, "userName"),
        first_name=requests.optional_string(body, "firstName"),
        last_name=requests.optional_string(body, "lastName"),
    )
    return _signed_in(await users.sign_up(context, new_user))


async def get_user(request: Request, context: RequestContext) -> Response:
    return json_response(user_json(await users.get_user(context, request.path_params["id"])))


async def get_me(request: Request, context: RequestContext) -> Response:
    viewer = await context.require_viewer()
    return json_response(user_json(await users.get_user(context, viewer.user_id)))


async def update_me(request: Request, context: RequestContext) -> Response:
    viewer = await context.require_viewer()
    body = await requests.json_object(request)
    # Old clients send the whole user back; an id in the body must be the viewer's own.
    if body.get("id") is not None and str(body["id"]) != str(viewer.user_id):
        raise Forbidden(f"id {str(body['id'])[:40]!r} is not yours: only your own user can be updated")
    user = await users.update_me(
        context,
        requests.optional_string(body, "firstName"),
        requests.optional_string(body, "lastName"),
    )
    return json_response(user_json(user))


async def sign_in(request: Request, context: RequestContext) -> Response:
    body = await requests.json_object(request)
    email = requests.string(body, "email")
    password = requests.string(body, "password")
    return _signed_in(await users.sign_in(context, email, password))


async def sign_out(request: Request, context: RequestContext) -> Response:
    await users.sign_out(context)
    return text_response(SIGNED_OUT)


def routes() -> list[BaseRoute]:
    return [
        resource("/v1/users", {"POST": Operation(sign_up, SIGN_UP_ERRORS)}),
        resource("/v1/users/me", {"GET": Operation(get_me), "PATCH": Operation(update_me)}),
        resource("/v1/users/{id}", {"GET": Operation(get_user)}),
        resource("/v1/sessions", {"POST": Operation(sign_in)}),
        resource("/v1/sessions/mine", {"DELETE": Operation(sign_out)}),
    ]
