"""Hostile district packages (issue 14): files that are not what their extension says, GDAL indirection
(VRT, /vsicurl/, CSV:), SQL inside a GeoPackage, and inputs that used to end in tracebacks or overflow."""

from __future__ import annotations

import json
import socket
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from sandbox_app.data.package import PackageError, load_package
from tests.data.test_package import base_layers, load_problems, write_package

SECRET = "TOP-SECRET-6c1f0e"


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    """A 0600 file only its owner may read, with one known line; the attack tries to echo it."""
    path = tmp_path / "secret.csv"
    path.write_text(f"id,value\n1,{SECRET}\n", encoding="utf-8")
    path.chmod(0o600)
    return path


class Listener:
    """A TCP listener on 127.0.0.1 that counts connections (no reply), to prove no request is made."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    lst = Listener()
    yield lst
    lst.close()


def _vrt(source: str, layer: str = "secret") -> str:
    return (
        "<OGRVRTDataSource>"
        f'<OGRVRTLayer name="{layer}"><SrcDataSource>{source}</SrcDataSource>'
        f"<SrcSQL>SELECT * FROM {layer}</SrcSQL></OGRVRTLayer>"
        "</OGRVRTDataSource>"
    )


def _report(root: Path) -> str:
    with pytest.raises(PackageError) as info:
        load_package(root)
    return str(info.value) + "\n" + "\n".join(str(p) for p in info.value.problems)


@pytest.mark.parametrize("name", ["buildings.geojson", "buildings.gpkg", "devices.geojson"])
def test_disguised_vrt_naming_a_private_file_is_refused_unread(
    tmp_path: Path, secret_file: Path, name: str
) -> None:
    root = write_package(tmp_path / "pkg")
    for old in root.glob(name.split(".")[0] + ".*"):
        old.unlink()
    (root / name).write_text(_vrt(f"CSV:{secret_file}"), encoding="utf-8")
    report = _report(root)
    assert SECRET not in report
    assert f"{name}: not a " in report and "content" in report


def test_vsicurl_in_a_disguised_vrt_makes_no_request(tmp_path: Path, listener: Listener) -> None:
    root = write_package(tmp_path / "pkg")
    (root / "buildings.geojson").write_text(
        _vrt(f"/vsicurl/http://127.0.0.1:{listener.port}/x.csv"), encoding="utf-8"
    )
    report = _report(root)
    assert "buildings.geojson: not a GeoJSON" in report
    assert listener.connections == 0


@pytest.mark.parametrize("prefix", ["/vsicurl/", "GeoJSON:/vsicurl/", ""])
def test_a_url_as_the_file_content_makes_no_request(tmp_path: Path, listener: Listener, prefix: str) -> None:
    root = write_package(tmp_path / "pkg")
    (root / "buildings.geojson").write_text(
        f"{prefix}http://127.0.0.1:{listener.port}/b.geojson", encoding="utf-8"
    )
    assert "buildings.geojson: not a GeoJSON file" in _report(root)
    assert listener.connections == 0


def test_gdal_network_access_is_off_for_the_process(listener: Listener) -> None:
    """Even a direct GDAL open of a /vsicurl/ URL (not reachable through the importer) sends nothing."""
    import pyogrio

    from sandbox_app.data import files  # noqa: F401 - importing it turns GDAL's network off

    with pytest.raises(Exception):  # noqa: B017 - any GDAL error will do; the point is no request
        pyogrio.read_dataframe(f"/vsicurl/http://127.0.0.1:{listener.port}/b.geojson")
    assert listener.connections == 0


def test_folder_name_with_a_driver_prefix_is_read_as_a_plain_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, secret_file: Path
) -> None:
    """A relative folder named `CSV:...` must not make GDAL pick the CSV driver for it."""
    monkeypatch.chdir(tmp_path)
    write_package(tmp_path / "CSV:pkg")
    district = load_package(Path("CSV:pkg"))
    assert set(district.buildings) == {"B1", "B2", "B3"}


def test_geojson_that_is_not_json_is_refused(tmp_path: Path) -> None:
    root = write_package(tmp_path / "pkg")
    (root / "buildings.geojson").write_bytes(b"PK\x03\x04 something zipped")
    report = _report(root)
    assert "buildings.geojson: not a GeoJSON file" in report


def test_gpkg_that_is_plain_sqlite_is_refused(tmp_path: Path) -> None:
    root = write_package(tmp_path / "pkg", geo=".gpkg")
    (root / "roads.gpkg").unlink()
    con = sqlite3.connect(root / "roads.gpkg")
    con.execute("CREATE TABLE roads (id TEXT)")
    con.commit()
    con.close()
    report = _report(root)
    assert "roads.gpkg: not a GeoPackage" in report


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        (
            "CREATE VIEW sneaky AS SELECT 1 AS x",
            "a GeoPackage with SQL views is not accepted (view 'sneaky')",
        ),
        (
            "CREATE TABLE sneaky (x TEXT, y TEXT AS (upper(x)))",
            "a GeoPackage with computed columns is not accepted (table 'sneaky')",
        ),
        (
            "CREATE VIRTUAL TABLE sneaky USING fts5(x)",
            "a GeoPackage with virtual tables is not accepted (table 'sneaky')",
        ),
    ],
)
def test_gpkg_with_a_view_or_foreign_virtual_table_is_refused(tmp_path: Path, sql: str, reason: str) -> None:
    root = write_package(tmp_path / "pkg", geo=".gpkg")
    con = sqlite3.connect(root / "buildings.gpkg")
    con.execute(sql)
    con.commit()
    con.close()
    assert f"buildings.gpkg: {reason}" in _report(root)


@pytest.mark.parametrize("wal", [False, True])
def test_valid_gpkg_with_its_spatial_index_still_loads(tmp_path: Path, wal: bool) -> None:
    """Also one QGIS left in WAL mode (GDAL is given an in-memory copy, which cannot be WAL)."""
    root = write_package(tmp_path / "pkg", geo=".gpkg")
    if wal:
        con = sqlite3.connect(root / "buildings.gpkg")
        assert con.execute("PRAGMA journal_mode = WAL").fetchone() == ("wal",)
        con.close()
    district = load_package(root)
    assert set(district.buildings) == {"B1", "B2", "B3"}


def test_xlsx_that_is_not_a_zip_is_refused_by_content(tmp_path: Path) -> None:
    root = write_package(tmp_path / "pkg")
    (root / "rooms.csv").unlink()
    (root / "rooms.xlsx").write_text(_vrt("CSV:/etc/passwd"), encoding="utf-8")
    report = _report(root)
    assert "rooms.xlsx: not an XLSX workbook" in report


def test_csv_holding_vrt_xml_is_just_text(tmp_path: Path, secret_file: Path) -> None:
    """A CSV is read by pandas as text, never by GDAL: VRT XML in it is a bad table, not a file read."""
    root = write_package(tmp_path / "pkg")
    (root / "rooms.csv").write_text(_vrt(f"CSV:{secret_file}"), encoding="utf-8")
    assert SECRET not in _report(root)


# --- inputs that used to end in tracebacks, overflows or huge reports ---------------------------------


def test_duplicate_header_after_trimming_in_csv(tmp_path: Path) -> None:
    root = write_package(tmp_path / "pkg")
    (root / "rooms.csv").write_text("id, id,building_id,floor,usage\nR1,R1,B1,1,rental\n", encoding="utf-8")
    problems = load_problems(root)
    assert [str(p) for p in problems] == ["rooms.csv: id: column appears twice (columns 1 and 2)"]


def test_duplicate_property_after_trimming_in_geojson(tmp_path: Path) -> None:
    root = write_package(tmp_path / "pkg")
    data = json.loads((root / "buildings.geojson").read_text(encoding="utf-8"))
    for feature in data["features"]:
        feature["properties"]["floors "] = 3
    (root / "buildings.geojson").write_text(json.dumps(data), encoding="utf-8")
    problems = load_problems(root)
    assert any(
        p.file == "buildings.geojson" and p.field == "floors" and "appears twice" in p.reason
        for p in problems
    ), [str(p) for p in problems]


@pytest.mark.parametrize("depth", [600, 100_000])
def test_manifest_nested_too_deep(tmp_path: Path, depth: int) -> None:
    root = write_package(tmp_path / "pkg")
    nested = "[" * depth + "]" * depth
    (root / "manifest.json").write_text(
        '{"name": "测试社区", "crs": "wgs84", "timezone": "Asia/Shanghai", "x": ' + nested + "}",
        encoding="utf-8",
    )
    problems = load_problems(root)
    assert [p.file for p in problems] == ["manifest.json"]
    assert problems[0].field in ("x", None)  # 100,000 levels fail in the JSON parser itself
    assert "nested deeper than 32 levels" in problems[0].reason


def test_manifest_integer_over_64_bits(tmp_path: Path) -> None:
    root = write_package(tmp_path / "pkg")
    (root / "manifest.json").write_text(
        '{"name": "测试社区", "crs": "wgs84", "timezone": "Asia/Shanghai", "x": {"n": ' + "9" * 30 + "}}",
        encoding="utf-8",
    )
    problems = load_problems(root)
    assert [(p.file, p.field) for p in problems] == [("manifest.json", "x")]
    assert "64 bits" in problems[0].reason


@pytest.mark.parametrize(
    ("layer", "col", "value"),
    [
        ("buildings", "floors", "1e300"),
        ("buildings", "floors", "9" * 30),
        ("rooms", "floor", "-1e20"),
        ("rooms", "floor", "-" + "9" * 25),
    ],
)
def test_huge_whole_numbers_are_reported_not_overflowed(
    tmp_path: Path, layer: str, col: str, value: str
) -> None:
    layers = base_layers()
    frame = layers[layer].astype({col: object})
    frame.loc[frame.index[0], col] = value
    layers[layer] = frame
    root = write_package(tmp_path / "pkg", layers)
    problems = [p for p in load_problems(root) if p.field == col]
    assert problems and "out of range" in problems[0].reason, [str(p) for p in problems]


def test_huge_cell_is_quoted_short(tmp_path: Path) -> None:
    root = write_package(tmp_path / "pkg")
    big = "x" * 2_000_000
    (root / "rooms.csv").write_text(f"id,building_id,floor,usage\nR1,B1,{big},{big}\n", encoding="utf-8")
    with pytest.raises(PackageError) as info:
        load_package(root)
    text = str(info.value) + "".join(str(p) for p in info.value.problems)
    assert len(text) < 5_000
    assert "(2000000 characters)" in text


def test_problems_listed_are_capped_with_the_total_count(tmp_path: Path) -> None:
    from sandbox_app.data.problems import MAX_PROBLEMS

    root = write_package(tmp_path / "pkg")
    rows = "".join(f"R{i},B1,0,nonsense\n" for i in range(MAX_PROBLEMS * 2))
    (root / "rooms.csv").write_text("id,building_id,floor,usage\n" + rows, encoding="utf-8")
    with pytest.raises(PackageError) as info:
        load_package(root)
    assert len(info.value.problems) <= MAX_PROBLEMS
    assert info.value.total >= MAX_PROBLEMS * 4  # two per row, plus references into the bad rooms
    assert f"{info.value.total} problem(s)" in str(info.value)
    assert "not listed" in str(info.value)
