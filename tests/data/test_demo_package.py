"""The bundled demo district: rebuilt byte for byte from OSM, rich enough for every rule, and plainly fake."""

from __future__ import annotations

import csv
import importlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from shapely.geometry import box, shape

from sandbox_app.data.resources import demo_package
from sandbox_app.domain.device_kinds import DEVICE_KINDS, Placement
from sandbox_app.domain.enums import GuardRole, PersonTag, Relation, RoomUsage

HOURS = re.compile(r"^([01]?\d|2[0-4])-([01]?\d|2[0-4])$")
FAKE_CREDENTIAL = re.compile(r"^(FACE-P\d{5}|CARD-\d{5}|京[A-Z]·TEST\d{3}|RFID-\d{6})$")


@dataclass
class Demo:
    manifest: dict[str, Any]
    layers: dict[str, list[dict[str, Any]]]
    tables: dict[str, list[dict[str, str]]]

    def id_list(self, name: str) -> list[str]:
        if name in self.layers:
            return [str(f["properties"]["id"]) for f in self.layers[name]]
        return [r["id"] for r in self.tables[name]]

    def ids(self, name: str) -> set[str]:
        return set(self.id_list(name))


@pytest.fixture(scope="module")
def demo() -> Demo:
    root = demo_package()
    layers = {
        n: json.loads((root / f"{n}.geojson").read_text("utf-8"))["features"]
        for n in ("compounds", "buildings", "roads", "gates", "areas")
    }
    tables = {}
    for n in ("rooms", "people", "devices", "guards"):
        with (root / f"{n}.csv").open(encoding="utf-8", newline="") as f:
            tables[n] = list(csv.DictReader(f))
    return Demo(json.loads((root / "manifest.json").read_text("utf-8")), layers, tables)


def test_rebuild_from_osm_is_byte_identical(shared_data: Path, tmp_path: Path) -> None:
    """Same OSM file and seed → same bytes, so resources/demo is exactly what the builder makes today."""
    build_demo = importlib.import_module("tools.build_demo")
    counts = build_demo.build(shared_data / "osm" / build_demo.OSM_FILE, tmp_path)
    assert counts["buildings"] > 0
    for name in build_demo.GENERATED:
        assert (tmp_path / name).read_bytes() == (demo_package() / name).read_bytes(), (
            f"{name} differs: run `python -m tools.build_demo` and commit resources/demo"
        )


def test_manifest_matches_the_osm_extract(demo: Demo) -> None:
    assert demo.manifest["crs"] == "wgs84"
    assert demo.manifest["timezone"] == "Asia/Shanghai"
    assert demo.manifest["bounds"] == [116.34403, 39.99767, 116.35974, 40.00888]


def test_sizes_fit_the_brief(demo: Demo) -> None:
    assert len(demo.layers["compounds"]) >= 10 and len(demo.layers["buildings"]) <= 300
    assert len(demo.layers["roads"]) > 100 and len(demo.layers["gates"]) >= len(demo.layers["compounds"])
    assert 1000 <= len(demo.tables["rooms"]) <= 6000
    assert len(demo.tables["guards"]) >= 36
    assert {g["role"] for g in demo.tables["guards"]} == {r.value for r in GuardRole}
    assert {d["kind"] for d in demo.tables["devices"]} == set(DEVICE_KINDS)


def test_room_mix_has_rentals_elderly_and_watchlist(demo: Demo) -> None:
    usage = Counter(r["usage"] for r in demo.tables["rooms"])
    assert set(usage) <= {u.value for u in RoomUsage}
    assert {"owner", "rental", "group_rental", "vacant", "shop", "office"} <= set(usage)
    homes = usage["owner"] + usage["rental"] + usage["group_rental"] + usage["vacant"]
    assert 0.10 <= usage["rental"] / homes <= 0.20
    tags = Counter(t for p in demo.tables["people"] for t in p["tags"].split(";") if t)
    assert set(tags) == {t.value for t in PersonTag}
    assert 0.02 <= tags["elderly_alone"] / len(demo.tables["rooms"]) <= 0.04
    assert 1 <= tags["watchlist"] <= 10


