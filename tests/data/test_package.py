"""District package import: valid packages in every file format, each error class, CRS conversion,
progress. Packages are written into tmp_path from the tables below, then edited per test."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from sandbox_app.data.package import PackageError, Problem, load_package
from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.enums import GuardRole, PersonTag, Relation, RoomUsage

LON, LAT = 116.35, 40.0
Layers = dict[str, pd.DataFrame]


def _box(dx: float, dy: float, size: float) -> shapely.Polygon:
    return shapely.box(LON + dx, LAT + dy, LON + dx + size, LAT + dy + size)


def base_layers() -> Layers:
    """A tiny valid district: two compounds, three buildings, rooms, people, devices, guards, roads, gates."""
    return {
        "compounds": gpd.GeoDataFrame(
            {"id": ["C1", "C2"], "name": ["富润家园", "学士居"]},
            geometry=[_box(0, 0, 0.004), _box(0.005, 0, 0.004)],
            crs="EPSG:4326",
        ),
        "buildings": gpd.GeoDataFrame(
            {
                "id": ["B1", "B2", "B3"],
                "compound_id": ["C1", "C1", "C2"],
                "name": ["1号楼", "2号楼", "3号楼"],
                "floors": [6, 3, 18],
                "height_m": [18.5, None, 54.0],
                "year_built": [1998, 2003, 2010],
            },
            geometry=[_box(0.001, 0.001, 0.0005), _box(0.002, 0.001, 0.0005), _box(0.006, 0.001, 0.0005)],
            crs="EPSG:4326",
        ),
        "rooms": pd.DataFrame(
            {
                "id": ["0101", "0102", "R301"],
                "building_id": ["B1", "B1", "B3"],
                "entrance": ["1", "1", "2"],
                "floor": ["1", "1", "-1"],
                "number": ["101", "102", "B01"],
                "usage": ["rental", "owner", "shop"],
                "area_m2": ["45", "", "80.5"],
            }
        ),
        "people": pd.DataFrame(
            {
                "id": ["P0001", "P0002", "P0003"],
                "name": ["测试居民0001", "测试居民0002", "测试居民0003"],
                "room_id": ["0101", "0102", ""],
                "relation": ["tenant", "owner", "visitor"],
                "tags": ["elderly_alone;floating", "", "key_person"],
                "credentials": ["CARD-0001；FACE-0001", "", ""],
                "phone": ["000-0000-0001", "000-0000-0002", "000-0000-0003"],
            }
        ),
        "devices": pd.DataFrame(
            {
                "id": ["D1", "D2", "D3", "D4", "D5", "D6"],
                "kind": [
                    "door_magnet",
                    "smoke_detector",
                    "face_gate",
                    "perimeter_detector",
                    "gps_tracker",
                    "radio",
                ],
                "name": ["门磁0101", "烟感1号楼", "东门人脸", "周界1", "", "对讲机"],
                "room_id": ["0101", "", "", "", "", ""],
                "building_id": ["", "B1", "", "", "", ""],
                "gate_id": ["", "", "G1", "", "", ""],
                "lon": ["", "", "", str(LON + 0.0041), "", ""],
                "lat": ["", "", "", str(LAT + 0.002), "", ""],
            }
        ),
        "guards": pd.DataFrame(
            {
                "id": ["G01", "G02"],
                "name": ["测试民警01", "测试辅警02"],
                "role": ["police", "auxiliary"],
                "device_id": ["D5", ""],
            }
        ),
        "roads": gpd.GeoDataFrame(
            {"id": ["W1", "W2"], "kind": ["footway", "service"], "oneway": ["no", "yes"]},
            geometry=[
                shapely.LineString([(LON, LAT), (LON + 0.004, LAT)]),
                shapely.LineString([(LON, LAT + 0.001), (LON + 0.004, LAT + 0.001)]),
            ],
            crs="EPSG:4326",
        ),
        "gates": gpd.GeoDataFrame(
            {
                "id": ["G1", "G2"],
                "name": ["东门", "西门"],
                "compound_id": ["C1", ""],
                "closed_hours": ["23-6", ""],
            },
            geometry=[shapely.Point(LON + 0.004, LAT + 0.002), shapely.Point(LON, LAT + 0.002)],
            crs="EPSG:4326",
        ),
    }


MANIFEST = {"name": "测试社区", "crs": "wgs84", "timezone": "Asia/Shanghai", "police_office": "测试警务室"}


def write_package(
    root: Path,
    layers: Layers | None = None,
    manifest: dict[str, Any] | None = None,
    geo: str = ".geojson",
    table: str = ".csv",
) -> Path:
    """Write `layers` (default: the valid base) as a package folder; GeoDataFrames become geometry files."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "manifest.json").write_text(
        json.dumps(MANIFEST if manifest is None else manifest), encoding="utf-8"
    )
    for name, frame in (base_layers() if layers is None else layers).items():
        if isinstance(frame, gpd.GeoDataFrame):
            frame.to_file(root / f"{name}{geo}", engine="pyogrio")
        elif table == ".xlsx":
            frame.to_excel(root / f"{name}.xlsx", index=False)
        else:
            frame.to_csv(root / f"{name}.csv", index=False)
    return root


