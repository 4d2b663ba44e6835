"""A small Open WebUI server for browser tests: the real function, loaded by the harness, behind HTTP.

Its page (test/browser/owui/page.html) plays Open WebUI's chat page. What the server does mirrors Open WebUI:
- POST /api/chat/actions/{id} runs the action like `chat_action` (utils/chat.py) and answers when it returns;
- events go to the page (socket.io `chat-events` in Open WebUI, a long-poll here) and `status`, `message` and
  `replace` are also written to the stored chat, as socket/main.py `get_event_emitter` does;
- `__event_call__` waits for the page's answer (`sio.call`), with no timeout, as Open WebUI has none;
- GET/POST /api/chat read and overwrite the stored chat (the page saves its copy after an action returns).

Usage: python3 owui_server.py --port 0 --valves '{"SIDECAR_URL": ...}'   (prints "owui at http://127.0.0.1:PORT")
"""

import argparse
import asyncio
import itertools
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from owui_harness import SESSION_TASK, Chat, OpenWebUI, _persist, installed, load_function  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "test" / "browser" / "owui" / "page.html"
SHIM = ROOT / "python-shim" / "flux_inpaint.py"


def _png(width: int, height: int) -> bytes:
    """A picture to edit: a sky, a sun and a meadow, as PNG (standard library only)."""
    import zlib

    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            if (x - width * 0.7) ** 2 + (y - height * 0.3) ** 2 < (height * 0.12) ** 2:
                rows += bytes((250, 210, 60))
            elif y > height * 0.62:
                rows += bytes((60, 150 + (x * 7 + y * 3) % 40, 70))
            else:
                rows += bytes((110 + y * 80 // height, 170 + y * 60 // height, 235))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows))) + chunk(b"IEND", b"")


class Server:
    def __init__(self, valves: dict) -> None:
        self.valves = valves
        self.owui = OpenWebUI(Path(tempfile.mkdtemp(prefix="owui-server-")))
        self.user = self.owui.add_user("u1")
        self.owui.completion = lambda form, user: {"choices": [{"message": {"content": "A red hat on the sun, cartoon style"}}]}
        self.chat = Chat()
        self.owui.chats[self.chat.id] = self.chat
        self.chat.add("user", "Paint me a sunny meadow")
        url = self.owui.add_file("u1", "meadow.png", _png(480, 320))
        self.chat.add("assistant", f"Here is your meadow:\n\n![meadow]({url})")
        self.events: list[dict] = []
        self.wake = asyncio.Event()
        self.answers: dict[str, asyncio.Future] = {}
        self.ids = itertools.count(1)
        self.actions_running = 0

    # --- the socket, as a long-poll -------------------------------------------------------------------------------

    def push(self, event: dict) -> None:
        self.events.append({"seq": len(self.events) + 1, **event})
        self.wake.set()
        self.wake = asyncio.Event()

    def emitter(self, message_id: str):
        async def __event_emitter__(event: dict) -> None:
            self.push({"chat_id": self.chat.id, "message_id": message_id, "data": event})
            stored = self.chat.history["messages"].get(message_id)
            if stored is not None and event.get("type") in ("status", "message", "replace"):
                _persist(stored, event)

        return __event_emitter__

    async def event_call(self, message_id: str, event: dict) -> Any:
        call_id = f"call-{next(self.ids)}"
        future = asyncio.get_running_loop().create_future()
        self.answers[call_id] = future
        self.push({"chat_id": self.chat.id, "message_id": message_id, "data": event, "call": call_id})
        try:
            return await future
        finally:
            self.answers.pop(call_id, None)

    # --- the action ----------------------------------------------------------------------------------------------

    async def run_action(self, body: dict) -> dict:
        message_id = body["id"]
        action, _ = load_function(SHIM)
        action.valves = action.Valves(**self.valves)

        async def call(event: dict) -> Any:
            return await self.event_call(message_id, event)

        self.actions_running += 1
        try:
            await action.action(
                body,
                __user__=self.user.model_dump(),
                __event_emitter__=self.emitter(message_id),
                __event_call__=call,
                __request__=None,
                __id__="flux_inpaint",
                __model__={"id": body.get("model")},
            )
        finally:
            self.actions_running -= 1
        return {}

    def background_sessions(self) -> int:
        return sum(1 for t in asyncio.all_tasks() if t.get_name() == SESSION_TASK and not t.done())

    # --- HTTP ----------------------------------------------------------------------------------------------------

    async def handle(self, method: str, path: str, body: bytes) -> tuple[int, str, bytes]:
        if method == "GET" and path == "/":
            return 200, "text/html; charset=utf-8", PAGE.read_bytes()
        if method == "GET" and path == "/api/chat":
            state = {"id": self.chat.id, "history": self.chat.history, "busy": self.actions_running + self.background_sessions()}
            return 200, "application/json", json.dumps(state).encode()
        if method == "POST" and path == "/api/chat":
            self.chat.history = json.loads(body)["history"]
            return 200, "application/json", b"{}"
        if method == "GET" and path.startswith("/api/events"):
            after = int(path.partition("after=")[2] or 0)
            if len(self.events) <= after:
                try:
                    await asyncio.wait_for(self.wake.wait(), 20)
                except asyncio.TimeoutError:
                    pass
            return 200, "application/json", json.dumps(self.events[after:]).encode()
        if method == "POST" and path.startswith("/api/events/"):
            future = self.answers.get(path.rsplit("/", 1)[1])
            if future and not future.done():
                future.set_result(json.loads(body) if body else None)
            return 204, "text/plain", b""
        if method == "POST" and path == "/api/chat/actions/flux_inpaint":
            return 200, "application/json", json.dumps(await self.run_action(json.loads(body))).encode()
        if method == "GET" and path.startswith("/api/v1/files/") and path.endswith("/content"):
            file = self.owui.files.get(path.split("/")[4])
            if file is None:
                return 404, "application/json", b'{"detail":"Not found"}'
            return 200, file.meta.get("content_type", "application/octet-stream"), Path(file.path).read_bytes()
        return 404, "application/json", b'{"detail":"Not Found"}'

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request = (await reader.readline()).decode("latin-1").split()
            headers: dict[str, str] = {}
            while (line := await reader.readline()).strip():
                name, _, value = line.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            status, kind, data = await self.handle(request[0], request[1], body)
        except Exception as e:  # A test server: say what broke instead of hanging the page.
            status, kind, data = 500, "text/plain", f"{type(e).__name__}: {e}".encode()
        head = f"HTTP/1.1 {status} X\r\nContent-Type: {kind}\r\nContent-Length: {len(data)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
        writer.write(head.encode() + data)
        try:
            await writer.drain()
        finally:
            writer.close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--valves", required=True)
    args = parser.parse_args()
    server = Server(json.loads(args.valves))
    with installed(server.owui, "async"):
        # Open WebUI's get_event_emitter reaches the page too: the harness's stand-in only writes the chat.
        sys.modules["open_webui.socket.main"].get_event_emitter = lambda info, update_db=True: server.emitter(info["message_id"])
        listener = await asyncio.start_server(server.serve, "127.0.0.1", args.port)
        port = listener.sockets[0].getsockname()[1]
        print(f"owui at http://127.0.0.1:{port}", flush=True)
        async with listener:
            await listener.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
