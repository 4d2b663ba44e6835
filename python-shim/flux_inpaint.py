"""
title: FLUX Inpaint
author: flux-inpaint
version: 1.0.0
license: MIT
required_open_webui_version: 0.5.0
description: Paint over part of an image in the chat and let FLUX redraw it. Needs the flux-inpaint sidecar (npx flux-inpaint).
icon_url: data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAyNCAyNCIgZmlsbD0ibm9uZSIgc3Ryb2tlPSIjOGE4YThhIiBzdHJva2Utd2lkdGg9IjIiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgc3Ryb2tlLWxpbmVqb2luPSJyb3VuZCI+PHBhdGggZD0iTTE4LjQgMi42YTIgMiAwIDAgMSAyLjkgMi45TDExIDE1LjggOC4yIDEzeiIvPjxwYXRoIGQ9Ik03IDE0LjVjLTIgMC0zLjUgMS41LTMuNSAzLjUgMCAxLjQtLjggMi4yLTEuNSAyLjUgMSAuOSAyLjQgMS41IDQgMS41IDIuNSAwIDQuNS0yIDQuNS00LjV6Ii8+PC9zdmc+Cg==
"""

import asyncio
import base64
import binascii
import inspect
import io
import json
import logging
import mimetypes
import re
import ssl
import time
import uuid
from pathlib import Path
from typing import Any, AsyncIterator, Awaitable, Callable, Literal
from urllib.parse import unquote, urlsplit

from pydantic import BaseModel, Field

log = logging.getLogger("flux_inpaint")
Emitter = Callable[[dict], Awaitable[Any]]
# The sidecar pings every 15 s; this much silence means the connection is dead, not merely quiet.
IDLE_TIMEOUT_S = 60.0
CONNECT_TIMEOUT_S = 10.0
FILE_URL = re.compile(r"^/api/v1/files/([\w-]+)/content/?$")
# Sessions that outlive their action call (after `detach`): referenced here so they are not garbage-collected.
SESSIONS: set[asyncio.Task] = set()


class OpError(Exception):
    """A failure the sidecar is told about in the op's reply, with one of the protocol's error codes."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


async def _call(f: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Runs an Open WebUI helper off the event loop: plain functions before 0.9 (may hit the DB or S3), coroutines since."""
    result = await asyncio.to_thread(f, *args, **kwargs)
    return await result if inspect.isawaitable(result) else result


