"""The FLUX Edit tool called as Open WebUI calls it (owui_tools.py), against the real sidecar and the
fake FLUX server, in both function-calling modes."""

import asyncio
import re
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from owui_harness import Chat, OpenWebUI
from owui_tools import call_tool, load_tool, specs
from test_end_to_end import FLUX_KEY, TOKEN, _png, _spawn

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "python-shim" / "flux_edit_tool.py"
ACTION = ROOT / "python-shim" / "flux_inpaint.py"
FUNCTIONS = {"flux_inpaint": ACTION}
NODE = ["node", "--import", "tsx"]
JPEG = b"\xff\xd8\xff"


def _fake(*args: str) -> tuple[subprocess.Popen, str]:
    command = [*NODE, "test/fake-flux/main.ts", "--port", "0", "--key", FLUX_KEY, *args]
    return _spawn(command, {}, r"fake FLUX API at (\S+)")


@pytest.fixture(scope="module")
def servers() -> Iterator[dict[str, str]]:
    """The sidecar, a FLUX that answers in 0.3 s, one that takes longer than the tool's shortest
    wait (WAIT_SECONDS 5), and one whose every task its output moderation refuses."""
    fakes = {
        "flux": _fake("--latency", "300"),
        "slow": _fake("--latency", "7000"),
        "moderating": _fake("--latency", "300", "--outcomes", "Content Moderated"),
    }
    env = {
        "FLUX_INPAINT_PORT": "0",
        "FLUX_INPAINT_DATA_DIR": tempfile.mkdtemp(prefix="flux-tool-"),
        "FLUX_INPAINT_TOKEN": TOKEN,
        "FLUX_INPAINT_RESULT_HOSTS": ",".join(u.rsplit("/v1", 1)[0] for _, u in fakes.values()),
        "FLUX_INPAINT_POLL_INTERVAL_S": "0.2",
        "LOG_LEVEL": "warn",
    }
    sidecar, url = _spawn([*NODE, "src/main.ts"], env, r"^flux-inpaint (http://\S+)")
    try:
        yield {"sidecar": url, **{name: u for name, (_, u) in fakes.items()}}
    finally:
        for proc in [sidecar, *(p for p, _ in fakes.values())]:
            proc.terminate()
            proc.wait(10)


def _picture(width: int, height: int) -> bytes:
    return _png(width, height, lambda x, y: bytes([x * 5 % 256, y * 3 % 256, (x + y) % 256]))


@pytest.fixture
def owui(tmp_path: Path) -> OpenWebUI:
    state = OpenWebUI(tmp_path)
    state.add_user("u1")
    return state


def _chat(owui: OpenWebUI) -> Chat:
    """An upload (80x60), then a generated picture (64x48) newer than it: the latest is the result."""
    chat = Chat()
    upload = owui.add_file("u1", "beach.png", _picture(80, 60))
    chat.add(
        "user",
        "here is my beach photo",
        files=[{"type": "file", "url": upload.split("/")[4], "content_type": "image/png"}],
    )
    chat.add("assistant", "Nice beach!")
    chat.add("user", "draw a red fox")
    result = owui.add_file("u1", "fox.png", _picture(64, 48))
    chat.add("assistant", "Here is your fox:", files=[{"type": "image", "url": result}])
    chat.add("user", "make the sky stormy")
    return chat


def _valves(servers: dict[str, str], **more: object) -> dict:
    return {
        "SIDECAR_URL": servers["sidecar"],
        "SIDECAR_TOKEN": TOKEN,
        "FLUX_API_URL": servers["flux"],
        "FLUX_API_KEY": FLUX_KEY,
        **more,
    }