def test_all_ids_unique(demo: Demo) -> None:
    every: list[str] = []
    for name in (*demo.layers, *demo.tables):
        ids = demo.id_list(name)
        assert len(ids) == len(set(ids)), name
        every += ids
    assert len(every) == len(set(every)), "an id is reused across layers"


def test_references_resolve(demo: Demo) -> None:
    compounds, buildings = demo.ids("compounds"), demo.ids("buildings")
    rooms, gates = demo.ids("rooms"), demo.ids("gates")
    assert {f["properties"]["compound_id"] for f in demo.layers["buildings"]} <= compounds
    assert {f["properties"]["compound_id"] for f in demo.layers["gates"]} == compounds
    assert {r["building_id"] for r in demo.tables["rooms"]} <= buildings
    assert {p["room_id"] for p in demo.tables["people"]} <= rooms
    devices = demo.tables["devices"]
    assert {d["room_id"] for d in devices if d["room_id"]} <= rooms
    assert {d["building_id"] for d in devices if d["building_id"]} <= buildings
    assert {d["gate_id"] for d in devices if d["gate_id"]} <= gates
    assert {d["compound_id"] for d in devices if d["compound_id"]} <= compounds
    kinds = {d["id"]: d["kind"] for d in devices}
    assert all(kinds[g["device_id"]] == "gps_tracker" for g in demo.tables["guards"])
    assert {d["guard_id"] for d in devices if d["guard_id"]} == demo.ids("guards")


def test_device_placements_are_allowed(demo: Demo) -> None:
    for d in demo.tables["devices"]:
        keys = [k for k in ("room_id", "building_id", "gate_id") if d[k]]
        assert len(keys) <= 1, d["id"]
        placement = Placement(keys[0].removesuffix("_id")) if keys else Placement.POINT
        assert placement in DEVICE_KINDS[d["kind"]].placements, d["id"]


def test_rule_subjects_are_equipped(demo: Demo) -> None:
    """Every elderly-alone room has a door magnet, every rental room a smart lock and its tenants cards."""
    by_room: dict[str, set[str]] = {}
    for d in demo.tables["devices"]:
        by_room.setdefault(d["room_id"], set()).add(d["kind"])
    elderly = {p["room_id"] for p in demo.tables["people"] if "elderly_alone" in p["tags"].split(";")}
    assert elderly and all("door_magnet" in by_room.get(r, set()) for r in elderly)
    rentals = {r["id"] for r in demo.tables["rooms"] if r["usage"] in ("rental", "group_rental")}
    assert rentals and all("smart_lock" in by_room.get(r, set()) for r in rentals)
    tenants = [p for p in demo.tables["people"] if p["room_id"] in rentals and p["relation"] == "tenant"]
    assert tenants and all(any(c.startswith("CARD-") for c in p["credentials"].split(";")) for p in tenants)


def test_schedules_parse(demo: Demo) -> None:
    detectors = [d for d in demo.tables["devices"] if d["kind"] == "perimeter_detector"]
    assert detectors and all(HOURS.match(d["armed_hours"]) for d in detectors)
    hours = [f["properties"]["closed_hours"] for f in demo.layers["gates"]]
    assert all(h == "" or HOURS.match(h) for h in hours) and any(hours) and not all(hours)


def test_areas_hold_the_extracts_water_and_green(demo: Demo) -> None:
    """Issue 18: 小月河's water and the parks and woods of the extract, clipped to it (validity and being
    inside the extract: the test below)."""
    kinds = Counter(f["properties"]["kind"] for f in demo.layers["areas"])
    assert kinds["water"] >= 1 and kinds["green"] >= 10 and set(kinds) == {"water", "green"}
    assert "畅乐园" in {f["properties"]["name"] for f in demo.layers["areas"]}


