"""The function shares Open WebUI's event loop: a busy session must not stall it with blocking calls."""

import asyncio
import inspect
import sys
import threading
import time
from pathlib import Path

from conftest import SHIM
from fake_sidecar import TOKEN, Channel, FakeSidecar
from owui_harness import Chat, OpenWebUI, call_action, installed, load_function

# Thousands of ops and 50 page calls, as dense as a real session gets; the benchmark (bench/loop_lag.py) runs ten
# whole sessions against the real sidecar for the longer view.
JOB_SECONDS = 8


async def busy(ch: Channel) -> None:
    page_calls = 0
    # The session streams pings, statuses and page calls throughout.
    end = time.monotonic() + JOB_SECONDS
    while time.monotonic() < end:
        await ch.send({"op": "ping"})
        await ch.send(
            {
                "op": "emit",
                "event": {"type": "status", "data": {"description": "working", "done": False}},
            }
        )
        if page_calls < 50:
            page_calls += 1
            await ch.request(
                {"op": "call", "event": {"type": "execute", "data": {}}, "timeout_ms": 1000}
            )
        else:
            await asyncio.sleep(0.002)
    await ch.done()


def sidecar_in_its_own_thread(script) -> tuple[str, threading.Event, list[FakeSidecar]]:
    """Like the real sidecar, the fake one runs outside Open WebUI's event loop, so only the function is measured."""
    ready, stop, holder = threading.Event(), threading.Event(), []

    async def serve() -> None:
        async with FakeSidecar(script) as sidecar:
            holder.append(sidecar)
            ready.set()
            await asyncio.to_thread(stop.wait)

    threading.Thread(target=asyncio.run, args=(serve(),), daemon=True).start()
    ready.wait(5)
    return holder[0].url, stop, holder


# Plain (pre-0.9) Open WebUI helpers hit the database or S3: each must run off the event loop's thread.
PLAIN_HELPERS = [
    ("open_webui.models.chats", "Chats"),
    ("open_webui.models.files", "Files"),
    ("open_webui.models.users", "Users"),
    ("open_webui.storage.provider", "Storage"),
]


def watch_threads(loop_thread: int) -> list[str]:
    """Wraps every plain helper so that a call made on the event loop's own thread is noted by name."""
    on_loop: list[str] = []
    for module, name in PLAIN_HELPERS:
        holder = getattr(sys.modules.get(module), name, None)
        for attr in [a for a in dir(holder) if not a.startswith("_")]:
            f = getattr(holder, attr)
            if not callable(f) or inspect.iscoroutinefunction(f):
                continue

            def wrapped(*args, __f=f, __name=f"{name}.{attr}", **kwargs):
                if threading.get_ident() == loop_thread:
                    on_loop.append(__name)
                return __f(*args, **kwargs)

            setattr(holder, attr, wrapped)
    return on_loop


async def session(tmp: Path) -> tuple[list[str], Chat, list[str]]:
    owui, chat = OpenWebUI(tmp), Chat()
    user = owui.add_user("u1")
    chat.add("user", "draw a cat")
    chat.add("assistant", "Here it is.")
    owui.chats[chat.id] = chat
    url, stop, holder = sidecar_in_its_own_thread(busy)
    try:
        with installed(owui, "0.6.43"):  # plain helpers: the flavour that could block the loop
            on_loop = watch_threads(threading.get_ident())
            action, _ = load_function(SHIM)
            valves = {"SIDECAR_URL": url, "SIDECAR_TOKEN": TOKEN}
            await call_action(action, chat.action_body(), user, valves, chat, lambda e: True)
    finally:
        stop.set()
    return on_loop, chat, holder[0].errors


def test_a_busy_session_never_runs_a_blocking_open_webui_helper_on_the_event_loop(
    tmp_path: Path,
) -> None:
    # How long the loop waits in such a session is measured by the benchmark (bench/loop_lag.py), not here.
    on_loop, chat, errors = asyncio.run(session(tmp_path))
    assert errors == [] and len(chat.events) > 1000
    assert on_loop == [], f"called on the event loop: {sorted(set(on_loop))}"
