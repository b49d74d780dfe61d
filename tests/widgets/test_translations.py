"""Every user-facing string in widgets/ is in the .ts files, and the default (zh_CN) has all of them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sandbox_app.data.resources import resource_path

TS_DIR = resource_path("translations")
WIDGETS = Path(__file__).resolve().parents[2] / "widgets"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name", ""), msg.findtext("source", "")): msg
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }


def test_zh_cn_translates_every_message() -> None:
    missing = []
    for key, msg in _messages(TS_DIR / "sandbox_zh_CN.ts").items():
        tr = msg.find("translation")
        forms = [tr.text or ""] if tr is not None and len(tr) == 0 else [f.text or "" for f in tr or []]
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            missing.append(key)
    assert missing == []


def test_ts_files_are_up_to_date_with_the_code(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS_DIR / "sandbox_zh_CN.ts", fresh)
    sources = sorted(str(p) for p in WIDGETS.glob("*.py"))
    subprocess.run(
        [str(lupdate), *sources, "-no-obsolete", "-ts", str(fresh)], check=True, capture_output=True
    )
    for name in ("sandbox_zh_CN.ts", "sandbox_en.ts"):
        assert set(_messages(TS_DIR / name)) == set(_messages(fresh)), f"{name}: run pyside6-lupdate"
