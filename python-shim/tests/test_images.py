"""The chat's images: what the opening tells the sidecar, and which images the sidecar may then read."""

import base64
from pathlib import Path

import pytest
from conftest import Session
from fake_sidecar import Channel
from owui_harness import Chat, OpenWebUI
from test_ops import JPEG, PNG, asking


def opening(session: Session, chat: Chat | None = None, **kwargs) -> dict:
    async def script(ch: Channel) -> None:
        await ch.done()

    return session(script, chat=chat, **kwargs).sidecar.openings[0]


def test_the_opening_is_protocol_3_with_body_user_valves(session: Session, owui: OpenWebUI) -> None:
    owui.add_user("u2")
    out = opening(session, user="u2", valves={"STEPS": 20})
    assert out["protocol"] == 3 and out["action_id"] == "flux_inpaint"
    assert out["body"]["id"] == "msg-2" and "files" not in out["body"]["messages"][-1]
    assert out["user"] == {"id": "u2", "name": "User u2", "role": "user"}
    assert (
        out["valves"]["STEPS"] == 20
        and out["valves"]["RESULT_MESSAGE"] == "auto"
        and out["valves"]["SIDECAR_URL"].startswith("http://127.0.0.1:")
    )


@pytest.mark.parametrize(
    "version,timeout,expected",
    [
        # No WEBSOCKET_EVENT_CALLER_TIMEOUT before 0.8.8: socket.io's own 60 s apply. No message removal before 0.10.
        (
            "0.5.20",
            None,
            {
                "version": "0.5.20",
                "event_call_timeout_s": 60,
                "model_direct": False,
                "can_remove_message": False,
            },
        ),
        (
            "0.6.43",
            None,
            {
                "version": "0.6.43",
                "event_call_timeout_s": 60,
                "model_direct": False,
                "can_remove_message": False,
            },
        ),
        (
            "0.10.1",
            300,
            {
                "version": "0.10.1",
                "event_call_timeout_s": 300,
                "model_direct": False,
                "can_remove_message": True,
            },
        ),
        (
            "0.11.0",
            None,
            {
                "version": "0.11.0",
                "event_call_timeout_s": None,
                "model_direct": False,
                "can_remove_message": True,
            },
        ),
    ],
)
def test_the_opening_says_what_this_open_webui_can_do(
    session: Session, owui: OpenWebUI, version: str, timeout: int | None, expected: dict
) -> None:
    owui.event_call_timeout = timeout
    assert opening(session, version=version)["owui"] == expected


def test_a_direct_connection_model_is_reported(session: Session) -> None:
    # main.py chat_action: `model_item.direct` -> request.state.direct, and __model__ is that model item.
    assert opening(session, model={"id": "gpt-x", "direct": True})["owui"]["model_direct"] is True


