"""An Open WebUI server of one version for browser tests: the real function, loaded by the harness, behind HTTP.

Its page (test/browser/owui/page.html) plays that version's chat page. What the server does mirrors Open WebUI
(each rule traced in test/browser/owui/TRACE.md; what differs by version is in owui_versions.py):
- POST /api/chat/actions/{id} runs the action like `chat_action` and answers when it returns;
- events go to the page (socket.io in Open WebUI, a long-poll here) and the types the version persists are also
  written to the stored message, as socket/main.py `get_event_emitter` does;
- `__event_call__` waits for the page's answer with the version's timeout: socket.io's 60 s before
  WEBSOCKET_EVENT_CALLER_TIMEOUT existed (the call raises), that setting (default none) after; from 0.10 a
  timeout returns an error, and on 0.11 it also drops the page's session, so later calls answer
  'Client session disconnected.';
- GET/POST /api/v1/chats/{id} read and save the chat (before 0.10 the page's history replaces the stored one,
  from 0.10 the server merges it: Chats.merge_history).
Test-only routes live under /__test__/ (make a chat, read the stored chat and whether a session still runs).

Usage: python3 owui_server.py --version 0.11.0 --valves '{"SIDECAR_URL": ...}'   (prints "owui at http://127.0.0.1:PORT")
"""

import argparse
import asyncio
import base64
import copy
import itertools
import json
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from owui_harness import (
    SESSION_TASK,
    Chat,
    OpenWebUI,
    _persist,
    installed,
    load_function,
    merge_history,
)
from owui_versions import NEWEST, VERSIONS, page_flags

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "test" / "browser" / "owui" / "page.html"
SHIM = ROOT / "python-shim" / "flux_inpaint.py"
# socket/main.py builds socketio.AsyncServer(...) without max_http_buffer_size: python-engineio's default,
# 1,000,000 bytes, caps every message the page sends, an event call's answer included.
MAX_SOCKET_MESSAGE = 1_000_000


