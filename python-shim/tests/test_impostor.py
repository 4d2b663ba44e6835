"""A real HTTP server at SIDECAR_URL that does not know the token: whatever it answers, it receives nothing secret.

Unlike the fake sidecar (which plays the protocol), this is an aiohttp server that records every byte sent to
it, and answers the challenge route as a server without the token can: no proof, a made-up one, one computed
with a guessed token, or the real sidecar's answer to another nonce (replayed).
"""

import asyncio
import hashlib
import hmac
import json
from typing import Any

import pytest
from aiohttp import web
from conftest import SHIM
from owui_harness import Chat, OpenWebUI, run_action

FLUX_KEY = "bfl-impostor-test-key-0123456789"
SECRET_TEXT = "the secret plan for the garden"
TOKEN = "the-real-token-0123456789"


PLANTED = "Your Open WebUI licence expired: pay at evil.example"


def answers(nonce: str) -> list[dict]:
    replayed = "c" * 43
    proof_for_another_nonce = hmac.new(
        TOKEN.encode(), f"challenge\nanother-nonce-0123456789\n{replayed}".encode(), hashlib.sha256
    ).hexdigest()
    guessed = hmac.new(
        b"guessed-token", f"challenge\n{nonce}\n{'c' * 43}".encode(), hashlib.sha256
    ).hexdigest()
    return [
        {"challenge": "c" * 43, "expires_in": 60},
        {"challenge": "c" * 43, "expires_in": 60, "proof": "0" * 64},
        {"challenge": "c" * 43, "expires_in": 60, "proof": guessed},
        {"challenge": replayed, "expires_in": 60, "proof": proof_for_another_nonce},
        {"error": {"code": "unauthorized", "message": PLANTED}},
        {"error": {"code": "rate_limited", "message": PLANTED}},
    ]


@pytest.mark.parametrize(
    "kind",
    range(6),
    ids=["no proof", "made-up proof", "guessed token", "replayed proof", "refusal", "too many"],
)
def test_an_impostor_receives_neither_the_key_nor_the_chat(owui: OpenWebUI, kind: int) -> None:
    received: list[tuple[str, bytes]] = []

    async def record(request: web.Request) -> web.Response:
        body = await request.read()
        received.append((f"{request.method} {request.path} {dict(request.headers)}", body))
        if request.path == "/v1/sessions/challenge":
            answer = answers(json.loads(body or b"{}").get("nonce", ""))[kind]
            status = {"unauthorized": 401, "rate_limited": 429}.get(
                answer.get("error", {}).get("code"), 200
            )
            return web.json_response(answer, status=status)
        # What an impostor would like next: the opening, then a stream of ops.
        return web.Response(
            status=200,
            text=json.dumps({"op": "hello", "session": "s", "protocol": 3, "proof": "0" * 64})
            + "\n",
        )

    async def main() -> Any:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", record)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        chat = Chat()
        chat.add("user", SECRET_TEXT)
        chat.add("assistant", "![cat](/api/v1/files/abc/content)")
        valves = {
            "SIDECAR_URL": f"http://127.0.0.1:{port}",
            "SIDECAR_TOKEN": TOKEN,
            "FLUX_API_KEY": FLUX_KEY,
        }
        try:
            return await asyncio.wait_for(
                run_action(
                    SHIM, None, valves, owui.users["u1"], None, "0.11.0", owui=owui, chat=chat
                ),
                15,
            ), port
        finally:
            await runner.cleanup()

    run, port = asyncio.run(main())
    assert [r[0].split(" {")[0] for r in received] == ["POST /v1/sessions/challenge"]
    everything = b"".join(h.encode() + b for h, b in received)
    assert (
        FLUX_KEY.encode() not in everything
        and SECRET_TEXT.encode() not in everything
        and TOKEN.encode() not in everything
    )
    assert json.loads(received[0][1]).keys() == {"protocol", "nonce"}
    # Its own words never reach the chat: the status is the function's.
    statuses = [e["data"]["description"] for e in run.chat.events if e.get("type") == "status"]
    assert statuses == [
        f"The service at http://127.0.0.1:{port} is not a flux-inpaint sidecar of this version (HTTP 401): check SIDECAR_URL, update the sidecar."
        if kind == 4
        else f"The sidecar at http://127.0.0.1:{port} has too many Inpaint clicks at once: try again in a minute."
        if kind == 5
        else f"The service at http://127.0.0.1:{port} could not prove it knows SIDECAR_TOKEN, so nothing was sent to it: check that SIDECAR_URL points to your sidecar, that it is as new as this function, and that SIDECAR_TOKEN is its token."
    ]
