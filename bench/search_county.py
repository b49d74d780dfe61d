"""Benchmark (issue 21, section 4): a subject's 30-day track and the monthly report on a county-sized store,
SQLite and PostgreSQL, each next to a plain SQL scan baseline in the same run.

    .venv/bin/python bench/search_county.py [--events N] [--scale S] [--backends sqlite,postgres]
                                            [--tracks Q] [--keep DIR] [--fix-share F]

The county (DOMAIN.md: 292 compounds, a year of 2.16 M plate reads, 11.29 M e-bike RFID reads, 240 k
visitors): the demo district's people copied `--scale` times (16: ~182 k), each given an e-bike tag and a
door card, every third a plate; `--events` (default 14 M) over one year in time order: a share
`--fix-share` (default 0.2) of GPS fixes from the 44 guards' trackers, the rest passes (80 % e-bike tag
reads, 15 % plates, 4 % face passes, 1 % lock opens), each naming a random resident, at the demo's
readers, barriers, face gates and locks; 20 k alerts. Written in bulk (SQLite: executemany into the
migrated schema, its one time index built after; PostgreSQL: COPY into the month partitions), which is
the generator's business only: the timed reads go through the real store and CLI code.

Timed, per backend:
- a subject's 30-day track (`search/passes.track`: a person's face, plate, tag and card passes) at random
  residents and random ends, p50 / p95; baseline: `SELECT count(*)` of the same 30-day window (the scan
  the track's time range bounds);
- a guard's 30-day GPS track (`search/passes.track` of a guard: their tracker's fixes, read by device and
  time since store migration v11: SQLite's `device_track`, PostgreSQL's (device, ts, seq) index) at random
  guards and ends; baseline: the read before v10, the same rows by a time-range scan filtered on the
  device (`+device` / `device || ''` keep PostgreSQL's planner off the device index), same connection;
- the monthly report (`sandbox-app figures --from --to --json` on one month, whole command in-process:
  loading the 182 k-person district, alerts, outcomes, response times, pass counts per day); baseline:
  `SELECT kind, count(*) … GROUP BY kind` over the month;
- the month's figures by street and county (`analytics.rollup`, the compounds dealt into 6 streets of 2
  counties) next to the station's own figures of the same month (`analytics.summary`).
The search box's own p50 over the same people is `bench/search.py --scale 16` (the index is in memory).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sandbox_app.data.package import load_package
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.model import District
from sandbox_app.search import passes
from sandbox_app.store import open_store
from sandbox_app.store.base import Store
from sandbox_app.store.migrations import FOLD_DEVICE_TRACK, INDEX_PASSES, SET_DEVICE_TRACK_SEQ

DEMO = Path(__file__).resolve().parent.parent / "resources" / "demo"
T0 = 1_735_660_800_000  # 2025-01-01T00:00:00+08:00
DAY = 86_400_000
YEAR = 365 * DAY
CHUNK = 250_000
MIX = (("rfid.read", 0.80), ("plate.read", 0.15), ("face.pass", 0.04), ("lock.open", 0.01))
"""The passes; GPS fixes come on top, a share `--fix-share` of all events (`rows`)."""
READERS = {"rfid.read": "rfid_reader", "plate.read": "vehicle_barrier", "face.pass": "face_gate"}


def county(scale: int) -> tuple[District, list[str], list[str], list[str], list[str]]:
    """The scaled district and, per person index: id, tag, card, plate ("" for none)."""
    base = load_package(DEMO)
    people = {}
    ids: list[str] = []
    tags: list[str] = []
    cards: list[str] = []
    plates: list[str] = []
    for k in range(scale):
        for p in base.people.values():
            pid = p.id if k == 0 else f"{p.id}-{k}"
            n = len(ids)
            tag, card = f"RFID-{n:07d}", f"CARD-{n:07d}"
            plate = f"京B{n:06d}" if n % 3 == 0 else ""
            creds = frozenset(c for c in (tag, card, plate) if c)
            name = p.name if k == 0 else f"{p.name}-{k}"
            people[pid] = replace(p, id=pid, name=name, credentials=creds)
            ids.append(pid)
            tags.append(tag)
            cards.append(card)
            plates.append(plate)
    return replace(base, people=people), ids, tags, cards, plates


def trackers(district: District) -> list[str]:
    """The guards' tracker devices (the demo's 44): whose fixes make a guard's track."""
    return sorted(g.device_id for g in district.guards.values() if g.device_id)


