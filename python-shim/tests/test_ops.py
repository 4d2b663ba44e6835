"""Every op of protocol 3 against a fake sidecar, in the Open WebUI versions where they differ."""

import asyncio
import base64
from typing import Any

from conftest import Session
from fake_sidecar import Channel
from owui_harness import Chat, OpenWebUI

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
WEBP = b"RIFF\x40\x00\x00\x00WEBPVP8 " + b"\x00" * 64


def asking(*ops: dict, timeout: float = 10):
    """A script that sends `ops` one after the other, keeps their replies, then ends the session."""
    replies: list[dict] = []

    async def script(ch: Channel) -> None:
        for op in ops:
            replies.append(await ch.request(op, timeout))
        await ch.done()

    return script, replies


def test_emits_are_applied_in_order_and_done_ends_the_action(session: Session) -> None:
    async def script(ch: Channel) -> None:
        await ch.send({"op": "ping"})
        for i in range(20):
            await ch.send(
                {"op": "emit", "event": {"type": "message", "data": {"content": str(i % 10)}}}
            )
        await ch.send({"op": "emit", "event": {"type": "replace", "data": {"content": "fresh"}}})
        await ch.send(
            {
                "op": "emit",
                "event": {"type": "files", "data": {"files": [{"type": "image", "url": "/x"}]}},
            }
        )
        await ch.send(
            {
                "op": "emit",
                "event": {"type": "status", "data": {"description": "Done.", "done": True}},
            }
        )
        await ch.done()

    out = session(script)
    assert [e["data"].get("content") for e in out.run.chat.events[:20]] == [
        str(i % 10) for i in range(20)
    ]
    message = out.run.chat.messages[-1]
    assert message["content"] == "fresh"
    assert message["files"] == [{"type": "image", "url": "/x"}]
    assert message["statusHistory"] == [{"description": "Done.", "done": True}]
    assert out.run.result is None


def test_call_returns_what_the_page_returned(session: Session) -> None:
    seen: list[dict] = []

    def page(event: dict) -> Any:
        seen.append(event)
        return {"answer": 42}

    event = {"type": "execute", "data": {"code": "return 42"}}
    script, replies = asking({"op": "call", "event": event, "timeout_ms": 2000})
    session(script, driver=page)
    assert seen == [event]
    assert replies == [{"ok": True, "value": {"answer": 42}}]


def test_call_gives_up_after_timeout_ms(session: Session) -> None:
    script, replies = asking(
        {"op": "call", "event": {"type": "execute", "data": {"code": ""}}, "timeout_ms": 200}
    )
    session(script, driver=None)
    assert replies[0]["ok"] is False and replies[0]["error"]["code"] == "timeout"
    assert replies[0]["error"]["reason"] == "page"


def test_calls_never_overlap(session: Session) -> None:
    active = 0
    most = 0

    async def page(event: dict) -> int:
        nonlocal active, most
        active += 1
        most = max(most, active)
        await asyncio.sleep(0.05)
        active -= 1
        return event["data"]["n"]

    async def script(ch: Channel) -> None:
        futures = [
            ch.ask(
                {"op": "call", "event": {"type": "execute", "data": {"n": n}}, "timeout_ms": 5000}
            )
            for n in range(4)
        ]
        replies.extend(await asyncio.wait_for(asyncio.gather(*futures), 10))
        await ch.done()

    replies: list[dict] = []
    session(script, driver=page)
    assert most == 1
    assert sorted(r["value"] for r in replies) == [0, 1, 2, 3]


def test_unknown_op_gets_an_error_reply_not_a_hang(session: Session) -> None:
    script, replies = asking({"op": "teleport"}, {"op": "__init__"}, {"op": "_answer"})
    session(script)
    assert [r["error"]["code"] for r in replies] == ["unknown_op"] * 3


def test_unknown_op_without_id_is_ignored(session: Session) -> None:
    async def script(ch: Channel) -> None:
        await ch.send({"op": "future_thing"})
        await ch.send({"op": "emit", "event": {"type": "message", "data": {"content": "!"}}})
        await ch.done()

    out = session(script)
    assert out.sidecar.late_replies == [] and out.statuses == []
    assert out.run.chat.messages[-1]["content"] == "Here it is.!"


def test_save_image_into_the_users_files(session: Session, owui: OpenWebUI, flavour: str) -> None:
    data = base64.b64encode(PNG).decode()
    script, replies = asking(
        {"op": "save_image", "mime": "image/png", "data": data, "filename": "../flux fill.png"}
    )
    session(script, flavour=flavour)
    url = replies[0]["url"]
    file_id = url.split("/")[4]
    assert url == f"/api/v1/files/{file_id}/content"
    saved = owui.files[file_id]
    assert saved.user_id == "u1" and saved.filename == "flux_fill.png"
    assert saved.meta == {"name": "flux_fill.png", "content_type": "image/png", "size": len(PNG)}
    assert saved.path and open(saved.path, "rb").read() == PNG


def test_save_image_tags_the_upload_from_0_6_6(session: Session, owui: OpenWebUI) -> None:
    for version in ("0.6.5", "0.6.43"):
        script, replies = asking(
            {
                "op": "save_image",
                "mime": "image/jpeg",
                "data": base64.b64encode(JPEG).decode(),
                "filename": "r.jpg",
            }
        )
        session(script, version=version)
        assert replies[0]["ok"] is True
    file_id = replies[0]["url"].split("/")[4]
    assert owui.upload_tags == [{}, {"OpenWebUI-User-Id": "u1", "OpenWebUI-File-Id": file_id}]