class HttpResponse:
    """A minimal HTTP/1.1 response read from asyncio streams, so no request ever blocks the event loop."""

    def __init__(self, status: int, headers: dict[str, str], reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.status, self.headers, self._reader, self._writer = status, headers, reader, writer

    async def _read(self, op: Awaitable[bytes]) -> bytes:
        return await asyncio.wait_for(op, IDLE_TIMEOUT_S)

    async def chunks(self) -> AsyncIterator[bytes]:
        if "chunked" in self.headers.get("transfer-encoding", "").lower():
            while size := int((await self._read(self._reader.readline())).split(b";")[0].strip() or b"0", 16):
                yield await self._read(self._reader.readexactly(size))
                await self._read(self._reader.readexactly(2))
        elif "content-length" in self.headers:
            yield await self._read(self._reader.readexactly(int(self.headers["content-length"])))
        else:
            while data := await self._read(self._reader.read(65536)):
                yield data

    async def lines(self) -> AsyncIterator[bytes]:
        # Splits only each new chunk, so a multi-megabyte line costs linear time.
        pending = bytearray()
        async for chunk in self.chunks():
            *complete, rest = chunk.split(b"\n")
            for piece in complete:
                yield bytes(pending + piece) if pending else piece
                pending.clear()
            pending += rest
        if pending.strip():
            yield bytes(pending)

    async def body(self) -> bytes:
        return b"".join([chunk async for chunk in self.chunks()])

    def close(self) -> None:
        self._writer.close()


async def http_post(base_url: str, path: str, token: str, payload: dict) -> HttpResponse:
    url = urlsplit(base_url)
    tls = ssl.create_default_context() if url.scheme == "https" else None
    connect = asyncio.open_connection(url.hostname, url.port or (443 if tls else 80), ssl=tls)
    reader, writer = await asyncio.wait_for(connect, CONNECT_TIMEOUT_S)
    data = (await asyncio.to_thread(json.dumps, payload)).encode()
    head = (
        f"POST {url.path.rstrip('/')}{path} HTTP/1.1\r\nHost: {url.netloc}\r\nAuthorization: Bearer {token}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\nConnection: close\r\n\r\n"
    )
    writer.write(head.encode() + data)
    await writer.drain()
    status_line = await asyncio.wait_for(reader.readline(), IDLE_TIMEOUT_S)
    headers: dict[str, str] = {}
    while (line := await asyncio.wait_for(reader.readline(), IDLE_TIMEOUT_S)).strip():
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    return HttpResponse(int(status_line.split()[1]), headers, reader, writer)


def _read_b64(path: Path) -> str:
    return base64.b64encode(path.read_bytes()).decode()


def _mime_of(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


class Bridge:
    """One click on the button: opens a sidecar session and runs the ops it streams until `done`."""

    def __init__(self, valves: "Action.Valves", body: dict, user: dict, emit: Emitter, event_call: Emitter | None, request: Any) -> None:
        self.valves, self.body, self.user, self.emit, self.event_call, self.request = valves, body, user, emit, event_call, request
        self.session = ""
        self.call_lock = asyncio.Lock()
        self.detached: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.tasks: set[asyncio.Task] = set()

    def _debug(self, text: str) -> None:
        if self.valves.DEBUG:
            log.info("flux_inpaint: %s", text)

    async def run(self, action_id: str) -> str | None:
        """Returns a status for the user when the session could not run to `done`."""
        url = self.valves.SIDECAR_URL.rstrip("/")
        try:
            response = await http_post(url, "/v1/sessions", self.valves.SIDECAR_TOKEN, await self._opening(action_id))
        except (OSError, asyncio.TimeoutError, ValueError, IndexError):
            return f"Inpaint sidecar not reachable at {url}: start it with `npx flux-inpaint` (or see the README) and check the SIDECAR_URL valve."
        try:
            if response.status == 401:
                return f"The inpaint sidecar at {url} refused the wrong SIDECAR_TOKEN: copy the token it printed on first start (also in <data dir>/token) into the SIDECAR_TOKEN valve."
            if response.status != 200:
                return await self._http_error(response)
            async for line in response.lines():
                if line.strip() and await self._dispatch(json.loads(line) if len(line) < 1 << 20 else await asyncio.to_thread(json.loads, line)):
                    return None
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError):
            pass
        finally:
            response.close()
            for task in self.tasks:
                task.cancel()
        return "The inpaint sidecar stopped. A job that was running is kept: its result is added to this chat the next time you click Inpaint here."

    async def _opening(self, action_id: str) -> dict:
        try:
            from open_webui.env import VERSION as owui_version
        except ImportError:
            owui_version = None
        language = ((self.user.get("settings") or {}).get("ui") or {}).get("language")
        user = {"id": str(self.user.get("id", "")), "name": self.user.get("name"), "role": self.user.get("role"), "language": language}
        return {"protocol": 1, "action_id": action_id, "body": self.body, "user": user, "valves": self.valves.model_dump(), "owui": {"version": owui_version}}

    async def _http_error(self, response: HttpResponse) -> str:
        try:
            return f"Inpaint sidecar error: {json.loads(await response.body())['error']['message']}"
        except (ValueError, KeyError, TypeError, OSError, asyncio.TimeoutError, asyncio.IncompleteReadError):
            return f"Inpaint sidecar answered HTTP {response.status}: check the sidecar's log."

    async def _dispatch(self, op: dict) -> bool:
        """Handles one op; True once the session is done."""
        kind = op.get("op")
        self._debug(f"op {kind}")
        if kind == "hello":
            self.session = str(op.get("session", ""))
        elif kind == "emit":
            await self.emit(op.get("event") or {})
        elif kind == "detach" and not self.detached.done():
            self.detached.set_result(None)
        elif kind == "done":
            return True
        elif "id" in op:
            task = asyncio.create_task(self._answer(op))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
        return False

    async def _answer(self, op: dict) -> None:
        handlers = {
            "call": self._op_call, "read_image": self._op_read_image, "save_image": self._op_save_image,
            "complete": self._op_complete, "add_message": self._op_add_message, "remove_message": self._op_remove_message,
        }
        handler = handlers.get(op.get("op", ""))
        try:
            if handler is None:
                raise OpError("unknown_op", f"This function does not know the op {op.get('op')!r}: update the function.")
            reply: dict = {"ok": True, **await handler(op)}
        except OpError as e:
            reply = {"ok": False, "error": {"code": e.code, "message": str(e)[:5000]}}
        except Exception as e:  # Open WebUI internals differ between versions: report, never crash the action.
            reply = {"ok": False, "error": {"code": "failed", "message": f"{type(e).__name__}: {e}"[:5000]}}
        try:
            response = await http_post(self.valves.SIDECAR_URL, f"/v1/sessions/{self.session}/replies/{op['id']}", self.valves.SIDECAR_TOKEN, reply)
            response.close()
            self._debug(f"reply {op.get('op')} -> HTTP {response.status}")
        except (OSError, asyncio.TimeoutError, ValueError, IndexError) as e:
            self._debug(f"reply {op.get('op')} not delivered: {type(e).__name__}")

    async def _op_call(self, op: dict) -> dict:
        if self.event_call is None:
            raise OpError("unsupported", "No browser page is connected to this action.")
        async with self.call_lock:
            try:
                return {"value": await asyncio.wait_for(self.event_call(op.get("event") or {}), float(op.get("timeout_ms", 60000)) / 1000)}
            except asyncio.TimeoutError:
                raise OpError("timeout", "The browser page did not answer in time.") from None

    async def _op_read_image(self, op: dict) -> dict:
        url = str(op.get("url", ""))
        if url.startswith("data:"):
            head, _, data = url.partition(",")
            try:
                base64.b64decode(data, validate=True)
            except (binascii.Error, ValueError):
                raise OpError("invalid", "The data: URL is not valid base64.") from None
            return {"mime": head[5:].split(";")[0] or "application/octet-stream", "data": data}
        path = urlsplit(url).path if url.startswith("/") else ""
        if match := FILE_URL.match(path):
            return await self._read_file(match.group(1))
        if path.startswith("/cache/"):
            from open_webui.config import CACHE_DIR

            root = Path(CACHE_DIR).resolve()
            target = (root / unquote(path[len("/cache/"):])).resolve()
            if not target.is_relative_to(root):
                raise OpError("forbidden", "That path is outside Open WebUI's cache.")
            if not target.is_file():
                raise OpError("not_found", "That image is no longer in Open WebUI's cache.")
            return {"mime": _mime_of(target.name), "data": await asyncio.to_thread(_read_b64, target)}
        raise OpError("unsupported", "Only images stored by Open WebUI (/api/v1/files, /cache) and data: URLs can be read here.")

    async def _read_file(self, file_id: str) -> dict:
        from open_webui.models.files import Files
        from open_webui.storage.provider import Storage

        file = await _call(Files.get_file_by_id, file_id)
        if file is None or not file.path:
            raise OpError("not_found", "That image is not in Open WebUI's files (it may have been deleted).")
        if file.user_id != self.user.get("id") and self.user.get("role") != "admin":
            raise OpError("forbidden", "That image belongs to another user.")
        local = Path(await _call(Storage.get_file, file.path))
        mime = (file.meta or {}).get("content_type") or _mime_of(file.filename)
        return {"mime": mime, "data": await asyncio.to_thread(_read_b64, local)}

    async def _op_save_image(self, op: dict) -> dict:
        mime = str(op.get("mime") or "image/png")
        name = re.sub(r"[^\w.-]", "_", Path(str(op.get("filename") or "")).name) or f"flux{mimetypes.guess_extension(mime) or '.png'}"
        try:
            data = await asyncio.to_thread(base64.b64decode, str(op.get("data", "")), validate=True)
        except (binascii.Error, ValueError):
            raise OpError("invalid", "The image data is not valid base64.") from None
        try:
            from open_webui.models.files import FileForm, Files
            from open_webui.storage.provider import Storage
        except ImportError:
            return await self._save_to_cache(name, data)
        file_id = str(uuid.uuid4())
        tags = {"OpenWebUI-User-Id": str(self.user.get("id")), "OpenWebUI-File-Id": file_id}
        # Storage.upload_file gained its tags argument in 0.6; 0.5 takes (file, filename).
        extra = (tags,) if "tags" in inspect.signature(Storage.upload_file).parameters else ()
        _, stored = await _call(Storage.upload_file, io.BytesIO(data), f"{file_id}_{name}", *extra)
        form = FileForm(id=file_id, filename=name, path=stored, data={}, meta={"name": name, "content_type": mime, "size": len(data)})
        if await _call(Files.insert_new_file, str(self.user.get("id")), form) is None:
            raise OpError("failed", "Open WebUI could not record the image in its files.")
        return {"url": f"/api/v1/files/{file_id}/content"}

    async def _save_to_cache(self, name: str, data: bytes) -> dict:
        from open_webui.config import CACHE_DIR

        folder = Path(CACHE_DIR) / "image" / "generations"
        target = folder / f"{uuid.uuid4()}{Path(name).suffix or '.png'}"
        await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
        await asyncio.to_thread(target.write_bytes, data)
        return {"url": f"/cache/image/generations/{target.name}"}

    async def _op_complete(self, op: dict) -> dict:
        from open_webui.models.users import Users
        from open_webui.utils.chat import generate_chat_completion

        user = await _call(Users.get_user_by_id, str(self.user.get("id")))
        form = {"model": op.get("model") or self.body.get("model"), "messages": op.get("messages") or [], "stream": False}
        result = await _call(generate_chat_completion, self.request, form, user=user)
        if not isinstance(result, dict) and isinstance(getattr(result, "body", None), bytes):
            result = json.loads(result.body)
        try:
            return {"text": str(result["choices"][0]["message"]["content"])}
        except (KeyError, IndexError, TypeError):
            raise OpError("failed", "The model gave no answer (is it a chat model that can answer without streaming?).") from None

    async def _op_add_message(self, op: dict) -> dict:
        # Added after `detach`, when Open WebUI has saved the page's copy of the chat, so no later save drops it.
        from open_webui.models.chats import Chats
        from open_webui.socket.main import get_event_emitter

        chat_id, parent_id, message = self.body.get("chat_id"), str(op.get("parent_id", "")), dict(op.get("message") or {})
        parent = await _call(Chats.get_message_by_id_and_message_id, chat_id, parent_id)
        if not parent or not message.get("id"):
            raise OpError("not_found", "The message to answer is no longer in the chat.")
        children = {"childrenIds": [*(parent.get("childrenIds") or []), message["id"]]}
        await _call(Chats.upsert_message_to_chat_by_id_and_message_id, chat_id, parent_id, children)
        entry = {"childrenIds": [], "timestamp": int(time.time()), "done": True, **message, "parentId": parent_id}
        # Upserted last, so the new message becomes the chat's current one.
        await _call(Chats.upsert_message_to_chat_by_id_and_message_id, chat_id, message["id"], entry)
        target = {"chat_id": chat_id, "message_id": message["id"], "session_id": self.body.get("session_id"), "user_id": self.user.get("id")}
        await (await _call(get_event_emitter, target))({"type": "chat:completion", "data": {"done": True}})
        return {}

    async def _op_remove_message(self, op: dict) -> dict:
        from open_webui.models.chats import Chats

        chat_id, message_id = self.body.get("chat_id"), str(op.get("message_id", ""))
        chat = await _call(Chats.get_chat_by_id, chat_id)
        history = (chat.chat.get("history") if chat else None) or {}
        removed = (history.get("messages") or {}).pop(message_id, None)
        if removed is None:  # Already gone: removing is idempotent.
            return {}
        parent = history["messages"].get(removed.get("parentId")) or {}
        parent["childrenIds"] = [c for c in parent.get("childrenIds") or [] if c != message_id]
        if history.get("currentId") == message_id:
            history["currentId"] = removed.get("parentId")
        await _call(Chats.update_chat_by_id, chat_id, chat.chat)
        return {}


class Action:
    class Valves(BaseModel):
        SIDECAR_URL: str = Field("http://127.0.0.1:8787", pattern=r"^https?://[^/\s]+", description="Where the flux-inpaint sidecar listens, as seen from the Open WebUI server.")
        SIDECAR_TOKEN: str = Field("", description="The sidecar's access token (printed on its first start, also in <data dir>/token).")
        FLUX_API_URL: str = Field("https://api.bfl.ai/v1", pattern=r"^https?://", description="FLUX API base URL (a regional endpoint such as https://api.eu.bfl.ai/v1 also works).")
        FLUX_API_KEY: str = Field("", description="Your FLUX API key (api.bfl.ai). Empty: the sidecar uses its own FLUX_API_KEY.")
        STEPS: int = Field(50, ge=15, le=50, description="Diffusion steps (15-50): more is slower and finer.")
        GUIDANCE: float = Field(60, ge=1.5, le=100, description="How strictly FLUX follows the prompt (1.5-100).")
        SAFETY_TOLERANCE: int = Field(6, ge=0, le=6, description="Moderation: 0 is strictest, 6 most permissive.")
        OUTPUT_FORMAT: Literal["jpeg", "png"] = Field("jpeg", description="Format of the result image.")
        POLL_INTERVAL: float = Field(2, gt=0, le=30, description="Seconds between checks for the result.")
        MAX_POLL_ATTEMPTS: int = Field(60, ge=1, le=10000, description="Checks before the job is given up.")
        SESSION_TTL_MINUTES: int = Field(30, ge=1, le=1440, description="Minutes an editor may stay open without Send.")
        TRANSLATE_PROMPTS: Literal["auto", "always", "never"] = Field("auto", description="Translate prompts to English: auto (when not English), always, never.")
        TRANSLATION_MODEL: str = Field("", description="Model id for translation; empty uses the chat's model.")
        RESULT_MESSAGE: Literal["new", "same"] = Field("new", description="Where the result goes: new (a message of its own, with its own Inpaint button) or same (the clicked message).")
        DEBUG: bool = Field(False, description="Log op names to the Open WebUI server log (never keys or image data).")

    def __init__(self) -> None:
        self.valves = self.Valves()

    async def action(
        self,
        body: dict,
        __user__: dict | None = None,
        __event_emitter__: Emitter | None = None,
        __event_call__: Emitter | None = None,
        __request__: Any = None,
        __id__: str | None = None,
        __model__: dict | None = None,
        **kwargs: Any,
    ) -> None:
        async def emit(event: dict) -> None:
            # A closed page or a failed chat save must not end the session: the sidecar keeps the job.
            try:
                if __event_emitter__ is not None:
                    await __event_emitter__(event)
            except Exception as e:
                log.warning("flux_inpaint: event %s not delivered: %s", event.get("type"), e)

        bridge = Bridge(self.valves, body, __user__ or {}, emit, __event_call__, __request__)

        async def session() -> None:
            try:
                problem = await bridge.run(__id__ or "flux_inpaint")
            except Exception as e:  # The last line of defence: the user reads a status, never a traceback.
                log.exception("flux_inpaint failed")
                problem = f"Inpaint failed: {type(e).__name__}: {e}"
            if problem:
                await emit({"type": "status", "data": {"description": problem, "done": True}})

        task = asyncio.create_task(session(), name="flux_inpaint:session")
        SESSIONS.add(task)
        task.add_done_callback(SESSIONS.discard)
        await asyncio.wait([task, bridge.detached], return_when=asyncio.FIRST_COMPLETED)
