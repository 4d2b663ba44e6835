"""
Runs the Action function the way Open WebUI does, against stand-ins for the Open WebUI modules it imports.

Every rule reproduced here was read from Open WebUI's source (github.com/open-webui/open-webui, backend/open_webui/):
- utils/plugin.py `load_function_module_by_id`: the stored text goes through `replace_imports`, is exec'd into a
  fresh `types.ModuleType(f"function_{id}")` registered in sys.modules with `__file__` set, and `Action()` is made;
  `extract_frontmatter` reads `key: value` lines of a docstring that opens on the very first line.
- utils/chat.py (main.py before 0.5) `chat_action`: `function_module.valves = function_module.Valves(**valves)` with
  the valves stored in the DB on every call; `body` always, and of `__model__`, `__id__`, `__event_emitter__`,
  `__event_call__`, `__request__` only the names in the signature; `__user__ = user.model_dump()`.
- socket/main.py `get_event_emitter`: `status` is appended to the message's statusHistory, `message` appends to
  content, `replace` overwrites it, `files` puts the new files before the existing ones, `embeds` likewise,
  `citation`/`source` without a `data.type` are appended to sources. No event creates a message.
- models/files.py: `FileForm(id, hash, filename, path, data, meta, access_control)`,
  `Files.insert_new_file(user_id, form)` and `Files.get_file_by_id(id)`, plain functions before 0.9, coroutines since.
- storage/provider.py: `Storage.upload_file(file, filename, tags) -> (contents, path)` (no `tags` before 0.6.6),
  `Storage.get_file(path) -> local path`.
- models/chats.py: `Chats.get_chat_by_id`, `get_message_by_id_and_message_id` (`{}` when
  missing), `upsert_message_to_chat_by_id_and_message_id` (merges the fields, makes the message current, leaves
  the parent's childrenIds alone), `delete_message_from_chat_by_id_and_message_id` and `merge_history` (0.10+).
- `has_access_to_file(file_id, access_type, user)`: routers/files.py from 0.6.0, utils/access_control/files.py
  from 0.8.6 (a coroutine from 0.9); none in 0.5.
What differs by version is in owui_versions.py; test/browser/owui/TRACE.md traces each row to the source.
"""

import asyncio
import copy
import inspect
import os
import re
import sys
import tempfile
import time
import types
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from owui_versions import NEWEST, VERSIONS, Version
from pydantic import BaseModel

Driver = Callable[[dict], Any]
# The name the function gives the task that runs a session, so the harness can wait for it after `detach`.
SESSION_TASK = "flux_inpaint:session"


# --- models, as in backend/open_webui/models/{files,users}.py -------------------------------------------------


class FileModel(BaseModel):
    id: str
    user_id: str
    hash: str | None = None
    filename: str
    path: str | None = None
    data: dict | None = None
    meta: dict | None = None
    access_control: dict | None = None
    created_at: int | None = None
    updated_at: int | None = None


class FileForm(BaseModel):
    id: str
    hash: str | None = None
    filename: str
    path: str
    data: dict = {}
    meta: dict = {}
    access_control: dict | None = None


class UserModel(BaseModel):
    id: str
    name: str
    email: str
    role: str = "user"
    settings: dict | None = None


Completion = Callable[[dict, UserModel], dict]


@dataclass
class OpenWebUI:
    """The server-side state the stand-ins read and write: files, uploads, cache, users, the model."""

    root: Path
    users: dict[str, UserModel] = field(default_factory=dict)
    files: dict[str, FileModel] = field(default_factory=dict)
    completion: Completion = lambda form, user: {
        "choices": [{"message": {"content": "translated"}}]
    }
    completions: list[dict] = field(default_factory=list)
    upload_tags: list[dict] = field(default_factory=list)
    # env.py WEBSOCKET_EVENT_CALLER_TIMEOUT: None (the default) or the admin's seconds, where the version has it.
    event_call_timeout: int | None = None
    chats: dict[str, "Chat"] = field(default_factory=dict)
    # file id -> users it is shared with (a shared chat or a knowledge base): what has_access_to_file answers.
    shared: dict[str, set[str]] = field(default_factory=dict)

    @property
    def cache_dir(self) -> Path:
        return self.root / "cache"

    @property
    def upload_dir(self) -> Path:
        return self.root / "uploads"

    def add_user(self, id: str, role: str = "user", language: str | None = None) -> UserModel:
        settings = {"ui": {"language": language}} if language else None
        self.users[id] = UserModel(
            id=id, name=f"User {id}", email=f"{id}@example.com", role=role, settings=settings
        )
        return self.users[id]

    def add_file(self, owner: str, name: str, data: bytes, content_type: str = "image/png") -> str:
        """Stores an uploaded file like the Files API does; returns the URL the chat shows it at."""
        file_id = f"{len(self.files) + 1:08d}-f11e-4c0d-9e5a-000000000000"
        path = self.upload_dir / f"{file_id}_{name}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        meta = {"name": name, "content_type": content_type, "size": len(data)}
        self.files[file_id] = FileModel(
            id=file_id, user_id=owner, filename=name, path=str(path), meta=meta
        )
        return f"/api/v1/files/{file_id}/content"


