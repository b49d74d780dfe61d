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


def geo(layers: Layers, name: str) -> gpd.GeoDataFrame:
    frame = layers[name]
    assert isinstance(frame, gpd.GeoDataFrame)
    return frame


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


# --- one test per error class: file, row, field and reason ----------------------------------------------


def test_missing_manifest(tmp_path: Path) -> None:
    root = write_package(tmp_path / "pkg")
    (root / "manifest.json").unlink()
    assert only(load_problems(root)) == Problem("manifest.json", None, None, "required file is missing")


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        (
            {"crs": "epsg:3857"},
            "crs",
            "unknown crs 'epsg:3857'; expected one of wgs84, cgcs2000, gcj02, bd09",
        ),
        ({"timezone": "Asia/Beijing"}, "timezone", "unknown time zone 'Asia/Beijing' (e.g. Asia/Shanghai)"),
        ({"name": ""}, "name", "required text value is missing"),
    ],
)
def test_bad_manifest_values(tmp_path: Path, change: dict[str, str], field: str, reason: str) -> None:
    root = write_package(tmp_path / "pkg", manifest={**MANIFEST, **change})
    assert only(load_problems(root)) == Problem("manifest.json", None, field, reason)


def test_manifest_that_is_not_json(tmp_path: Path) -> None:
    root = write_package(tmp_path / "pkg")
    (root / "manifest.json").write_text("{name: 1", encoding="utf-8")
    p = only(load_problems(root))
    assert (p.file, p.row, p.field) == ("manifest.json", None, None)
    assert p.reason.startswith("cannot read:")


def test_missing_required_layer(tmp_path: Path) -> None:
    root = write_package(tmp_path / "pkg")
    (root / "buildings.geojson").unlink()
    problems = load_problems(root)
    # Rooms point at buildings, but with no buildings file at all that is not reported again per room.
    assert only(problems) == Problem(
        "buildings.geojson or buildings.gpkg", None, None, "required layer is missing"
    )


def test_missing_required_column(tmp_path: Path) -> None:
    problems = edited(tmp_path, lambda ls: ls.update(rooms=ls["rooms"].drop(columns=["usage"])))
    assert only(problems) == Problem("rooms.csv", None, "usage", "required column is missing")


def test_required_value_empty(tmp_path: Path) -> None:
    def edit(ls: Layers) -> None:
        ls["guards"].loc[1, "role"] = ""

    assert only(edited(tmp_path, edit)) == Problem("guards.csv", 3, "role", "required value is empty")


def test_wrong_geometry_type(tmp_path: Path) -> None:
    def edit(ls: Layers) -> None:
        ls["buildings"].loc[1, "geometry"] = shapely.LineString([(LON, LAT), (LON + 0.001, LAT)])

    assert only(edited(tmp_path, edit)) == Problem(
        "buildings.geojson", 2, "geometry", "geometry is LineString, expected Polygon"
    )


def test_single_part_multipolygon_is_accepted(tmp_path: Path) -> None:
    layers = base_layers()
    layers["buildings"].loc[0, "geometry"] = shapely.MultiPolygon([_box(0.001, 0.001, 0.0005)])
    d = load_package(write_package(tmp_path / "pkg", layers, geo=".gpkg"))
    assert d.buildings["B1"].footprint.geom_type == "Polygon"


def test_invalid_geometry(tmp_path: Path) -> None:
    bowtie = shapely.Polygon([(LON, LAT), (LON + 0.001, LAT + 0.001), (LON + 0.001, LAT), (LON, LAT + 0.001)])

    def edit(ls: Layers) -> None:
        ls["compounds"].loc[0, "geometry"] = bowtie

    p = only(edited(tmp_path, edit))
    assert (p.file, p.row, p.field) == ("compounds.geojson", 1, "geometry")
    assert p.reason.startswith("invalid geometry: Self-intersection")


def test_missing_geometry(tmp_path: Path) -> None:
    def edit(ls: Layers) -> None:
        ls["gates"].loc[1, "geometry"] = None

    assert only(edited(tmp_path, edit)) == Problem("gates.geojson", 2, "geometry", "missing geometry")


def test_coordinates_outside_lon_lat_range(tmp_path: Path) -> None:
    def edit(ls: Layers) -> None:
        ls["gates"].loc[0, "geometry"] = shapely.Point(LAT, 200.0)  # swapped and wrong
        ls["devices"].loc[3, "lat"] = "95"

    problems = edited(tmp_path, edit)
    gate = only(problems, "gates.geojson")
    assert (gate.row, gate.field) == (1, "geometry")
    assert gate.reason.startswith(
        "coordinates outside lon -180..180 / lat -90..90 (lon 40..40, lat 200..200)"
    )
    assert only(problems, "devices.csv") == Problem("devices.csv", 5, "lat", "latitude 95 outside -90..90")


