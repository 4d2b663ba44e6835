"""Every op of the bridge protocol, against a fake sidecar, in both Open WebUI flavours where it matters."""

import asyncio
import base64
import time
from typing import Any

from conftest import Session
from fake_sidecar import Channel
from owui_harness import OpenWebUI

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def asking(*ops: dict, timeout: float = 10):
    """A script that sends `ops` one after the other, keeps their replies, then ends the session."""
    replies: list[dict] = []

    async def script(ch: Channel) -> None:
        for op in ops:
            replies.append(await ch.request(op, timeout))
        await ch.done()

    return script, replies


def test_opening_carries_body_user_valves_and_version(session: Session, owui: OpenWebUI) -> None:
    owui.add_user("u2", language="de-DE")
    script, _ = asking()
    out = session(script, user="u2", valves={"STEPS": 20})
    opening = out.sidecar.openings[0]
    assert opening["protocol"] == 1 and opening["action_id"] == "flux_inpaint"
    assert opening["body"] == out.run.chat.action_body()
    assert opening["user"] == {"id": "u2", "name": "User u2", "role": "user", "language": "de-DE"}
    assert opening["valves"]["STEPS"] == 20 and opening["valves"]["OUTPUT_FORMAT"] == "jpeg"
    assert opening["owui"] == {"version": "0.9.0-harness"}


def test_emits_are_applied_in_order_and_done_ends_the_action(session: Session) -> None:
    async def script(ch: Channel) -> None:
        await ch.send({"op": "ping"})
        for i in range(20):
            await ch.send({"op": "emit", "event": {"type": "message", "data": {"content": str(i % 10)}}})
        await ch.send({"op": "emit", "event": {"type": "replace", "data": {"content": "fresh"}}})
        await ch.send({"op": "emit", "event": {"type": "files", "data": {"files": [{"type": "image", "url": "/x"}]}}})
        await ch.send({"op": "emit", "event": {"type": "status", "data": {"description": "Done.", "done": True}}})
        await ch.done()

    out = session(script)
    assert [e["data"].get("content") for e in out.run.chat.events[:20]] == [str(i % 10) for i in range(20)]
    message = out.run.chat.messages[-1]
    assert message["content"] == "fresh"
    assert message["files"] == [{"type": "image", "url": "/x"}]
    assert message["statusHistory"] == [{"description": "Done.", "done": True}]
    assert out.run.result is None


def test_message_emits_append_to_the_clicked_message(session: Session) -> None:
    async def script(ch: Channel) -> None:
        await ch.send({"op": "emit", "event": {"type": "message", "data": {"content": "\n\n```html\n<p>editor</p>\n```"}}})
        await ch.done()

    out = session(script)
    assert out.run.chat.messages[-1]["content"] == "Here it is.\n\n```html\n<p>editor</p>\n```"


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
    script, replies = asking({"op": "call", "event": {"type": "execute", "data": {"code": ""}}, "timeout_ms": 200})
    started = time.monotonic()
    session(script, driver=None)
    assert replies[0]["ok"] is False and replies[0]["error"]["code"] == "timeout"
    assert time.monotonic() - started < 5


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
        futures = [ch.ask({"op": "call", "event": {"type": "execute", "data": {"n": n}}, "timeout_ms": 5000}) for n in range(4)]
        replies.extend(await asyncio.wait_for(asyncio.gather(*futures), 10))
        await ch.done()

    replies: list[dict] = []
    session(script, driver=page)
    assert most == 1
    assert sorted(r["value"] for r in replies) == [0, 1, 2, 3]


def test_unknown_op_gets_an_error_reply_not_a_hang(session: Session) -> None:
    script, replies = asking({"op": "teleport"})
    session(script)
    assert replies[0]["ok"] is False and replies[0]["error"]["code"] == "unknown_op"


def test_unknown_op_without_id_is_ignored(session: Session) -> None:
    async def script(ch: Channel) -> None:
        await ch.send({"op": "future_thing"})
        await ch.done()

    out = session(script)
    assert out.sidecar.late_replies == [] and out.statuses == []


def test_read_image_of_a_users_file(session: Session, owui: OpenWebUI, flavour: str) -> None:
    url = owui.add_file("u1", "cat.png", PNG)
    script, replies = asking({"op": "read_image", "url": url})
    session(script, flavour=flavour)
    assert replies == [{"ok": True, "mime": "image/png", "data": base64.b64encode(PNG).decode()}]


def test_read_image_of_another_users_file_is_forbidden(session: Session, owui: OpenWebUI) -> None:
    url = owui.add_file("someone-else", "cat.png", PNG)
    script, replies = asking({"op": "read_image", "url": url})
    session(script)
    assert replies[0]["error"]["code"] == "forbidden"