def rows(
    district: District,
    people: tuple[list[str], list[str], list[str], list[str]],
    total: int,
    fix_share: float = 0.2,
    seed: int = 7,
) -> Iterator[list[tuple[Any, ...]]]:
    """Chunks of (id, ts, device, kind, lon, lat, data) in time order."""
    ids, tags, cards, plates = people
    rng = np.random.default_rng(seed)
    units = trackers(district)
    x0, y0, x1, y1 = district_bounds(district)
    by_kind = {k: [d.id for d in district.devices.values() if d.kind == v] for k, v in READERS.items()}
    by_kind["lock.open"] = [d.id for d in district.devices.values() if d.kind == "smart_lock"]
    with_plate = np.asarray([i for i, p in enumerate(plates) if p], dtype=np.int64)
    kinds = [k for k, _ in MIX] + ["gps.fix"]
    weights = np.asarray([w * (1.0 - fix_share) for _, w in MIX] + [fix_share])
    step = YEAR / total
    done = 0
    while done < total:
        n = min(CHUNK, total - done)
        ts = (T0 + (np.arange(done, done + n) * step)).astype(np.int64)
        kind_ix = rng.choice(len(kinds), size=n, p=weights)
        who = rng.integers(0, len(ids), size=n)
        car = with_plate[rng.integers(0, len(with_plate), size=n)]
        dev_r = rng.integers(0, 1 << 30, size=n)
        lon = rng.uniform(x0, x1, size=n)
        lat = rng.uniform(y0, y1, size=n)
        out: list[tuple[Any, ...]] = []
        for i in range(n):
            kind = kinds[kind_ix[i]]
            if kind == "gps.fix":
                dev = units[dev_r[i] % len(units)]
                out.append((f"c{done + i}", int(ts[i]), dev, kind, float(lon[i]), float(lat[i]), "{}"))
                continue
            devs = by_kind[kind]
            dev = devs[dev_r[i] % len(devs)]
            w = int(who[i])
            if kind == "rfid.read":
                data = f'{{"tag":"{tags[w]}","direction":"in"}}'
            elif kind == "plate.read":
                data = f'{{"plate":"{plates[int(car[i])]}","direction":"in"}}'
            elif kind == "face.pass":
                data = f'{{"person_id":"{ids[w]}","direction":"in"}}'
            else:
                data = f'{{"credential":"{cards[w]}"}}'
            out.append((f"c{done + i}", int(ts[i]), dev, kind, None, None, data))
        done += n
        yield out


def district_bounds(district: District) -> tuple[float, float, float, float]:
    xs0, ys0, xs1, ys1 = zip(*(c.boundary.bounds for c in district.compounds.values()), strict=True)
    return min(xs0), min(ys0), max(xs1), max(ys1)


def alerts(n: int, district: District) -> list[Alert]:
    rng = random.Random(3)
    rules = ["perimeter_breach", "smoke_alarm", "unknown_card", "elderly_inactive", "device_offline"]
    devices = list(district.devices)
    out = []
    for i in range(n):
        ts = T0 + rng.randrange(YEAR)
        state = AlertState.CLOSED if rng.random() < 0.9 else AlertState.OPEN
        closed = ts + rng.randrange(3_600_000) if state is AlertState.CLOSED else None
        rule, subject = rng.choice(rules), rng.choice(devices)
        out.append(Alert(f"A{i}", rule, subject, "device", Severity.MEDIUM, state, ts, ts, 1, closed))
    return out


def build_sqlite(
    path: Path, district: District, people: tuple[list[str], ...], total: int, fix_share: float
) -> None:
    store = open_store(path)
    store.replace_district(district)
    store.upsert_alerts(alerts(20_000, district))
    store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("DROP INDEX IF EXISTS events_ts")
    for chunk in rows(district, people, total, fix_share):  # type: ignore[arg-type]
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO events (id, ts, device, kind, lon, lat, data) VALUES (?, ?, ?, ?, ?, ?, ?)", chunk
        )
        conn.execute("COMMIT")
    conn.execute("CREATE INDEX events_ts ON events (ts)")
    t = time.perf_counter()
    conn.execute(FOLD_DEVICE_TRACK, (0,))  # what migration v11 does on an existing log
    conn.execute(SET_DEVICE_TRACK_SEQ)
    print(
        f"sqlite    migration v11 (device_track) on the built log {time.perf_counter() - t:.1f} s", flush=True
    )
    conn.execute(INDEX_PASSES + " ORDER BY 1, 2, 3", (0,))  # what migration v9 does, in key order
    max_seq = conn.execute("SELECT max(seq) FROM events").fetchone()[0]
    for key in ("_store.keyframes_seq", "_store.ids_sealed_seq"):
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, str(max_seq)))
    conn.execute("ANALYZE")
    conn.close()


