"""The earlier web client's whole journey through the shim, including a second user's live feed."""

from __future__ import annotations

from tests.rest.support import RestClient, new_user_body, open_feed, token_from
from tests.support.clients import PASSWORD
from tests.support.server import ServerProcess


async def test_legacy_web_client_flow(server: ServerProcess) -> None:
    host = RestClient(server.base_url)
    signed_up = await host.send("POST", "/v1/users", new_user_body("drummer"))
    assert signed_up.status_code == 201

    signed_in = await host.send(
        "POST", "/v1/sessions", {"email": "drummer@example.com", "password": PASSWORD}
    )
    assert signed_in.status_code == 201
    host.token = token_from(signed_in)
    host.user = signed_in.json()
    assert host.user == signed_up.json()

    assert await host.ok("GET", "/v1/events") == []
    event = await host.ok(
        "POST",
        "/v1/events",
        {
            "title": "Drum circle",
            "datetime": "2027-03-01T18:00:00Z",
            "location": "Park bandstand",
            "description": "Any percussion",
        },
        status=201,
    )
    assert await host.ok("GET", "/v1/events") == [event]

    guest = RestClient(server.base_url)
    guest_signed_up = await guest.send("POST", "/v1/users", new_user_body("bassist"))
    guest.token = token_from(guest_signed_up)
    guest.user = guest_signed_up.json()
    joined = await guest.ok("POST", "/v1/events/join", {"id": event["id"]}, status=201)
    assert joined == event
    assert await guest.ok("GET", "/v1/events/join") == [event]

    channel_id = event["channel"]
    assert await host.ok("GET", f"/v1/channels/{channel_id}") == []
    async with open_feed(server.base_url, server.ws_url, guest.token) as feed:
        posted = await host.ok("POST", f"/v1/channels/{channel_id}", {"body": "Bring a djembe"}, status=201)
        frame = await feed.next_frame()
    assert frame == {"type": "message-new", "message": posted}
    assert await guest.ok("GET", f"/v1/channels/{channel_id}") == [posted]

    signed_out = await host.send("DELETE", "/v1/sessions/mine")
    assert signed_out.status_code == 200
    assert signed_out.text == "Signed out"
    for method, path in [
        ("GET", "/v1/events"),
        ("GET", "/v1/users/me"),
        ("GET", f"/v1/channels/{channel_id}"),
    ]:
        after = await host.send(method, path)
        assert after.status_code == 401, f"{method} {path} returned {after.status_code} after sign-out"

    await host.aclose()
    await guest.aclose()
