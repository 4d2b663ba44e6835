"""
title: FLUX Inpaint
author: flux-inpaint
author_url: https://www.npmjs.com/package/flux-inpaint
version: 3.0.0
license: MIT
required_open_webui_version: 0.5.0
description: Paint over part of an image and let FLUX redraw it (needs the flux-inpaint sidecar).
icon_url: data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAyNCAyNCIgZmlsbD0ibm9uZSIgc3Ryb2tlPSIjOGE4YThhIiBzdHJva2Utd2lkdGg9IjIiIHN0cm9rZS1saW5lY2FwPSJyb3VuZCIgc3Ryb2tlLWxpbmVqb2luPSJyb3VuZCI+PHBhdGggZD0iTTE4LjQgMi42YTIgMiAwIDAgMSAyLjkgMi45TDExIDE1LjggOC4yIDEzeiIvPjxwYXRoIGQ9Ik03IDE0LjVjLTIgMC0zLjUgMS41LTMuNSAzLjUgMCAxLjQtLjggMi4yLTEuNSAyLjUgMSAuOSAyLjQgMS41IDQgMS41IDIuNSAwIDQuNS0yIDQuNS00LjV6Ii8+PC9zdmc+Cg==
"""  # noqa: E501  (Open WebUI reads each field above from one line: the icon too.)

import asyncio
import base64
import hashlib
import hmac
import inspect
import io
import json
import logging
import re
import secrets
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

import aiohttp
from pydantic import BaseModel, Field

log = logging.getLogger("flux_inpaint")
Emitter = Callable[[dict], Awaitable[Any]]
# The bridge protocol: the sidecar's BRIDGE_PROTOCOL, both checked by test/vectors/bridge-wire.json.
PROTOCOL = 3
# PROTOCOL.md: at most 32 MiB a line; longer is a broken or hostile peer.
MAX_LINE = 32 << 20
MAX_IMAGE = 50 << 20
# The sidecar pings every 15 s: 40 s of silence is a dead peer.
TIMEOUT = aiohttp.ClientTimeout(sock_connect=5, sock_read=40)
FILE_URL = re.compile(r"^/api/v1/files/([\w-]+)(?:/content)?/?$")
BARE_ID = re.compile(r"^[\w-]{8,}$")
MAGIC = {
    "image/png": (b"\x89PNG\r\n\x1a\n", b""),
    "image/jpeg": (b"\xff\xd8\xff", b""),
    "image/webp": (b"RIFF", b"WEBP"),
}
EXT = {"image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp"}
# Sessions that outlive their action call (after `detach`), kept from the GC.
SESSIONS: set[asyncio.Task] = set()
# What the FLUX Edit tool (flux_edit_tool.py) may ask of this module's Bridge.
TOOL_BRIDGE = 1
# What the user reads when a session ends before `done`, by how far it got.
ENDED = {
    "connect": (
        "Inpaint sidecar not reachable at {url}: start it with `npx flux-inpaint` (or see the"
        " README) and check the SIDECAR_URL valve."
    ),
    "token": (
        "Set the SIDECAR_TOKEN valve to the sidecar's token (printed on its first start, also in"
        " <data dir>/token): nothing was sent."
    ),
    "proof": (
        "The service at {url} could not prove it knows SIDECAR_TOKEN, so nothing was sent to it:"
        " check that SIDECAR_URL points to your sidecar, that it is as new as this function, and"
        " that SIDECAR_TOKEN is its token."
    ),
    "hello": (
        "The service at {url} could not prove it is the flux-inpaint sidecar, so nothing was done:"
        " check that SIDECAR_URL points to your sidecar and SIDECAR_TOKEN is its token."
    ),
    "stream": (
        "The inpaint sidecar stopped. A job that was running is kept: its result is added to this"
        " chat the next time you click Inpaint here."
    ),
}


class OpError(Exception):
    """A failure told to the sidecar in the op's reply: args are ("code.reason", English message).
    The sidecar says it in the reader's language from its catalogue entry `owui_<code>.<reason>`
    (test/vectors/bridge-wire.json lists every pair; both sides' tests check it)."""


