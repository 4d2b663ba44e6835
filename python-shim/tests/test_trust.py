"""Function and sidecar trust each other only once each has proven it knows the token, which never crosses the wire."""

import ast
import base64
import hashlib
import hmac
import json
import sys
from pathlib import Path

import pytest
from conftest import SHIM, Session
from fake_sidecar import TOKEN, Channel
from owui_harness import Chat, OpenWebUI, installed, load_function
from test_ops import PNG

IMPOSTOR = "could not prove it is the flux-inpaint sidecar, so nothing was done: check that SIDECAR_URL points to your sidecar and SIDECAR_TOKEN is its token."
UNPROVEN = "could not prove it knows SIDECAR_TOKEN, so nothing was sent to it: check that SIDECAR_URL points to your sidecar, that it is as new as this function, and that SIDECAR_TOKEN is its token."
VECTORS = json.loads(
    (Path(__file__).resolve().parents[2] / "test" / "vectors" / "seal.json").read_text(
        encoding="utf-8"
    )
)["vectors"]


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: f"{len(v['plain'])} characters")
def test_the_sealed_key_matches_the_fixed_vectors_the_sidecar_checks_too(
    vector: dict, tmp_path: Path
) -> None:
    with installed(OpenWebUI(tmp_path)):
        action, _ = load_function(SHIM)
    seal = sys.modules[type(action).__module__]._seal
    assert (
        seal(
            bytes.fromhex(vector["key"]),
            vector["label"],
            vector["plain"],
            bytes.fromhex(vector["iv"]),
        )
        == vector["sealed"]
    )


AUTH = json.loads(
    (Path(__file__).resolve().parents[2] / "test" / "vectors" / "bridge-auth.json").read_text(
        encoding="utf-8"
    )
)


def test_the_session_derivations_match_the_fixed_vectors_the_sidecar_checks_too(
    tmp_path: Path,
) -> None:
    with installed(OpenWebUI(tmp_path)):
        action, _ = load_function(SHIM)
    function = sys.modules[type(action).__module__]
    v = AUTH
    token = v["token"].encode()
    assert function._mac(token, "challenge", v["nonce"], v["challenge"]) == v["challenge_proof"]
    opening = function._mac(token, "open", v["challenge"], v["nonce"], v["opening_digest"])
    assert opening == v["opening_mac"]
    key = function._hmac(token, "session", v["challenge"], v["nonce"])
    assert key.hex() == v["session_key"]
    assert function._mac(key, "sidecar", v["session"]) == v["hello_proof"]
    reply = function._mac(key, "reply", v["session"], v["op_id"], v["reply_digest"])
    assert reply == v["reply_mac"]


def test_the_token_never_crosses_the_wire_and_the_opening_is_signed(session: Session) -> None:
    async def script(ch: Channel) -> None:
        await ch.done()

    out = session(script, valves={"FLUX_API_KEY": "bfl-valve-key-0123456789"})
    auth = out.sidecar.auth_headers[0]
    fields = dict(part.strip().split("=", 1) for part in auth.split(","))
    assert (
        set(fields) == {"challenge", "nonce", "mac"}
        and len(fields["nonce"]) == 32
        and len(fields["mac"]) == 64
    )
    assert out.sidecar.challenge_requests == [{"protocol": 3, "nonce": fields["nonce"]}]
    assert out.sidecar.challenges == set()  # the challenge was used up
    # Nothing the function sends carries the token, not even the valves it forwards; the FLUX key only sealed.
    sent = auth + json.dumps(out.sidecar.openings)
    assert (
        TOKEN not in sent
        and "SIDECAR_TOKEN" not in out.sidecar.openings[0]["valves"]
        and "bfl-valve-key" not in sent
    )
    assert out.sidecar.flux_keys == ["bfl-valve-key-0123456789"]


def test_every_reply_carries_the_session_mac(session: Session) -> None:
    async def script(ch: Channel) -> None:
        replies.append(await ch.request({"op": "teleport"}))
        await ch.done()

    replies: list[dict] = []
    out = session(script)
    assert replies[0]["error"]["code"] == "unknown_op" and out.sidecar.bad_macs == []


@pytest.mark.parametrize("token", ["wrong", ""])
def test_a_wrong_or_missing_token_sends_nothing_and_says_so(session: Session, token: str) -> None:
    async def never(ch: Channel) -> None:
        raise AssertionError("no session should have opened")

    out = session(never, valves={"SIDECAR_TOKEN": token})
    assert out.sidecar.openings == [] and len(out.sidecar.challenge_requests) == (1 if token else 0)
    if token:
        assert out.statuses == [f"The service at {out.sidecar.url} {UNPROVEN}"]
    else:
        assert out.statuses == [
            "Set the SIDECAR_TOKEN valve to the sidecar's token (printed on its first start, also in <data dir>/token): nothing was sent."
        ]