def test_geometry_is_valid_and_inside_the_extract(demo: Demo) -> None:
    area = box(*demo.manifest["bounds"])
    compounds = {f["properties"]["id"]: shape(f["geometry"]) for f in demo.layers["compounds"]}
    for name, features in demo.layers.items():
        for f in features:
            g = shape(f["geometry"])
            assert g.is_valid and not g.is_empty and area.covers(g), (name, f["properties"]["id"])
    for f in demo.layers["buildings"]:
        spot = shape(f["geometry"]).representative_point()
        assert compounds[f["properties"]["compound_id"]].contains(spot), f["properties"]["id"]
    for d in demo.tables["devices"]:
        assert area.covers(shape({"type": "Point", "coordinates": [float(d["lon"]), float(d["lat"])]})), d[
            "id"
        ]


def test_compounds_do_not_overlap_and_gates_sit_on_their_fences(demo: Demo) -> None:
    compounds = {f["properties"]["id"]: shape(f["geometry"]) for f in demo.layers["compounds"]}
    shapes = list(compounds.values())
    for i, a in enumerate(shapes):
        assert all(a.intersection(b).area < 1e-10 for b in shapes[i + 1 :])  # < ~1 m²
    for f in demo.layers["gates"]:
        fence = compounds[f["properties"]["compound_id"]].exterior
        assert fence.distance(shape(f["geometry"])) < 30 / 111_000, f["properties"]["id"]


LATIN_RUN = re.compile(r"[A-Za-z]+")
ACRONYMS = {"RFID", "G"}
"""Latin letters a Chinese device name carries as Chinese police write them: 电动车RFID读卡器, 4G布控球."""


def _names(demo: Demo) -> list[tuple[str, str]]:
    named = [(n, str(f["properties"].get("name") or "")) for n in demo.layers for f in demo.layers[n]]
    return named + [(n, r.get("name", "")) for n in ("devices", "guards") for r in demo.tables[n]]


def test_names_read_like_a_real_district(demo: Demo) -> None:
    """Issue 24: no English words inside Chinese names ("Building 412单元"), no "无名" placeholder, no numbers
    that run together ("开放式片区011号楼"), no area left unnamed."""
    for layer, name in _names(demo):
        if layer in ("roads", "areas"):
            continue  # road and area names are OSM's own, several are empty
        assert name, (layer, name)
        assert all(run in ACRONYMS for run in LATIN_RUN.findall(name)), (layer, name)
        assert "无名" not in name, (layer, name)
        assert not re.search(r"\d{2,}\d号楼|\d{2}\d+单元", name), (layer, name)
    compounds = [str(f["properties"]["name"]) for f in demo.layers["compounds"]]
    assert len(set(compounds)) == len(compounds)


def test_people_and_guards_are_plainly_fake(demo: Demo) -> None:
    for p in demo.tables["people"]:
        assert re.fullmatch(r"P\d{5}", p["id"]) and p["name"] == f"测试居民{p['id'][1:]}", p
        assert Relation(p["relation"]) and all(
            FAKE_CREDENTIAL.match(c) for c in p["credentials"].split(";")
        ), p
    for g in demo.tables["guards"]:
        assert re.fullmatch(r"测试(民警|辅警|网格员|志愿者|保安|物业)\d{2}", g["name"]), g
        assert re.fullmatch(r"000-0000-\d{4}", g["phone"]), g


def test_load_package_accepts_the_demo(demo: Demo) -> None:
    from sandbox_app.data.package import load_package

    district = load_package(demo_package())
    assert district.timezone == "Asia/Shanghai"
    assert len(district.buildings) == len(demo.layers["buildings"])
    assert len(district.rooms) == len(demo.tables["rooms"])
    assert len(district.devices) == len(demo.tables["devices"])
    assert set(district.guard_by_device()) == {g["device_id"] for g in demo.tables["guards"]}
    assert district.devices["PD-00001"].extra["armed_hours"] == "22-6"