def _run(owui: OpenWebUI, chat: Chat, valves: dict, method: str = "edit_image", **kw):
    """The model calls `method`; `valves` are the FLUX Inpaint function's, `tool_valves` the tool's."""
    arguments = kw.pop("arguments", {"instruction": "make the sky stormy", "which": "latest"})
    tool_valves = kw.pop("tool_valves", {})
    call = call_tool(
        TOOL,
        method,
        arguments,
        tool_valves,
        valves,
        owui=owui,
        chat=chat,
        functions=FUNCTIONS,
        **kw,
    )
    return asyncio.run(asyncio.wait_for(call, 60))


def _saved(owui: OpenWebUI, url: str) -> bytes:
    file = owui.files[url.split("/")[4]]
    assert file.user_id == "u1"
    return Path(file.path).read_bytes()


def _statuses(message: dict) -> list[str]:
    return [s["description"] for s in message.get("statusHistory", [])]


def test_the_model_sees_two_tools_with_what_they_do(owui: OpenWebUI) -> None:
    tools, frontmatter = load_tool(TOOL)
    found = specs(tools)
    assert sorted(found) == ["edit_image", "remove_object"]
    assert found["edit_image"]["properties"] == ["instruction", "which"]
    # `which` is required: Open WebUI 0.5 passes a tool only its required arguments (TRACE-TOOLS.md).
    assert found["edit_image"]["required"] == ["instruction", "which"]
    assert found["remove_object"]["required"] == ["what", "which"]
    assert "already in this chat" in found["edit_image"]["description"]
    assert frontmatter["title"] == "FLUX Edit"


@pytest.mark.parametrize("version", ["0.5.20", "0.6.43", "0.11.0"])
def test_default_mode_the_reply_starts_with_the_edited_latest_picture(
    servers: dict[str, str], version: str, owui: OpenWebUI
) -> None:
    chat = _chat(owui)

    run = _run(owui, chat, _valves(servers), version=version)

    assert run.answer.startswith("Edited the picture (2 messages up) with FLUX.2 [pro]"), run.answer
    assert "already shown to the user" in run.answer and "base64" not in run.answer
    # Tools run before the reply is written, which starts from what the tool put there.
    url = re.match(
        r"!\[FLUX\\\.2 pro result\]\((/api/v1/files/[\w-]+/content)\)", run.reply["content"]
    )
    assert url, run.reply["content"]
    assert run.reply["content"].endswith("Here you go.")
    assert "seed" in run.reply["content"] and "credits" in run.reply["content"]
    assert _saved(owui, url.group(1)).startswith(JPEG)
    assert _statuses(run.reply)[-1].startswith("Edited the picture"), _statuses(run.reply)


@pytest.mark.parametrize("version", ["0.6.43", "0.11.0"])
def test_native_mode_the_picture_is_a_file_of_the_reply_its_text_cannot_overwrite(
    servers: dict[str, str], version: str, owui: OpenWebUI
) -> None:
    chat = _chat(owui)

    run = _run(owui, chat, _valves(servers), version=version, native=True)

    assert run.answer.startswith("Edited the picture"), run.answer
    assert run.reply["content"] == "Here you go."
    [file] = run.reply["files"]
    assert file["type"] == "image" and _saved(owui, file["url"]).startswith(JPEG)
    # The caption: model, seed and cost, in the reply's status.
    assert re.search(r"FLUX\.2 \[pro\] · seed \d+ · credits: [\d.]+", _statuses(run.reply)[-1])


def test_native_mode_before_files_are_kept_the_model_is_given_the_picture_to_show(
    servers: dict[str, str], owui: OpenWebUI
) -> None:
    chat = _chat(owui)

    run = _run(owui, chat, _valves(servers), version="0.6.5", native=True)

    url = re.search(r"!\[edited picture\]\((/api/v1/files/[\w-]+/content)\)", run.answer)
    assert url, run.answer
    assert _saved(owui, url.group(1)).startswith(JPEG)
    assert "files" not in run.reply


