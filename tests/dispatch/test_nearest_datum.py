"""`nearest --datum`: a point read off an Amap (GCJ-02) or Baidu (BD-09) map ranks the guards exactly as
the same point in WGS-84."""

from __future__ import annotations

import argparse
from pathlib import Path

import orjson
import pytest

from cli.nearest import register
from sandbox_app.geo import crs
from tests.dispatch.test_nearest import INCIDENT, STREET, STREET_GUARDS, _store_with_fixes, district


def _nearest(db: Path, lon: float, lat: float, capsys: pytest.CaptureFixture[str], *extra: str) -> object:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command", required=True))
    argv = ["nearest", "--db", str(db), "--lon", repr(lon), "--lat", repr(lat), "--at", "2024-05-01T12:00:00"]
    args = parser.parse_args([*argv, "--json", *extra])
    capsys.readouterr()
    assert args.func(args) == 0
    return orjson.loads(capsys.readouterr().out)


def test_nearest_takes_a_datum(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d, fixes = district(STREET, STREET_GUARDS)
    db = _store_with_fixes(tmp_path, d, fixes)
    want = _nearest(db, *INCIDENT, capsys)
    assert want  # some guard ranked
    assert _nearest(db, *crs.wgs84_to_gcj02(*INCIDENT), capsys, "--datum", "gcj02") == want
    assert _nearest(db, *crs.wgs84_to_bd09(*INCIDENT), capsys, "--datum", "bd09") == want
    assert _nearest(db, *crs.wgs84_to_gcj02(*INCIDENT), capsys) != want  # unconverted: ~500 m off
