"""
What differs between Open WebUI versions, for the stand-ins (the Python harness, owui_server.py and the test page).

One row per stand-in version; every flag is traced to Open WebUI's source in test/browser/owui/TRACE.md.
"""

from dataclasses import asdict, dataclass
from typing import Literal

Access = Literal["none", "routers.files", "utils.access_control.files"]


@dataclass(frozen=True)
class Version:
    version: str
    # Server (backend/open_webui/)
    helpers_async: bool  # models/*.py helpers are coroutines (0.9+)
    upload_tags: bool  # storage/provider.py Storage.upload_file(file, filename, tags) (0.6.6+)
    delete_message: (
        bool  # models/chats.py Chats.delete_message_from_chat_by_id_and_message_id (0.10+)
    )
    merge_history: bool  # routers/chats.py update_chat_by_id merges the page's history into the stored one (0.10+)
    access: Access  # where has_access_to_file lives (routers/files.py 0.6.0-0.8.5, utils/access_control/files.py 0.8.6+)
    access_async: bool  # has_access_to_file is a coroutine (0.9+)
    event_call_timeout: bool  # env.py WEBSOCKET_EVENT_CALLER_TIMEOUT exists (0.8.8+), default None
    timeout_error_reply: (
        bool  # socket/main.py: a timed-out call returns {'error': ...} instead of raising (0.10+)
    )
    timeout_drops_session: (
        bool  # socket/main.py: a timed-out call removes the session from SESSION_POOL (0.11)
    )
    persisted_events: tuple[
        str, ...
    ]  # socket/main.py get_event_emitter writes these to the stored message
    # Page (src/lib/components/chat/)
    chat_reload: bool  # Chat.svelte: {"type": "chat:reload"} -> loadChat() (0.11+)
    page_files_event: (
        bool  # Chat.svelte: a `files` event sets message.files (0.6.x+; absent in 0.5)
    )
    buttons_on_every_message: (
        bool  # ResponseMessage.svelte: actions under every assistant message (0.6.42+)
    )
    inline_scripts_twice: bool  # Artifacts getContents: <script> blocks also pulled out when code blocks exist (<= 0.6.34)
    sandbox: str  # Artifacts.svelte iframe sandbox
    # Content Open WebUI itself writes
    uploads_by_id: bool  # MessageInput.svelte: image uploads {type:"file", url:"<id>", content_type} (0.6.42+), else data URLs
    generated_in_files: (
        bool  # middleware.py image generation: `files` event (0.6.5+), else markdown
    )
    # Page (src/lib/components/), later findings
    embed_sandbox: str = ""  # ResponseMessage.svelte + FullHeightIframe.svelte: a message's embeds inline (0.6.32+); "" = none
    artifacts_after_mount: bool = (
        False  # Chat.svelte fills the panel's contents after it mounted, so it closes (0.10+)
    )


# One row per stand-in version, fields in the order of Version above.
# fmt: off
VERSIONS = {
    v.version: v
    for v in [
        Version("0.5.20", False, False, False, False, "none", False, False, False, False, ("status", "message", "replace"),
                False, False, False, True, "allow-scripts allow-forms allow-same-origin", False, False),
        Version("0.6.5", False, False, False, False, "routers.files", False, False, False, False, ("status", "message", "replace"),
                False, True, False, True, "allow-scripts", False, True),
        Version("0.6.43", False, True, False, False, "routers.files", False, False, False, False, ("status", "message", "replace", "embeds", "files"),
                False, True, True, False, "allow-scripts allow-downloads", True, True,
                "allow-scripts allow-forms allow-same-origin allow-popups allow-downloads"),
        Version("0.10.1", True, True, True, True, "utils.access_control.files", True, True, True, False,
                ("status", "message", "replace", "embeds", "files", "source"), False, True, True, False, "allow-scripts allow-downloads", True, True,
                "allow-scripts allow-forms allow-popups allow-downloads", True),
        Version("0.11.0", True, True, True, True, "utils.access_control.files", True, True, True, True,
                ("status", "message", "replace", "embeds", "files", "source"), True, True, True, False, "allow-scripts allow-downloads", True, True,
                "allow-scripts allow-forms allow-popups allow-downloads", True),
    ]
}
# fmt: on
NEWEST = "0.11.0"


def page_flags(version: str) -> dict:
    """What the test page needs to know to behave like this version's Chat.svelte."""
    return asdict(VERSIONS[version])