def test_an_impostor_gets_nothing_done(session: Session, owui: OpenWebUI) -> None:
    """A server at SIDECAR_URL without the token asks to run JS in the page, read a file, save one, delete a message."""
    url = owui.add_file("u1", "cat.png", PNG)
    chat = Chat()
    chat.add("assistant", f"![cat]({url})")
    page_calls: list[dict] = []

    async def attack(ch: Channel) -> None:
        for op in (
            {
                "op": "call",
                "event": {"type": "execute", "data": {"code": "alert(document.cookie)"}},
                "timeout_ms": 1000,
            },
            {"op": "read_image", "url": url},
            {"op": "save_image", "mime": "image/png", "data": base64.b64encode(PNG).decode()},
            {"op": "remove_message", "message_id": "msg-1"},
        ):
            ch.ask(op)
        try:
            await ch.send(
                {"op": "emit", "event": {"type": "replace", "data": {"content": "pwned"}}}
            )
            await ch.done()
        except ConnectionError:
            pass  # The function hung up at the unproven hello.

    out = session(attack, impostor=True, chat=chat, driver=page_calls.append)
    assert (
        page_calls == []
        and out.sidecar.openings == []
        and out.sidecar.channels == {}
        and owui.files.keys() == {url.split("/")[4]}
    )
    assert out.run.chat.message("msg-1")["content"] == f"![cat]({url})"
    assert out.statuses == [f"The service at {out.sidecar.url} {UNPROVEN}"]


def test_a_stream_that_sends_no_hello_or_garbage_is_refused(session: Session) -> None:
    async def silent(ch: Channel) -> None:
        ch.writer.write(b"0\r\n\r\n")

    async def garbage(ch: Channel) -> None:
        await ch.send_raw(b"<html>not json</html>\n")

    for script in (silent, garbage):
        out = session(script, forged_hello=True)
        assert out.statuses[-1].endswith(IMPOSTOR)


def test_a_replayed_proof_of_another_session_is_refused(session: Session) -> None:
    """The proof binds the session id to this opening's key: a proof for another session id does not pass."""

    async def script(ch: Channel) -> None:
        await ch.send(
            {
                "op": "hello",
                "session": "other",
                "protocol": 2,
                "proof": hmac.new(
                    ch.key, b"sidecar\n" + ch.session.encode(), hashlib.sha256
                ).hexdigest(),
            }
        )

    out = session(script, forged_hello=True)
    assert out.statuses[-1].endswith(IMPOSTOR)


WIRE = json.loads(
    (Path(__file__).resolve().parents[2] / "test" / "vectors" / "bridge-wire.json").read_text(
        encoding="utf-8"
    )
)


def test_the_function_speaks_the_bridge_protocol_the_sidecar_speaks(tmp_path: Path) -> None:
    with installed(OpenWebUI(tmp_path)):
        action, _ = load_function(SHIM)
    assert sys.modules[type(action).__module__].PROTOCOL == WIRE["protocol"]
    # The ops it answers are the ones the sidecar asks (src/wire/bridge.ts, RequestOp).
    bridge = sys.modules[type(action).__module__].Bridge
    handled = {name.removeprefix("_op_") for name in dir(bridge) if name.startswith("_op_")}
    assert handled == set(WIRE["requestOps"])


def _op_failures(source: str) -> dict[str, str]:
    """Every ("code.reason", message) the function can reply with: the literal pairs handed to
    `_check` and `OpError`, a message named by a variable read from its function's assignment."""
    pairs: dict[str, str] = {}
    for func in ast.walk(ast.parse(source)):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        names = {
            node.targets[0].id: node.value.value
            for node in ast.walk(func)
            if isinstance(node, ast.Assign)
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
        }
        for call in ast.walk(func):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
                continue
            # `_check` itself raises OpError with the values it was given.
            if call.func.id not in ("_check", "OpError") or func.name == "_check":
                continue
            code, message = call.args[1:3] if call.func.id == "_check" else call.args[:2]
            text = message.value if isinstance(message, ast.Constant) else names[message.id]
            pairs[code.value] = text
    return pairs


def test_every_op_failure_the_function_reports_is_one_the_sidecar_can_say() -> None:
    # test/vectors/bridge-wire.json is the list both sides check: the sidecar's tests find an entry
    # `owui_<code>.<reason>` with this English message in its catalogue for each pair.
    assert _op_failures(SHIM.read_text(encoding="utf-8")) == WIRE["opErrors"]