def load_problems(root: Path) -> list[Problem]:
    with pytest.raises(PackageError) as info:
        load_package(root)
    return info.value.problems


def only(problems: list[Problem], file: str | None = None) -> Problem:
    """The single problem (in `file`), so a test fails if an error echoes into unrelated ones."""
    chosen = [p for p in problems if file is None or p.file == file]
    assert len(chosen) == 1, [str(p) for p in problems]
    return chosen[0]


def edited(tmp_path: Path, edit: Callable[[Layers], None], **kw: Any) -> list[Problem]:
    layers = base_layers()
    edit(layers)
    return load_problems(write_package(tmp_path / "pkg", layers, **kw))


# --- valid packages -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("geo", "table"), [(".geojson", ".csv"), (".gpkg", ".xlsx"), (".gpkg", ".csv")])
def test_valid_package_loads_every_layer(tmp_path: Path, geo: str, table: str) -> None:
    d = load_package(write_package(tmp_path / "pkg", geo=geo, table=table))
    assert (d.name, d.timezone) == ("测试社区", "Asia/Shanghai")
    assert d.extra == {"police_office": "测试警务室"}
    counts = [
        len(x) for x in (d.compounds, d.buildings, d.rooms, d.people, d.devices, d.guards, d.roads, d.gates)
    ]
    assert counts == [2, 3, 3, 3, 6, 2, 2, 2]
    b1 = d.buildings["B1"]
    assert (b1.compound_id, b1.name, b1.floors, b1.height_m) == ("C1", "1号楼", 6, 18.5)
    assert b1.footprint.equals(_box(0.001, 0.001, 0.0005))
    assert d.compounds["C2"].name == "学士居"
    room = d.rooms["0101"]
    assert (room.building_id, room.entrance, room.floor, room.number, room.usage) == (
        "B1",
        "1",
        1,
        "101",
        RoomUsage.RENTAL,
    )
    assert d.rooms["R301"].floor == -1
    person = d.people["P0001"]
    assert person.room_id == "0101"
    assert person.relation is Relation.TENANT
    assert person.tags == {PersonTag.ELDERLY_ALONE, PersonTag.FLOATING}
    assert person.credentials == {"CARD-0001", "FACE-0001"}
    assert d.people["P0003"].room_id is None
    assert d.guards["G01"].role is GuardRole.POLICE
    assert d.guards["G01"].device_id == "D5"
    assert d.guard_by_device()["D5"].id == "G01"
    assert d.roads["W2"].oneway is True
    assert d.roads["W1"].line.length == pytest.approx(0.004)
    assert d.gates["G1"].closed_hours == "23-6"
    assert d.gates["G1"].location.equals(shapely.Point(LON + 0.004, LAT + 0.002))


def test_devices_are_placed_by_the_ids_they_name(tmp_path: Path) -> None:
    d = load_package(write_package(tmp_path / "pkg"))
    placed = {i: (dev.placement, dev.room_id, dev.building_id, dev.gate_id) for i, dev in d.devices.items()}
    assert placed["D1"] == (Placement.ROOM, "0101", None, None)
    assert placed["D2"] == (Placement.BUILDING, None, "B1", None)
    assert placed["D3"] == (Placement.GATE, None, None, "G1")
    assert placed["D4"] == (Placement.POINT, None, None, None)
    assert d.devices["D4"].location is not None
    assert d.devices["D4"].location.equals(shapely.Point(LON + 0.0041, LAT + 0.002))
    assert d.devices["D5"].location is None  # a tracker's position comes from its gps.fix events


