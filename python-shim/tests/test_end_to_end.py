"""The function against the real sidecar and the fake FLUX server, both started here with Node.

No browser: the driver stands in for the page and the editor. It answers the host script's `execute` calls the
way the page would (the script's JSON arguments in, the editor's messages out) and submits a painted mask.
"""

import asyncio
import base64
import json
import os
import re
import subprocess
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from owui_harness import Chat, OpenWebUI, run_action

ROOT = Path(__file__).resolve().parents[2]
SHIM = ROOT / "python-shim" / "flux_inpaint.py"
TOKEN = "e2e-token-0123456789abcdef"
FLUX_KEY = "e2e-flux-key-0123456789"


def _png(width: int, height: int, pixel: Any) -> bytes:
    """A PNG from a function (x, y) -> bytes of one RGB pixel, written with the standard library only."""
    rows = b"".join(b"\x00" + b"".join(pixel(x, y) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
        )

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _spawn(args: list[str], env: dict[str, str], pattern: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        args,
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if match := re.search(pattern, line):
            return proc, match.group(1)
    raise RuntimeError(f"{args} did not start")


@pytest.fixture(scope="module")
def servers() -> Iterator[dict[str, str]]:
    node = ["node", "--import", "tsx"]
    fake, flux_url = _spawn(
        [*node, "test/fake-flux/main.ts", "--port", "0", "--latency", "800", "--key", FLUX_KEY],
        {},
        r"fake FLUX API at (\S+)",
    )
    origin = flux_url.rsplit("/v1", 1)[0]
    env = {
        "FLUX_INPAINT_PORT": "0",
        "FLUX_INPAINT_DATA_DIR": tempfile.mkdtemp(prefix="flux-e2e-"),
        "FLUX_INPAINT_TOKEN": TOKEN,
        "FLUX_INPAINT_RESULT_HOSTS": origin,
        "FLUX_INPAINT_POLL_INTERVAL_S": "0.2",
        "LOG_LEVEL": "warn",
    }
    sidecar, sidecar_url = _spawn([*node, "src/main.ts"], env, r"^flux-inpaint (http://\S+)")
    try:
        yield {"sidecar": sidecar_url, "flux": flux_url}
    finally:
        for proc in (sidecar, fake):
            proc.terminate()
            proc.wait(10)


class EditorDriver:
    """The page: runs no JavaScript, but answers the host script's calls as the page and the editor would."""

    def __init__(self, prompt: str, chat: Chat) -> None:
        self.prompt, self.chat = prompt, chat
        self.bundled = False
        self.init: dict | None = None
        self.sent_submit = False
        self.seen: list[str] = []
        self.ended: str | None = None

    def __call__(self, event: dict) -> Any:
        code = event["data"]["code"]
        self.seen.append(code)
        # Each call defines the host script, then calls it: `shows(id, probe, ms)` or `relay({...})`.
        shows = re.search(r'__fluxInpaintHost\.shows\("[\w-]+", "([\w-]+)"', code)
        if shows:  # The check that the page shows the new message: the harness page always does.
            return {"shown": True, "probe": shows.group(1)}
        args = json.loads(
            re.search(r"__fluxInpaintHost\.relay\((\{.*\})\);\n\} catch", code, re.S).group(1)
        )
        if args["awaitSave"] is not None:
            return self.await_save(args["awaitSave"] / 1000)
        if args["end"]:
            self.ended = args["end"]["message"]
            return {"ok": True, "inbox": [], "frame": True}
        inbox: list[dict] = []
        if args["bundle"]:
            self.bundled = True
            inbox = [{"type": "hello"}, {"type": "request", "rid": "1", "method": "init"}]
        for message in args["outbox"]:
            if message.get("type") == "response" and message.get("rid") == "1":
                self.init = message["value"]
                image = self.init["images"][0]
                mask = _png(
                    40,
                    30,
                    lambda x, y: (
                        b"\xff\xff\xff" if 10 <= x < 30 and 8 <= y < 22 else b"\x00\x00\x00"
                    ),
                )
                params = {
                    "model": "fill",
                    "prompt": self.prompt,
                    "image": {"ref": image["ref"]},
                    "mask": base64.b64encode(mask).decode(),
                    "params": {"steps": 20},
                    "output_format": "png",
                }
                inbox.append({"type": "request", "rid": "2", "method": "submit", "params": params})
                self.sent_submit = True
        return {"ok": True, "inbox": inbox, "needBundle": not self.bundled, "frame": True}

    async def await_save(self, seconds: float) -> dict:
        """The page's own save of the chat when the action returns (the harness makes it as Chat.svelte does)."""
        for _ in range(int(seconds * 20)):
            if self.chat.page is None:
                break
            await asyncio.sleep(0.05)
        return {"ok": True, "saved": self.chat.page is None, "locale": "de-DE"}


@pytest.mark.parametrize("version", ["0.6.43", "0.11.0"])
def test_click_paint_send_puts_the_edited_image_in_the_chat(
    servers: dict[str, str], version: str, tmp_path: Path
) -> None:
    owui = OpenWebUI(tmp_path)
    user = owui.add_user("u1")
    picture = _png(80, 60, lambda x, y: bytes([x * 3 % 256, y * 4 % 256, 120]))
    picture_url = owui.add_file("u1", "cat.png", picture)
    chat = Chat()
    chat.add("user", "draw a cat")
    original = "Here is your cat:"
    clicked = chat.add("assistant", original, files=[{"type": "image", "url": picture_url}])
    owui.completion = lambda form, user: {"choices": [{"message": {"content": "a red hat"}}]}
    driver = EditorDriver("ein roter Hut", chat)
    valves = {
        "SIDECAR_URL": servers["sidecar"],
        "SIDECAR_TOKEN": TOKEN,
        "FLUX_API_URL": servers["flux"],
        "FLUX_API_KEY": FLUX_KEY,
    }

    run = asyncio.run(
        asyncio.wait_for(
            run_action(SHIM, None, valves, user, driver, version, owui=owui, chat=chat), 60
        )
    )

    events = [e["data"].get("description") for e in run.chat.events if e.get("type") == "status"]
    assert driver.init and driver.init["images"][0]["width"] == 80, events
    assert driver.ended
    statuses = [s["description"] for s in run.chat.message(clicked["id"]).get("statusHistory", [])]
    assert statuses[-1].startswith("Done in"), statuses
    if version == "0.11.0":
        # The action returns at Send, so Open WebUI's own save of the chat comes before the result message.
        assert run.detached
        assert run.chat.message(clicked["id"])["content"] == original
        result = run.chat.messages[-1]
        assert result["parentId"] == clicked["id"] and result["role"] == "assistant"
        assert run.chat.message(clicked["id"])["childrenIds"] == [result["id"]]
        text = result["content"]
    else:
        # Before 0.11 the page cannot show a message written into the stored chat: the clicked message takes it.
        assert (
            run.chat.messages[-1]["id"] == clicked["id"]
            and run.chat.message(clicked["id"])["childrenIds"] == []
        )
        text = run.chat.message(clicked["id"])["content"]
        assert text.startswith(original)
    assert run.chat.message(clicked["id"])["files"] == [{"type": "image", "url": picture_url}]
    url = re.search(r"\]\((/api/v1/files/([\w-]+)/content)\)", text)
    assert url, text
    saved = owui.files[url.group(2)]
    assert saved.user_id == "u1" and Path(saved.path).read_bytes().startswith(b"\x89PNG")
    assert "Prompt: ein roter Hut" in text and "English: a red hat" in text
    assert owui.completions[0]["model"] == "test-model"
    # Keys stay on the server: nothing sent to the page contains them.
    page = "\n".join(driver.seen)
    assert FLUX_KEY not in page and TOKEN not in page


def test_a_wrong_token_reads_as_what_to_fix(servers: dict[str, str], tmp_path: Path) -> None:
    owui = OpenWebUI(tmp_path)
    user = owui.add_user("u1")
    chat = Chat()
    chat.add("user", "draw a cat")
    chat.add(
        "assistant",
        "Here is your cat:",
        files=[
            {
                "type": "image",
                "url": owui.add_file("u1", "cat.png", _png(8, 8, lambda x, y: b"\x10\x20\x30")),
            }
        ],
    )
    driver = EditorDriver("a hat", chat)
    valves = {
        "SIDECAR_URL": servers["sidecar"],
        "SIDECAR_TOKEN": "not-the-token",
        "FLUX_API_URL": servers["flux"],
    }

    run = asyncio.run(
        asyncio.wait_for(
            run_action(SHIM, None, valves, user, driver, "0.11.0", owui=owui, chat=chat), 30
        )
    )

    statuses = [e["data"]["description"] for e in run.chat.events if e.get("type") == "status"]
    # The real sidecar's proof does not match the valve's token: the function sends nothing more and says so.
    assert statuses == [
        f"The service at {servers['sidecar']} could not prove it knows SIDECAR_TOKEN, so nothing was sent to it: check that SIDECAR_URL points to your sidecar, that it is as new as this function, and that SIDECAR_TOKEN is its token."
    ]
    assert driver.seen == [] and not owui.files.keys() - {
        chat.messages[-1]["files"][0]["url"].split("/")[4]
    }