def test_admins_may_read_any_file(session: Session, owui: OpenWebUI) -> None:
    owui.add_user("boss", role="admin")
    url = owui.add_file("someone-else", "cat.png", PNG)
    script, replies = asking({"op": "read_image", "url": url})
    session(script, user="boss")
    assert replies[0]["ok"] is True


def test_read_image_of_a_missing_file(session: Session) -> None:
    script, replies = asking({"op": "read_image", "url": "/api/v1/files/nope/content"})
    session(script)
    assert replies[0]["error"]["code"] == "not_found"


def test_read_image_from_the_cache(session: Session, owui: OpenWebUI) -> None:
    target = owui.cache_dir / "image" / "generations" / "old.jpg"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"jpegbytes")
    script, replies = asking({"op": "read_image", "url": "/cache/image/generations/old.jpg"})
    session(script)
    assert replies == [{"ok": True, "mime": "image/jpeg", "data": base64.b64encode(b"jpegbytes").decode()}]


def test_read_image_refuses_paths_outside_the_cache(session: Session, owui: OpenWebUI) -> None:
    (owui.root / "secret.png").write_bytes(b"secret")
    script, replies = asking(
        {"op": "read_image", "url": "/cache/../secret.png"},
        {"op": "read_image", "url": "/cache/image/%2e%2e/%2e%2e/secret.png"},
        {"op": "read_image", "url": "/cache/image/missing.png"},
    )
    session(script)
    assert [r["error"]["code"] for r in replies] == ["forbidden", "forbidden", "not_found"]


def test_read_image_of_data_urls(session: Session) -> None:
    encoded = base64.b64encode(PNG).decode()
    script, replies = asking({"op": "read_image", "url": f"data:image/png;base64,{encoded}"}, {"op": "read_image", "url": "data:image/png;base64,@@@"})
    session(script)
    assert replies[0] == {"ok": True, "mime": "image/png", "data": encoded}
    assert replies[1]["error"]["code"] == "invalid"


def test_read_image_of_external_urls_is_unsupported(session: Session) -> None:
    script, replies = asking({"op": "read_image", "url": "https://example.com/cat.png"})
    session(script)
    assert replies[0]["error"]["code"] == "unsupported"


def test_save_image_into_the_users_files(session: Session, owui: OpenWebUI, flavour: str) -> None:
    data = base64.b64encode(PNG).decode()
    script, replies = asking({"op": "save_image", "mime": "image/png", "data": data, "filename": "../flux fill.png"})
    session(script, flavour=flavour)
    url = replies[0]["url"]
    file_id = url.split("/")[4]
    assert url == f"/api/v1/files/{file_id}/content"
    saved = owui.files[file_id]
    assert saved.user_id == "u1" and saved.filename == "flux_fill.png"
    assert saved.meta == {"name": "flux_fill.png", "content_type": "image/png", "size": len(PNG)}
    assert saved.path and open(saved.path, "rb").read() == PNG
    # What was saved can be read back by its owner.
    script, again = asking({"op": "read_image", "url": url})
    session(script, flavour=flavour)
    assert again[0]["data"] == data


def test_save_image_into_the_cache_on_open_webui_without_files_api(session: Session, owui: OpenWebUI) -> None:
    script, replies = asking({"op": "save_image", "mime": "image/jpeg", "data": base64.b64encode(b"jpg").decode(), "filename": "r.jpg"})
    session(script, files_api=False)
    url = replies[0]["url"]
    assert url.startswith("/cache/image/generations/") and url.endswith(".jpg")
    assert (owui.cache_dir / url.removeprefix("/cache/")).read_bytes() == b"jpg"


def test_save_image_refuses_bad_base64(session: Session) -> None:
    script, replies = asking({"op": "save_image", "mime": "image/png", "data": "not base64!", "filename": "x.png"})
    session(script)
    assert replies[0]["error"]["code"] == "invalid"


def test_complete_uses_open_webuis_model(session: Session, owui: OpenWebUI, flavour: str) -> None:
    owui.completion = lambda form, user: {"choices": [{"message": {"content": f"{user.id}:{form['messages'][-1]['content']}"}}]}
    messages = [{"role": "system", "content": "Translate to English."}, {"role": "user", "content": "eine Katze"}]
    script, replies = asking({"op": "complete", "model": "translator", "messages": messages})
    session(script, flavour=flavour)
    assert replies == [{"ok": True, "text": "u1:eine Katze"}]
    assert owui.completions == [{"model": "translator", "messages": messages, "stream": False}]


