"""/v1/ws: authentication, the Origin check, the six frames, and who receives them."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.typing import Origin

from tests.rest.support import (
    BROWSER_ORIGIN,
    CHANNEL_KEYS,
    MESSAGE_KEYS,
    RestClient,
    assert_user,
    create_channel,
    create_event,
    feed_url,
    open_feed,
    post_message,
    rest_sign_up,
)
from tests.support.backends import Backends
from tests.support.clients import open_subscriptions
from tests.support.server import ServerProcess

GENERAL_ID = 1
# Only ever sent as an Origin header value.
OTHER_ORIGIN = "http://elsewhere.test"


@pytest.fixture(scope="module")
def restricted_server(backends: Backends, scratch: Path) -> Iterator[ServerProcess]:
    """A second server process that allows only BROWSER_ORIGIN."""
    process = ServerProcess(
        backends=backends,
        log_path=scratch / "restricted-server.log",
        overrides={"CORS_ORIGINS": BROWSER_ORIGIN},
    ).start()
    yield process
    process.stop()


async def test_feed_with_auth_parameter_receives_message_new(
    server: ServerProcess, rest_alice: RestClient, rest_bob: RestClient
) -> None:
    async with open_feed(server.base_url, server.ws_url, rest_alice.token) as feed:
        posted = await post_message(rest_bob, GENERAL_ID, "hello from bob")
        frame = await feed.next_frame()

    assert set(frame) == {"type", "message"}
    assert frame["type"] == "message-new"
    message = frame["message"]
    assert set(message) == MESSAGE_KEYS
    assert message == posted
    assert_user(message["creator"], rest_bob)


async def test_feed_with_authorization_header_receives_frames(
    server: ServerProcess, rest_alice: RestClient
) -> None:
    async with open_feed(server.base_url, server.ws_url, rest_alice.token, via_header=True) as feed:
        posted = await post_message(rest_alice, GENERAL_ID, "my own post")
        frame = await feed.next_frame()

    assert frame == {"type": "message-new", "message": posted}


@pytest.mark.parametrize("token", [None, "forged.token"])
async def test_feed_without_valid_session_is_401(server: ServerProcess, token: str | None) -> None:
    with pytest.raises(InvalidStatus) as rejected:
        async with connect(feed_url(server.ws_url, token)):
            pass

    assert rejected.value.response.status_code == 401
    assert b"authentication required" in rejected.value.response.body


async def test_feed_sends_all_six_frames(
    server: ServerProcess, rest_alice: RestClient, rest_bob: RestClient
) -> None:
    async with open_feed(server.base_url, server.ws_url, rest_bob.token) as feed:
        channel = await create_channel(rest_alice, "riffs", description="Share riffs")
        created = await feed.next_frame()
        updated_channel = await rest_alice.ok("PATCH", f"/v1/channels/{channel['id']}", {"name": "licks"})
        channel_update = await feed.next_frame()
        message = await post_message(rest_alice, channel["id"], "first lick")
        message_new = await feed.next_frame()
        edited = await rest_alice.ok("PATCH", f"/v1/messages/{message['id']}", {"body": "better lick"})
        message_update = await feed.next_frame()
        deleted = await rest_alice.send("DELETE", f"/v1/messages/{message['id']}")
        message_delete = await feed.next_frame()
        await rest_alice.send("DELETE", f"/v1/channels/{channel['id']}")
        channel_delete = await feed.next_frame()

    assert deleted.status_code == 200
    assert created == {"type": "channel-new", "channel": channel}
    assert set(created["channel"]) == CHANNEL_KEYS
    assert channel_update["type"] == "channel-update"
    assert channel_update["channel"] == updated_channel
    assert message_new == {"type": "message-new", "message": message}
    assert message_update == {"type": "message-update", "message": edited}
    assert message_delete == {
        "type": "message-delete",
        "messageID": message["id"],
        "channelID": channel["id"],
    }
    assert channel_delete == {"type": "channel-delete", "channelID": channel["id"]}


async def test_feed_skips_private_channel_for_outsider(
    server: ServerProcess, rest_alice: RestClient, rest_bob: RestClient
) -> None:
    event = await create_event(rest_alice)

    async with (
        open_feed(server.base_url, server.ws_url, rest_bob.token) as outsider,
        open_feed(server.base_url, server.ws_url, rest_alice.token) as member,
    ):
        await post_message(rest_alice, event["channel"], "attendees only")
        received = await member.next_frame()
        await outsider.expect_silence()

    assert received["message"]["body"] == "attendees only"


async def test_removed_member_gets_channel_delete(
    server: ServerProcess, rest_alice: RestClient, rest_bob: RestClient
) -> None:
    channel = await create_channel(rest_alice, "duo", private=True, members=[{"id": rest_bob.user_id}])

    async with open_feed(server.base_url, server.ws_url, rest_bob.token) as feed:
        removed = await rest_alice.send(
            "DELETE", f"/v1/channels/{channel['id']}/members", {"id": rest_bob.user_id}
        )
        frame = await feed.next_frame()
        await post_message(rest_alice, channel["id"], "after bob left")
        await feed.expect_silence()

    assert removed.status_code == 200
    assert frame == {"type": "channel-delete", "channelID": channel["id"]}


async def test_feed_of_added_member_gets_channel_new(
    server: ServerProcess, rest_alice: RestClient, rest_bob: RestClient
) -> None:
    channel = await create_channel(rest_alice, "duo", private=True)

    async with open_feed(server.base_url, server.ws_url, rest_bob.token) as feed:
        await rest_alice.send("POST", f"/v1/channels/{channel['id']}/members", {"id": rest_bob.user_id})
        frame = await feed.next_frame()
        message = await post_message(rest_alice, channel["id"], "welcome bob")
        welcome = await feed.next_frame()

    assert frame["type"] == "channel-new"
    assert frame["channel"]["id"] == channel["id"]
    assert {member["id"] for member in frame["channel"]["members"]} == {rest_alice.user_id, rest_bob.user_id}
    assert welcome == {"type": "message-new", "message": message}


async def test_join_sends_channel_update_to_members(
    server: ServerProcess, rest_alice: RestClient, rest_bob: RestClient
) -> None:
    event = await create_event(rest_alice)

    async with open_feed(server.base_url, server.ws_url, rest_alice.token) as feed:
        await rest_bob.ok("POST", "/v1/events/join", {"id": event["id"]}, status=201)
        frame = await feed.next_frame()

    assert frame["type"] == "channel-update"
    assert frame["channel"]["id"] == event["channel"]
    assert {member["id"] for member in frame["channel"]["members"]} == {rest_alice.user_id, rest_bob.user_id}


async def test_feed_closes_with_4401_after_sign_out(server: ServerProcess, rest_alice: RestClient) -> None:
    async with open_feed(server.base_url, server.ws_url, rest_alice.token) as feed:
        await rest_alice.send("DELETE", "/v1/sessions/mine")
        with pytest.raises(ConnectionClosed) as closed:
            await feed.next_frame()

    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4401
    assert "sign in again" in closed.value.rcvd.reason


async def test_feed_unsubscribes_when_client_leaves(server: ServerProcess, rest_alice: RestClient) -> None:
    before = await open_subscriptions(server.base_url)

    async with open_feed(server.base_url, server.ws_url, rest_alice.token):
        assert await open_subscriptions(server.base_url) == before + 1

    await wait_for_subscriptions_to_drop(server.base_url, before)


async def wait_for_subscriptions_to_drop(base_url: str, expected: int) -> None:
    for _ in range(250):
        if await open_subscriptions(base_url) <= expected:
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"the server still serves more than {expected} subscriptions")


async def test_feed_from_disallowed_origin_is_403(
    restricted_server: ServerProcess, rest_alice: RestClient
) -> None:
    with pytest.raises(InvalidStatus) as rejected:
        async with connect(feed_url(restricted_server.ws_url, rest_alice.token), origin=Origin(OTHER_ORIGIN)):
            pass

    assert rejected.value.response.status_code == 403
    assert b"not allowed" in rejected.value.response.body


@pytest.mark.parametrize("origin", [BROWSER_ORIGIN, None])
async def test_feed_from_allowed_or_no_origin_opens(
    restricted_server: ServerProcess, origin: str | None
) -> None:
    # Without Redis each process keeps its own sessions, so the user signs up on this process.
    carol = await rest_sign_up(restricted_server.base_url, "carol")
    server = restricted_server
    async with open_feed(server.base_url, server.ws_url, carol.token, origin=origin) as feed:
        await post_message(carol, GENERAL_ID, "allowed")
        frame = await feed.next_frame()
    await carol.aclose()

    assert frame["message"]["body"] == "allowed"


async def test_http_from_allowed_origin_gets_that_origin(restricted_server: ServerProcess) -> None:
    carol = await rest_sign_up(restricted_server.base_url, "carol")
    response = await carol.send("GET", "/v1/users/me")
    await carol.aclose()

    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == BROWSER_ORIGIN
