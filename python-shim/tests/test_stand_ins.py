"""The Open WebUI stand-ins themselves behave as TRACE.md says each version does."""

import asyncio

import pytest
from owui_harness import Chat, merge_history
from owui_server import Server


def calls_without_a_page(version: str, timeout: int | None) -> list:
    async def main() -> list:
        server = Server(version, {}, timeout)
        call = server.event_caller("chat-1", "msg-1", "sock-1")
        results: list = []
        for _ in range(2):
            try:
                results.append(
                    await asyncio.wait_for(call({"type": "execute", "data": {"code": ""}}), 5)
                )
            except TimeoutError:
                results.append("raised")
        return results

    return asyncio.run(main())


def test_event_call_timeouts_by_version() -> None:
    timed_out = {"error": "Event call timed out. The browser tab may be inactive or closed."}
    # 0.11: a timeout drops the session; every later call answers at once that it is gone.
    assert calls_without_a_page("0.11.0", 1) == [
        timed_out,
        {"error": "Client session disconnected."},
    ]
    # 0.10: the timeout is an error answer, the session stays.
    assert calls_without_a_page("0.10.1", 1) == [timed_out, timed_out]


def test_before_0_10_a_timed_out_call_raises_after_socket_ios_60_s() -> None:
    async def main() -> None:
        server = Server("0.6.43", {}, 1)  # the setting does not exist yet: it is ignored
        server.socketio_timeout = 0.3
        call = server.event_caller("chat-1", "msg-1", "sock-1")
        started = asyncio.get_running_loop().time()
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(call({"type": "execute", "data": {}}), 5)
        assert asyncio.get_running_loop().time() - started < 1

    asyncio.run(main())


def test_the_pages_save_replaces_before_0_10_and_merges_from_0_10() -> None:
    stored = Chat()
    stored.add("user", "hi")
    stored.add("assistant", "hello")
    page = {
        "messages": {k: dict(v) for k, v in stored.history["messages"].items()},
        "currentId": "msg-2",
    }
    stored.upsert_message("msg-2", {"childrenIds": ["server-only"]})
    stored.upsert_message(
        "server-only",
        {
            "id": "server-only",
            "parentId": "msg-2",
            "childrenIds": [],
            "role": "assistant",
            "content": "x",
        },
    )
    merged = merge_history(stored.history, page)
    assert merged["currentId"] == "msg-2" and merged["messages"]["msg-2"]["childrenIds"] == [
        "server-only"
    ]
    for version, kept in (("0.6.43", False), ("0.10.1", True)):
        chat = Chat(
            history={
                "messages": {k: dict(v) for k, v in stored.history["messages"].items()},
                "currentId": "server-only",
            },
            version=version,
        )
        chat.page = {
            "messages": {k: dict(v) for k, v in page["messages"].items()},
            "currentId": "msg-2",
        }
        chat.save_page()
        assert ("server-only" in chat.history["messages"]) is kept and chat.history[
            "currentId"
        ] == "msg-2"