def test_the_branch_from_the_root_to_the_clicked_message_with_every_form_of_image(
    session: Session,
) -> None:
    chat = Chat()
    data_url = "data:image/png;base64," + base64.b64encode(PNG).decode()
    chat.add(
        "user", "paint this", files=[{"type": "image", "url": data_url}]
    )  # an upload up to 0.6.41
    chat.add(
        "assistant",
        'Here:\n\n![gen](/api/v1/files/aaaaaaaa-1/content) and <img src="https://example.com/x.png">',
    )  # up to 0.6.4
    upload = {
        "type": "file",
        "file": {"id": "bbbbbbbb-2", "meta": {"content_type": "image/jpeg", "name": "me.jpg"}},
        "id": "bbbbbbbb-2",
        "url": "bbbbbbbb-2",
        "name": "me.jpg",
        "collection_name": "",
        "status": "uploaded",
        "size": 9,
        "error": "",
        "itemId": "tmp-1",
    }  # MessageInput.svelte 0.6.42+
    chat.add(
        "user",
        "and this",
        files=[
            upload,
            {
                "type": "file",
                "id": "cccccccc-3",
                "url": "cccccccc-3",
                "name": "n.txt",
                "meta": {"content_type": "text/plain"},
            },
        ],
    )
    clicked = chat.add(
        "assistant",
        "done",
        files=[
            {"type": "image", "url": "/api/v1/files/dddddddd-4/content"},
            {"type": "image", "url": "/cache/image/generations/e.png"},
        ],
    )
    chat.add("user", "later")  # after the clicked message: not on the sent branch
    sent = opening(session, chat=chat, body=chat.action_body(clicked["id"]))["chat"]
    assert [m["id"] for m in sent["messages"]] == ["msg-1", "msg-2", "msg-3", "msg-4"] and sent[
        "currentId"
    ] == "msg-5"
    assert [m["parentId"] for m in sent["messages"]] == [None, "msg-1", "msg-2", "msg-3"]
    assert sent["messages"][0]["files"] == [{"type": "image", "url": data_url}]
    assert sent["messages"][1] == {
        "id": "msg-2",
        "parentId": "msg-1",
        "role": "assistant",
        "files": [],
        "content": chat.message("msg-2")["content"],
    }
    assert sent["messages"][2]["files"] == [
        {
            "type": "file",
            "url": "bbbbbbbb-2",
            "id": "bbbbbbbb-2",
            "name": "me.jpg",
            "content_type": "image/jpeg",
        },
        {
            "type": "file",
            "url": "cccccccc-3",
            "id": "cccccccc-3",
            "name": "n.txt",
            "content_type": "text/plain",
        },
    ]
    assert sent["messages"][3]["files"] == [
        {"type": "image", "url": "/api/v1/files/dddddddd-4/content"},
        {"type": "image", "url": "/cache/image/generations/e.png"},
    ]


def test_a_temporary_or_missing_chat_is_sent_as_null(session: Session) -> None:
    chat = Chat(id="local:abc")
    assert opening(session, chat=chat)["chat"] is None
    other = Chat()
    body = other.action_body() if other.messages else None
    out = opening(
        session,
        chat=other,
        body={"model": "m", "messages": [], "chat_id": "not-stored", "session_id": "s", "id": "x"}
        if body is None
        else body,
    )
    assert out["chat"] is None


def reading(
    session: Session,
    owui: OpenWebUI,
    urls: list[str],
    content: str,
    user: str = "u1",
    version: str = "0.11.0",
    files: list | None = None,
) -> list[dict]:
    chat = Chat()
    chat.add("assistant", content, files=files)
    script, replies = asking(*({"op": "read_image", "url": url} for url in urls))
    session(script, chat=chat, user=user, version=version)
    return replies


def test_read_image_of_every_stored_form(session: Session, owui: OpenWebUI, flavour: str) -> None:
    url = owui.add_file("u1", "cat.png", PNG)
    file_id = url.split("/")[4]
    cached = owui.cache_dir / "image" / "generations" / "old.jpg"
    cached.parent.mkdir(parents=True)
    cached.write_bytes(JPEG)
    forms = [url, file_id, f"http://owui.example{url}", "/cache/image/generations/old.jpg"]
    replies = reading(
        session,
        owui,
        forms,
        f"![a]({url}) ![b](http://owui.example{url}) ![c](/cache/image/generations/old.jpg)",
        files=[{"type": "file", "url": file_id}],
        version=flavour,
    )
    png, jpeg = base64.b64encode(PNG).decode(), base64.b64encode(JPEG).decode()
    assert replies == [{"ok": True, "mime": "image/png", "data": png}] * 3 + [
        {"ok": True, "mime": "image/jpeg", "data": jpeg}
    ]


def test_only_images_referenced_in_the_chat_are_read(session: Session, owui: OpenWebUI) -> None:
    shown = owui.add_file("u1", "shown.png", PNG)
    hidden = owui.add_file("u1", "hidden.png", PNG)
    hidden_id = hidden.split("/")[4]
    (owui.cache_dir / "x.png").parent.mkdir(parents=True)
    (owui.cache_dir / "x.png").write_bytes(PNG)
    # A prefix of a referenced id, or an id inside a longer one, is not a reference.
    replies = reading(
        session,
        owui,
        [hidden, hidden_id, shown[:-9], "/cache/x.png", shown],
        f"![s]({shown}) {hidden_id}0 /cache/x.pngx",
    )
    assert [r.get("error", {}).get("code") for r in replies] == [
        "forbidden",
        "forbidden",
        "forbidden",
        "forbidden",
        None,
    ]