def build_postgres(
    url: str, district: District, people: tuple[list[str], ...], total: int, fix_share: float
) -> None:
    import psycopg

    from sandbox_app.store.pg_schema import (
        _V9_SUBJECT_PASSES,
        _V11_DEVICE_TRACK,
        ensure_partitions,
        months_of,
    )

    store = open_store(url)
    store.replace_district(district)
    store.upsert_alerts(alerts(20_000, district))
    store.close()
    with psycopg.connect(url, autocommit=True) as conn:
        ensure_partitions(conn, months_of(range(T0, T0 + YEAR + DAY, DAY)))
        conn.execute("DROP INDEX events_device_ts_seq")  # built after the COPY, as migration v11 would
        for chunk in rows(district, people, total, fix_share):  # type: ignore[arg-type]
            sql = "COPY events (id, ts, device, kind, lon, lat, data) FROM STDIN"
            with conn.transaction(), conn.cursor() as cur, cur.copy(sql) as copy:
                for r in chunk:
                    copy.write_row(r)
        conn.execute(_V9_SUBJECT_PASSES[1])  # what each append does, in bulk
        t = time.perf_counter()
        conn.execute(_V11_DEVICE_TRACK[0])
        print(f"postgres  migration v11 (device index) on the built log {time.perf_counter() - t:.1f} s")
        conn.execute("ANALYZE events")
        conn.execute("ANALYZE subject_passes")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def count_sql(store: Store, sql: str, params: tuple[object, ...]) -> None:
    conn: Any = vars(store)["_conn"]  # the baseline: the same connection, plain SQL
    if isinstance(conn, sqlite3.Connection):
        conn.execute(sql, params).fetchall()
    else:
        conn.execute(sql.replace("?", "%s"), params).fetchall()


def guard_track(label: str, store: Store, district: District, rng: random.Random, tracks: int) -> None:
    """A guard's 30-day GPS track through the store (the (device, ts) index) against the read before it:
    the same rows of the same device by a time-range scan, on the same connection."""
    conn: Any = vars(store)["_conn"]
    if isinstance(conn, sqlite3.Connection):
        plain = """SELECT seq, id, ts, device, kind, lon, lat, data FROM events
                   WHERE ts >= ? AND ts <= ? AND +device = ? ORDER BY ts, seq LIMIT ?"""
    else:
        plain = """SELECT seq, id, ts, device, kind, lon, lat, data::text FROM events
                   WHERE ts >= %s AND ts <= %s AND device || '' = %s ORDER BY ts, seq LIMIT %s"""
    guards = sorted(g.id for g in district.guards.values() if g.device_id)
    took, base, sizes, same = [], [], [], 0
    for _ in range(tracks):
        gid = rng.choice(guards)
        end = T0 + 30 * DAY + rng.randrange(YEAR - 30 * DAY)
        subject = passes.subject_of(district, "guard", gid)
        assert subject is not None
        t = time.perf_counter()
        tr = passes.track(store, district, subject, end)
        took.append((time.perf_counter() - t) * 1000)
        sizes.append(len(tr.passes))
        t = time.perf_counter()
        got = conn.execute(plain, (tr.start_ts, end, subject.devices[0], passes.MAX_PASSES + 1)).fetchall()
        base.append((time.perf_counter() - t) * 1000)
        same += [int(r[2]) for r in got[: passes.MAX_PASSES]] == [p.ts for p in tr.passes]
    print(
        f"{label:<9} guard's 30-day GPS track  p50 {statistics.median(took):7.1f} ms  "
        f"p95 {pct(took, 0.95):7.1f} ms "
        f"({statistics.median(sizes):.0f} fixes)   plain time-range scan for the device p50 "
        f"{statistics.median(base):7.1f} ms p95 {pct(base, 0.95):7.1f} ms   same rows {same}/{tracks}",
        flush=True,
    )


def with_streets(district: District, streets: int = 6) -> District:
    """The district with its compounds dealt into `streets` streets of two counties (the demo names none)."""
    compounds = {}
    for i, c in enumerate(sorted(district.compounds.values(), key=lambda c: c.id)):
        k = i % streets
        compounds[c.id] = replace(c, street=f"街道{k}", county=f"区县{k * 2 // streets}")
    return replace(district, compounds=compounds)


def rolled_up(label: str, db: str, district: District, at: int) -> None:
    """The month's figures per street and county (`analytics.rollup`) against the station's own figures of
    the same month (`analytics.summary`), on one connection: what the city's workbook adds."""
    from sandbox_app.analytics.rollup import rollup
    from sandbox_app.analytics.summary import summary

    city = with_streets(district)
    store = open_store(db)
    try:
        t = time.perf_counter()
        whole = summary(store, district, at)
        station = time.perf_counter() - t
        t = time.perf_counter()
        r = rollup(store, city, at)
        took = time.perf_counter() - t
    finally:
        store.close()
    assert sum(u.summary.alerts for u in r.streets) == whole.alerts
    print(
        f"{label:<9} figures by street and county ({len(r.streets)} streets, {len(r.counties)} counties) "
        f"{took:6.2f} s   the station's figures of the month {station:6.2f} s",
        flush=True,
    )


