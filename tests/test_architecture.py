"""The house rules that DESIGN.md says are enforced, not hoped for.

The rules themselves live in pyproject.toml: import-linter contracts (`[tool.importlinter]`: the layers
cli > widgets > layers > sandbox_app, no Qt/pyqtgraph/VTK below the widgets, no VTK in the command line, no
import cycles between the core's packages) and ruff's banned APIs (`TID251`: the wall clock only in
`sandbox_app/engine/clock.py`). `make lint` runs both. These tests show that each rule holds on the tree
and fails on a deliberate violation, so a contract that silently stopped matching anything is caught too.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RUFF = BIN / "ruff"
LINT_IMPORTS = BIN / "lint-imports"
PACKAGES = ("sandbox_app", "layers", "widgets", "cli")


def _run(cmd: list[str], cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=120)


# --- the wall clock (ruff TID251) ---------------------------------------------------------------------


def _ruff_wall_clock(source: str, filename: str) -> subprocess.CompletedProcess[str]:
    """Ruff's banned-API rule on `source` as if it were the file `filename` (per-file ignores apply)."""
    return _run(
        [str(RUFF), "check", "--no-cache", "--select", "TID251", "--stdin-filename", filename, "-"],
        REPO_ROOT,
        source,
    )


@pytest.mark.parametrize(
    "source",
    [
        "import time\n\ntime.time()\n",
        "from time import time\n\ntime()\n",
        "import time as t\n\nt.time_ns()\n",
        "import datetime as dt\n\ndt.datetime.now()\n",
        "from datetime import datetime\n\ndatetime.utcnow()\n",
        "from datetime import date\n\ndate.today()\n",
        "from datetime import datetime\n\ndatetime.today()\n",
    ],
)
@pytest.mark.parametrize(
    "where", ["sandbox_app/engine/pipeline.py", "layers/x.py", "widgets/x.py", "cli/x.py"]
)
def test_reading_the_wall_clock_outside_the_clock_module_fails_lint(source: str, where: str) -> None:
    result = _ruff_wall_clock(source, where)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "TID251" in result.stdout


def test_the_clock_module_may_read_the_wall_clock() -> None:
    result = _ruff_wall_clock("import time\n\ntime.time()\n", "sandbox_app/engine/clock.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_the_clock_module_reads_the_wall_clock() -> None:
    result = _run([str(RUFF), "check", "--no-cache", "--select", "TID251", *PACKAGES], REPO_ROOT)
    assert result.returncode == 0, result.stdout


# --- the layer rules (import-linter) ------------------------------------------------------------------


def test_the_tree_keeps_every_import_contract() -> None:
    result = _run([str(LINT_IMPORTS), "--no-cache"], REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


VIOLATIONS = {
    # Qt below the widgets, imported inside a function (a module-import scan would miss it)
    "sandbox_app/domain/_qt_violation.py": "def f() -> None:\n    from PySide6 import QtCore  # noqa\n",
    # a lower layer importing a higher one
    "layers/_layer_violation.py": "import widgets.map2d  # noqa\n",
    # VTK in the command line
    "cli/_vtk_violation.py": "def f() -> None:\n    import vtkmodules  # noqa\n",
    # a package cycle: the engine imports the store, so the store must not import the engine
    "sandbox_app/store/_cycle_violation.py": "from sandbox_app.engine import pipeline  # noqa\n",
    # a module cycle among the widgets: the notifier plays the tone, so the tone must not import the notifier
    "widgets/sound.py": (REPO_ROOT / "widgets/sound.py").read_text(encoding="utf-8")
    + "\nimport widgets.alert_notice  # noqa\n",
}


@pytest.fixture(scope="module")
def broken_tree(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A copy of the packages with one deliberate violation of each contract; lint-imports' report."""
    root = tmp_path_factory.mktemp("violations")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm")
    for name in PACKAGES:
        shutil.copytree(REPO_ROOT / name, root / name, ignore=ignore)
    shutil.copy(REPO_ROOT / "pyproject.toml", root / "pyproject.toml")
    for path, text in VIOLATIONS.items():
        (root / path).write_text(text, encoding="utf-8")
    result = _run([str(LINT_IMPORTS), "--no-cache"], root)
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout


@pytest.mark.parametrize(
    "contract, module",
    [
        ("The core and the Qt-free renderers never import Qt", "sandbox_app.domain._qt_violation"),
        ("Layers: cli above widgets above layers above sandbox_app", "layers._layer_violation"),
        ("VTK only in the widgets", "cli._vtk_violation"),
        ("No import cycles in the core, layers, widgets or commands", ".store -> .engine"),
        ("No import cycles in the core, layers, widgets or commands", ".sound -> .alert_notice"),
    ],
)
def test_each_import_contract_fails_on_a_violation(broken_tree: str, contract: str, module: str) -> None:
    lines = [line for line in broken_tree.splitlines() if line.startswith(contract)]
    assert any("BROKEN" in line for line in lines), broken_tree
    assert module in broken_tree, broken_tree


# --- the command line ---------------------------------------------------------------------------------


def _private_imports(path: Path) -> list[str]:
    """`from X import _name` (a private name of another module) and imports of a private module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            parts = node.module.split(".")
            found += [f"{node.module}.{a.name}" for a in node.names if _is_private(a.name)]
            found += [node.module] if any(_is_private(p) for p in parts) else []
    return found


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_private_import_scan_finds_them(tmp_path: Path) -> None:
    assert _private_imports(REPO_ROOT / "cli" / "common.py") == []
    scratch = tmp_path / "scratch.py"
    scratch.write_text("from cli import _existing_store\nfrom sandbox_app.rules._where import x\n")
    assert _private_imports(scratch) == ["cli._existing_store", "sandbox_app.rules._where"]


def test_command_modules_use_only_public_helpers() -> None:
    """Command groups share helpers through `cli.common`'s public names, never each other's privates."""
    offenders = {
        str(path.relative_to(REPO_ROOT)): found
        for path in sorted((REPO_ROOT / "cli").glob("*.py"))
        if (found := _private_imports(path))
    }
    assert offenders == {}


def test_every_command_group_registers_its_commands() -> None:
    import cli

    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    commands = set(sub.choices)
    assert {
        "import",
        "ingest",
        "state",
        "alerts",
        "alert",
        "backtest",
        "nearest",
        "dispatch",
        "serve",
    } <= commands
    assert all(callable(getattr(group, "register", None)) for group in cli.COMMAND_GROUPS)
