"""
Runs the FLUX Edit tool the way Open WebUI calls a Tool, in both function-calling modes, against the
stand-in modules of owui_harness.py. Every rule here is traced to Open WebUI's source in TRACE-TOOLS.md
(beside this file), version by version:
- utils/plugin.py: the tool's text is exec'd into `tool_{id}` and `Tools()` is made; a function's into
  `function_{id}` (kept in sys.modules), with `load_function_module_by_id` (a coroutine from 0.10).
- utils/tools.py get_tools: fresh Valves from the stored dict; the spec of every public method, `__`
  parameters left out; a coroutine wrapper with the extra parameters its signature names.
- utils/middleware.py: the extra parameters and `__metadata__`; in default mode (0.10+: "legacy") the
  tools run before the reply is written and the reply starts from the stored message's content; in
  native mode they run while it is written and the reply's text replaces the message's content.
  Only required arguments reach the tool on 0.5, those in the spec later.
"""

import asyncio
import copy
import inspect
import sys
import tempfile
import types
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from owui_harness import (
    SESSION_TASK,
    Chat,
    OpenWebUI,
    UserModel,
    _flavoured,
    event_caller,
    extract_frontmatter,
    installed,
    replace_imports,
)
from owui_versions import NEWEST, VERSIONS

# What each stand-in version does with tools (TRACE-TOOLS.md, one row per flag).
CALLING = {
    # version: (only required arguments, where metadata says the mode, the non-native mode's name,
    #           __user__ is the whole user, the loader is a coroutine, __chat_id__ and __message_id__)
    "0.5.20": (True, "top", "default", False, False, False),
    "0.6.5": (False, "top", "default", False, False, False),
    "0.6.43": (False, "params", "default", True, False, False),
    "0.10.1": (False, "params", "legacy", True, True, True),
    "0.11.0": (False, "params", "legacy", True, True, True),
}


def _exec(path: Path, name: str) -> types.ModuleType:
    content = replace_imports(path.read_text(encoding="utf-8"))
    module = types.ModuleType(name)
    sys.modules[name] = module
    module.__dict__["__file__"] = str(path)
    exec(content, module.__dict__)
    return module


def install_functions(functions: dict[str, Path], valves: dict[str, dict], version: str) -> None:
    """utils/plugin.py load_function_module_by_id over the stored functions (id -> file), and
    models/functions.py Functions.get_function_valves_by_id (None for a function never set up)."""

    def load(function_id: str) -> tuple[Any, str, dict]:
        if function_id not in functions:
            raise Exception(f"Function not found: {function_id}")
        module = _exec(functions[function_id], f"function_{function_id}")
        if not hasattr(module, "Action"):
            raise Exception("No Function class found in the module")
        frontmatter = extract_frontmatter(functions[function_id].read_text(encoding="utf-8"))
        return module.Action(), "action", frontmatter

    async def load_async(function_id: str) -> tuple[Any, str, dict]:
        await asyncio.sleep(0)
        return load(function_id)

    plugin = types.ModuleType("open_webui.utils.plugin")
    plugin.load_function_module_by_id = load_async if CALLING[version][4] else load
    sys.modules["open_webui.utils.plugin"] = plugin
    stored = types.ModuleType("open_webui.models.functions")
    get = _flavoured(lambda id: copy.deepcopy(valves.get(id)), VERSIONS[version].helpers_async)
    stored.Functions = types.SimpleNamespace(get_function_valves_by_id=get)
    sys.modules["open_webui.models.functions"] = stored


def load_tool(path: Path, tool_id: str = "flux_edit") -> tuple[Any, dict[str, str]]:
    """utils/plugin.py load_tool_module_by_id: `Tools()` from the pasted text."""
    module = _exec(path, f"tool_{tool_id}")
    if not hasattr(module, "Tools"):
        raise RuntimeError("No Tools class found in the module")
    return module.Tools(), extract_frontmatter(path.read_text(encoding="utf-8"))


def specs(tools: Any) -> dict[str, dict]:
    """utils/tools.py get_tools_specs: every public callable of Tools, `__` parameters left out."""
    out = {}
    for name in dir(tools):
        f = getattr(tools, name)
        if name.startswith("__") or not callable(f) or inspect.isclass(f):
            continue
        params = inspect.signature(f).parameters
        visible = {k: p for k, p in params.items() if not k.startswith("__")}
        out[name] = {
            "name": name,
            "description": (f.__doc__ or name).split(":param")[0].strip(),
            "properties": list(visible),
            "required": [k for k, p in visible.items() if p.default is p.empty],
        }
    return out