def _check(ok: Any, code: str, message: str) -> None:
    if not ok:
        raise OpError(code, message)


def _hmac(key: bytes, *parts: str) -> bytes:
    """PROTOCOL.md, "Opening a session": each derivation is HMAC-SHA256 over its label and fields
    joined by newlines (their fixed values: test/vectors/bridge-auth.json)."""
    return hmac.digest(key, "\n".join(parts).encode(), "sha256")


def _mac(key: bytes, *parts: str) -> str:
    return _hmac(key, *parts).hex()


def _seal(key: bytes, label: str, plain: str, iv: bytes | None = None) -> str:
    """PROTOCOL.md, "Sealed fields": encrypt-then-MAC of HMAC-SHA256 alone (the stdlib has no
    AES)."""
    enc = hmac.digest(key, b"seal enc", "sha256")
    auth = hmac.digest(key, b"seal mac", "sha256")
    iv = iv or secrets.token_bytes(16)
    data = plain.encode()
    blocks = range((len(data) + 31) // 32)
    pad = b"".join(hmac.digest(enc, iv + i.to_bytes(4, "big"), "sha256") for i in blocks)
    body = iv + bytes(a ^ b for a, b in zip(data, pad, strict=False))
    tag = hmac.digest(auth, label.encode() + b"\n" + body, "sha256")
    return base64.urlsafe_b64encode(body + tag).decode().rstrip("=")


def _encode(payload: Any) -> tuple[bytes, str]:
    data = json.dumps(payload, ensure_ascii=False).encode()
    return data, hashlib.sha256(data).hexdigest()


def _is_image(mime: str, data: bytes) -> bool:
    head, tag = MAGIC.get(mime, (b"", b""))
    return mime in MAGIC and data.startswith(head) and data[8:12].startswith(tag)


def _read_image(path: Path, mime: str) -> dict:
    data = path.read_bytes() if path.is_file() else b""
    ok = len(data) <= MAX_IMAGE and _is_image(mime, data)
    if data:
        _check(
            ok, "invalid.image_file", "That image is too large, or not a PNG, JPEG or WebP file."
        )
    _check(ok, "not_found.image_file", "That image's file is missing from Open WebUI's storage.")
    return {"mime": mime, "data": base64.b64encode(data).decode()}


def _read_cached(path: str, cache_dir: str) -> dict:
    root = Path(cache_dir).resolve()
    target = (root / unquote(path[len("/cache/") :])).resolve()
    mime = "image/" + target.suffix.lower()[1:].replace("jpg", "jpeg")
    ok = path.startswith("/cache/") and target.is_relative_to(root) and mime in MAGIC
    only = "Only Open WebUI's images (/api/v1/files, file ids, /cache) are read."
    _check(ok, "forbidden.not_owui_image", only)
    return _read_image(target, mime)


def _file_ref(f: dict) -> dict:
    """What the sidecar needs to find an image among a message's files (not, say, a document's
    extracted text)."""
    meta = f.get("meta") or (f.get("file") or {}).get("meta") or {}
    ref = {}
    for k in ("type", "url", "id", "name", "content_type"):
        v = f.get(k) or meta.get(k)
        if v is not None:
            ref[k] = v
    return ref


async def _call(f: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Open WebUI's helpers: coroutines since 0.9, plain functions before (run off the loop: they
    hit the DB or S3)."""
    if inspect.iscoroutinefunction(f):
        return await f(*args, **kwargs)
    result = await asyncio.to_thread(f, *args, **kwargs)
    return await result if inspect.isawaitable(result) else result


def _owui(module: str, name: str, missing: Any = None) -> Any:
    try:  # Not every Open WebUI version has every helper.
        return getattr(__import__(f"open_webui{module}", fromlist=[name]), name, missing)
    except ImportError:
        return None


async def _lines(stream: aiohttp.StreamReader) -> AsyncIterator[bytes]:
    pending = (
        bytearray()
    )  # Only each new chunk is split, so a multi-megabyte line costs linear time.
    async for chunk in stream.iter_any():
        *complete, rest = chunk.split(b"\n")
        for piece in complete:
            yield bytes(pending + piece) if pending else piece
            pending.clear()
        pending += rest
        if len(pending) > MAX_LINE:
            raise ValueError("a line longer than the protocol allows")
    if pending.strip():
        yield bytes(pending)


class Bridge:
    """One click on the button (or one call of the FLUX Edit tool, `tool`): opens a sidecar session
    and runs the ops it streams until `done`."""

    def __init__(
        self,
        valves: "Action.Valves",
        body: dict,
        user: dict,
        model: dict,
        emitter: Emitter | None,
        event_call: Emitter | None,
        request: Any,
        tool: dict | None = None,
    ) -> None:
        self.valves = valves
        self.tool = tool
        self.body = body
        self.user = user
        self.model = model
        self.emitter = emitter
        self.event_call = event_call
        self.request = request
        self.url = valves.SIDECAR_URL.rstrip("/")
        self.chat_id = str(body.get("chat_id") or "")
        self.uid = str(user.get("id", ""))
        self.sid = ""
        self.key = b""
        self.chat_text = ""
        self.added: set[str] = set()
        self.tasks: set[asyncio.Task] = set()
        self.stage = "connect"
        self.Chats = _owui(".models.chats", "Chats")
        self.call_lock = asyncio.Lock()
        # Set by `detach`, with what a tool answers the chat model meanwhile.
        self.detached = asyncio.get_running_loop().create_future()
        # How the session ended, in words: `done`'s message, or what went wrong.
        self.outcome = ""
        # 0.10+; also drops chat_message rows.
        self.delete_message = getattr(
            self.Chats, "delete_message_from_chat_by_id_and_message_id", None
        )
        # An emit's `restore`: what puts the page back if the session breaks off.
        self.restore: dict | None = None

    async def emit(self, event: dict) -> None:
        # A closed page or a failed chat save must not end the session: the sidecar keeps the job.
        try:
            await (self.emitter(event) if self.emitter else asyncio.sleep(0))
        except Exception as e:
            log.warning("flux_inpaint: event %s not delivered: %s", event.get("type"), e)

    async def run(self, action_id: str) -> None:
        try:
            async with aiohttp.ClientSession(timeout=TIMEOUT) as self.http:
                try:
                    problem = await self._stream(action_id)
                finally:  # Before the HTTP session closes under them.
                    for task in self.tasks:
                        task.cancel()
        except (TimeoutError, aiohttp.ClientError, OSError, ValueError) as e:
            log.info("flux_inpaint: sidecar connection ended: %s", type(e).__name__)
            problem = ENDED[self.stage].format(url=self.url)
        # The last line of defence: the user reads a status, never a traceback.
        except Exception as e:
            log.exception("flux_inpaint failed")
            problem = f"Inpaint failed: {type(e).__name__}: {e}"
        if self.restore:  # The session broke off: the page gets back what the sidecar had changed.
            await self.emit(self.restore)
        if problem:
            self.outcome = problem
            await self.emit({"type": "status", "data": {"description": problem, "done": True}})

    async def _stream(self, action_id: str) -> str | None:
        """Returns what the user should read when the session ends before `done`; on an error,
        `stage` says how far it got."""
        token = self.valves.SIDECAR_TOKEN.encode()
        nonce = secrets.token_urlsafe(24)
        if not token:
            return ENDED["token"]
        # Nothing of the chat or the key leaves before the sidecar proved it knows the token.
        ask = {"protocol": PROTOCOL, "nonce": nonce}
        timeout = aiohttp.ClientTimeout(total=5)
        async with self.http.post(
            f"{self.url}/v1/sessions/challenge", json=ask, timeout=timeout
        ) as r:
            answer = await r.json(content_type=None) if r.status == 200 else None
        challenge = str(answer.get("challenge") or "") if isinstance(answer, dict) else ""
        if not challenge:
            # Its own words are not shown: it has proved nothing yet.
            if r.status == 429:
                return (
                    f"The sidecar at {self.url} has too many Inpaint clicks at once:"
                    " try again in a minute."
                )
            return (
                f"The service at {self.url} is not a flux-inpaint sidecar of this version"
                f" (HTTP {r.status}): check SIDECAR_URL, update the sidecar."
            )
        proof = _mac(token, "challenge", nonce, challenge)
        if not hmac.compare_digest(str(answer.get("proof", "")).encode(), proof.encode()):
            return ENDED["proof"].format(url=self.url)
        self.key = _hmac(token, "session", challenge, nonce)
        data, digest = await asyncio.to_thread(_encode, await self._opening(action_id))
        mac = _mac(token, "open", challenge, nonce, digest)
        headers = {
            "Content-Type": "application/json",
            "X-Flux-Inpaint-Auth": f"challenge={challenge}, nonce={nonce}, mac={mac}",
        }
        async with self.http.post(f"{self.url}/v1/sessions", data=data, headers=headers) as r:
            # The sidecar, proven, says what to fix (the token, the function's version, a valve).
            if r.status != 200:
                try:
                    message = (await r.json(content_type=None))["error"]["message"]
                    return f"Inpaint sidecar error: {str(message)[:1000]}"
                except (ValueError, KeyError, TypeError, aiohttp.ClientError):
                    return f"Inpaint sidecar answered HTTP {r.status}: check the sidecar's log."
            self.stage = "hello"
            lines = _lines(r.content)
            hello = json.loads(await anext(lines, b"null"))
            self.sid = str(hello.get("session", "")) if isinstance(hello, dict) else ""
            expected = _mac(self.key, "sidecar", self.sid).encode()
            if not (
                self.sid and hmac.compare_digest(str(hello.get("proof", "")).encode(), expected)
            ):
                return ENDED["hello"].format(url=self.url)
            self.stage = "stream"
            return await self._run_ops(lines)

    async def _run_ops(self, lines: AsyncIterator[bytes]) -> str | None:
        """Runs the sidecar's ops until `done` (None), or says the stream ended before it."""
        async for line in lines:
            op = (
                json.loads(line)
                if len(line) < 1 << 20
                else await asyncio.to_thread(json.loads, line)
            )
            kind = op.get("op") if isinstance(op, dict) else None
            if kind == "emit":  # Awaited here, so emits keep the stream's order.
                await self.emit(op.get("event") or {})
                self.restore = op.get("restore", self.restore)
            elif kind == "detach" and not self.detached.done():
                self.detached.set_result(str(op.get("message") or ""))
            elif kind == "done":
                self.outcome = str(op.get("message") or "")
                return None
            elif isinstance(op, dict) and "id" in op:
                task = asyncio.create_task(self._answer(op))
                self.tasks.add(task)
                task.add_done_callback(self.tasks.discard)
        return ENDED["stream"].format(url=self.url)

    async def _stored_chat(self) -> Any:
        # Temporary chats ("local:...") are not stored: the sidecar then works from the body alone.
        if not self.Chats or not self.chat_id or self.chat_id.startswith("local:"):
            return None
        return await _call(self.Chats.get_chat_by_id, self.chat_id)

    async def _opening(self, action_id: str) -> dict:
        direct = (
            self.model.get("direct")
            or getattr(getattr(self.request, "state", None), "direct", False)
            or (self.body.get("model_item") or {}).get("direct")
        )
        # Before WEBSOCKET_EVENT_CALLER_TIMEOUT (0.8.8) event calls have socket.io's default
        # timeout: 60 s.
        owui = {
            "version": _owui(".env", "VERSION"),
            "event_call_timeout_s": _owui(".env", "WEBSOCKET_EVENT_CALLER_TIMEOUT", 60),
            "model_direct": bool(direct),
            "can_remove_message": self.delete_message is not None,
        }
        history = (getattr(await self._stored_chat(), "chat", None) or {}).get("history") or {}
        messages = history.get("messages") or {}
        branch: list[dict] = []
        current = self.body.get("id")
        # A tool's reply may not be stored yet: the chat's current branch is what the person sees.
        if self.tool and current not in messages:
            current = history.get("currentId")
        # The clicked message's branch, up to the first message.
        while current in messages and len(branch) < len(messages):
            m = messages[current]
            files = [_file_ref(f) for f in m.get("files") or [] if isinstance(f, dict)]
            entry = {
                "id": current,
                "parentId": m.get("parentId"),
                "role": m.get("role"),
                "content": m.get("content") or "",
                "files": files,
            }
            # The editor is shown beside them; they are put back as they were.
            if isinstance(m.get("embeds"), list):
                entry["embeds"] = m["embeds"]
            branch.append(entry)
            current = m.get("parentId")
        chat = {"messages": branch[::-1], "currentId": history.get("currentId")} if branch else None
        self.chat_text = json.dumps([self.body.get("messages"), chat], ensure_ascii=False)
        user = {"id": self.uid, "name": self.user.get("name"), "role": self.user.get("role")}
        valves = self.valves.model_dump(exclude={"SIDECAR_TOKEN"})
        valves["FLUX_API_KEY"] = _seal(self.key, "FLUX_API_KEY", valves["FLUX_API_KEY"])
        return {
            "protocol": PROTOCOL,
            "action_id": action_id,
            "body": self.body,
            "chat": chat,
            "user": user,
            "valves": valves,
            "owui": owui,
            **({"tool": self.tool} if self.tool else {}),
        }

    async def _answer(self, op: dict) -> None:
        log.log(
            logging.INFO if self.valves.DEBUG else logging.DEBUG,
            "flux_inpaint: op %s",
            op.get("op"),
        )
        try:
            handler = getattr(self, f"_op_{op.get('op')}", None)
            unknown = "This function does not know that op: update it to the sidecar's version."
            _check(handler, "unknown_op.update", unknown)
            reply: dict = {"ok": True, **await handler(op)}
        except OpError as e:
            code, _, reason = e.args[0].partition(".")
            reply = {"ok": False, "error": {"code": code, "reason": reason, "message": e.args[1]}}
        # Open WebUI internals differ between versions: report, never crash the action.
        except Exception as e:
            reply = {
                "ok": False,
                "error": {"code": "failed", "message": f"{type(e).__name__}: {e}"[:5000]},
            }
        data, digest = await asyncio.to_thread(_encode, reply)
        headers = {
            "Content-Type": "application/json",
            "X-Flux-Inpaint-Mac": _mac(self.key, "reply", self.sid, str(op["id"]), digest),
        }
        url = f"{self.url}/v1/sessions/{self.sid}/replies/{op['id']}"
        try:
            async with self.http.post(url, data=data, headers=headers) as r:
                log.debug("flux_inpaint: reply %s -> HTTP %s", op.get("op"), r.status)
        except (TimeoutError, aiohttp.ClientError, OSError) as e:
            log.info("flux_inpaint: reply %s not delivered: %s", op.get("op"), type(e).__name__)

    async def _op_call(self, op: dict) -> dict:
        _check(
            self.event_call, "unsupported.no_page", "No browser page is connected to this action."
        )
        timeout = float(op.get("timeout_ms", 60000)) / 1000
        async with self.call_lock:
            try:
                value = await asyncio.wait_for(self.event_call(op.get("event") or {}), timeout)
                return {"value": value}
            except TimeoutError:
                raise OpError("timeout.page", "The browser page did not answer in time.") from None

    async def _op_read_image(self, op: dict) -> dict:
        url = str(op.get("url", ""))
        path = urlsplit(url).path
        file_url = FILE_URL.match(path)
        if file_url:
            file_id = file_url.group(1)
        elif BARE_ID.match(url):
            file_id = url
        else:
            file_id = ""
        # Only what the chat this function sent references, as a whole token of its text.
        referenced = any(
            n and re.search(rf"(?<![\w/.%-]){re.escape(n)}(?![\w/.%-])", self.chat_text)
            for n in (url, file_id)
        )
        _check(
            referenced, "forbidden.not_in_chat", "Only images referenced in this chat can be read."
        )
        if not file_id:
            return await asyncio.to_thread(_read_cached, path, str(_owui(".config", "CACHE_DIR")))
        file = await _call(_owui(".models.files", "Files").get_file_by_id, file_id)
        missing = "That image is not in Open WebUI's files (it may have been deleted)."
        _check(file and file.path, "not_found.file", missing)
        # Open WebUI's rule for /api/v1/files/{id}/content: owner, admin, or shared
        # (0.6: routers.files; 0.8.6+: utils).
        if file.user_id != self.uid and self.user.get("role") != "admin":
            shared = _owui(".utils.access_control.files", "has_access_to_file")
            shared = shared or _owui(".routers.files", "has_access_to_file")
            users = _owui(".models.users", "Users")
            user = await _call(users.get_user_by_id, self.uid) if shared else None
            allowed = shared and await _call(shared, file_id, "read", user)
            _check(
                allowed,
                "forbidden.not_shared",
                "That image belongs to another user and is not shared with you.",
            )
        mime = str((file.meta or {}).get("content_type") or "").split(";")[0]
        _check(mime in MAGIC, "invalid.not_image", "That file is not a PNG, JPEG or WebP image.")
        local = await _call(_owui(".storage.provider", "Storage").get_file, file.path)
        return await asyncio.to_thread(_read_image, Path(local), mime)

    async def _op_save_image(self, op: dict) -> dict:
        mime = str(op.get("mime"))
        try:
            data = await asyncio.to_thread(base64.b64decode, str(op.get("data", "")), validate=True)
        except ValueError:  # Not base64: no image either.
            data = b""
        ok = mime in EXT and _is_image(mime, data)
        only = "Only PNG, JPEG or WebP images (type and content agreeing) are saved."
        _check(ok, "invalid.save_type", only)
        file_id = str(uuid.uuid4())
        stem = re.sub(r"[^\w-]", "_", Path(str(op.get("filename") or "")).stem)[:80]
        name = (stem or "flux") + EXT[mime]
        Storage = _owui(".storage.provider", "Storage")
        # Storage.upload_file takes tags from Open WebUI 0.6.6 on.
        extra = ()
        if "tags" in inspect.signature(Storage.upload_file).parameters:
            extra = ({"OpenWebUI-User-Id": self.uid, "OpenWebUI-File-Id": file_id},)
        _, stored = await _call(Storage.upload_file, io.BytesIO(data), f"{file_id}_{name}", *extra)
        meta = {"name": name, "content_type": mime, "size": len(data)}
        FileForm = _owui(".models.files", "FileForm")
        form = FileForm(id=file_id, filename=name, path=stored, data={}, meta=meta)
        recorded = await _call(_owui(".models.files", "Files").insert_new_file, self.uid, form)
        _check(
            recorded, "failed.record_file", "Open WebUI could not record the image in its files."
        )
        return {"url": f"/api/v1/files/{file_id}/content"}

    async def _op_complete(self, op: dict) -> dict:
        user = await _call(_owui(".models.users", "Users").get_user_by_id, self.uid)
        form = {
            "model": op.get("model") or self.body.get("model"),
            "messages": op.get("messages") or [],
            "stream": False,
        }
        complete = _owui(".utils.chat", "generate_chat_completion")
        result = await _call(complete, self.request, form, user=user)
        try:
            return {"text": str(result["choices"][0]["message"]["content"])}
        except (KeyError, IndexError, TypeError):
            raise OpError(
                "failed.no_answer",
                "The model gave no answer (is it a chat model that can answer without streaming?).",
            ) from None

    async def _op_add_message(self, op: dict) -> dict:
        parent_id = str(op.get("parent_id", ""))
        message = dict(op.get("message") or {})
        upsert = self.Chats.upsert_message_to_chat_by_id_and_message_id
        get_message = self.Chats.get_message_by_id_and_message_id
        parent = await _call(get_message, self.chat_id, parent_id) or {}
        children = parent.get("childrenIds") or []
        new_child = isinstance(message.get("id"), str) and message["id"] not in children
        gone = "The message to answer is no longer in the chat."
        _check(parent and new_child, "not_found.parent", gone)
        chat = getattr(await self._stored_chat(), "chat", None) or {}
        current = (chat.get("history") or {}).get("currentId")
        # Open WebUI's upsert answers None when it could not write (it logs, never raises), and
        # makes what it wrote current.
        if await _call(
            upsert, self.chat_id, parent_id, {"childrenIds": [*children, message["id"]]}
        ):
            entry = {
                "childrenIds": [],
                "timestamp": int(time.time()),
                "done": True,
                **message,
                "parentId": parent_id,
            }
            if await _call(upsert, self.chat_id, message["id"], entry):
                self.added.add(message["id"])
                return {}
            # Never a child id without its message, and the same message current as before.
            await _call(upsert, self.chat_id, parent_id, {"childrenIds": children})
            if current:
                await _call(upsert, self.chat_id, current, {})
        raise OpError(
            "failed.write_message", "Open WebUI could not write the message into the chat."
        )

    async def _op_remove_message(self, op: dict) -> dict:
        message_id = str(op.get("message_id", ""))
        _check(
            message_id in self.added,
            "forbidden.not_added",
            "Only a message this session added can be removed.",
        )
        _check(
            self.delete_message,
            "unsupported.remove",
            "Open WebUI before 0.10 cannot remove a message.",
        )
        await _call(self.delete_message, self.chat_id, message_id)
        self.added.discard(message_id)
        return {}


class Action:
    class Valves(BaseModel):  # README.md explains each valve at length.
        SIDECAR_URL: str = Field(
            "http://127.0.0.1:8787",
            pattern=r"^https?://[^/\s]+",
            description="The sidecar's URL as seen from the Open WebUI server.",
        )
        SIDECAR_TOKEN: str = Field(
            "",
            description=(
                "The sidecar's token (printed on its first start, also in <data dir>/token)."
                " Never leaves this server."
            ),
        )
        FLUX_API_URL: str = Field(
            "https://api.bfl.ai/v1",
            pattern=r"^https?://",
            description="FLUX API base URL (or a regional one, e.g. api.eu.bfl.ai).",
        )
        FLUX_API_KEY: str = Field(
            "",
            description=(
                "Your FLUX API key (api.bfl.ai). Empty: the sidecar uses its own FLUX_API_KEY."
            ),
        )
        STEPS: int = Field(
            50, ge=15, le=50, description="Diffusion steps (15-50): more is slower and finer."
        )
        GUIDANCE: float = Field(
            60, ge=1.5, le=100, description="How strictly FLUX follows the prompt (1.5-100)."
        )
        SAFETY_TOLERANCE: int = Field(
            6,
            ge=0,
            le=6,
            description="Most permissive moderation a user may pick (0 strictest - 6).",
        )
        OUTPUT_FORMAT: Literal["jpeg", "png"] = Field(
            "jpeg", description="Format of the result image."
        )
        POLL_INTERVAL: float = Field(
            2, gt=0, le=30, description="Seconds between checks for a job's result."
        )
        MAX_POLL_ATTEMPTS: int = Field(
            60,
            ge=1,
            le=10000,
            description="Checks before a job is given up (its time: x POLL_INTERVAL).",
        )
        SESSION_TTL_MINUTES: int = Field(
            30, ge=1, le=1440, description="Minutes an editor may stay open without Send."
        )
        TRANSLATE_PROMPTS: Literal["auto", "always", "never"] = Field(
            "auto", description="Prompts to English: auto (when not English), always, never."
        )
        TRANSLATION_MODEL: str = Field(
            "",
            description=(
                "Model for translation; empty: the chat's model (a direct connection's cannot be"
                " used: set one)."
            ),
        )
        RESULT_MESSAGE: Literal["auto", "new", "same"] = Field(
            "auto",
            description="Result as a message of its own (new), in the clicked one (same), or auto.",
        )
        DEBUG: bool = Field(
            False,
            description="Log op names to the Open WebUI server log (never keys or image data).",
        )

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
        bridge = Bridge(
            self.valves,
            body,
            __user__ or {},
            __model__ or {},
            __event_emitter__,
            __event_call__,
            __request__,
        )
        task = asyncio.create_task(
            bridge.run(__id__ or "flux_inpaint"), name="flux_inpaint:session"
        )
        SESSIONS.add(task)
        task.add_done_callback(SESSIONS.discard)
        await asyncio.wait([task, bridge.detached], return_when=asyncio.FIRST_COMPLETED)
