"""The function's valves accept exactly what the sidecar accepts: names, defaults, ranges and choices.

The sidecar's side is its zod schema, written to dist/valves.schema.json by `npm run build` (and by the
Vitest run that precedes these tests in `npm test`).
"""

import json
from pathlib import Path

import pytest
from conftest import SHIM
from owui_harness import OpenWebUI, installed, load_function

SIDECAR_SCHEMA = SHIM.parents[1] / "dist" / "valves.schema.json"
# Valves only the function needs: where the sidecar is and how to prove itself to it.
FUNCTION_ONLY = {"SIDECAR_URL", "SIDECAR_TOKEN"}
COMPARED = ("default", "type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "enum")


def sidecar_valves() -> dict:
    if not SIDECAR_SCHEMA.exists():
        pytest.fail(f"{SIDECAR_SCHEMA} is missing: run `npm run build` first")
    return json.loads(SIDECAR_SCHEMA.read_text(encoding="utf-8"))["properties"]


def function_valves(tmp_path: Path) -> dict:
    with installed(OpenWebUI(tmp_path)):
        action, _ = load_function(SHIM)
    return action.Valves.model_json_schema()["properties"]


def described(prop: dict) -> dict:
    """The checked facts of one valve; pydantic writes Literal choices as `enum` with a `type`, zod the same."""
    out = {k: prop[k] for k in COMPARED if k in prop}
    if isinstance(out.get("default"), (int, float)) and not isinstance(out["default"], bool):
        out["default"] = float(out["default"])
    return out


def test_the_function_has_every_valve_the_sidecar_reads_and_no_other(tmp_path: Path) -> None:
    assert set(function_valves(tmp_path)) - FUNCTION_ONLY == set(sidecar_valves())


def test_defaults_ranges_and_choices_agree_by_value(tmp_path: Path) -> None:
    function = function_valves(tmp_path)
    for name, prop in sidecar_valves().items():
        theirs, ours = described(prop), described(function[name])
        assert ours == theirs, f"valve {name}: function {ours} != sidecar {theirs}"