def _png(width: int, height: int, sun: tuple[int, int, int] = (250, 210, 60)) -> bytes:
    """A picture to edit: a sky, a sun and a meadow, as PNG (standard library only)."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            if (x - width * 0.7) ** 2 + (y - height * 0.3) ** 2 < (height * 0.12) ** 2:
                rows += bytes(sun)
            elif y > height * 0.62:
                rows += bytes((60, 150 + (x * 7 + y * 3) % 40, 70))
            else:
                rows += bytes((110 + y * 80 // height, 170 + y * 60 // height, 235))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
        )

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows)))
        + chunk(b"IEND", b"")
    )


class Server:
    def __init__(self, version: str, valves: dict, event_call_timeout: int | None) -> None:
        self.version, self.valves = VERSIONS[version], valves
        self.owui = OpenWebUI(Path(tempfile.mkdtemp(prefix="owui-server-")))
        self.owui.event_call_timeout = event_call_timeout
        self.user = self.owui.add_user("u1")
        self.owui.completion = lambda form, user: {
            "choices": [{"message": {"content": "A red hat on the sun, cartoon style"}}]
        }
        self.events: list[dict] = []
        self.wake = asyncio.Event()
        # The page has handled every event up to this one (it asks for the next ones only after).
        self.handled = 0
        self.progress = asyncio.Event()
        self.answers: dict[str, asyncio.Future] = {}
        self.ids = itertools.count(1)
        self.dropped_sessions: set[str] = set()
        self.call_sessions: dict[str, str] = {}  # call id -> the page socket it went to
        self.dead_sockets: set[str] = set()
        self.largest_answer = 0  # bytes of the largest event-call answer the page sent  # closed sockets whose calls are never answered (before 0.10)
        self.socketio_timeout = (
            60.0  # python-socketio's `call` default, before WEBSOCKET_EVENT_CALLER_TIMEOUT
        )
        self.actions_running = 0

    # --- chats the tests start from, in the forms this version's Open WebUI writes ------------------------------

    def make_chat(self, scenario: str, size: tuple[int, int] = (480, 320)) -> str:
        chat = Chat(id=f"chat-{len(self.owui.chats) + 1}", version=self.version.version)
        self.owui.chats[chat.id] = chat
        meadow = self.owui.add_file("u1", "meadow.png", _png(*size))
        if (
            scenario == "generated"
        ):  # this version's image generation: markdown up to 0.6.4, a `files` event from 0.6.5
            scenario = "files" if self.version.generated_in_files else "markdown"
        if scenario == "markdown":  # image generation up to 0.6.4, many tools still
            chat.add("user", "Paint me a sunny meadow")
            chat.add("assistant", f"Here is your meadow:\n\n![meadow]({meadow})")
        elif scenario == "files":  # image generation from 0.6.5, most image tools: a `files` event
            chat.add("user", "Paint me a sunny meadow")
            chat.add("assistant", "Here is your meadow:", files=[{"type": "image", "url": meadow}])
        elif scenario == "upload":  # the user's own picture, as MessageInput.svelte attaches it
            file_id = meadow.split("/")[4]
            png = _png(*size)
            if self.version.uploads_by_id:
                meta = {"name": "meadow.png", "content_type": "image/png", "size": len(png)}
                upload = {
                    "type": "file",
                    "file": {"id": file_id, "filename": "meadow.png", "meta": meta},
                    "id": file_id,
                    "url": file_id,
                    "name": "meadow.png",
                    "collection_name": "",
                    "status": "uploaded",
                    "size": len(png),
                    "error": "",
                    "itemId": "a1b2c3",
                    "content_type": "image/png",
                }
            else:
                upload = {
                    "type": "image",
                    "url": "data:image/png;base64," + base64.b64encode(png).decode(),
                }
            chat.add("user", "Here is my meadow. Can you make it sunnier?", files=[upload])
            chat.add("assistant", "What a nice meadow! Use Inpaint to change a part of it.")
        else:
            raise ValueError(f"unknown scenario {scenario}")
        # A later turn, so the image is in an older message.
        chat.add("user", "Thanks! And a word about meadows?")
        chat.add("assistant", "Meadows are open grasslands, full of flowers in spring.")
        return chat.id

    # --- the socket, as a long-poll -------------------------------------------------------------------------------

    def push(self, event: dict) -> None:
        self.events.append({"seq": len(self.events) + 1, **event})
        self.wake.set()
        self.wake = asyncio.Event()

    def emitter(self, chat_id: str, message_id: str):
        async def __event_emitter__(event: dict) -> None:
            self.push({"chat_id": chat_id, "message_id": message_id, "data": event})
            stored = self.owui.chats[chat_id].history["messages"].get(message_id)
            if stored is not None and event.get("type") in self.version.persisted_events:
                _persist(stored, event)

        return __event_emitter__

    def event_caller(self, chat_id: str, message_id: str, session_id: str):
        async def __event_call__(event: dict) -> Any:
            if session_id in self.dropped_sessions:
                return {"error": "Client session disconnected."}
            if (
                session_id in self.dead_sockets
            ):  # python-socketio's call to a gone sid waits for its timeout
                await asyncio.sleep(self.owui.event_call_timeout or self.socketio_timeout)
                raise TimeoutError
            call_id = f"call-{next(self.ids)}"
            future = asyncio.get_running_loop().create_future()
            self.answers[call_id] = future
            self.call_sessions[call_id] = session_id
            self.push(
                {"chat_id": chat_id, "message_id": message_id, "data": event, "call": call_id}
            )
            timeout = (
                self.owui.event_call_timeout
                if self.version.event_call_timeout
                else self.socketio_timeout
            )
            try:
                return await asyncio.wait_for(future, timeout)
            except TimeoutError:
                if not self.version.timeout_error_reply:
                    raise  # socketio.exceptions.TimeoutError reaches the function
                if self.version.timeout_drops_session:
                    self.dropped_sessions.add(session_id)
                return {"error": "Event call timed out. The browser tab may be inactive or closed."}
            finally:
                self.answers.pop(call_id, None)
                self.call_sessions.pop(call_id, None)

        return __event_call__

    # --- the action ----------------------------------------------------------------------------------------------

    async def run_action(self, body: dict) -> Any:
        model_item = body.pop("model_item", {}) or {}
        action, _ = load_function(SHIM)
        action.valves = action.Valves(**self.valves)
        self.actions_running += 1
        try:
            return await action.action(
                body,
                __user__=self.user.model_dump(),
                __event_emitter__=self.emitter(body["chat_id"], body["id"]),
                __event_call__=self.event_caller(body["chat_id"], body["id"], body["session_id"]),
                __request__=None,
                __id__="flux_inpaint",
                __model__={**model_item, "id": body.get("model")},
            )
        finally:
            self.actions_running -= 1

    async def delivered(self, seq: int) -> None:
        """socket.io writes each emit to the page's websocket as it happens, so the page has the events an action
        emitted before the action's HTTP answer reaches it. A long-poll would let the answer overtake them."""
        while self.handled < seq:
            try:
                await asyncio.wait_for(self.progress.wait(), 5)
            except TimeoutError:
                return  # the page is gone

    def busy(self) -> int:
        return self.actions_running + sum(
            1 for t in asyncio.all_tasks() if t.get_name() == SESSION_TASK and not t.done()
        )

    def save_chat(self, chat: Chat, incoming: dict) -> None:
        """routers/chats.py update_chat_by_id: `{**chat.chat, **form_data.chat}`, and from 0.10 merge_history."""
        if "history" in incoming:
            chat.history = (
                merge_history(chat.history, incoming["history"])
                if self.version.merge_history
                else incoming["history"]
            )

    # --- HTTP ----------------------------------------------------------------------------------------------------

    async def handle(
        self, method: str, path: str, query: str, body: bytes
    ) -> tuple[int, str, bytes]:
        parts = path.strip("/").split("/")

        def ok(value: Any) -> tuple[int, str, bytes]:
            return 200, "application/json", json.dumps(value).encode()

        if method == "GET" and (path == "/" or path.startswith("/c/")):
            return 200, "text/html; charset=utf-8", PAGE.read_bytes()
        if method == "GET" and path == "/api/config":
            return ok(page_flags(self.version.version))
        if parts[:3] == ["api", "v1", "chats"] and len(parts) == 4 and parts[3] in self.owui.chats:
            chat = self.owui.chats[parts[3]]
            if method == "POST":
                self.save_chat(chat, json.loads(body)["chat"])
            return ok({"id": chat.id, "chat": {"history": chat.history}})
        if method == "GET" and path == "/__socket__/connect":
            return ok({"seq": len(self.events)})
        if method == "GET" and path == "/__socket__/events":
            after = int(
                dict(p.split("=", 1) for p in query.split("&") if "=" in p).get("after", "0")
            )
            self.handled = max(self.handled, after)
            self.progress.set()
            self.progress = asyncio.Event()
            if len(self.events) <= after:
                try:
                    await asyncio.wait_for(self.wake.wait(), 20)
                except TimeoutError:
                    pass
            return ok(self.events[after:])
        if method == "POST" and parts[:2] == ["__socket__", "answer"]:
            self.largest_answer = max(self.largest_answer, len(body))
            if len(body) > MAX_SOCKET_MESSAGE:
                # python-engineio closes the socket on a larger message: the call is never answered, and that
                # socket's session is gone for later calls (0.10+ answer so; before, they time out).
                session = self.call_sessions.get(parts[2])
                if session and self.version.timeout_error_reply:
                    self.dropped_sessions.add(session)
                elif session:
                    self.dead_sockets.add(session)
                return 413, "text/plain", b""
            future = self.answers.get(parts[2])
            if future and not future.done():
                future.set_result(json.loads(body) if body else None)
            return 204, "text/plain", b""
        if method == "POST" and path == "/api/chat/actions/flux_inpaint":
            result = await self.run_action(json.loads(body))
            await self.delivered(len(self.events))
            return ok(result)
        if (
            method == "GET"
            and parts[:3] == ["api", "v1", "files"]
            and len(parts) == 5
            and parts[4] == "content"
        ):
            file = self.owui.files.get(parts[3])
            if file is None or not file.path:
                return 404, "application/json", b'{"detail":"Not found"}'
            return (
                200,
                (file.meta or {}).get("content_type", "application/octet-stream"),
                await asyncio.to_thread(Path(file.path).read_bytes),
            )
        if method == "POST" and path == "/__test__/chats":
            asked = json.loads(body)
            return ok(
                {"id": self.make_chat(asked["scenario"], tuple(asked.get("size", (480, 320))))}
            )
        if method == "GET" and path == "/__test__/socket":
            return ok({"largest_answer": self.largest_answer})
        if method == "GET" and parts[:2] == ["__test__", "chats"] and len(parts) == 3:
            return ok(
                {"history": copy.deepcopy(self.owui.chats[parts[2]].history), "busy": self.busy()}
            )
        return 404, "application/json", b'{"detail":"Not Found"}'

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request = (await reader.readline()).decode("latin-1").split()
            headers: dict[str, str] = {}
            while (line := await reader.readline()).strip():
                name, _, value = line.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            path, _, query = request[1].partition("?")
            status, kind, data = await self.handle(request[0], path, query, body)
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
    parser.add_argument("--version", default=NEWEST, choices=sorted(VERSIONS))
    parser.add_argument(
        "--event-call-timeout",
        type=int,
        default=None,
        help="WEBSOCKET_EVENT_CALLER_TIMEOUT, where the version has it",
    )
    parser.add_argument("--valves", required=True)
    args = parser.parse_args()
    server = Server(args.version, json.loads(args.valves), args.event_call_timeout)
    with installed(server.owui, args.version):
        listener = await asyncio.start_server(server.serve, "127.0.0.1", args.port)
        port = listener.sockets[0].getsockname()[1]
        print(f"owui at http://127.0.0.1:{port}", flush=True)
        async with listener:
            await listener.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