@pytest.mark.parametrize(
    ("which", "width"), [("latest", 64), ("first", 80), ("my upload", 80), ("the beach photo", 80)]
)
def test_which_names_the_picture(
    servers: dict[str, str], which: str, width: int, owui: OpenWebUI
) -> None:
    chat = _chat(owui)
    arguments = {"instruction": "make it night", "which": which}

    run = _run(owui, chat, _valves(servers), version="0.11.0", arguments=arguments)

    assert run.answer.startswith("Edited the picture"), run.answer
    url = re.match(r"!\[[^\]]*\]\(([^)]+)\)", run.reply["content"]).group(1)
    # The fake FLUX answers with a picture the size of the one it got.
    assert _jpeg_width(_saved(owui, url)) == width


def _jpeg_width(data: bytes) -> int:
    """The width in a JPEG's frame header (SOF0-SOF2): FLUX.2 answers JPEG by default."""
    at = 2
    while data[at] == 0xFF and not 0xC0 <= data[at + 1] <= 0xC2:
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
    return int.from_bytes(data[at + 7 : at + 9], "big")


def test_remove_object_asks_flux_to_take_it_out(servers: dict[str, str], owui: OpenWebUI) -> None:
    chat = _chat(owui)

    run = _run(
        owui,
        chat,
        _valves(servers),
        "remove_object",
        version="0.10.1",
        arguments={"what": "the fox", "which": "latest"},
    )

    assert run.answer.startswith("Edited the picture"), run.answer
    assert "Remove the fox from the picture" in run.reply["content"]


def test_no_picture_in_the_chat(servers: dict[str, str], owui: OpenWebUI) -> None:
    chat = Chat()
    chat.add("user", "make the sky stormy")

    run = _run(owui, chat, _valves(servers))

    assert run.answer.startswith(
        "The picture could not be edited: There is no picture in this chat"
    )
    assert _statuses(run.reply)[-1].startswith("Could not edit the picture: There is no picture")
    assert run.reply["content"] == "Here you go."


def test_statuses_speak_the_browser_language_the_model_gets_english(
    servers: dict[str, str], owui: OpenWebUI
) -> None:
    run = _run(owui, _chat(owui), _valves(servers), accept_language="de-DE,de;q=0.9,en;q=0.8")

    statuses = _statuses(run.reply)
    assert statuses[0] == "Suche das Bild in diesem Chat…", statuses
    assert re.match(
        r"Bild bearbeitet mit FLUX\.2 \[pro\] · Seed \d+ · Credits: [\d,]+\.$", statuses[-1]
    )
    # The chat model reads English best and answers the person in the chat's language itself.
    assert run.answer.startswith("Edited the picture"), run.answer

    lost = Chat()
    lost.add("user", "mach den Himmel stürmisch")
    failed = _run(owui, lost, _valves(servers), accept_language="de")
    assert _statuses(failed.reply)[-1].startswith("Das Bild konnte nicht bearbeitet werden: "), (
        failed.reply
    )
    assert failed.answer.startswith("The picture could not be edited: There is no picture")


def test_a_picture_the_user_may_not_read(servers: dict[str, str], owui: OpenWebUI) -> None:
    owui.add_user("u2")
    chat = Chat()
    theirs = owui.add_file("u2", "private.png", _picture(40, 30))
    chat.add("user", "look", files=[{"type": "image", "url": theirs}])
    chat.add("user", "make it blue")

    run = _run(owui, chat, _valves(servers))

    assert "belongs to another user" in run.answer, run.answer
    assert "upload a picture of their own" in run.answer
    assert len(owui.files) == 1


def test_no_flux_key(servers: dict[str, str], owui: OpenWebUI) -> None:
    chat = _chat(owui)

    run = _run(owui, chat, _valves(servers, FLUX_API_KEY=""))

    assert "No FLUX API key" in run.answer, run.answer
    assert len(owui.files) == 2


def test_a_moderated_result(servers: dict[str, str], owui: OpenWebUI) -> None:
    chat = _chat(owui)

    run = _run(owui, chat, _valves(servers, FLUX_API_URL=servers["moderating"]), native=True)

    assert run.answer.startswith("FLUX's moderation refused this edit"), run.answer
    assert "do not retry" in run.answer
    assert "files" not in run.reply