def test_save_image_keeps_png_jpeg_and_webp(session: Session, owui: OpenWebUI) -> None:
    script, replies = asking(
        *(
            {
                "op": "save_image",
                "mime": mime,
                "data": base64.b64encode(data).decode(),
                "filename": "x",
            }
            for mime, data in (("image/png", PNG), ("image/jpeg", JPEG), ("image/webp", WEBP))
        )
    )
    session(script)
    assert [owui.files[r["url"].split("/")[4]].filename for r in replies] == [
        "x.png",
        "x.jpg",
        "x.webp",
    ]


def test_save_image_refuses_anything_but_an_image(session: Session, owui: OpenWebUI) -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    bad = [
        ("image/svg+xml", svg),
        ("text/html", b"<html><script>alert(1)</script></html>"),
        ("image/png", b"<html>not a png</html>"),
        ("image/png", JPEG),
        ("image/jpeg", PNG),
        ("image/webp", b"RIFF\x00\x00\x00\x00WAVEfmt "),
        ("application/octet-stream", PNG),
    ]
    script, replies = asking(
        *(
            {
                "op": "save_image",
                "mime": mime,
                "data": base64.b64encode(data).decode(),
                "filename": "x.png",
            }
            for mime, data in bad
        ),
        {"op": "save_image", "mime": "image/png", "data": "not base64!", "filename": "x.png"},
    )
    session(script)
    assert [r["error"]["code"] for r in replies] == ["invalid"] * (len(bad) + 1)
    assert owui.files == {} and not owui.upload_dir.exists()


def test_complete_uses_open_webuis_model(session: Session, owui: OpenWebUI, flavour: str) -> None:
    owui.completion = lambda form, user: {
        "choices": [{"message": {"content": f"{user.id}:{form['messages'][-1]['content']}"}}]
    }
    messages = [
        {"role": "system", "content": "Translate to English."},
        {"role": "user", "content": "eine Katze"},
    ]
    script, replies = asking({"op": "complete", "model": "translator", "messages": messages})
    session(script, flavour=flavour)
    assert replies == [{"ok": True, "text": "u1:eine Katze"}]
    assert owui.completions == [{"model": "translator", "messages": messages, "stream": False}]


def test_complete_without_a_model_uses_the_chats_model(session: Session, owui: OpenWebUI) -> None:
    script, replies = asking(
        {"op": "complete", "model": "", "messages": [{"role": "user", "content": "hi"}]}
    )
    session(script)
    assert replies[0]["ok"] is True and owui.completions[0]["model"] == "test-model"


def test_complete_that_fails_is_an_error_reply(session: Session, owui: OpenWebUI) -> None:
    def broken(form: dict, user: Any) -> dict:
        raise RuntimeError("model offline")

    owui.completion = broken
    script, replies = asking({"op": "complete", "model": "m", "messages": []})
    session(script)
    assert replies[0]["error"] == {"code": "failed", "message": "RuntimeError: model offline"}


def test_complete_that_answers_nothing_says_so(session: Session, owui: OpenWebUI) -> None:
    owui.completion = lambda form, user: {"choices": []}
    script, replies = asking({"op": "complete", "model": "m", "messages": []})
    session(script)
    assert replies[0]["error"]["code"] == "failed" and "no answer" in replies[0]["error"]["message"]


def test_ops_run_concurrently(session: Session, owui: OpenWebUI) -> None:
    url = owui.add_file("u1", "cat.png", PNG)
    chat = Chat()
    chat.add("assistant", f"![cat]({url})")

    async def slow_page(event: dict) -> str:
        await asyncio.sleep(0.5)
        return "late"

    async def script(ch: Channel) -> None:
        call = ch.ask({"op": "call", "event": {"type": "execute", "data": {}}, "timeout_ms": 5000})
        order.append((await ch.request({"op": "read_image", "url": url}))["mime"])
        order.append((await call)["value"])
        await ch.done()

    order: list[str] = []
    session(script, driver=slow_page, chat=chat)
    assert order == ["image/png", "late"]


def test_a_large_image_round_trip(session: Session, owui: OpenWebUI) -> None:
    big = PNG + bytes(range(256)) * 16_384  # 4 MiB: a 5.6 MB line on the stream
    replies: list[dict] = []
    chat = Chat()

    async def script(ch: Channel) -> None:
        replies.append(
            await ch.request(
                {
                    "op": "save_image",
                    "mime": "image/png",
                    "data": base64.b64encode(big).decode(),
                    "filename": "big.png",
                },
                60,
            )
        )
        await ch.done()

    session(script, chat=chat)
    chat.add("assistant", f"![big]({replies[0]['url']})")
    script, again = asking({"op": "read_image", "url": replies[0]["url"]}, timeout=60)
    session(script, chat=chat)
    assert base64.b64decode(again[0]["data"]) == big


def test_detach_returns_the_action_and_the_session_goes_on(session: Session) -> None:
    async def script(ch: Channel) -> None:
        await ch.send(
            {
                "op": "emit",
                "event": {"type": "status", "data": {"description": "before", "done": False}},
            }
        )
        await ch.send({"op": "detach"})
        await asyncio.sleep(0.2)
        await ch.send(
            {
                "op": "emit",
                "event": {"type": "status", "data": {"description": "after", "done": True}},
            }
        )
        await ch.done()

    out = session(script)
    assert out.run.detached is True
    assert [s["description"] for s in out.run.chat.messages[-1]["statusHistory"]] == [
        "before",
        "after",
    ]
