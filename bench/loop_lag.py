"""
Event-loop lag in Open WebUI while Inpaint sessions run: the function's clicks against a real sidecar, then a
naive implementation (blocking HTTP and time.sleep inside a coroutine) doing the same FLUX jobs, each with a
probe task measuring how late a 5 ms sleep wakes up. Prints one JSON object; run by bench/loop-lag.ts.

    python3 bench/loop_lag.py --sidecar URL --token T --flux URL --key K [--clicks 10]
"""

import argparse
import asyncio
import base64
import json
import shutil
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any, Awaitable, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "python-shim" / "tests"))

from owui_harness import SESSION_TASK, Chat, OpenWebUI, call_action, installed, load_function  # noqa: E402
from test_end_to_end import EditorDriver, _png  # noqa: E402

SHIM = ROOT / "python-shim" / "flux_inpaint.py"
PROBE_S = 0.005
NAIVE_POLL_S = 0.5


async def measured(work: Callable[[], Awaitable[int]]) -> dict[str, Any]:
    """Runs `work` next to a probe that sleeps 5 ms at a time and records how late it wakes.

    It also records the loop thread's CPU time per probe: on a machine busy with other processes the loop can
    be late without doing anything, and that CPU time tells the stalls caused by work on the loop apart.
    """
    lags: list[float] = []
    busy: list[float] = []
    done = asyncio.Event()

    async def probe() -> None:
        while not done.is_set():
            started, cpu = time.perf_counter(), time.thread_time()
            await asyncio.sleep(PROBE_S)
            lags.append(max(0.0, time.perf_counter() - started - PROBE_S))
            busy.append(time.thread_time() - cpu)

    prober = asyncio.create_task(probe())
    await asyncio.sleep(0)
    started = time.perf_counter()
    try:
        completed = await work()
    finally:
        done.set()
        await prober
    lags.sort()
    return {
        "max_ms": lags[-1] * 1000,
        "p99_ms": lags[min(len(lags) - 1, int(len(lags) * 0.99))] * 1000,
        "busy_max_ms": max(busy) * 1000,
        "samples": len(lags),
        "completed": completed,
        "wall_s": time.perf_counter() - started,
    }


async def shim_phase(args: argparse.Namespace) -> dict[str, Any]:
    """Concurrent clicks, each in its own chat, in one Open WebUI with one loaded function.

    Open WebUI loads a function once and keeps it, so loading happens before the measurement starts.
    """
    root = Path(tempfile.mkdtemp(prefix="owui-bench-"))
    owui = OpenWebUI(root)
    user = owui.add_user("u1")
    picture = _png(80, 60, lambda x, y: bytes([x * 3 % 256, y * 4 % 256, 120]))
    picture_url = owui.add_file("u1", "cat.png", picture)
    owui.completion = lambda form, user: {"choices": [{"message": {"content": "a red hat"}}]}
    valves = {"SIDECAR_URL": args.sidecar, "SIDECAR_TOKEN": args.token, "FLUX_API_URL": args.flux, "FLUX_API_KEY": args.key}
    chats = []
    for i in range(args.clicks):
        chat = Chat(id=f"chat-{i}")
        chat.add("user", "draw a cat")
        chat.add("assistant", f"Here is your cat:\n\n![cat]({picture_url})")
        owui.chats[chat.id] = chat
        chats.append(chat)

    async def clicks() -> int:
        await asyncio.gather(*(call_action(action, c.action_body(), user, valves, c, EditorDriver("ein roter Hut", c)) for c in chats))
        sessions = [t for t in asyncio.all_tasks() if t.get_name() == SESSION_TASK and not t.done()]
        if sessions:
            await asyncio.wait(sessions)
        # A click counts when its result became the chat's newest message, under the clicked one.
        return sum(1 for c in chats if len(c.messages) == 3 and "/api/v1/files/" in c.messages[-1]["content"])

    try:
        with installed(owui):
            action, _ = load_function(SHIM)
            return await measured(clicks)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _get_json(url: str, key: str) -> dict:
    with urllib.request.urlopen(urllib.request.Request(url, headers={"x-key": key}), timeout=60) as r:
        return json.load(r)


async def naive_job(flux: str, key: str, image: str, mask: str) -> bool:
    """The FLUX job written without care for the event loop: blocking urllib and time.sleep in a coroutine."""
    body = json.dumps({"prompt": "a red hat", "image": image, "mask": mask, "steps": 20, "output_format": "png"}).encode()
    submit = urllib.request.Request(f"{flux}/flux-pro-1.0-fill", data=body, headers={"x-key": key, "content-type": "application/json"})
    with urllib.request.urlopen(submit, timeout=60) as r:
        task = json.load(r)
    while True:
        time.sleep(NAIVE_POLL_S)
        poll = _get_json(task["polling_url"], key)
        if poll["status"] == "Ready":
            break
    with urllib.request.urlopen(poll["result"]["sample"], timeout=60) as r:
        return len(r.read()) > 0


async def naive_phase(args: argparse.Namespace) -> dict[str, Any]:
    image = base64.b64encode(_png(80, 60, lambda x, y: bytes([x * 3 % 256, y * 4 % 256, 120]))).decode()
    mask = base64.b64encode(_png(80, 60, lambda x, y: b"\xff\xff\xff" if 20 <= x < 60 else b"\x00\x00\x00")).decode()

    async def jobs() -> int:
        return sum(await asyncio.gather(*(naive_job(args.flux, args.key, image, mask) for _ in range(args.clicks))))

    return await measured(jobs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    for name in ("sidecar", "token", "flux", "key"):
        parser.add_argument(f"--{name}", required=True)
    parser.add_argument("--clicks", type=int, default=10)
    args = parser.parse_args()
    shim = asyncio.run(shim_phase(args))
    naive = asyncio.run(naive_phase(args))
    print(json.dumps({"shim": shim, "baseline": naive}))


if __name__ == "__main__":
    main()