def test_complete_without_a_model_uses_the_chats_model(session: Session, owui: OpenWebUI) -> None:
    script, replies = asking({"op": "complete", "model": "", "messages": [{"role": "user", "content": "hi"}]})
    session(script)
    assert replies[0]["ok"] is True and owui.completions[0]["model"] == "test-model"


def test_complete_that_fails_is_an_error_reply(session: Session, owui: OpenWebUI) -> None:
    def broken(form: dict, user: Any) -> dict:
        raise RuntimeError("model offline")

    owui.completion = broken
    script, replies = asking({"op": "complete", "model": "m", "messages": []})
    session(script)
    assert replies[0]["error"] == {"code": "failed", "message": "RuntimeError: model offline"}


def test_ops_run_concurrently(session: Session, owui: OpenWebUI) -> None:
    url = owui.add_file("u1", "cat.png", PNG)

    async def slow_page(event: dict) -> str:
        await asyncio.sleep(0.5)
        return "late"

    async def script(ch: Channel) -> None:
        call = ch.ask({"op": "call", "event": {"type": "execute", "data": {}}, "timeout_ms": 5000})
        order.append((await ch.request({"op": "read_image", "url": url}))["mime"])
        order.append((await call)["value"])
        await ch.done()

    order: list[str] = []
    session(script, driver=slow_page)
    assert order == ["image/png", "late"]


def test_a_large_image_round_trip(session: Session) -> None:
    big = base64.b64encode(bytes(range(256)) * 16_384).decode()  # 4 MiB: one 5.6 MB line on the stream
    replies: list[dict] = []

    async def script(ch: Channel) -> None:
        replies.append(await ch.request({"op": "save_image", "mime": "image/png", "data": big, "filename": "big.png"}, 60))
        replies.append(await ch.request({"op": "read_image", "url": replies[0]["url"]}, 60))
        await ch.done()

    session(script)
    assert replies[1]["data"] == big


def test_detach_returns_the_action_and_the_session_goes_on(session: Session) -> None:
    async def script(ch: Channel) -> None:
        await ch.send({"op": "emit", "event": {"type": "status", "data": {"description": "before", "done": False}}})
        await ch.send({"op": "detach"})
        await asyncio.sleep(0.2)
        await ch.send({"op": "emit", "event": {"type": "status", "data": {"description": "after", "done": True}}})
        await ch.done()

    out = session(script)
    assert out.run.detached is True
    assert [s["description"] for s in out.run.chat.messages[-1]["statusHistory"]] == ["before", "after"]


def test_add_message_survives_the_pages_save_only_after_detach(session: Session, flavour: str) -> None:
    result = {"id": "result-1", "role": "assistant", "content": "![result](/api/v1/files/f/content)", "model": "test-model"}

    def script_for(detach: bool):
        async def script(ch: Channel) -> None:
            if detach:
                await ch.send({"op": "detach"})
                await asyncio.sleep(0.2)
            replies.append(await ch.request({"op": "add_message", "parent_id": ch.opening["body"]["id"], "message": result}))
            await ch.done()

        return script

    replies: list[dict] = []
    lost = session(script_for(False), flavour=flavour)
    assert replies == [{"ok": True}] and "result-1" not in lost.run.chat.history["messages"]

    kept = session(script_for(True), flavour=flavour)
    chat = kept.run.chat
    assert chat.history["currentId"] == "result-1"
    assert chat.message("result-1")["parentId"] == "msg-2" and chat.message("msg-2")["childrenIds"] == ["result-1"]
    assert [m["id"] for m in chat.messages] == ["msg-1", "msg-2", "result-1"]
    assert {"type": "chat:completion", "data": {"done": True}} in chat.events


def test_remove_message_takes_an_added_message_out_again(session: Session, flavour: str) -> None:
    added = {"id": "result-1", "role": "assistant", "content": "x", "model": "m"}

    async def script(ch: Channel) -> None:
        await ch.send({"op": "detach"})
        await asyncio.sleep(0.2)
        replies.append(await ch.request({"op": "add_message", "parent_id": ch.opening["body"]["id"], "message": added}))
        replies.append(await ch.request({"op": "remove_message", "message_id": "result-1"}))
        replies.append(await ch.request({"op": "remove_message", "message_id": "result-1"}))
        await ch.done()

    replies: list[dict] = []
    chat = session(script, flavour=flavour).run.chat
    assert replies == [{"ok": True}] * 3
    assert "result-1" not in chat.history["messages"]
    assert chat.message("msg-2")["childrenIds"] == [] and chat.history["currentId"] == "msg-2"


def test_add_message_under_a_missing_parent(session: Session) -> None:
    script, replies = asking({"op": "add_message", "parent_id": "gone", "message": {"id": "r", "role": "assistant", "content": ""}})
    session(script)
    assert replies[0]["error"]["code"] == "not_found"