def test_projected_geopackage_is_rejected(tmp_path: Path) -> None:
    layers = base_layers()
    layers["roads"] = geo(layers, "roads").to_crs("EPSG:3857")
    p = only(load_problems(write_package(tmp_path / "pkg", layers, geo=".gpkg")))
    assert (p.file, p.row, p.field) == ("roads.gpkg", None, None)
    assert p.reason.startswith("projected CRS EPSG:3857")


def test_duplicate_ids(tmp_path: Path) -> None:
    def edit(ls: Layers) -> None:
        ls["people"].loc[2, "id"] = "P0001"
        ls["buildings"].loc[2, "id"] = "B1"

    problems = edited(tmp_path, edit)
    assert only(problems, "buildings.geojson") == Problem(
        "buildings.geojson", 3, "id", "duplicate id 'B1' (first at row 1)"
    )
    assert only(problems, "people.csv") == Problem(
        "people.csv", 4, "id", "duplicate id 'P0001' (first at row 2)"
    )


@pytest.mark.parametrize(
    ("layer", "row", "field", "value", "file", "reason"),
    [
        ("buildings", 0, "compound_id", "C9", "buildings.geojson", "unknown compound 'C9'"),
        ("rooms", 1, "building_id", "B9", "rooms.csv", "unknown building 'B9'"),
        ("people", 0, "room_id", "9999", "people.csv", "unknown room '9999'"),
        ("devices", 0, "room_id", "9999", "devices.csv", "unknown room '9999'"),
        ("devices", 1, "building_id", "B9", "devices.csv", "unknown building 'B9'"),
        ("devices", 2, "gate_id", "G9", "devices.csv", "unknown gate 'G9'"),
        ("guards", 0, "device_id", "D9", "guards.csv", "unknown device 'D9'"),
        ("gates", 0, "compound_id", "C9", "gates.geojson", "unknown compound 'C9'"),
    ],
)
def test_dangling_references(
    tmp_path: Path, layer: str, row: int, field: str, value: str, file: str, reason: str
) -> None:
    def edit(ls: Layers) -> None:
        ls[layer].loc[row, field] = value

    first_row = 1 if file.endswith(".geojson") else 2
    assert only(edited(tmp_path, edit)) == Problem(file, row + first_row, field, reason)


def test_reference_into_an_absent_optional_layer_dangles(tmp_path: Path) -> None:
    layers = base_layers()
    del layers["gates"]
    assert only(load_problems(write_package(tmp_path / "pkg", layers))) == Problem(
        "devices.csv", 4, "gate_id", "unknown gate 'G1'"
    )


@pytest.mark.parametrize(
    ("layer", "row", "field", "value", "file", "reason"),
    [
        ("rooms", 0, "usage", "rent", "rooms.csv", "unknown usage 'rent'; expected one of: "),
        ("people", 1, "relation", "lodger", "people.csv", "unknown relation 'lodger'; expected one of: "),
        (
            "people",
            0,
            "tags",
            "elderly_alone;old",
            "people.csv",
            "unknown tags value 'old'; expected some of: ",
        ),
        ("guards", 1, "role", "sheriff", "guards.csv", "unknown role 'sheriff'; expected one of: "),
        ("devices", 0, "kind", "doorbell", "devices.csv", "unknown kind 'doorbell'; expected one of: "),
    ],
)
def test_bad_enum_values(
    tmp_path: Path, layer: str, row: int, field: str, value: str, file: str, reason: str
) -> None:
    def edit(ls: Layers) -> None:
        ls[layer].loc[row, field] = value

    p = only(edited(tmp_path, edit))
    assert (p.file, p.row, p.field) == (file, row + 2, field)
    assert p.reason.startswith(reason)


def test_enum_values_are_case_insensitive(tmp_path: Path) -> None:
    layers = base_layers()
    layers["rooms"].loc[0, "usage"] = "Rental"
    layers["people"].loc[0, "tags"] = "Elderly_Alone"
    d = load_package(write_package(tmp_path / "pkg", layers))
    assert d.rooms["0101"].usage is RoomUsage.RENTAL
    assert d.people["P0001"].tags == {PersonTag.ELDERLY_ALONE}


def test_placement_not_allowed_for_kind(tmp_path: Path) -> None:
    def edit(ls: Layers) -> None:
        ls["devices"].loc[0, "kind"] = "face_gate"  # in room 0101
        ls["devices"].loc[1, "kind"] = "smart_lock"  # on building B1

    problems = edited(tmp_path, edit)
    assert [(p.row, p.field, p.reason) for p in problems] == [
        (2, "room_id", "a face_gate cannot be placed at a room; allowed: gate, point"),
        (3, "building_id", "a smart_lock cannot be placed at a building; allowed: room"),
    ]


