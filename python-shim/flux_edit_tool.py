"""
title: FLUX Edit
author: flux-inpaint
author_url: https://www.npmjs.com/package/flux-inpaint
version: 1.0.0
license: MIT
required_open_webui_version: 0.5.0
description: Edit the chat's pictures by asking, with FLUX (needs the FLUX Inpaint function).
"""

# The bridge to the sidecar (its proof, the sealed key, the op loop, reading and saving images
# with the person's rights) is the FLUX Inpaint function's own code, with its valves: this tool
# runs it from that installed function, so there is one copy of it to audit, update and set up.
# Open WebUI turns every public method of Tools into a tool the model sees, so the helpers live
# outside the class.

import asyncio
import inspect
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from pydantic import BaseModel, Field

Emitter = Callable[[dict], Awaitable[Any]]
NO_ACTION = (
    "FLUX Edit needs the FLUX Inpaint function installed in Open WebUI (Admin > Functions)"
    " under the id {id!r} (the ACTION_ID valve), as new as this tool: {why}"
)


async def _function(action_id: str) -> tuple[Any, Any]:
    """The FLUX Inpaint function's module and valves: Open WebUI keeps each loaded function in
    sys.modules as `function_<id>`; one not loaded yet is loaded as Open WebUI loads it
    (utils/plugin.py)."""
    module = sys.modules.get(f"function_{action_id}")
    if getattr(module, "TOOL_BRIDGE", 0) < 1:
        plugin = __import__("open_webui.utils.plugin", fromlist=["load_function_module_by_id"])
        load = plugin.load_function_module_by_id
        # A coroutine from Open WebUI 0.10; before, a plain function that reads the database.
        if inspect.iscoroutinefunction(load):
            await load(action_id)
        else:
            await asyncio.to_thread(load, action_id)
        module = sys.modules.get(f"function_{action_id}")
    if getattr(module, "TOOL_BRIDGE", 0) < 1:
        raise LookupError("it is older than this tool")
    # Its valves as stored, as Open WebUI gives them to it (utils/chat.py chat_action).
    functions = module._owui(".models.functions", "Functions")
    stored = await module._call(functions.get_function_valves_by_id, action_id)
    return module, stored or {}


def _mode(metadata: dict) -> str:
    """Open WebUI's function calling for this reply: `native` (the model calls tools while it
    writes) or `default` (0.10+: `legacy`; tools run before it writes)."""
    calling = metadata.get("function_calling") or (metadata.get("params") or {}).get(
        "function_calling"
    )
    return "native" if calling and calling not in ("default", "legacy") else "default"


def _locale(request: Any) -> str | None:
    """The person's language, first of their browser's Accept-Language on the chat request that
    called the tool (utils/tools.py passes it as `__request__`): the statuses speak it."""
    headers = getattr(request, "headers", None)
    accepted = headers.get("accept-language") if headers is not None else None
    first = (accepted or "").split(",")[0].split(";")[0].strip()
    return first or None


async def _edit(tools: "Tools", call: dict, ctx: dict[str, Any]) -> str:
    """One tool call: a sidecar session that edits the picture; returns the model's answer."""
    own = tools.valves
    emitter = ctx.get("__event_emitter__")
    metadata = ctx.get("__metadata__") or {}
    try:
        module, stored = await _function(own.ACTION_ID)
        # The tool's own access valves, where set, go first; the function's model checks them all.
        mine = {name: getattr(own, name) for name in ACCESS if getattr(own, name)}
        valves = module.Action.Valves(**{**stored, **mine})
    # Not installed, not loadable, or too old: the model and the user are told.
    except Exception as e:
        answer = NO_ACTION.format(id=own.ACTION_ID, why=f"{type(e).__name__}: {e}")
        if emitter:
            await emitter({"type": "status", "data": {"description": answer, "done": True}})
        return answer
    # The chat's model (`__model__` is the task model that chose the tool), for translation.
    model = metadata.get("model") or ctx.get("__model__") or {}
    body = {
        "model": model.get("id"),
        "messages": ctx.get("__messages__") or [],
        "chat_id": metadata.get("chat_id"),
        "session_id": metadata.get("session_id"),
        "id": metadata.get("message_id"),
    }
    tool = {
        **call,
        "mode": _mode(metadata),
        "model": own.MODEL,
        "safety_tolerance": own.SAFETY_TOLERANCE,
        "wait_seconds": own.WAIT_SECONDS,
        "locale": _locale(ctx.get("__request__")),
    }
    bridge = module.Bridge(
        valves,
        body,
        ctx.get("__user__") or {},
        model,
        emitter,
        ctx.get("__event_call__"),
        ctx.get("__request__"),
        tool=tool,
    )
    task = asyncio.create_task(bridge.run("flux_edit"), name="flux_inpaint:session")
    module.SESSIONS.add(task)
    task.add_done_callback(module.SESSIONS.discard)
    # A job that outlives the model's wait (`detach`) goes on in the background into this reply.
    await asyncio.wait([task, bridge.detached], return_when=asyncio.FIRST_COMPLETED)
    if not task.done():
        return bridge.detached.result()
    return bridge.outcome or "The sidecar ended the edit without saying how: see its log."


