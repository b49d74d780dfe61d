"""Benchmark (issue 8): a county's year in PostgreSQL/PostGIS next to SQLite, and two stations under load.

    .venv/bin/python bench/city.py [--scale S] [--only year|stations] [--pg-url URL] [--seconds N]

1. A synthetic year for a 300-compound county (14.2 M events at --scale 1: patrol GPS fixes, doors, face
   passes, heartbeats, alarms, in time order, sequential ids) appended in batches of 5,000 through
   `append_events` into a fresh PostgresStore (COPY, month partitions, GiST) and a fresh SqliteStore, from
   the same generator. Reported per backend: append rate, replay seek (`last_fixes` at random times of the
   year, then reading the next 5 minutes with `events_between`), and a bbox + time query (1 km² × 1 day:
   PostGIS `events_in_box` against SQLite's ts index plus a lon/lat filter), and the size on disk.
2. Two stations on one PostgreSQL and one mosquitto: station A ingests 2,000 guards at one fix per 5 s
   plus 200 device events/s through its engine (store → bus → MQTT fan-out) and acknowledges an alert
   every 0.5 s (store → change feed → MQTT nudge → B reads the feed); station B measures end-to-end latency
   from A's event creation to its own receipt (p50 / p99 / max), for events and for alert changes.

`--scale` shrinks both (the year's events and the load test's duration) for development; PostgreSQL is a
throwaway local cluster with fsync on (`tests/pg_local.LocalPostgres(durable=True)`) unless --pg-url is given.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.engine.bus import Bus
from sandbox_app.engine.messages import RemoteChanges, RemoteEvents, StateDelta
from sandbox_app.engine.pipeline import Engine
from sandbox_app.station.sync import Broker, EventFanout, StationSync
from sandbox_app.store.postgres import PostgresStore
from sandbox_app.store.sqlite import SqliteStore
from tests.pg_local import LocalPostgres

T0 = 1_735_689_600_000  # 2025-01-01T00:00:00Z
YEAR_MS = 365 * 86_400_000
FULL_EVENTS = 14_200_000
COMPOUNDS = 300
BATCH = 5_000
# County bbox (~20 × 15 km around a city centre); compounds on a 20 × 15 grid, 1 km apart.
LON0, LAT0 = 121.30, 31.10
KM_LON, KM_LAT = 0.0105, 0.009
KINDS = ("gps.fix", "door.open", "face.pass", "device.heartbeat", "alarm.smoke")
MIX = (0.50, 0.25, 0.15, 0.09, 0.01)
TRACKERS = 600
DEVICES_PER_COMPOUND = 30


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def year_batches(total: int, seed: int = 8) -> Iterator[list[Event]]:
    """The county's year in time-ordered batches; the same seed gives the same events."""
    rng = np.random.default_rng(seed)
    cx = rng.integers(0, 20, COMPOUNDS) * KM_LON + LON0
    cy = rng.integers(0, 15, COMPOUNDS) * KM_LAT + LAT0
    step = YEAR_MS / total
    for start in range(0, total, BATCH):
        n = min(BATCH, total - start)
        idx = np.arange(start, start + n)
        ts = (T0 + idx * step + rng.uniform(0, step, n)).astype(np.int64)
        kind = rng.choice(len(KINDS), n, p=MIX)
        tracker = rng.integers(0, TRACKERS, n)
        compound = rng.integers(0, COMPOUNDS, n)
        device = rng.integers(0, DEVICES_PER_COMPOUND, n)
        lon = np.where(
            kind == 0, LON0 + rng.uniform(0, 20 * KM_LON, n), cx[compound] + rng.uniform(0, 0.004, n)
        )
        lat = np.where(
            kind == 0, LAT0 + rng.uniform(0, 15 * KM_LAT, n), cy[compound] + rng.uniform(0, 0.004, n)
        )
        batch = []
        for i, k, t, tr, c, d, x, y in zip(
            idx.tolist(),
            kind.tolist(),
            ts.tolist(),
            tracker.tolist(),
            compound.tolist(),
            device.tolist(),
            lon.tolist(),
            lat.tolist(),
            strict=True,
        ):
            if k == 0:
                batch.append(Event(f"e{i:09d}", t, f"GPS-{tr:04d}", "gps.fix", x, y, {"acc": 6.0}))
            elif k == 3:
                batch.append(Event(f"e{i:09d}", t, f"C{c:03d}-D{d:02d}", "device.heartbeat"))
            else:
                data: dict[str, Any] = {"person_id": f"P{i % 90_000:06d}"} if k == 2 else {}
                batch.append(Event(f"e{i:09d}", t, f"C{c:03d}-D{d:02d}", KINDS[k], x, y, data))
        yield batch


