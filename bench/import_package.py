"""Benchmark: import a synthetic district package of N buildings (default 50,000) with `load_package`.

    .venv/bin/python bench/import_package.py [--buildings N] [--geo .geojson|.gpkg] [--keep DIR]

Writes a grid of building footprints in compounds of 100, rooms for every tenth building, plainly fake
people in them, devices, guards, roads and gates, then times `load_package` and each of its stages.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sandbox_app.data.package import load_package

LON0, LAT0 = 116.30, 39.90
STEP = 0.0005  # ~50 m between building origins
SIDE = 0.0003
PER_COMPOUND = 100  # a 10 x 10 block of buildings
ROOMS_PER_BUILDING = 24
ROOMED_EVERY = 10  # rooms (and people) for every tenth building


def _grid(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Building origins laid out compound by compound: compound c is a 10 x 10 block."""
    i = np.arange(n)
    compound = i // PER_COMPOUND
    blocks_per_row = max(1, int(np.ceil(np.sqrt(n / PER_COMPOUND))))
    bx, by = compound % blocks_per_row, compound // blocks_per_row
    local = i % PER_COMPOUND
    x = LON0 + (bx * 11 + local % 10) * STEP
    y = LAT0 + (by * 11 + local // 10) * STEP
    return x, y, compound


def write_geo(root: Path, n: int, ext: str) -> None:
    x, y, compound = _grid(n)
    ncomp = int(compound.max()) + 1
    cids = np.array([f"C{c:05d}" for c in range(ncomp)], dtype=object)
    cmin_x = pd.Series(x).groupby(compound).min().to_numpy()
    cmin_y = pd.Series(y).groupby(compound).min().to_numpy()
    cbox = shapely.box(cmin_x - STEP / 4, cmin_y - STEP / 4, cmin_x + 10 * STEP, cmin_y + 10 * STEP)
    gpd.GeoDataFrame(
        {"id": cids, "name": [f"测试小区{c}" for c in range(ncomp)]}, geometry=cbox, crs=4326
    ).to_file(root / f"compounds{ext}", engine="pyogrio")
    buildings = {
        "id": [f"B{k:06d}" for k in range(n)],
        "compound_id": cids[compound],
        "name": [f"{k % PER_COMPOUND + 1}号楼" for k in range(n)],
        "floors": (np.arange(n) % 30) + 1,
        "height_m": np.where(np.arange(n) % 3 == 0, np.nan, ((np.arange(n) % 30) + 1) * 2.9),
        "year_built": 1980 + np.arange(n) % 40,
    }
    gpd.GeoDataFrame(buildings, geometry=shapely.box(x, y, x + SIDE, y + SIDE), crs=4326).to_file(
        root / f"buildings{ext}", engine="pyogrio"
    )
    gate_xy = np.column_stack([cmin_x - STEP / 4, cmin_y])
    gates = {"id": [f"G{c:05d}" for c in range(ncomp)], "compound_id": cids, "closed_hours": "23-6"}
    gpd.GeoDataFrame(gates, geometry=shapely.points(gate_xy), crs=4326).to_file(
        root / f"gates{ext}", engine="pyogrio"
    )
    road_y = np.unique(y) - STEP / 5
    lines = [shapely.LineString([(x.min(), ry), (x.max() + SIDE, ry)]) for ry in road_y]
    roads = {"id": [f"W{k:05d}" for k in range(len(lines))], "kind": "service", "oneway": "no"}
    gpd.GeoDataFrame(roads, geometry=lines, crs=4326).to_file(root / f"roads{ext}", engine="pyogrio")


def write_tables(root: Path, n: int) -> None:
    roomed = np.arange(0, n, ROOMED_EVERY)
    b = np.repeat(roomed, ROOMS_PER_BUILDING)
    k = np.tile(np.arange(ROOMS_PER_BUILDING), len(roomed))
    floor = np.minimum(k // 2 + 1, (b % 30) + 1)
    room_ids = [f"R{bb:06d}-{kk:02d}" for bb, kk in zip(b, k, strict=True)]
    usage = np.array(["owner", "rental", "owner", "vacant", "group_rental", "owner"])[k % 6]
    pd.DataFrame(
        {"id": room_ids, "building_id": [f"B{bb:06d}" for bb in b], "entrance": (k % 2) + 1, "floor": floor}
        | {"number": [f"{f}0{kk % 2 + 1}" for f, kk in zip(floor, k, strict=True)], "usage": usage}
    ).to_csv(root / "rooms.csv", index=False)
    npeople = len(room_ids) * 3 // 2
    p = np.arange(npeople)
    tags = np.array(["", "", "elderly_alone", "floating", "", "disabled;elderly_alone"])[p % 6]
    pd.DataFrame(
        {"id": [f"P{i:07d}" for i in p], "name": [f"测试居民{i:07d}" for i in p]}
        | {"room_id": [room_ids[i * 2 // 3] for i in p], "relation": np.where(p % 3 == 0, "owner", "tenant")}
        | {"tags": tags, "credentials": [f"CARD-{i:07d}" for i in p], "phone": [f"000-{i:08d}" for i in p]}
    ).to_csv(root / "people.csv", index=False)
    ndev = n // 2
    d = np.arange(ndev)
    pd.DataFrame(
        {"id": [f"D{i:06d}" for i in d], "kind": np.where(d < 100, "gps_tracker", "smoke_detector")}
        | {"building_id": np.where(d < 100, "", [f"B{i * 2:06d}" for i in d])}
    ).to_csv(root / "devices.csv", index=False)
    pd.DataFrame(
        {"id": [f"G{i:03d}" for i in range(100)], "name": [f"测试队员{i:03d}" for i in range(100)]}
        | {"role": "grid", "device_id": [f"D{i:06d}" for i in range(100)]}
    ).to_csv(root / "guards.csv", index=False)


def write_package(root: Path, n: int, ext: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    manifest = {"name": f"合成基准社区 {n}", "crs": "wgs84", "timezone": "Asia/Shanghai"}
    (root / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    write_geo(root, n, ext)
    write_tables(root, n)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--buildings", type=int, default=50_000)
    parser.add_argument("--geo", choices=[".geojson", ".gpkg"], default=".geojson")
    parser.add_argument("--keep", type=Path, help="write the package here and keep it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp) / "package"
        t0 = time.perf_counter()
        write_package(root, args.buildings, args.geo)
        print(f"generated {args.buildings} buildings ({args.geo} + .csv) in {time.perf_counter() - t0:.1f} s")
        stages: dict[str, float] = {}

        def progress(stage: str, done: int, total: int) -> None:
            stages.setdefault(stage, time.perf_counter())

        t0 = time.perf_counter()
        district = load_package(root, progress)
        elapsed = time.perf_counter() - t0
    marks = [*stages.items(), ("end", t0 + elapsed)]
    for (stage, start), (_, end) in itertools.pairwise(marks):
        print(f"  {stage:<6} {end - start:6.2f} s")
    counts = {k: len(getattr(district, k)) for k in ("compounds", "buildings", "rooms", "people", "devices")}
    print("loaded", ", ".join(f"{v} {k}" for k, v in counts.items()))
    print(f"load_package: {elapsed:.2f} s, {counts['buildings'] / elapsed:,.0f} buildings/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