# The tool's valves that, set, stand in for the FLUX Inpaint function's of the same name.
ACCESS = ("SIDECAR_URL", "SIDECAR_TOKEN", "FLUX_API_URL", "FLUX_API_KEY")


class Tools:
    # The sidecar, its token and the FLUX access may be the tool's own; empty, they are the FLUX
    # Inpaint function's, set once there. Translation and time limits are always the function's
    # (README.md, "Editing by asking").
    class Valves(BaseModel):
        SIDECAR_URL: str = Field(
            "",
            pattern=r"^(https?://[^/\s]+.*)?$",
            description="The sidecar's URL. Empty: the FLUX Inpaint function's SIDECAR_URL.",
        )
        SIDECAR_TOKEN: str = Field(
            "", description="The sidecar's token. Empty: the FLUX Inpaint function's."
        )
        FLUX_API_URL: str = Field(
            "",
            pattern=r"^(https?://.*)?$",
            description="FLUX API base URL. Empty: the FLUX Inpaint function's.",
        )
        FLUX_API_KEY: str = Field(
            "",
            description=(
                "A FLUX API key for the tool's edits (sent sealed, like the function's)."
                " Empty: the FLUX Inpaint function's key, else the sidecar's own."
            ),
        )
        MODEL: str = Field(
            "flux-2-pro",
            description=(
                "FLUX model for edits: flux-2-pro, flux-2-max, flux-2-flex, flux-2-klein-4b,"
                " flux-2-klein-9b, flux-3-image, kontext-pro, kontext-max (or what the sidecar"
                " lists)."
            ),
        )
        SAFETY_TOLERANCE: int = Field(
            2, ge=0, le=6, description="FLUX moderation, 0 strictest - 6 (FLUX.2: 5; FLUX 3: 4)."
        )
        WAIT_SECONDS: int = Field(
            60,
            ge=5,
            le=900,
            description="How long the model waits for an edit; a later one still comes.",
        )
        ACTION_ID: str = Field(
            "flux_inpaint",
            pattern=r"^[\w-]+$",
            description="The FLUX Inpaint function's id in Open WebUI: its valves and bridge.",
        )

    def __init__(self) -> None:
        self.valves = self.Valves()

    async def edit_image(
        self,
        instruction: str,
        which: str,
        __user__: dict | None = None,
        __event_emitter__: Emitter | None = None,
        __event_call__: Emitter | None = None,
        __metadata__: dict | None = None,
        __request__: Any = None,
        __model__: dict | None = None,
        __messages__: list | None = None,
    ) -> str:
        """
        Edit a picture that is already in this chat, as the user asks: change, add or restyle
        something ("make the sky stormy", "now as a watercolour"). Use it whenever the user wants
        a picture of the chat changed, not for a new picture from nothing. The edited picture is
        shown to the user by the tool itself; you get a short text saying what was done.
        :param instruction: What to change, in the user's words, as one clear instruction.
        :param which: "latest" (usually meant), "previous", "first", "2", "my upload" or words.
        :return: What was done, or why it could not be done.
        """
        call = {"name": "edit_image", "instruction": instruction, "which": which}
        return await _edit(self, call, locals())

    async def remove_object(
        self,
        what: str,
        which: str,
        __user__: dict | None = None,
        __event_emitter__: Emitter | None = None,
        __event_call__: Emitter | None = None,
        __metadata__: dict | None = None,
        __request__: Any = None,
        __model__: dict | None = None,
        __messages__: list | None = None,
    ) -> str:
        """
        Remove something from a picture that is already in this chat ("remove the man on the
        left"), filling the place naturally. The edited picture is shown to the user by the tool
        itself; you get a short text saying what was done.
        :param what: What to remove, described so it can be found in the picture.
        :param which: The picture, as for edit_image: "latest" (usually), "previous", "2"...
        :return: What was done, or why it could not be done.
        """
        call = {"name": "remove_object", "instruction": what, "which": which}
        return await _edit(self, call, locals())