def measure(label: str, db: str, district: District, ids: list[str], tracks: int) -> None:
    from cli import main as cli_main
    from sandbox_app.privacy.mask import Masker, Viewer
    from sandbox_app.search.index import SearchIndex

    rng = random.Random(11)
    store = open_store(db)
    took, base, sizes = [], [], []
    try:
        index = SearchIndex.build(district)
        officer = Masker(Viewer.OFFICER)
        names = [district.people[rng.choice(ids)].name for _ in range(tracks)]
        for name in names:
            t = time.perf_counter()
            index.search(name, officer)
            took.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            count_sql(store, "SELECT id FROM people WHERE name = ?", (name,))
            base.append((time.perf_counter() - t) * 1000)
        print(
            f"{label:<9} search (whole name, officer) p50 {statistics.median(took):7.1f} ms "
            f"p95 {pct(took, 0.95):7.1f} ms   plain SQL scan of people p50 {statistics.median(base):7.1f} ms",
            flush=True,
        )
        took, base = [], []
        for _ in range(tracks):
            pid = rng.choice(ids)
            end = T0 + 30 * DAY + rng.randrange(YEAR - 30 * DAY)
            subject = passes.subject_of(district, "person", pid)
            assert subject is not None
            t = time.perf_counter()
            tr = passes.track(store, district, subject, end)
            took.append((time.perf_counter() - t) * 1000)
            sizes.append(len(tr.passes))
            t = time.perf_counter()
            count_sql(store, "SELECT count(*) FROM events WHERE ts >= ? AND ts <= ?", (end - 30 * DAY, end))
            base.append((time.perf_counter() - t) * 1000)
        print(
            f"{label:<9} 30-day track  p50 {statistics.median(took):7.1f} ms  p95 {pct(took, 0.95):7.1f} ms "
            f"({statistics.median(sizes):.0f} passes)   plain count(*) of the window p50 "
            f"{statistics.median(base):7.1f} ms",
            flush=True,
        )
        guard_track(label, store, district, rng, tracks)
        month = (T0 + 181 * DAY, T0 + 212 * DAY)
        t = time.perf_counter()
        count_sql(store, "SELECT kind, count(*) FROM events WHERE ts >= ? AND ts < ? GROUP BY kind", month)
        plain = time.perf_counter() - t
    finally:
        store.close()
    rolled_up(label, db, district, month[1] - 1)
    t = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()) as out:
        code = cli_main(["figures", "--db", db, "--from", str(month[0]), "--to", str(month[1]), "--json"])
    report = time.perf_counter() - t
    assert code == 0, out.getvalue()[-500:]
    print(
        f"{label:<9} monthly report (figures CLI) {report:6.2f} s   plain GROUP BY kind {plain:6.2f} s",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=14_000_000)
    parser.add_argument("--scale", type=int, default=16)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--tracks", type=int, default=40)
    parser.add_argument("--keep", default=None, help="build into this folder and keep it (SQLite file)")
    parser.add_argument("--fix-share", type=float, default=0.2, help="share of the events that are GPS fixes")
    args = parser.parse_args()
    print(f"load before: {os.getloadavg()}", flush=True)
    district, ids, tags, cards, plates = county(args.scale)
    people = (ids, tags, cards, plates)
    print(f"people {len(ids):,}  events {args.events:,}", flush=True)
    backends = args.backends.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep or tmp)
        work.mkdir(parents=True, exist_ok=True)
        if "sqlite" in backends:
            path = work / "county.db"
            if not path.exists():
                t = time.perf_counter()
                build_sqlite(path, district, people, args.events, args.fix_share)
                print(
                    f"sqlite    built in {time.perf_counter() - t:.0f} s ({path.stat().st_size / 1e9:.1f} GB)"
                )
            measure("sqlite", str(path), district, ids, args.tracks)
        if "postgres" in backends:
            from tests.pg_local import LocalPostgres

            pg = LocalPostgres()
            pg.start()
            try:
                url = pg.create_database("county")
                t = time.perf_counter()
                build_postgres(url, district, people, args.events, args.fix_share)
                print(f"postgres  built in {time.perf_counter() - t:.0f} s", flush=True)
                measure("postgres", url, district, ids, args.tracks)
            finally:
                pg.stop()
    print(f"load after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