def test_devices_as_geojson_points(tmp_path: Path) -> None:
    layers = base_layers()
    table = layers["devices"]
    points = [
        None if lon == "" else shapely.Point(float(lon), float(lat))
        for lon, lat in zip(table["lon"], table["lat"], strict=True)
    ]
    layers["devices"] = gpd.GeoDataFrame(table.drop(columns=["lon", "lat"]), geometry=points, crs="EPSG:4326")
    d = load_package(write_package(tmp_path / "pkg", layers))
    assert d.devices["D4"].location is not None
    assert d.devices["D4"].location.x == pytest.approx(LON + 0.0041)
    assert d.devices["D1"].location is None
    assert d.devices["D1"].placement is Placement.ROOM


def test_missing_optional_fields_are_defaulted(tmp_path: Path) -> None:
    layers = base_layers()
    layers["buildings"] = layers["buildings"].drop(columns=["name", "height_m"])
    layers["rooms"] = layers["rooms"].drop(columns=["entrance", "number"])
    layers["people"] = layers["people"].drop(columns=["name", "tags", "credentials", "room_id"])
    layers["roads"] = layers["roads"].drop(columns=["oneway"])
    layers["gates"] = layers["gates"].drop(columns=["name", "closed_hours", "compound_id"])
    layers["devices"] = layers["devices"].drop(columns=["name"])
    del layers["guards"]
    d = load_package(write_package(tmp_path / "pkg", layers))
    b = d.buildings["B2"]
    assert (b.name, b.height_m, b.effective_height_m) == ("B2", None, 9.0)
    assert (d.rooms["0101"].entrance, d.rooms["0101"].number) == ("", "0101")
    p = d.people["P0001"]
    assert (p.name, p.room_id, p.tags, p.credentials) == ("P0001", None, frozenset(), frozenset())
    assert d.roads["W1"].oneway is False
    g = d.gates["G1"]
    assert (g.name, g.closed_hours, g.compound_id) == ("G1", "", None)
    assert d.devices["D2"].name == "D2"
    assert d.guards == {}


def test_extra_columns_are_kept_json_safe(tmp_path: Path) -> None:
    layers = base_layers()
    layers["compounds"]["built"] = pd.to_datetime(pd.Series(["2001-05-01", None]))
    layers["compounds"]["households"] = [293, 120]
    layers["compounds"]["rating"] = [4.5, np.nan]
    d = load_package(write_package(tmp_path / "pkg", layers, geo=".gpkg"))
    assert d.buildings["B1"].extra == {"year_built": 1998}
    c1, c2 = d.compounds["C1"].extra, d.compounds["C2"].extra
    assert c1["households"] == 293
    assert c1["rating"] == 4.5
    assert c1["built"].startswith("2001-05-01")
    assert c2["rating"] is None
    assert c2["built"] is None
    assert d.rooms["0101"].extra == {"area_m2": "45"}
    assert d.rooms["0102"].extra == {"area_m2": None}
    assert d.people["P0002"].extra == {"phone": "000-0000-0002"}
    extras = [x.extra for x in d.compounds.values()] + [x.extra for x in d.buildings.values()]
    extras += [x.extra for x in d.rooms.values()] + [x.extra for x in d.people.values()]
    json.dumps(extras, allow_nan=False)
    assert type(c1["households"]) is int


def test_ids_keep_leading_zeros_in_csv_and_xlsx(tmp_path: Path) -> None:
    for table in (".csv", ".xlsx"):
        d = load_package(write_package(tmp_path / table, table=table))
        assert set(d.rooms) == {"0101", "0102", "R301"}
        assert d.people["P0001"].room_id == "0101"


def test_csv_saved_by_chinese_excel_as_gbk(tmp_path: Path) -> None:
    root = write_package(tmp_path / "pkg")
    layers = base_layers()
    layers["people"].to_csv(root / "people.csv", index=False, encoding="gbk")
    assert load_package(root).people["P0001"].name == "测试居民0001"


def test_crs_aliases_in_manifest(tmp_path: Path) -> None:
    for i, alias in enumerate(["WGS-84", "EPSG:4490", "CGCS2000"]):
        d = load_package(write_package(tmp_path / str(i), manifest={**MANIFEST, "crs": alias}))
        assert d.buildings["B1"].footprint.equals(_box(0.001, 0.001, 0.0005))