def test_fixed_point_device_needs_a_location(tmp_path: Path) -> None:
    def edit(ls: Layers) -> None:
        ls["devices"].loc[3, ["lon", "lat"]] = ""

    assert only(edited(tmp_path, edit)) == Problem(
        "devices.csv", 5, "geometry", "a perimeter_detector on a point needs a location (geometry or lon/lat)"
    )


def test_device_room_contradicts_building(tmp_path: Path) -> None:
    def edit(ls: Layers) -> None:
        ls["devices"].loc[0, "building_id"] = "B3"

    assert only(edited(tmp_path, edit)) == Problem(
        "devices.csv", 2, "building_id", "room '0101' is in building 'B1', not 'B3'"
    )


def test_guard_device_must_send_gps_and_not_be_shared(tmp_path: Path) -> None:
    def edit(ls: Layers) -> None:
        ls["guards"].loc[1, "device_id"] = "D5"
        ls["guards"].loc[2] = ["G03", "测试网格员03", "grid", "D2"]

    problems = edited(tmp_path, edit)
    assert [(p.row, p.field, p.reason) for p in problems] == [
        (3, "device_id", "device 'D5' is already carried by 'G01'"),
        (4, "device_id", "device 'D2' is a smoke_detector, which sends no gps.fix"),
    ]


@pytest.mark.parametrize(
    ("layer", "row", "field", "value", "file", "reason"),
    [
        ("buildings", 1, "floors", 2.5, "buildings.geojson", "not a whole number: '2.5'"),
        ("buildings", 1, "floors", 0, "buildings.geojson", "must be at least 1, got '0'"),
        ("buildings", 0, "height_m", "tall", "buildings.geojson", "not a number: 'tall'"),
        ("rooms", 0, "floor", "1F", "rooms.csv", "not a number: '1F'"),
        ("rooms", 0, "floor", "7", "rooms.csv", "floor 7 is above the building's 6 floors"),
        (
            "rooms",
            0,
            "floor",
            "0",
            "rooms.csv",
            "there is no floor 0: the ground floor is 1, basements are -1, -2, ...",
        ),
        ("devices", 3, "lon", "east", "devices.csv", "not a number: 'east'"),
        ("roads", 0, "oneway", "maybe", "roads.geojson", "not a yes/no value: 'maybe'"),
        ("gates", 0, "closed_hours", "23:00-6:00", "gates.geojson", "bad closed_hours '23:00-6:00': "),
    ],
)
def test_bad_numbers_and_values(
    tmp_path: Path, layer: str, row: int, field: str, value: Any, file: str, reason: str
) -> None:
    def edit(ls: Layers) -> None:
        frame = ls[layer]
        if not isinstance(value, str) or frame[field].dtype != object:
            ls[layer] = frame.astype({field: object})
        ls[layer].loc[row, field] = value

    p = only(edited(tmp_path, edit))
    first_row = 1 if file.endswith(".geojson") else 2
    assert (p.file, p.row, p.field) == (file, row + first_row, field)
    assert p.reason.startswith(reason)


def test_unsupported_format_and_second_file_for_a_layer(tmp_path: Path) -> None:
    root = write_package(tmp_path / "pkg")
    (root / "rooms.xls").write_bytes(b"old excel")
    base_layers()["people"].to_excel(root / "people.xlsx", index=False)
    problems = load_problems(root)
    assert [str(p) for p in problems] == [
        "people.xlsx: second file for people (also people.csv)",
        "rooms.xls: unsupported format; use one of .csv, .xlsx",
    ]


def test_unreadable_layer_file(tmp_path: Path) -> None:
    root = write_package(tmp_path / "pkg")
    (root / "rooms.csv").unlink()
    (root / "rooms.xlsx").write_bytes(b"PK\x03\x04 but not a zip")
    p = only(load_problems(root))
    assert (p.file, p.row, p.field) == ("rooms.xlsx", None, None)
    assert p.reason.startswith("cannot read:")


def test_not_a_folder(tmp_path: Path) -> None:
    assert only(load_problems(tmp_path / "nowhere")).reason == "not a folder"


# --- reporting ----------------------------------------------------------------------------------------


