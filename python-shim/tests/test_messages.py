"""add_message and remove_message: the result as a message of its own in the stored chat, and only that."""

import asyncio

import pytest
from conftest import Session
from fake_sidecar import Channel
from owui_harness import Chat
from owui_versions import VERSIONS

REMOVING = pytest.mark.parametrize(
    "version", [v for v in VERSIONS if VERSIONS[v].delete_message]
)  # 0.10+
NOT_REMOVING = pytest.mark.parametrize(
    "version", [v for v in VERSIONS if not VERSIONS[v].delete_message]
)

RESULT = {
    "id": "result-1",
    "role": "assistant",
    "content": "![result](/api/v1/files/f/content)",
    "model": "test-model",
}


def two_answers() -> tuple[Chat, dict]:
    """msg-1 to msg-4, user and assistant twice; returns the chat and the older answer (msg-2)."""
    chat = Chat()
    chat.add("user", "a cat")
    older = chat.add("assistant", "![cat](/api/v1/files/cat/content)")
    chat.add("user", "now a dog")
    chat.add("assistant", "![dog](/api/v1/files/dog/content)")
    return chat, older


def adding(
    detach: bool, replies: list[dict], parent: str | None = None, remove: tuple[str, ...] = ()
):
    async def script(ch: Channel) -> None:
        if detach:
            await ch.send({"op": "detach"})
            await asyncio.sleep(0.2)
        replies.append(
            await ch.request(
                {
                    "op": "add_message",
                    "parent_id": parent or ch.opening["body"]["id"],
                    "message": RESULT,
                }
            )
        )
        for message_id in remove:
            replies.append(await ch.request({"op": "remove_message", "message_id": message_id}))
        await ch.done()

    return script


def test_add_message_after_the_pages_save_is_kept_and_current(
    session: Session, version: str
) -> None:
    replies: list[dict] = []
    chat = session(adding(True, replies), version=version).run.chat
    assert replies == [{"ok": True}]
    assert chat.history["currentId"] == "result-1"
    assert chat.message("result-1")["parentId"] == "msg-2" and chat.message("msg-2")[
        "childrenIds"
    ] == ["result-1"]
    assert [m["id"] for m in chat.messages] == ["msg-1", "msg-2", "result-1"]
    assert (
        chat.message("result-1")["content"] == RESULT["content"]
        and chat.message("msg-2")["content"] == "Here it is."
    )


def test_add_message_emits_nothing(session: Session) -> None:
    replies: list[dict] = []
    out = session(adding(True, replies))
    assert replies == [{"ok": True}] and out.run.chat.events == []


def test_before_the_pages_save_it_is_lost_up_to_0_9_and_kept_but_not_current_from_0_10(
    session: Session,
) -> None:
    """What the sidecar avoids by waiting for the save: this test pins the page's save of each version."""
    replies: list[dict] = []
    replaced = session(adding(False, replies), version="0.6.43").run.chat
    assert "result-1" not in replaced.history["messages"]
    merged = session(adding(False, replies), version="0.10.1", chat=Chat()).run.chat
    assert (
        merged.message("msg-2")["childrenIds"] == ["result-1"]
        and merged.history["currentId"] == "msg-2"
    )


def test_a_click_on_an_older_message_adds_a_branch_under_it(session: Session) -> None:
    chat, older = two_answers()
    replies: list[dict] = []
    chat = session(adding(True, replies), chat=chat, body=chat.action_body(older["id"])).run.chat
    assert chat.message(older["id"])["childrenIds"] == ["msg-3", "result-1"]
    assert [m["id"] for m in chat.messages] == ["msg-1", "msg-2", "result-1"]


def test_add_message_under_a_missing_parent_or_twice(session: Session) -> None:
    replies: list[dict] = []
    session(adding(True, replies, parent="gone"))
    session(adding(True, replies, parent="result-1"), chat=Chat())
    assert [r["error"]["code"] for r in replies] == ["not_found", "not_found"]


@NOT_REMOVING
def test_before_0_10_a_message_cannot_be_removed_and_stays(session: Session, version: str) -> None:
    """The opening says so (`can_remove_message`), and the sidecar then never adds one."""
    replies: list[dict] = []
    chat = session(adding(True, replies, remove=("result-1",)), version=version).run.chat
    assert replies == [
        {"ok": True},
        {
            "ok": False,
            "error": {
                "code": "unsupported",
                "reason": "remove",
                "message": "Open WebUI before 0.10 cannot remove a message.",
            },
        },
    ]
    assert chat.message("msg-2")["childrenIds"] == ["result-1"]


@REMOVING
def test_remove_message_takes_out_what_this_session_added(session: Session, version: str) -> None:
    replies: list[dict] = []
    out = session(adding(True, replies, remove=("result-1", "result-1")), version=version)
    chat = out.run.chat
    assert replies[:2] == [{"ok": True}] * 2
    assert (
        replies[2]["error"]["code"] == "forbidden"
    )  # Once removed it is no longer this session's to remove.
    assert "result-1" not in chat.history["messages"]
    assert chat.message("msg-2")["childrenIds"] == [] and chat.history["currentId"] == "msg-2"


def test_remove_message_refuses_anything_it_did_not_add(session: Session) -> None:
    replies: list[dict] = []
    chat = session(
        adding(True, replies, remove=("msg-2", "msg-1", "nope")), version="0.11.0"
    ).run.chat
    assert [r.get("error", {}).get("code") for r in replies] == [
        None,
        "forbidden",
        "forbidden",
        "forbidden",
    ]
    assert {"msg-1", "msg-2", "result-1"} <= set(chat.history["messages"])


@REMOVING
def test_removing_from_an_older_message_makes_the_newest_leaf_current_again(
    session: Session, version: str
) -> None:
    chat, older = two_answers()
    replies: list[dict] = []
    chat = session(
        adding(True, replies, parent=older["id"], remove=("result-1",)), chat=chat, version=version
    ).run.chat
    assert replies == [{"ok": True}] * 2
    assert (
        chat.message(older["id"])["childrenIds"] == ["msg-3"]
        and chat.history["currentId"] == "msg-4"
    )


def test_a_write_open_webui_could_not_make_is_a_failed_reply(session: Session, owui) -> None:
    chat = Chat()
    chat.add("user", "hi")
    chat.add("assistant", "hello")
    chat.upsert_message = lambda message_id, message: (
        None
    )  # models/chats.py answers None after a database error
    replies: list[dict] = []
    session(adding(True, replies), chat=chat)
    assert replies[0]["error"] == {
        "code": "failed",
        "reason": "write_message",
        "message": "Open WebUI could not write the message into the chat.",
    }


def test_a_message_open_webui_could_not_write_leaves_the_chat_as_it_was(session: Session) -> None:
    chat, older = two_answers()
    real = chat.upsert_message
    chat.upsert_message = lambda message_id, message: (
        None if message_id == "result-1" else real(message_id, message)
    )
    replies: list[dict] = []
    chat = session(adding(True, replies, parent=older["id"]), chat=chat).run.chat
    assert replies[0]["error"]["code"] == "failed"
    assert (
        chat.message("msg-2")["childrenIds"] == ["msg-3"]
        and "result-1" not in chat.history["messages"]
    )
    assert chat.history["currentId"] == "msg-4"