def load(store: Any, total: int, label: str) -> float:
    """Append the year; returns events/s (wall)."""
    start = time.perf_counter()
    done = 0
    for batch in year_batches(total):
        store.append_events(batch)
        done += len(batch)
        if done % 1_000_000 < BATCH:
            rate = done / (time.perf_counter() - start)
            print(f"  {label}: {done:>11,} events, {rate:,.0f}/s", flush=True)
    return total / (time.perf_counter() - start)


def sqlite_box(store: SqliteStore, t0: int, t1: int, box: tuple[float, float, float, float]) -> int:
    rows = store._conn.execute(
        """SELECT id FROM events WHERE ts BETWEEN ? AND ? AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?""",
        (t0, t1, box[0], box[2], box[1], box[3]),
    ).fetchall()
    return len(rows)


def queries(store: Any, kind: str, rng: np.random.Generator, rounds: int = 20) -> dict[str, float]:
    seek, window, boxes, hits = [], [], [], []
    for _ in range(rounds):
        at = int(T0 + rng.uniform(0.05, 0.95) * YEAR_MS)
        t = time.perf_counter()
        fixes = store.last_fixes(at)
        seek.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        sum(1 for _ in store.events_between(at, at + 300_000))
        window.append((time.perf_counter() - t) * 1000)
        x = LON0 + rng.uniform(0, 19) * KM_LON
        y = LAT0 + rng.uniform(0, 14) * KM_LAT
        box = (x, y, x + KM_LON, y + KM_LAT)
        t = time.perf_counter()
        if kind == "postgres":
            n = len(store.events_in_box(at, at + 86_400_000, box))
        else:
            n = sqlite_box(store, at, at + 86_400_000, box)
        boxes.append((time.perf_counter() - t) * 1000)
        hits.append(n)
        assert fixes, "no fixes found: the load went wrong"
    return {
        "seek_ms_median": statistics.median(seek),
        "seek_ms_p95": _pct(seek, 0.95),
        "window5min_ms_median": statistics.median(window),
        "bbox_day_ms_median": statistics.median(boxes),
        "bbox_day_ms_p95": _pct(boxes, 0.95),
        "bbox_rows_median": statistics.median(hits),
    }


def bench_year(pg: LocalPostgres | None, pg_url: str | None, scale: float, workdir: Path) -> None:
    total = max(BATCH, int(FULL_EVENTS * scale))
    print(f"== year of a {COMPOUNDS}-compound county: {total:,} events, batches of {BATCH:,}", flush=True)
    results: dict[str, dict[str, float]] = {}
    sqlite = SqliteStore(workdir / "year.db")
    results["sqlite"] = {"append_per_s": load(sqlite, total, "sqlite")}
    results["sqlite"] |= queries(sqlite, "sqlite", np.random.default_rng(1))
    results["sqlite"]["size_mb"] = sum(f.stat().st_size for f in workdir.glob("year.db*")) / 1e6
    sqlite.close()
    url = pg_url or (pg.create_database("city_year", postgis=True) if pg else None)
    assert url is not None
    store = PostgresStore(url)
    results["postgres"] = {"append_per_s": load(store, total, "postgres")}
    store._conn.execute("ANALYZE")
    results["postgres"] |= queries(store, "postgres", np.random.default_rng(1))
    size = store._conn.execute("SELECT pg_database_size(current_database())").fetchone()
    results["postgres"]["size_mb"] = int(size[0]) / 1e6 if size else 0.0
    parts = store._conn.execute(
        "SELECT count(*) FROM pg_inherits WHERE inhparent = 'events'::regclass"
    ).fetchone()
    store.close()
    print(f"  postgres month partitions: {parts[0] if parts else '?'}")
    keys = list(results["sqlite"])
    print(f"  {'metric':24} {'sqlite':>12} {'postgres':>12}")
    for k in keys:
        print(f"  {k:24} {results['sqlite'][k]:>12,.1f} {results['postgres'][k]:>12,.1f}")