def test_every_problem_is_reported_at_once_in_file_order(tmp_path: Path) -> None:
    def edit(ls: Layers) -> None:
        ls["gates"].loc[1, "id"] = "G1"
        ls["rooms"].loc[2, "usage"] = "hotel"
        ls["rooms"].loc[0, "floor"] = "x"
        ls["people"].loc[1, "relation"] = ""
        ls["guards"].loc[0, "role"] = "boss"

    problems = edited(tmp_path, edit, manifest={**MANIFEST, "timezone": "Mars/Base"})
    assert [(p.file, p.row, p.field) for p in problems] == [
        ("manifest.json", None, "timezone"),
        ("rooms.csv", 2, "floor"),
        ("rooms.csv", 4, "usage"),
        ("gates.geojson", 2, "id"),
        ("people.csv", 3, "relation"),
        ("guards.csv", 2, "role"),
    ]


def test_problem_text_and_error_message() -> None:
    assert str(Problem("rooms.csv", 4, "usage", "bad")) == "rooms.csv:4: usage: bad"
    assert str(Problem("roads.gpkg", None, None, "projected")) == "roads.gpkg: projected"
    assert str(Problem("rooms.csv", None, "usage", "missing")) == "rooms.csv: usage: missing"
    err = PackageError([Problem("people.csv", i, "id", "bad") for i in range(2, 32)])
    lines = str(err).splitlines()
    assert lines[0] == "30 problem(s) in the district package:"
    assert lines[1] == "  people.csv:2: id: bad"
    assert lines[-1] == "  ... and 10 more"
    assert len(err.problems) == 30


def test_progress_is_reported_per_stage_with_increasing_counts(tmp_path: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    load_package(
        write_package(tmp_path / "pkg"), lambda stage, done, total: calls.append((stage, done, total))
    )
    stages = list(dict.fromkeys(stage for stage, _, _ in calls))
    assert stages == ["read", "check", "build"]
    for stage in stages:
        seen = [(done, total) for s, done, total in calls if s == stage]
        dones = [done for done, _ in seen]
        assert dones == sorted(dones)
        assert dones[0] == 0
        assert len(set(dones)) > 2
        assert {total for _, total in seen} == {seen[-1][1]}
        assert dones[-1] == seen[-1][1]
    assert ("read", 8, 8) in calls
    assert ("build", 23, 23) in calls


# --- coordinate systems -------------------------------------------------------------------------------


def _layers_at(lon: float, lat: float) -> Layers:
    """The base package moved so that gate G1, device D4 and building B1's corner sit at lon/lat."""
    layers = base_layers()
    dx, dy = lon - (LON + 0.004), lat - (LAT + 0.002)
    for name in ("compounds", "buildings", "roads", "gates"):
        frame = geo(layers, name)
        layers[name] = frame.set_geometry(frame.geometry.translate(dx, dy))
    layers["buildings"].loc[0, "geometry"] = shapely.box(lon, lat, lon + 0.0005, lat + 0.0005)
    layers["devices"].loc[3, ["lon", "lat"]] = [repr(lon), repr(lat)]
    return layers


@pytest.mark.parametrize(("crs", "key"), [("gcj02", "GCJ02"), ("bd09", "BD09")])
def test_package_in_chinese_web_map_crs_lands_at_wgs84(
    tmp_path: Path, shared_data: Path, crs: str, key: str
) -> None:
    cities = json.loads(
        (shared_data / "coord_transform" / "gcoord_china-cities.json").read_text(encoding="utf-8")
    )
    coords = cities[42]["coords"]
    (slon, slat), (wlon, wlat) = coords[key], coords["WGS84"]
    root = write_package(tmp_path / "pkg", _layers_at(slon, slat), manifest={**MANIFEST, "crs": crs})
    d = load_package(root)
    tol = 0.5e-4  # gcoord's own tolerance for these vectors
    for point in (d.gates["G1"].location, d.devices["D4"].location):
        assert point is not None
        assert (point.x, point.y) == (pytest.approx(wlon, abs=tol), pytest.approx(wlat, abs=tol))
    minx, miny, _, _ = d.buildings["B1"].footprint.bounds
    assert (minx, miny) == (pytest.approx(wlon, abs=tol), pytest.approx(wlat, abs=tol))
    # Everything moved by the same few hundred metres, not just the checked points.
    shift = d.compounds["C1"].boundary.centroid.x - _layers_at(slon, slat)["compounds"].geometry[0].centroid.x
    assert abs(shift) > 1e-4
    assert shift == pytest.approx(wlon - slon, abs=tol)


def test_empty_optional_layer_is_fine_but_empty_required_layer_is_not(tmp_path: Path) -> None:
    root = write_package(tmp_path / "pkg")
    (root / "roads.geojson").write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    (root / "guards.csv").write_text("id,name,role,device_id\n", encoding="utf-8")
    d = load_package(root)
    assert (d.roads, d.guards) == ({}, {})
    (root / "compounds.geojson").write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    assert only(load_problems(root)) == Problem("compounds.geojson", None, None, "has no records")
