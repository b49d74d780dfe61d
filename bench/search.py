"""Benchmark (issue 21): the 综合查询 on a district scaled up from the demo, next to a plain scan baseline.

    .venv/bin/python bench/search.py [--scale N] [--queries Q]

The demo district's people are copied N times (fake ids, names and ID numbers; rooms shared), the search
index is built once (as the window does), and Q queries of each kind (a whole name, an ID number, an address
prefix, a room id, a two-word address) are timed for a masked officer and an unmasked analyst. The baseline in
the same run is a plain scan: `query in name` over the people dict, the least any search must do. Reported:
index build time, and per kind p50 / p95 of the search and the baseline, in ms. Only the district's records
are searched here; a subject's 30-day track (a person's passes, a guard's GPS fixes) and the monthly report
on a county's year, SQLite and PostgreSQL, are `bench/search_county.py`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sandbox_app.data.package import load_package
from sandbox_app.domain.model import District
from sandbox_app.privacy.mask import Masker, Viewer
from sandbox_app.search.index import SearchIndex

DEMO = Path(__file__).resolve().parent.parent / "resources" / "demo"


def scaled(district: District, scale: int) -> District:
    people = dict(district.people)
    for k in range(1, scale):
        for p in district.people.values():
            pid = f"{p.id}-{k}"
            extra = {**p.extra, "id_number": f"110{k:03d}19900101{len(people) % 10_000:04d}"}
            people[pid] = replace(p, id=pid, name=f"{p.name}-{k}", credentials=frozenset(), extra=extra)
    return replace(district, people=people)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=16, help="copies of the demo's people (16: ~180 k)")
    parser.add_argument("--queries", type=int, default=20)
    args = parser.parse_args()
    district = scaled(load_package(DEMO), args.scale)
    t0 = time.perf_counter()
    index = SearchIndex.build(district)
    build_ms = (time.perf_counter() - t0) * 1000
    print(f"people {len(district.people):,}  rooms {len(district.rooms):,}  index build {build_ms:.0f} ms")
    people = list(district.people.values())
    rooms = list(district.rooms)
    step = max(1, len(people) // args.queries)
    kinds = {
        "name": [p.name for p in people[::step]][: args.queries],
        "room id": rooms[:: max(1, len(rooms) // args.queries)][: args.queries],
        "address prefix": ["学清路", "石清路", "清华东路", "学院路"] * (args.queries // 4 + 1),
        "two words": ["学清路 2单元", "石清路 301"] * (args.queries // 2 + 1),
    }
    for viewer in (Masker(Viewer.OFFICER), Masker(Viewer.ANALYST, unmasked=True)):
        for kind, queries in kinds.items():
            took, base = [], []
            for q in queries[: args.queries]:
                t = time.perf_counter()
                index.search(q, viewer)
                took.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                _ = [p.id for p in people if q in p.name]
                base.append((time.perf_counter() - t) * 1000)
            print(
                f"{viewer.viewer.value:<8} {kind:<15} search p50 {statistics.median(took):7.1f} "
                f"p95 {pct(took, 0.95):7.1f}   plain scan p50 {statistics.median(base):6.1f} ms"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