def test_read_image_follows_open_webuis_access_rule(session: Session, owui: OpenWebUI) -> None:
    owui.add_user("boss", role="admin")
    owui.add_user("friend")
    theirs = owui.add_file("someone-else", "cat.png", PNG)
    shared = owui.add_file("someone-else", "dog.png", PNG)
    owui.shared[shared.split("/")[4]] = {"friend"}
    content = f"![a]({theirs}) ![b]({shared})"
    assert [
        r.get("error", {}).get("code") for r in reading(session, owui, [theirs, shared], content)
    ] == ["forbidden", "forbidden"]
    assert [r["ok"] for r in reading(session, owui, [theirs, shared], content, user="boss")] == [
        True,
        True,
    ]
    for version in (
        "0.6.5",
        "0.10.1",
        "0.11.0",
    ):  # has_access_to_file in routers/files.py, then (async) in utils/access_control
        assert [
            r.get("error", {}).get("code")
            for r in reading(
                session, owui, [theirs, shared], content, user="friend", version=version
            )
        ] == [
            "forbidden",
            None,
        ]
    # 0.5 has no has_access_to_file: only the owner and admins.
    assert (
        reading(session, owui, [shared], content, user="friend", version="0.5.20")[0]["error"][
            "code"
        ]
        == "forbidden"
    )


def test_read_image_refuses_what_is_not_an_image(session: Session, owui: OpenWebUI) -> None:
    text = owui.add_file("u1", "notes.txt", b"secret notes", content_type="text/plain")
    lying = owui.add_file("u1", "fake.png", b"<html>not a png</html>")
    svg = owui.add_file("u1", "x.svg", b"<svg/>", content_type="image/svg+xml")
    (owui.cache_dir).mkdir(parents=True)
    (owui.cache_dir / "page.html").write_bytes(b"<html></html>")
    replies = reading(
        session,
        owui,
        [text, lying, svg, "/cache/page.html"],
        f"{text} {lying} {svg} ![p](/cache/page.html)",
    )
    assert [r["error"]["code"] for r in replies] == ["invalid", "invalid", "invalid", "forbidden"]


def test_read_image_refuses_paths_outside_the_cache(session: Session, owui: OpenWebUI) -> None:
    (owui.root / "secret.png").write_bytes(PNG)
    urls = [
        "/cache/../secret.png",
        "/cache/image/%2e%2e/%2e%2e/secret.png",
        "/cache/image/missing.png",
        "/etc/passwd",
        "/api/v1/files/nope/content",
    ]
    replies = reading(session, owui, urls, " ".join(f"![x]({u})" for u in urls))
    assert [r["error"]["code"] for r in replies] == [
        "forbidden",
        "forbidden",
        "not_found",
        "forbidden",
        "not_found",
    ]


def test_data_and_external_urls_are_the_sidecars_to_read(session: Session, owui: OpenWebUI) -> None:
    data_url = "data:image/png;base64," + base64.b64encode(PNG).decode()
    replies = reading(
        session,
        owui,
        [data_url, "https://example.com/cat.png"],
        f"![a]({data_url}) ![b](https://example.com/cat.png)",
    )
    assert [r["error"]["code"] for r in replies] == ["forbidden", "forbidden"]


def test_a_file_deleted_from_disk_is_not_found(session: Session, owui: OpenWebUI) -> None:
    url = owui.add_file("u1", "cat.png", PNG)
    Path(owui.files[url.split("/")[4]].path or "").unlink()
    assert reading(session, owui, [url], f"![a]({url})")[0]["error"]["code"] == "not_found"


def test_a_message_s_own_embeds_travel_with_it_so_they_can_be_shown_beside_the_editor(
    session: Session,
) -> None:
    chat = Chat()
    chat.add("user", "a chart and a picture")
    chat.add("assistant", "![gen](/api/v1/files/aaaaaaaa-1/content)")["embeds"] = [
        "<p>a tool's chart</p>"
    ]
    branch = opening(session, chat=chat)["chat"]["messages"]
    assert [m.get("embeds") for m in branch] == [None, ["<p>a tool's chart</p>"]]
