"""The file loads and is configured the way Open WebUI loads and configures it."""

import inspect
import re
import sys
from pathlib import Path

import pytest
from conftest import SHIM
from owui_harness import OpenWebUI, extract_frontmatter, installed, load_function, replace_imports
from pydantic import ValidationError


def load(tmp_path: Path):
    with installed(OpenWebUI(tmp_path)):
        return load_function(SHIM)


def test_frontmatter_is_what_the_functions_page_shows(tmp_path: Path) -> None:
    _, frontmatter = load(tmp_path)
    assert frontmatter["title"] == "FLUX Inpaint"
    assert frontmatter["version"] == "3.0.0"
    assert frontmatter["license"] == "MIT"
    assert frontmatter["required_open_webui_version"] == "0.5.0"
    assert frontmatter["author"] and frontmatter["description"]
    assert frontmatter["author_url"] == "https://www.npmjs.com/package/flux-inpaint"
    assert frontmatter["icon_url"].startswith("data:image/svg+xml;base64,")


def test_open_webui_import_rewriting_leaves_the_text_unchanged() -> None:
    text = SHIM.read_text(encoding="utf-8")
    assert replace_imports(text) == text
    assert extract_frontmatter(text)


def test_only_the_standard_library_and_what_open_webui_ships_are_imported() -> None:
    text = SHIM.read_text(encoding="utf-8")
    top = {m.split(".")[0] for m in re.findall(r"^(?:from|import) ([\w.]+)", text, re.M)}
    third_party = top - set(sys.stdlib_module_names)
    # Open WebUI's own requirements (backend/requirements.txt) include aiohttp and pydantic in every version.
    assert third_party == {"aiohttp", "pydantic"}
    assert not re.search(r"\b(requests|httpx|urllib\.request|time\.sleep|open_connection)\b", text)


def test_valve_defaults(tmp_path: Path) -> None:
    action, _ = load(tmp_path)
    assert action.valves.model_dump() == {
        "SIDECAR_URL": "http://127.0.0.1:8787",
        "SIDECAR_TOKEN": "",
        "FLUX_API_URL": "https://api.bfl.ai/v1",
        "FLUX_API_KEY": "",
        "STEPS": 50,
        "GUIDANCE": 60,
        "SAFETY_TOLERANCE": 6,
        "OUTPUT_FORMAT": "jpeg",
        "POLL_INTERVAL": 2,
        "MAX_POLL_ATTEMPTS": 60,
        "SESSION_TTL_MINUTES": 30,
        "TRANSLATE_PROMPTS": "auto",
        "TRANSLATION_MODEL": "",
        "RESULT_MESSAGE": "auto",
        "DEBUG": False,
    }
    assert all(f.description for f in action.Valves.model_fields.values())


@pytest.mark.parametrize(
    "bad",
    [
        {"STEPS": 14},
        {"STEPS": 51},
        {"STEPS": 20.5},
        {"GUIDANCE": 1.4},
        {"GUIDANCE": 100.1},
        {"SAFETY_TOLERANCE": 7},
        {"SAFETY_TOLERANCE": -1},
        {"OUTPUT_FORMAT": "webp"},
        {"POLL_INTERVAL": 0},
        {"POLL_INTERVAL": 31},
        {"MAX_POLL_ATTEMPTS": 0},
        {"MAX_POLL_ATTEMPTS": 10001},
        {"SESSION_TTL_MINUTES": 1441},
        {"TRANSLATE_PROMPTS": "sometimes"},
        {"RESULT_MESSAGE": "other"},
        {"SIDECAR_URL": "127.0.0.1:8787"},
        {"FLUX_API_URL": "ftp://api.bfl.ai"},
    ],
)
def test_valves_refuse_what_the_sidecar_refuses(tmp_path: Path, bad: dict) -> None:
    action, _ = load(tmp_path)
    with pytest.raises(ValidationError):
        action.Valves(**bad)


def test_action_signature_takes_what_open_webui_passes(tmp_path: Path) -> None:
    action, _ = load(tmp_path)
    params = inspect.signature(action.action).parameters
    assert inspect.iscoroutinefunction(action.action)
    assert {
        "body",
        "__user__",
        "__event_emitter__",
        "__event_call__",
        "__request__",
        "__id__",
        "__model__",
    } <= set(params)
    assert any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