def test_a_job_that_outlives_the_wait_still_lands_in_the_reply(
    servers: dict[str, str], owui: OpenWebUI
) -> None:
    chat = _chat(owui)
    valves = _valves(servers, FLUX_API_URL=servers["slow"])

    run = _run(owui, chat, valves, version="0.11.0", native=True, tool_valves={"WAIT_SECONDS": 5})

    assert run.detached, (run.answer, run.chat.events)
    assert "still running" in run.answer and "added to this reply" in run.answer, run.answer
    assert run.reply.get("files"), run.chat.events
    [file] = run.reply["files"]
    assert _saved(owui, file["url"]).startswith(JPEG)
    # Written after the reply: its text keeps the caption.
    assert run.reply["content"].startswith("Here you go.") and "seed" in run.reply["content"]


def test_without_the_inpaint_function_the_model_is_told_what_to_install(
    servers: dict[str, str], owui: OpenWebUI
) -> None:
    chat = _chat(owui)

    run = asyncio.run(
        call_tool(
            TOOL,
            "edit_image",
            {"instruction": "x", "which": "latest"},
            {},
            _valves(servers),
            owui=owui,
            chat=chat,
            functions={},
        )
    )

    assert run.answer.startswith("FLUX Edit needs the FLUX Inpaint function installed"), run.answer
    assert "Function not found: flux_inpaint" in run.answer


def test_open_webui_0_5_passes_only_required_arguments_and_which_is_one(
    servers: dict[str, str], owui: OpenWebUI
) -> None:
    arguments = {"instruction": "make it night", "which": "first"}

    run = _run(owui, _chat(owui), _valves(servers), version="0.5.20", arguments=arguments)

    url = re.match(r"!\[[^\]]*\]\(([^)]+)\)", run.reply["content"]).group(1)
    # The first picture (the 80 px upload), not the newest (64 px).
    assert _jpeg_width(_saved(owui, url)) == 80


def test_the_tools_own_sidecar_and_key_valves_go_first(
    servers: dict[str, str], owui: OpenWebUI
) -> None:
    right = _valves(servers)
    wrong = {**right, "SIDECAR_TOKEN": "not-the-token"}

    # The function's token is wrong, the tool's own is right: the tool's is used.
    run = _run(owui, _chat(owui), wrong, tool_valves={"SIDECAR_TOKEN": right["SIDECAR_TOKEN"]})
    assert run.answer.startswith("Edited the picture"), run.answer

    # The tool's own token is wrong: nothing is sent, and the answer says what to check.
    bad = _run(owui, _chat(owui), right, tool_valves={"SIDECAR_TOKEN": "not-the-token"})
    assert "SIDECAR_TOKEN" in bad.answer, bad.answer
    assert not bad.answer.startswith("Edited the picture")

    # The function's FLUX key is wrong, the tool's own is right: FLUX gets the tool's (sealed).
    keyed = _run(
        owui,
        _chat(owui),
        {**right, "FLUX_API_KEY": "wrong-key"},
        tool_valves={"FLUX_API_KEY": right["FLUX_API_KEY"]},
    )
    assert keyed.answer.startswith("Edited the picture"), keyed.answer

    # An unreachable sidecar of the tool's own is named.
    gone = _run(owui, _chat(owui), right, tool_valves={"SIDECAR_URL": "http://127.0.0.1:9"})
    assert "SIDECAR_URL" in gone.answer, gone.answer


def test_a_model_valve_that_cannot_edit_is_named(servers: dict[str, str], owui: OpenWebUI) -> None:
    run = _run(owui, _chat(owui), _valves(servers), tool_valves={"MODEL": "fill"})

    assert (
        "MODEL must be one of flux-3-image, kontext-pro, kontext-max, flux-2-pro" in run.answer
    ), run.answer
    assert len(owui.files) == 2
