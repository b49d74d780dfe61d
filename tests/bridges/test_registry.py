"""One registry of bridges keyed by config section (`bridges/registry.py`): every section a bridges file
may configure has exactly one starter, and `Bridges` starts them through the table (no if-chain)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from sandbox_app.bridges.config import BridgesConfig
from sandbox_app.bridges.registry import STARTERS
from sandbox_app.bridges.runner import Bridges
from sandbox_app.domain.model import District


def test_every_config_section_has_one_starter() -> None:
    sections = {f.name for f in dataclasses.fields(BridgesConfig)} - {"path"}
    assert set(STARTERS) == sections


def test_start_walks_the_table_in_order_for_the_configured_sections(monkeypatch: Any) -> None:
    called: list[tuple[str, object]] = []
    for name in STARTERS:
        monkeypatch.setitem(STARTERS, name, lambda host, s, name=name: called.append((name, s)))
    config = BridgesConfig(path=Path("bridges.toml"), gt06=object(), osmand=object())  # type: ignore[arg-type]
    bridges = Bridges(config, District(name="", timezone="UTC"), sink=lambda items: None, clock=None)  # type: ignore[arg-type]
    bridges.start()
    assert [name for name, _ in called] == ["osmand", "gt06"]
    assert called[0][1] is config.osmand
