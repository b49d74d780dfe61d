"""The house rules that DESIGN.md says are enforced, not hoped for."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
CORE = REPO_ROOT / "sandbox_app"
GUI_MODULES = ("PySide6", "pyqtgraph", "vtk", "vtkmodules", "shiboken6")
CLOCK_MODULE = CORE / "engine" / "clock.py"


def _core_modules() -> list[str]:
    names = []
    for path in sorted(CORE.rglob("*.py")):
        parts = path.relative_to(REPO_ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_core_never_loads_qt_or_vtk() -> None:
    """Import every core module in a fresh interpreter and check no GUI toolkit came along."""
    modules = _core_modules()
    assert len(modules) > 10, "the scan found too few modules to mean anything"
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {GUI_MODULES!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"core pulled in GUI modules: {out.stdout.strip()}"


def _wall_clock_calls(tree: ast.AST) -> list[int]:
    banned = {
        ("time", "time"),
        ("time", "time_ns"),
        ("datetime", "now"),
        ("datetime", "utcnow"),
        ("date", "today"),
        ("datetime", "today"),
    }
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            owner_name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
            if (owner_name, node.func.attr) in banned:
                lines.append(node.lineno)
    return lines


@pytest.mark.parametrize(
    "source, expected",
    [
        ("import time\ntime.time()\n", [2]),
        ("import datetime\ndatetime.datetime.now()\n", [2]),
        ("x = 1\n", []),
    ],
)
def test_wall_clock_scan_finds_calls(source: str, expected: list[int]) -> None:
    assert _wall_clock_calls(ast.parse(source)) == expected


def test_only_the_clock_module_reads_the_wall_clock() -> None:
    offenders = {}
    for path in CORE.rglob("*.py"):
        if path == CLOCK_MODULE:
            continue
        lines = _wall_clock_calls(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            offenders[str(path.relative_to(REPO_ROOT))] = lines
    assert offenders == {}, f"wall clock read outside sandbox_app/engine/clock.py: {offenders}"
