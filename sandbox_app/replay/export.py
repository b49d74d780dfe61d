"""Entries to CSV and GeoJSON (and back, so an export can be checked or re-imported).

Times are written as epoch ms and as local ISO text in the district's timezone; an entry without a place is
a GeoJSON feature with a null geometry, so nothing silently drops out of an export.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import orjson

from sandbox_app.domain.model import District
from sandbox_app.privacy.mask import Masker
from sandbox_app.privacy.spreadsheet import SafeCsvWriter, unneutralise
from sandbox_app.replay.entries import DEFAULT_MASKER, Describer, Entry
from sandbox_app.store import queries
from sandbox_app.store.private_files import open_private, write_private_bytes
from sandbox_app.store.queries import Db

CSV_COLUMNS = ("ts", "time", "kind", "source", "lon", "lat", "text")


def local_iso(ts: int, timezone: str) -> str:
    local = datetime.fromtimestamp(ts / 1000, tz=UTC).astimezone(ZoneInfo(timezone))
    return local.isoformat("T", "milliseconds")


def write_csv(entries: Iterable[Entry], path: Path, timezone: str = "UTC") -> int:
    """UTF-8 with BOM, so spreadsheet programs on Chinese Windows read the characters right."""
    n = 0
    with open_private(path, "w", encoding="utf-8-sig", newline="") as f:
        w = SafeCsvWriter(f)
        w.writerow(CSV_COLUMNS)
        for e in entries:
            w.writerow([e.ts, local_iso(e.ts, timezone), e.kind, e.source, _num(e.lon), _num(e.lat), e.text])
            n += 1
    return n


def _num(v: float | None) -> float | str:
    """A coordinate as a number cell (never neutralised: -122.3 is a number, not a formula)."""
    return "" if v is None else v


def read_csv(path: Path) -> list[Entry]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [
            Entry(
                int(r["ts"]),
                unneutralise(r["kind"]),
                unneutralise(r["source"]),
                float(r["lon"]) if r["lon"] else None,
                float(r["lat"]) if r["lat"] else None,
                unneutralise(r["text"]),
            )
            for r in csv.DictReader(f)
        ]


def feature(e: Entry, timezone: str) -> dict[str, Any]:
    geometry = None if e.lon is None or e.lat is None else {"type": "Point", "coordinates": [e.lon, e.lat]}
    props = {"ts": e.ts, "time": local_iso(e.ts, timezone), "kind": e.kind, "source": e.source}
    props["text"] = e.text
    return {"type": "Feature", "geometry": geometry, "properties": props}


def write_geojson(entries: Iterable[Entry], path: Path, timezone: str = "UTC") -> int:
    features = [feature(e, timezone) for e in entries]
    write_private_bytes(path, orjson.dumps({"type": "FeatureCollection", "features": features}))
    return len(features)


def read_geojson(path: Path) -> list[Entry]:
    out = []
    for f in orjson.loads(path.read_bytes())["features"]:
        p, g = f["properties"], f["geometry"]
        lon, lat = (g["coordinates"][0], g["coordinates"][1]) if g else (None, None)
        out.append(Entry(int(p["ts"]), p["kind"], p["source"], lon, lat, p["text"]))
    return out


def entries_in_datum(entries: Iterable[Entry], datum: str) -> Iterator[Entry]:
    """Entries with their places converted from WGS-84 (what the store holds) to `datum`, e.g. GCJ-02 for a
    Chinese web map (Amap, Tencent) that would otherwise draw every point ~500 m off."""
    if datum == "wgs84":
        yield from entries
        return
    from sandbox_app.domain.enums import Crs
    from sandbox_app.geo.crs import from_wgs84

    crs = Crs(datum)
    for e in entries:
        if e.lon is None or e.lat is None:
            yield e
        else:
            lon, lat = from_wgs84(e.lon, e.lat, crs)
            yield replace(e, lon=round(lon, 7), lat=round(lat, 7))


def window_entries(
    db: Db, district: District, start_ts: int, end_ts: int, masker: Masker = DEFAULT_MASKER
) -> Iterator[Entry]:
    """Every logged event in [start_ts, end_ts] as an entry, in time order (streamed, any length)."""
    describe = Describer(district, masker)
    for event in queries.events_in(db, start_ts, end_ts):
        yield describe.event(event)