@dataclass
class ToolRun:
    answer: str
    # What Open WebUI wrote into the reply: its content and files after the reply was finished.
    reply: dict
    chat: Chat
    owui: OpenWebUI
    detached: bool


def _metadata(chat: Chat, reply_id: str, version: str, native: bool) -> dict:
    """main.py chat_completion: what `__metadata__` holds for this reply."""
    _, where, legacy, *_ = CALLING[version]
    metadata = {
        "user_id": "u1",
        "chat_id": chat.id,
        "message_id": reply_id,
        "session_id": "sock-1",
        "tool_ids": ["flux_edit"],
        "files": None,
        "model": {"id": "chat-model", "name": "Chat model"},
        "direct": False,
    }
    if where == "top":
        if native:
            metadata["function_calling"] = "native"
    else:
        metadata["params"] = {"function_calling": "native" if native else legacy}
    return metadata


async def call_tool(
    tool_path: Path,
    method: str,
    arguments: dict,
    valves: dict,
    function_valves: dict,
    *,
    owui: OpenWebUI,
    chat: Chat,
    functions: dict[str, Path],
    version: str = NEWEST,
    native: bool = False,
    user: UserModel | None = None,
    model_text: str = "Here you go.",
    accept_language: str = "en-US,en;q=0.9",
) -> ToolRun:
    """One reply in which the chat model calls the tool: the page stored the reply's empty message
    first (as Chat.svelte does before it asks for the completion)."""
    only_required, _, _, user_full, _, chat_params = CALLING[version]
    user = user or owui.users["u1"]
    chat.version = version
    reply = chat.add("assistant", "")
    owui.chats[chat.id] = chat
    # Each call loads the function through this version's loader (Open WebUI keeps it once loaded).
    for name in [n for n in sys.modules if n.startswith("function_")]:
        sys.modules.pop(name, None)
    with installed(owui, version):
        install_functions(functions, {"flux_inpaint": function_valves}, version)
        tools, _ = load_tool(tool_path)
        tools.valves = tools.Valves(**valves)
        spec = specs(tools)[method]
        metadata = _metadata(chat, reply["id"], version, native)
        messages = [{"role": m["role"], "content": m["content"]} for m in chat.messages]
        keys = ("id", "email", "name", "role")
        extra = {
            "__event_emitter__": chat.emitter(reply["id"]),
            "__event_call__": event_caller(None),
            "__user__": user.model_dump() if user_full else {k: getattr(user, k) for k in keys},
            "__metadata__": metadata,
            # The chat request from the person's browser (Starlette's headers: lower-case names).
            "__request__": types.SimpleNamespace(
                app=types.SimpleNamespace(state=types.SimpleNamespace()),
                state=types.SimpleNamespace(direct=False),
                headers={"accept-language": accept_language},
            ),
            "__model__": {"id": "task-model"},
            "__messages__": messages,
            "__files__": [],
            "__id__": "flux_edit",
            **({"__chat_id__": chat.id, "__message_id__": reply["id"]} if chat_params else {}),
        }
        function = getattr(tools, method)
        sig = inspect.signature(function)
        bound = partial(function, **{k: v for k, v in extra.items() if k in sig.parameters})
        allowed = spec["required"] if only_required else spec["properties"]
        answer = await bound(**{k: v for k, v in arguments.items() if k in allowed})
        start = "" if native else chat.message(reply["id"]).get("content", "")
        # The reply is written: from the stored content (default mode), or replacing it (native).
        chat.message(reply["id"])["content"] = start + model_text
        background = [
            t for t in asyncio.all_tasks() if t.get_name() == SESSION_TASK and not t.done()
        ]
        if background:
            await asyncio.wait(background)
        sys.modules.pop("open_webui.utils.plugin", None)
        sys.modules.pop("open_webui.models.functions", None)
    return ToolRun(answer, copy.deepcopy(chat.message(reply["id"])), chat, owui, bool(background))


def temp_owui() -> OpenWebUI:
    return OpenWebUI(Path(tempfile.mkdtemp(prefix="owui-tool-")))
