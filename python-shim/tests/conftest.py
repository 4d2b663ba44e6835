import asyncio
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fake_sidecar import TOKEN, FakeSidecar, Script  # noqa: E402
from owui_harness import Chat, Driver, Flavour, OpenWebUI, Run, run_action  # noqa: E402

SHIM = Path(__file__).resolve().parents[1] / "flux_inpaint.py"


@dataclass
class Outcome:
    run: Run
    sidecar: FakeSidecar

    @property
    def statuses(self) -> list[str]:
        return [e["data"]["description"] for e in self.run.chat.events if e.get("type") == "status"]


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> Flavour:
    """Open WebUI before 0.9 (plain model helpers) and since (coroutines)."""
    return request.param


@pytest.fixture
def owui(tmp_path: Path) -> OpenWebUI:
    state = OpenWebUI(tmp_path)
    state.add_user("u1")
    return state


Session = Callable[..., Outcome]


@pytest.fixture
def session(owui: OpenWebUI) -> Session:
    """Runs one click against a fake sidecar playing `script`; fails the test if the click takes over 15 s."""

    def start(
        script: Script,
        *,
        flavour: Flavour = "async",
        driver: Driver | None = None,
        valves: dict[str, Any] | None = None,
        refuse: tuple[int, dict] | None = None,
        chat: Chat | None = None,
        files_api: bool = True,
        user: str = "u1",
    ) -> Outcome:
        async def main() -> Outcome:
            async with FakeSidecar(script, refuse=refuse) as sidecar:
                all_valves = {"SIDECAR_URL": sidecar.url, "SIDECAR_TOKEN": TOKEN, **(valves or {})}
                run = await asyncio.wait_for(
                    run_action(SHIM, None, all_valves, owui.users[user], driver, flavour, owui=owui, chat=chat, files_api=files_api),
                    15,
                )
                assert sidecar.errors == []
                return Outcome(run, sidecar)

        return asyncio.run(main())

    return start