def _flavoured(f: Callable[..., Any], coroutine: bool) -> Callable[..., Any]:
    """Model helpers are plain functions before Open WebUI 0.9 and coroutines since."""
    if not coroutine:
        return f

    async def helper(*args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(0)
        return f(*args, **kwargs)

    return helper


class HTTPException(Exception):
    """fastapi's, as routers/files.py has_access_to_file raises it for a missing file."""

    def __init__(self, status_code: int, detail: str) -> None:
        super().__init__(detail)
        self.status_code = status_code


def _modules(owui: OpenWebUI, v: Version) -> dict[str, types.ModuleType]:
    def module(name: str, **attrs: Any) -> types.ModuleType:
        m = types.ModuleType(name)
        m.__dict__.update(attrs)
        return m

    def insert_new_file(user_id: str, form: FileForm) -> FileModel:
        now = int(time.time())
        owui.files[form.id] = FileModel(
            **form.model_dump(), user_id=user_id, created_at=now, updated_at=now
        )
        return owui.files[form.id]

    def upload_file(file: BinaryIO, filename: str, tags: dict[str, str]) -> tuple[bytes, str]:
        contents = file.read()
        if not contents:
            raise ValueError("empty file")
        path = owui.upload_dir / filename
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(contents)
        owui.upload_tags.append(tags)
        return contents, str(path)

    def upload_file_untagged(file: BinaryIO, filename: str) -> tuple[bytes, str]:
        return upload_file(file, filename, {})

    def has_access_to_file(file_id: str | None, access_type: str, user: UserModel) -> bool:
        file = owui.files.get(file_id or "")
        if file is None:
            if v.access == "routers.files":
                raise HTTPException(404, "We could not find what you're looking for :/")
            return False
        return file.user_id == user.id or (
            access_type == "read" and user.id in owui.shared.get(file.id, set())
        )

    async def generate_chat_completion(
        request: Any, form_data: dict, user: UserModel, bypass_filter: bool = False, **kwargs: Any
    ) -> Any:
        owui.completions.append(form_data)
        return owui.completion(form_data, user)

    def chat_of(id: str) -> "Chat":
        return owui.chats[id]

    chats: dict[str, Any] = {
        "get_chat_by_id": lambda id: chat_of(id).get_chat() if id in owui.chats else None,
        "get_message_by_id_and_message_id": lambda id, mid: (
            copy.deepcopy(chat_of(id).history["messages"].get(mid, {}))
            if id in owui.chats
            else None
        ),
        "upsert_message_to_chat_by_id_and_message_id": lambda id, mid, m: chat_of(
            id
        ).upsert_message(mid, m),
    }
    if v.delete_message:
        chats["delete_message_from_chat_by_id_and_message_id"] = lambda id, mid: chat_of(
            id
        ).delete_message(mid)
    chats_ns = types.SimpleNamespace(
        **{name: _flavoured(f, v.helpers_async) for name, f in chats.items()}
    )
    if v.merge_history:
        chats_ns.merge_history = merge_history
    files = types.SimpleNamespace(
        get_file_by_id=_flavoured(lambda id: owui.files.get(id), v.helpers_async),
        insert_new_file=_flavoured(insert_new_file, v.helpers_async),
    )
    storage = types.SimpleNamespace(
        upload_file=upload_file if v.upload_tags else upload_file_untagged,
        get_file=lambda path: path,
    )
    users = types.SimpleNamespace(
        get_user_by_id=_flavoured(lambda id: owui.users.get(id), v.helpers_async)
    )
    env = {
        "VERSION": v.version,
        **(
            {"WEBSOCKET_EVENT_CALLER_TIMEOUT": owui.event_call_timeout}
            if v.event_call_timeout
            else {}
        ),
    }
    mods = {
        "open_webui": module("open_webui"),
        "open_webui.env": module("open_webui.env", **env),
        "open_webui.config": module("open_webui.config", CACHE_DIR=str(owui.cache_dir)),
        "open_webui.models": module("open_webui.models"),
        "open_webui.models.users": module(
            "open_webui.models.users", Users=users, UserModel=UserModel
        ),
        "open_webui.models.chats": module("open_webui.models.chats", Chats=chats_ns),
        "open_webui.models.files": module(
            "open_webui.models.files", Files=files, FileForm=FileForm, FileModel=FileModel
        ),
        "open_webui.storage": module("open_webui.storage"),
        "open_webui.storage.provider": module("open_webui.storage.provider", Storage=storage),
        "open_webui.utils": module("open_webui.utils"),
        "open_webui.utils.chat": module(
            "open_webui.utils.chat", generate_chat_completion=generate_chat_completion
        ),
    }
    access = _flavoured(has_access_to_file, v.access_async)
    if v.access == "routers.files":
        mods["open_webui.routers"] = module("open_webui.routers")
        mods["open_webui.routers.files"] = module(
            "open_webui.routers.files", has_access_to_file=access
        )
    elif v.access == "utils.access_control.files":
        mods["open_webui.utils.access_control"] = module("open_webui.utils.access_control")
        mods["open_webui.utils.access_control.files"] = module(
            "open_webui.utils.access_control.files", has_access_to_file=access
        )
    return mods


@contextmanager
def installed(owui: OpenWebUI, version: str = NEWEST) -> Iterator[None]:
    """Puts the stand-in open_webui modules of that version into sys.modules, and takes them out again."""
    mods = _modules(owui, VERSIONS[version])
    saved = {
        name: sys.modules[name]
        for name in list(sys.modules)
        if name == "open_webui" or name.startswith("open_webui.")
    }
    for name in saved:
        del sys.modules[name]
    sys.modules.update(mods)
    try:
        yield
    finally:
        for name in mods:
            sys.modules.pop(name, None)
        sys.modules.update(saved)


# --- loading and calling, as in utils/plugin.py and chat_action ------------------------------------------------

IMPORT_REPLACEMENTS = {
    "from utils": "from open_webui.utils",
    "from apps": "from open_webui.apps",
    "from main": "from open_webui.main",
    "from config": "from open_webui.config",
}


def replace_imports(content: str) -> str:
    for old, new in IMPORT_REPLACEMENTS.items():
        content = content.replace(old, new)
    return content


def extract_frontmatter(content: str) -> dict[str, str]:
    lines = content.splitlines()
    if not lines or lines[0].strip() != '"""':
        return {}
    frontmatter: dict[str, str] = {}
    pattern = re.compile(r"^\s*([a-z_]+):\s*(.*)\s*$", re.IGNORECASE)
    for line in lines[1:]:
        if '"""' in line:
            break
        if match := pattern.match(line):
            frontmatter[match.group(1).strip()] = match.group(2).strip()
    return frontmatter


def load_function(
    path: str | Path, function_id: str = "flux_inpaint"
) -> tuple[Any, dict[str, str]]:
    """Returns (Action instance, frontmatter) exactly as Open WebUI makes them from the pasted text."""
    content = replace_imports(Path(path).read_text(encoding="utf-8"))
    module = types.ModuleType(f"function_{function_id}")
    sys.modules[module.__name__] = module
    handle, temp = tempfile.mkstemp()
    os.close(handle)
    try:
        Path(temp).write_text(content, encoding="utf-8")
        module.__dict__["__file__"] = temp
        exec(content, module.__dict__)
        if not hasattr(module, "Action"):
            raise RuntimeError("No Function class found in the module")
        return module.Action(), extract_frontmatter(content)
    finally:
        os.unlink(temp)


def merge_history(existing_history: dict | None, incoming_history: dict | None) -> dict:
    """models/chats.py Chats.merge_history (0.10+), as the page's save runs it: server-only messages stay."""
    existing = (existing_history or {}).get("messages") or {}
    incoming = (incoming_history or {}).get("messages") or {}
    merged = {
        message_id: message
        for message_id, message in {**existing, **incoming}.items()
        if isinstance(message, dict)
    }
    for message in merged.values():
        message["childrenIds"] = []
    for message_id, message in merged.items():
        if message.get("parentId") in merged:
            merged[message["parentId"]]["childrenIds"].append(message_id)
    current_id = (incoming_history or {}).get("currentId")
    if current_id not in merged:
        current_id = (existing_history or {}).get("currentId")
        if current_id not in merged:
            current_id = None
    return {
        **(existing_history or {}),
        **(incoming_history or {}),
        "messages": merged,
        "currentId": current_id,
    }


def delete_message_from_history(history: dict, message_id: str) -> None:
    """models/chats.py Chats.delete_message_from_history (0.10+): its children move up, currentId to the newest leaf."""
    messages = history.get("messages") or {}
    message = messages.get(message_id)
    if not isinstance(message, dict):
        return
    parent_id = message.get("parentId")
    child_ids = [c for c in message.get("childrenIds") or [] if c in messages]
    grandchild_ids = [
        g for c in child_ids for g in messages.get(c, {}).get("childrenIds") or [] if g in messages
    ]
    if parent_id in messages:
        messages[parent_id]["childrenIds"] = [
            c for c in messages[parent_id].get("childrenIds") or [] if c != message_id
        ] + grandchild_ids
    for g in grandchild_ids:
        messages[g]["parentId"] = parent_id
    for deleted in {message_id, *child_ids}:
        messages.pop(deleted, None)
    current_id = parent_id
    children = (
        [c for c, m in messages.items() if m.get("parentId") is None]
        if current_id is None
        else messages.get(current_id, {}).get("childrenIds", [])
    )
    while children:
        current_id = children[-1]
        children = messages.get(current_id, {}).get("childrenIds", [])
    history["currentId"] = current_id if current_id in messages else None


@dataclass
class Chat:
    """A stored chat in Open WebUI's shape (`chat.chat["history"]`), plus the page's own copy during an action.

    Chat.svelte `chatActionHandler` saves the page's copy of the chat when the action returns (POST
    /api/v1/chats/{id}): before 0.10 it replaces the stored history, from 0.10 the server merges it in. Events reach
    the page's copy for messages it holds and are written to the stored chat for the types the version persists.
    """

    id: str = "chat-1"
    history: dict = field(default_factory=lambda: {"messages": {}, "currentId": None})
    events: list[dict] = field(default_factory=list)
    page: dict | None = None
    fail_emits: bool = False
    version: str = NEWEST

    def message(self, message_id: str) -> dict:
        return self.history["messages"][message_id]

    def branch(self, history: dict | None = None) -> list[dict]:
        """The current branch, oldest first, as the page shows it."""
        history = history or self.history
        branch, current = [], history["currentId"]
        while current is not None:
            branch.append(history["messages"][current])
            current = branch[-1].get("parentId")
        return branch[::-1]

    @property
    def messages(self) -> list[dict]:
        return self.branch()

    def add(
        self,
        role: str,
        content: str,
        files: list[dict] | None = None,
        parent: str | None = "current",
    ) -> dict:
        message_id = f"msg-{len(self.history['messages']) + 1}"
        parent = self.history["currentId"] if parent == "current" else parent
        message = {
            "id": message_id,
            "parentId": parent,
            "childrenIds": [],
            "role": role,
            "content": content,
            "timestamp": int(time.time()),
        }
        if files:
            message["files"] = files
        if parent is not None:
            self.message(parent)["childrenIds"].append(message_id)
        self.history["messages"][message_id] = message
        self.history["currentId"] = message_id
        return message

    def action_body(self, message_id: str | None = None, model: str = "test-model") -> dict:
        """The body Chat.svelte posts for a click under `message_id` (the last message by default): no `files`."""
        clicked = message_id or self.history["currentId"]
        branch, current = [], clicked
        while current is not None:
            m = self.history["messages"][current]
            branch.append(
                {
                    "id": m["id"],
                    "role": m["role"],
                    "content": m["content"],
                    "timestamp": m["timestamp"],
                }
            )
            current = m.get("parentId")
        return {
            "model": model,
            "messages": branch[::-1],
            "chat_id": self.id,
            "session_id": "sock-1",
            "id": clicked,
        }

    def emitter(self, message_id: str) -> Callable[[dict], Awaitable[None]]:
        version = VERSIONS[self.version]

        async def __event_emitter__(event: dict) -> None:
            if self.fail_emits:
                raise ConnectionError("socket.io is down")
            self.events.append(event)
            if (
                self.page
                and message_id in self.page["messages"]
                and (event.get("type") != "files" or version.page_files_event)
            ):
                _apply_on_page(self.page["messages"][message_id], event)
            if (
                event.get("type") in version.persisted_events
                and message_id in self.history["messages"]
            ):
                _persist(self.history["messages"][message_id], event)

        return __event_emitter__

    def save_page(self) -> None:
        """routers/chats.py update_chat_by_id with the page's history."""
        assert self.page is not None
        self.history = (
            merge_history(self.history, self.page)
            if VERSIONS[self.version].merge_history
            else self.page
        )
        self.page = None

    # Chats (models/chats.py) on this chat: the stand-in's whole-chat reads are copies, as from the database.
    def get_chat(self) -> types.SimpleNamespace:
        return types.SimpleNamespace(id=self.id, chat={"history": copy.deepcopy(self.history)})

    def upsert_message(self, message_id: str, message: dict) -> types.SimpleNamespace:
        messages = self.history["messages"]
        messages[message_id] = {**messages.get(message_id, {}), **copy.deepcopy(message)}
        self.history["currentId"] = message_id
        return self.get_chat()

    def delete_message(self, message_id: str) -> types.SimpleNamespace:
        delete_message_from_history(self.history, message_id)
        return self.get_chat()


def _persist(message: dict, event: dict) -> None:
    """socket/main.py get_event_emitter(update_db=True): what the server writes to the stored message."""
    kind, data = event.get("type"), event.get("data") or {}
    if kind == "status":
        message.setdefault("statusHistory", []).append(data)
    elif kind == "message":
        message["content"] = message.get("content", "") + data.get("content", "")
    elif kind == "replace":
        message["content"] = data.get("content", "")
    elif kind in ("files", "embeds"):
        existing = message.get(kind) if isinstance(message.get(kind), list) else []
        message[kind] = list(data.get(kind, [])) + existing
    elif kind == "source" and data.get("type") is None:
        message.setdefault("sources", []).append(data)


def _apply_on_page(message: dict, event: dict) -> None:
    """Chat.svelte chatEventHandler on the page's copy: `files` replaces the list (the server prepends to it)."""
    kind, data = event.get("type"), event.get("data") or {}
    if kind == "files":
        message["files"] = data.get("files", [])
    else:
        _persist(message, event)


def event_caller(driver: Driver | None) -> Callable[[dict], Awaitable[Any]]:
    """__event_call__ routed to the test's stand-in for the browser page; without a driver the page never answers."""

    async def __event_call__(event: dict) -> Any:
        if driver is None:
            await asyncio.Event().wait()
        result = driver(event)
        return await result if inspect.isawaitable(result) else result

    return __event_call__


async def call_action(
    action: Any,
    body: dict,
    user: UserModel,
    valves: dict,
    chat: Chat,
    driver: Driver | None,
    action_id: str = "flux_inpaint",
    model: dict | None = None,
) -> Any:
    """chat_action: fresh Valves from the stored dict, then only the dunder parameters the signature names."""
    if hasattr(action, "valves") and hasattr(action, "Valves"):
        action.valves = action.Valves(**valves)
    sig = inspect.signature(action.action)
    model = model or {"id": body["model"], "name": body["model"]}
    extra = {
        "__model__": model,
        "__id__": action_id,
        "__event_emitter__": chat.emitter(body["id"]),
        "__event_call__": event_caller(driver),
        "__request__": types.SimpleNamespace(
            app=types.SimpleNamespace(state=types.SimpleNamespace()),
            state=types.SimpleNamespace(direct=bool(model.get("direct"))),
        ),
    }
    params: dict[str, Any] = {
        "body": body,
        **{k: v for k, v in extra.items() if k in sig.parameters},
    }
    if "__user__" in sig.parameters:
        params["__user__"] = user.model_dump()
    chat.page = copy.deepcopy(chat.history)
    try:
        if inspect.iscoroutinefunction(action.action):
            return await action.action(**params)
        return action.action(**params)
    finally:
        chat.save_page()


@dataclass
class Run:
    result: Any
    # True when the action returned while its session went on in the background (the `detach` op).
    detached: bool
    chat: Chat
    owui: OpenWebUI
    frontmatter: dict[str, str]


async def run_action(
    shim_path: str | Path,
    body: dict | None,
    valves: dict,
    user: UserModel | None = None,
    driver: Driver | None = None,
    version: str = NEWEST,
    *,
    owui: OpenWebUI | None = None,
    chat: Chat | None = None,
    model: dict | None = None,
) -> Run:
    """One click on the action button. Without a body, the click is under the chat's last message."""
    owui = owui or OpenWebUI(Path(tempfile.mkdtemp(prefix="owui-")))
    user = user or owui.users.get("u1") or owui.add_user("u1")
    chat = chat or Chat()
    chat.version = version
    if not chat.messages:
        chat.add("user", "draw a cat")
        chat.add("assistant", "Here it is.")
    owui.chats[chat.id] = chat
    with installed(owui, version):
        action, frontmatter = load_function(shim_path)
        result = await call_action(
            action, body or chat.action_body(), user, valves, chat, driver, model=model
        )
        background = [
            t for t in asyncio.all_tasks() if t.get_name() == SESSION_TASK and not t.done()
        ]
        if background:
            await asyncio.wait(background)
    return Run(result, bool(background), chat, owui, frontmatter)
