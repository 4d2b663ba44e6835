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
- storage/provider.py: `Storage.upload_file(file, filename, tags) -> (contents, path)` (no `tags` in 0.5),
  `Storage.get_file(path) -> local path`.
"""

import asyncio
import copy
import inspect
import json
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
from typing import Any, BinaryIO, Literal, Optional

from pydantic import BaseModel

Flavour = Literal["sync", "async"]
Driver = Callable[[dict], Any]
OWUI_VERSION = "0.9.0-harness"
# The name the function gives the task that runs a session, so the harness can wait for it after `detach`.
SESSION_TASK = "flux_inpaint:session"


# --- models, as in backend/open_webui/models/{files,users}.py -------------------------------------------------


class FileModel(BaseModel):
    id: str
    user_id: str
    hash: Optional[str] = None
    filename: str
    path: Optional[str] = None
    data: Optional[dict] = None
    meta: Optional[dict] = None
    access_control: Optional[dict] = None
    created_at: Optional[int] = None
    updated_at: Optional[int] = None


class FileForm(BaseModel):
    id: str
    hash: Optional[str] = None
    filename: str
    path: str
    data: dict = {}
    meta: dict = {}
    access_control: Optional[dict] = None


class UserModel(BaseModel):
    id: str
    name: str
    email: str
    role: str = "user"
    settings: Optional[dict] = None


class JSONResponse:
    """What generate_chat_completion returns on some paths instead of a dict (starlette's JSONResponse)."""

    def __init__(self, content: Any) -> None:
        self.body = json.dumps(content).encode()


Completion = Callable[[dict, UserModel], dict]


@dataclass
class OpenWebUI:
    """The server-side state the stand-ins read and write: files, uploads, cache, users, the model."""

    root: Path
    users: dict[str, UserModel] = field(default_factory=dict)
    files: dict[str, FileModel] = field(default_factory=dict)
    completion: Completion = lambda form, user: {"choices": [{"message": {"content": "translated"}}]}
    completions: list[dict] = field(default_factory=list)
    chats: dict[str, "Chat"] = field(default_factory=dict)

    @property
    def cache_dir(self) -> Path:
        return self.root / "cache"

    @property
    def upload_dir(self) -> Path:
        return self.root / "uploads"

    def add_user(self, id: str, role: str = "user", language: str | None = None) -> UserModel:
        settings = {"ui": {"language": language}} if language else None
        self.users[id] = UserModel(id=id, name=f"User {id}", email=f"{id}@example.com", role=role, settings=settings)
        return self.users[id]

    def add_file(self, owner: str, name: str, data: bytes, content_type: str = "image/png") -> str:
        """Stores an uploaded file like the Files API does; returns the URL the chat shows it at."""
        file_id = f"file-{len(self.files) + 1}"
        path = self.upload_dir / f"{file_id}_{name}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        meta = {"name": name, "content_type": content_type, "size": len(data)}
        self.files[file_id] = FileModel(id=file_id, user_id=owner, filename=name, path=str(path), meta=meta)
        return f"/api/v1/files/{file_id}/content"


def _flavoured(f: Callable[..., Any], flavour: Flavour) -> Callable[..., Any]:
    """Model helpers are plain functions before Open WebUI 0.9 and coroutines since."""
    if flavour == "sync":
        return f

    async def coroutine(*args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(0)
        return f(*args, **kwargs)

    return coroutine


def _modules(owui: OpenWebUI, flavour: Flavour, files_api: bool) -> dict[str, types.ModuleType]:
    def module(name: str, **attrs: Any) -> types.ModuleType:
        m = types.ModuleType(name)
        m.__dict__.update(attrs)
        return m

    def insert_new_file(user_id: str, form: FileForm) -> FileModel:
        now = int(time.time())
        owui.files[form.id] = FileModel(**form.model_dump(), user_id=user_id, created_at=now, updated_at=now)
        return owui.files[form.id]

    def upload_file(file: BinaryIO, filename: str, tags: dict[str, str] | None = None) -> tuple[bytes, str]:
        contents = file.read()
        if not contents:
            raise ValueError("empty file")
        path = owui.upload_dir / filename
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(contents)
        return contents, str(path)

    def upload_file_v05(file: BinaryIO, filename: str) -> tuple[bytes, str]:
        return upload_file(file, filename)

    async def generate_chat_completion(request: Any, form_data: dict, user: UserModel, **kwargs: Any) -> Any:
        owui.completions.append(form_data)
        answer = owui.completion(form_data, user)
        return answer if flavour == "async" else JSONResponse(answer)

    files = types.SimpleNamespace(
        get_file_by_id=_flavoured(lambda id: owui.files.get(id), flavour),
        insert_new_file=_flavoured(insert_new_file, flavour),
    )
    storage = types.SimpleNamespace(
        upload_file=upload_file if flavour == "async" else upload_file_v05,
        get_file=lambda path: path,
    )
    users = types.SimpleNamespace(get_user_by_id=_flavoured(lambda id: owui.users.get(id), flavour))
    chats = types.SimpleNamespace(
        get_chat_by_id=_flavoured(lambda id: owui.chats[id].get_chat() if id in owui.chats else None, flavour),
        update_chat_by_id=_flavoured(lambda id, chat: owui.chats[id].update_chat(chat), flavour),
        get_message_by_id_and_message_id=_flavoured(
            lambda id, mid: copy.deepcopy(owui.chats[id].history["messages"].get(mid, {})) if id in owui.chats else None, flavour
        ),
        upsert_message_to_chat_by_id_and_message_id=_flavoured(lambda id, mid, m: owui.chats[id].upsert_message(mid, m), flavour),
    )

    def get_event_emitter(request_info: dict, update_db: bool = True) -> Callable[[dict], Awaitable[None]]:
        return owui.chats[request_info["chat_id"]].emitter(request_info["message_id"])
    mods = {
        "open_webui": module("open_webui"),
        "open_webui.env": module("open_webui.env", VERSION=OWUI_VERSION),
        "open_webui.config": module("open_webui.config", CACHE_DIR=str(owui.cache_dir)),
        "open_webui.models": module("open_webui.models"),
        "open_webui.models.users": module("open_webui.models.users", Users=users, UserModel=UserModel),
        "open_webui.models.chats": module("open_webui.models.chats", Chats=chats),
        "open_webui.socket": module("open_webui.socket"),
        "open_webui.socket.main": module("open_webui.socket.main", get_event_emitter=_flavoured(get_event_emitter, flavour)),
        "open_webui.utils": module("open_webui.utils"),
        "open_webui.utils.chat": module("open_webui.utils.chat", generate_chat_completion=generate_chat_completion),
    }
    if files_api:
        mods["open_webui.models.files"] = module("open_webui.models.files", Files=files, FileForm=FileForm, FileModel=FileModel)
        mods["open_webui.storage"] = module("open_webui.storage")
        mods["open_webui.storage.provider"] = module("open_webui.storage.provider", Storage=storage)
    return mods


@contextmanager
def installed(owui: OpenWebUI, flavour: Flavour = "async", files_api: bool = True) -> Iterator[None]:
    """Puts the stand-in open_webui modules into sys.modules, and takes them out again."""
    mods = _modules(owui, flavour, files_api)
    saved = {name: sys.modules[name] for name in list(sys.modules) if name == "open_webui" or name.startswith("open_webui.")}
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


def load_function(path: str | Path, function_id: str = "flux_inpaint") -> tuple[Any, dict[str, str]]:
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


@dataclass
class Chat:
    """A stored chat in Open WebUI's shape (`chat.chat["history"]`), plus the page's own copy during an action.

    Chat.svelte `chatActionHandler` saves the page's copy of the chat when the action returns, so whatever the
    server stored meanwhile is lost, except the persisted events the page received too (applied to both here).
    """

    id: str = "chat-1"
    history: dict = field(default_factory=lambda: {"messages": {}, "currentId": None})
    events: list[dict] = field(default_factory=list)
    page: dict | None = None
    fail_emits: bool = False

    def message(self, message_id: str) -> dict:
        return self.history["messages"][message_id]

    @property
    def messages(self) -> list[dict]:
        """The current branch, oldest first, as the page shows it."""
        branch, current = [], self.history["currentId"]
        while current is not None:
            branch.append(self.history["messages"][current])
            current = branch[-1].get("parentId")
        return branch[::-1]

    def add(self, role: str, content: str, files: list[dict] | None = None) -> dict:
        message_id = f"msg-{len(self.history['messages']) + 1}"
        parent = self.history["currentId"]
        message = {"id": message_id, "parentId": parent, "childrenIds": [], "role": role, "content": content, "timestamp": int(time.time())}
        if files:
            message["files"] = files
        if parent is not None:
            self.message(parent)["childrenIds"].append(message_id)
        self.history["messages"][message_id] = message
        self.history["currentId"] = message_id
        return message

    def action_body(self, model: str = "test-model") -> dict:
        """The body Open WebUI posts for a click under the last message."""
        messages = json.loads(json.dumps(self.messages))
        return {"model": model, "messages": messages, "chat_id": self.id, "session_id": "sock-1", "id": messages[-1]["id"]}

    def emitter(self, message_id: str) -> Callable[[dict], Awaitable[None]]:
        async def __event_emitter__(event: dict) -> None:
            if self.fail_emits:
                raise ConnectionError("socket.io is down")
            self.events.append(event)
            for history in [self.history] + ([self.page] if self.page else []):
                if message_id in history["messages"]:
                    _persist(history["messages"][message_id], event)

        return __event_emitter__

    # Chats (models/chats.py) on this chat: the stand-in's whole-chat reads are copies, as from the database.
    def get_chat(self) -> types.SimpleNamespace:
        return types.SimpleNamespace(id=self.id, chat={"history": copy.deepcopy(self.history)})

    def update_chat(self, chat: dict) -> types.SimpleNamespace:
        self.history = copy.deepcopy(chat["history"])
        return self.get_chat()

    def upsert_message(self, message_id: str, message: dict) -> types.SimpleNamespace:
        messages = self.history["messages"]
        messages[message_id] = {**messages.get(message_id, {}), **copy.deepcopy(message)}
        self.history["currentId"] = message_id
        return self.get_chat()


def _persist(message: dict, event: dict) -> None:
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
    elif kind in ("citation", "source") and data.get("type") is None:
        message.setdefault("sources", []).append(data)


def event_caller(driver: Driver | None) -> Callable[[dict], Awaitable[Any]]:
    """__event_call__ routed to the test's stand-in for the browser page; without a driver the page never answers."""

    async def __event_call__(event: dict) -> Any:
        if driver is None:
            await asyncio.Event().wait()
        result = driver(event)
        return await result if inspect.isawaitable(result) else result

    return __event_call__


async def call_action(action: Any, body: dict, user: UserModel, valves: dict, chat: Chat, driver: Driver | None, action_id: str = "flux_inpaint") -> Any:
    """chat_action: fresh Valves from the stored dict, then only the dunder parameters the signature names."""
    if hasattr(action, "valves") and hasattr(action, "Valves"):
        action.valves = action.Valves(**valves)
    sig = inspect.signature(action.action)
    extra = {
        "__model__": {"id": body["model"], "name": body["model"]},
        "__id__": action_id,
        "__event_emitter__": chat.emitter(body["id"]),
        "__event_call__": event_caller(driver),
        "__request__": types.SimpleNamespace(app=types.SimpleNamespace(state=types.SimpleNamespace())),
    }
    params: dict[str, Any] = {"body": body, **{k: v for k, v in extra.items() if k in sig.parameters}}
    if "__user__" in sig.parameters:
        params["__user__"] = user.model_dump()
    chat.page = copy.deepcopy(chat.history)
    try:
        if inspect.iscoroutinefunction(action.action):
            return await action.action(**params)
        return action.action(**params)
    finally:
        chat.history, chat.page = chat.page, None


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
    flavour: Flavour = "async",
    *,
    owui: OpenWebUI | None = None,
    chat: Chat | None = None,
    files_api: bool = True,
) -> Run:
    """One click on the action button. Without a body, the click is under the chat's last message."""
    owui = owui or OpenWebUI(Path(tempfile.mkdtemp(prefix="owui-")))
    user = user or owui.users.get("u1") or owui.add_user("u1")
    chat = chat or Chat()
    if not chat.messages:
        chat.add("user", "draw a cat")
        chat.add("assistant", "Here it is.")
    owui.chats[chat.id] = chat
    with installed(owui, flavour, files_api):
        action, frontmatter = load_function(shim_path)
        result = await call_action(action, body or chat.action_body(), user, valves, chat, driver)
        background = [t for t in asyncio.all_tasks() if t.get_name() == SESSION_TASK and not t.done()]
        if background:
            await asyncio.wait(background)
    return Run(result, bool(background), chat, owui, frontmatter)
