import asyncio
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fake_sidecar import TOKEN, FakeSidecar, Script
from owui_harness import Chat, Driver, OpenWebUI, Run, run_action
from owui_versions import NEWEST, VERSIONS

SHIM = Path(__file__).resolve().parents[1] / "flux_inpaint.py"


@dataclass
class Outcome:
    run: Run
    sidecar: FakeSidecar

    @property
    def statuses(self) -> list[str]:
        return [e["data"]["description"] for e in self.run.chat.events if e.get("type") == "status"]


@pytest.fixture(params=["0.6.43", "0.10.1"])
def flavour(request: pytest.FixtureRequest) -> str:
    """Open WebUI before 0.9 (plain model helpers) and since (coroutines)."""
    assert VERSIONS[request.param].helpers_async == (request.param == "0.10.1")
    return request.param


@pytest.fixture(params=sorted(VERSIONS))
def version(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def owui(tmp_path: Path) -> OpenWebUI:
    state = OpenWebUI(tmp_path)
    state.add_user("u1")
    return state


Session = Callable[..., Outcome]


@pytest.fixture
def session(owui: OpenWebUI) -> Session:
    """Runs one click against a fake sidecar playing `script`. A click still running after 15 s fails
    the test: a guard against hangs (every wait the function may do on its own is longer, its connect
    timeout shorter), not a timing: timings are `npm run bench`'s."""

    def start(
        script: Script,
        *,
        version: str = NEWEST,
        flavour: str | None = None,
        driver: Driver | None = None,
        valves: dict[str, Any] | None = None,
        refuse: tuple[int, dict] | None = None,
        impostor: bool = False,
        forged_hello: bool = False,
        chat: Chat | None = None,
        body: dict | None = None,
        model: dict | None = None,
        user: str = "u1",
    ) -> Outcome:
        async def main() -> Outcome:
            async with FakeSidecar(
                script, refuse=refuse, impostor=impostor, forged_hello=forged_hello
            ) as sidecar:
                all_valves = {"SIDECAR_URL": sidecar.url, "SIDECAR_TOKEN": TOKEN, **(valves or {})}
                run = await asyncio.wait_for(
                    run_action(
                        SHIM,
                        body,
                        all_valves,
                        owui.users[user],
                        driver,
                        flavour or version,
                        owui=owui,
                        chat=chat,
                        model=model,
                    ),
                    15,
                )
                assert sidecar.errors == [] and sidecar.bad_macs == []
                return Outcome(run, sidecar)

        return asyncio.run(main())

    return start