def bench_stations(pg: LocalPostgres | None, pg_url: str | None, seconds: float, workdir: Path) -> None:
    from tests.servers import Mosquitto

    guards, fix_every_s, device_rate = 2_000, 5.0, 200
    print(
        f"== two stations: {guards:,} guards at 1 fix/{fix_every_s:g} s + {device_rate} device events/s "
        f"for {seconds:g} s",
        flush=True,
    )
    url = pg_url or (pg.create_database("city_stations", postgis=True) if pg else None)
    assert url is not None
    (workdir / "mq").mkdir()
    broker = Mosquitto(workdir / "mq")
    broker.start()
    address = Broker(port=broker.port)
    event_lat: list[float] = []
    change_lat: list[float] = []
    lock = threading.Lock()

    def wall_ms() -> float:
        return time.time() * 1000

    def on_events(remote: RemoteEvents) -> None:
        now = wall_ms()
        with lock:
            event_lat.extend(now - e.ts for e in remote.events)

    def on_changes(remote: RemoteChanges) -> None:
        now = wall_ms()
        with lock:
            change_lat.extend(now - a.last_ts for a in remote.alerts)

    store_a = PostgresStore(url, station="st-a")
    store_b = PostgresStore(url, station="st-b")
    district = District("bench", "Asia/Shanghai")
    bus_a = Bus()
    engine_a = Engine(store_a, district, [], bus_a)
    fan_a = EventFanout(address, "st-a")
    fan_b = EventFanout(address, "st-b", on_events)
    sync_a = StationSync(lambda: PostgresStore(url, station="st-a"), address, "st-a", lambda _: None)
    sync_b = StationSync(lambda: PostgresStore(url, station="st-b"), address, "st-b", on_changes)
    store_a.add_change_listener(sync_a.notify)
    bus_a.subscribe(StateDelta, fan_a.on_delta)
    for part in (fan_a, fan_b, sync_a, sync_b):
        part.start()
        assert part.wait_ready(10)
    tick = 0.02
    start = time.monotonic()
    sent = 0
    alerts = 0
    next_alert = start
    n = 0
    cpu0 = time.process_time()
    while (now := time.monotonic()) - start < seconds:
        elapsed = now - start
        due = int(elapsed * (guards / fix_every_s + device_rate))
        ts = int(wall_ms())
        batch = []
        for i in range(sent, due):
            if i % 3 == 2:
                batch.append(
                    Event(f"s{i:09d}", ts, f"C{i % 300:03d}-D{i % 30:02d}", "door.open", 121.3, 31.1)
                )
            else:
                g = i % guards
                batch.append(Event(f"s{i:09d}", ts, f"GPS-{g:04d}", "gps.fix", 121.3 + g * 1e-5, 31.1, {}))
        sent = due
        if batch:
            engine_a.ingest(batch)
        if now >= next_alert:
            alert = Alert(f"A{n}", "smoke_alarm", f"R{n}", "room", Severity.HIGH, AlertState.OPEN, ts, ts)
            store_a.upsert_alerts([alert])
            n += 1
            alerts += 1
            next_alert += 0.5
        time.sleep(max(0.0, tick - (time.monotonic() - now)))
    cpu = time.process_time() - cpu0
    time.sleep(1.0)
    for part in (fan_a, fan_b, sync_a, sync_b):
        part.stop()
    store_a.close()
    store_b.close()
    broker.stop()
    wall = time.monotonic() - start - 1.0
    rate = sent / wall
    print(
        f"  sent {sent:,} events ({rate:,.0f}/s), {alerts} alert changes; this process {cpu / wall:.0%} CPU"
    )
    for label, values in (("events A→B", event_lat), ("alert changes A→B", change_lat)):
        if not values:
            print(f"  {label}: nothing received")
            continue
        print(
            f"  {label}: {len(values):,} received, latency ms p50 {_pct(values, 0.5):.1f}  "
            f"p99 {_pct(values, 0.99):.1f}  max {max(values):.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size (default 1)")
    parser.add_argument("--only", choices=("year", "stations"), default=None)
    parser.add_argument("--pg-url", default=None, help="an existing PostgreSQL+PostGIS database to use")
    parser.add_argument("--seconds", type=float, default=None, help="load test length (default 60 × scale)")
    args = parser.parse_args()
    print(f"load before: {os.getloadavg()}", flush=True)
    pg = None if args.pg_url else LocalPostgres(durable=True)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            if pg is not None:
                pg.start()
            if args.only in (None, "year"):
                bench_year(pg, args.pg_url, args.scale, Path(tmp))
            if args.only in (None, "stations"):
                seconds = args.seconds if args.seconds is not None else max(5.0, 60.0 * args.scale)
                bench_stations(pg, args.pg_url, seconds, Path(tmp))
        finally:
            if pg is not None:
                pg.stop()
    print(f"load after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
