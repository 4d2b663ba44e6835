"""Whatever goes wrong, the user reads a status that says what to do, and the action returns."""

import asyncio
import socket

from conftest import Session
from fake_sidecar import Channel
from owui_harness import Chat

STOPPED = "The inpaint sidecar stopped. A job that was running is kept: its result is added to this chat the next time you click Inpaint here."


async def never_called(ch: Channel) -> None:
    raise AssertionError("no session should have opened")


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def test_sidecar_unreachable_is_reported_in_words_at_once(session: Session) -> None:
    url = closed_port_url()
    out = session(never_called, valves={"SIDECAR_URL": url})
    assert out.statuses == [
        f"Inpaint sidecar not reachable at {url}: start it with `npx flux-inpaint` (or see the README) and check the SIDECAR_URL valve."
    ]
    assert out.run.chat.messages[-1]["statusHistory"][0]["done"] is True


def test_a_hung_sidecar_is_reported_by_the_connect_timeout(session: Session) -> None:
    # It takes the connection (the kernel's backlog does) and never answers. The connect timeout (5 s)
    # ends the click within the session guard (15 s); the read timeout (40 s) would not.
    with socket.socket() as hung:
        hung.bind(("127.0.0.1", 0))
        hung.listen(8)
        url = f"http://127.0.0.1:{hung.getsockname()[1]}"
        out = session(never_called, valves={"SIDECAR_URL": url})
    assert out.statuses[0].startswith(f"Inpaint sidecar not reachable at {url}")


def test_a_sidecar_of_a_newer_protocol_says_what_to_update(session: Session) -> None:
    # The words of src/owui/routes.ts (verifyOpening), as a sidecar one protocol ahead would say them.
    newer = "This sidecar speaks bridge protocol 3: update the FLUX Inpaint function in Open WebUI (Admin > Functions) to the version shipped with this sidecar."
    out = session(
        never_called, refuse=(426, {"error": {"code": "protocol_mismatch", "message": newer}})
    )
    assert out.statuses == [f"Inpaint sidecar error: {newer}"]


def test_http_error_shows_the_sidecars_message(session: Session) -> None:
    problem = {
        "error": {
            "code": "invalid_request",
            "message": "valves.STEPS: STEPS must be between 15 and 50",
        }
    }
    out = session(never_called, refuse=(400, problem))
    assert out.statuses == ["Inpaint sidecar error: valves.STEPS: STEPS must be between 15 and 50"]


def test_a_refusal_shows_at_most_1000_characters_of_its_message(session: Session) -> None:
    out = session(
        never_called, refuse=(400, {"error": {"code": "invalid_request", "message": "x" * 5000}})
    )
    assert out.statuses == ["Inpaint sidecar error: " + "x" * 1000]


def test_http_error_without_a_message(session: Session) -> None:
    out = session(never_called, refuse=(502, {"unexpected": True}))
    assert out.statuses == ["Inpaint sidecar answered HTTP 502: check the sidecar's log."]


def test_a_sidecar_killed_mid_stream_is_reported(session: Session) -> None:
    async def script(ch: Channel) -> None:
        await ch.send({"op": "emit", "event": {"type": "message", "data": {"content": " working"}}})
        ch.writer.transport.abort()

    out = session(script)
    assert out.statuses == [STOPPED]


def test_a_line_over_32_mib_ends_the_session(session: Session) -> None:
    async def script(ch: Channel) -> None:
        await ch.send_raw(
            b'{"op": "emit", "event": {"type": "message", "data": {"content": "' + b"x" * (33 << 20)
        )
        await asyncio.sleep(5)

    out = session(script)
    assert out.statuses == [STOPPED] and out.run.chat.messages[-1]["content"] == "Here it is."


def test_stream_cut_midway(session: Session) -> None:
    async def script(ch: Channel) -> None:
        await ch.send({"op": "emit", "event": {"type": "message", "data": {"content": " working"}}})
        ch.writer.close()

    out = session(script)
    assert out.run.chat.messages[-1]["content"] == "Here it is. working"
    assert out.statuses == [STOPPED]


def test_stream_cut_while_the_page_is_being_asked(session: Session) -> None:
    async def script(ch: Channel) -> None:
        ch.ask({"op": "call", "event": {"type": "execute", "data": {}}, "timeout_ms": 600_000})
        await asyncio.sleep(0.1)
        ch.writer.close()

    # The page never answers: a click that waited for the call (600 s) would fail the session guard.
    out = session(script, driver=None)
    assert out.statuses == [STOPPED]


def test_garbage_on_the_stream(session: Session) -> None:
    async def script(ch: Channel) -> None:
        ch.writer.write(b"9\r\nnot json\n\r\n")
        await asyncio.sleep(1)

    out = session(script)
    assert out.statuses == [STOPPED]


def test_done_that_failed_adds_no_status_of_its_own(session: Session) -> None:
    async def script(ch: Channel) -> None:
        await ch.send(
            {
                "op": "emit",
                "event": {
                    "type": "status",
                    "data": {"description": "Inpaint failed: x", "done": True},
                },
            }
        )
        await ch.done(ok=False, message="Inpaint failed: x")

    out = session(script)
    assert out.statuses == ["Inpaint failed: x"]


def test_a_failing_event_emitter_does_not_end_the_session(session: Session) -> None:
    chat = Chat(fail_emits=True)
    chat.add("assistant", "x")

    async def script(ch: Channel) -> None:
        await ch.send({"op": "emit", "event": {"type": "message", "data": {"content": "lost"}}})
        replies.append(await ch.request({"op": "teleport"}))
        await ch.done()

    replies: list[dict] = []
    session(script, chat=chat)
    assert replies[0]["error"]["code"] == "unknown_op"
    # The reason names the sidecar's catalogue entry, which says it in the reader's language.
    assert replies[0]["error"]["reason"] == "update"


def test_a_session_that_breaks_off_puts_back_what_its_emit_changed(session: Session) -> None:
    # The sidecar shows the editor with an event and says how to undo it; then it dies before `done`.
    editor = {"type": "chat:message:embeds", "data": {"embeds": ["<p>editor</p>"]}}
    back = {"type": "chat:message:embeds", "data": {"embeds": []}}

    async def script(ch: Channel) -> None:
        await ch.send({"op": "emit", "event": editor, "restore": back})
        ch.writer.transport.abort()

    out = session(script)
    kinds = [e for e in out.run.chat.events if e.get("type") == "chat:message:embeds"]
    assert kinds == [editor, back]
    assert out.statuses == [STOPPED]


def test_an_undo_the_sidecar_cleared_is_not_emitted(session: Session) -> None:
    editor = {"type": "chat:message:embeds", "data": {"embeds": ["<p>editor</p>"]}}
    back = {"type": "chat:message:embeds", "data": {"embeds": []}}

    async def script(ch: Channel) -> None:
        await ch.send({"op": "emit", "event": editor, "restore": back})
        await ch.send({"op": "emit", "event": back, "restore": None})
        ch.writer.transport.abort()

    out = session(script)
    assert [e for e in out.run.chat.events if e.get("type") == "chat:message:embeds"] == [
        editor,
        back,
    ]
