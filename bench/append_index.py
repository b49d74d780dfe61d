"""Benchmark (issue 21): what indexing the log by device (a guard's GPS track, store migration v11) costs the
SQLite append.

    .venv/bin/python bench/append_index.py [--events N] [--devices D] [--rounds R] [--postgres]

N events (default 300,000: 70 % GPS fixes of D trackers, default 2,000, the rest face passes at 500 gates,
sequential ts, random ids) appended through `SqliteStore.append_events` in batches of 1,000 into a fresh
file, three ways: with nothing by device (the fold held off), as shipped (`device_track` folded from the log
every `keyframe_lag` = 20,000 rows) and with a plain index on `events (device, ts)` instead (the first
design); R rounds, the order rotating each round (the machine's speed drifts). Reported: events/s of each
run and, per way, the median ratio to the first. `--postgres`: the same appends into a throwaway local
cluster (fsync on) with and without PostgreSQL's (device, ts, seq) index, order alternating.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sandbox_app.domain.events import Event
from sandbox_app.store.sqlite import SqliteStore

BATCH = 1_000
WAYS = ("nothing by device", "device_track fold (v11)", "index on events (device, ts)")


def events(n: int, devices: int) -> list[Event]:
    out = []
    for i in range(n):
        if i % 10 < 7:
            dev = f"T{i * 7919 % devices:05d}"
            out.append(Event(uuid.uuid4().hex, 1_750_000_000_000 + i * 10, dev, "gps.fix", 116.0, 39.0, {}))
        else:
            dev = f"G{i * 31 % 500:03d}"
            out.append(Event(uuid.uuid4().hex, 1_750_000_000_000 + i * 10, dev, "face.pass", None, None, {}))
    return out


def run(path: Path, rows: list[Event], way: str) -> float:
    store = SqliteStore(path)
    if way != WAYS[1]:
        store._track_lag = 1 << 62  # never folds
    if way == WAYS[2]:
        store._conn.execute("CREATE INDEX events_device_ts ON events (device, ts)")
    t = time.perf_counter()
    for k in range(0, len(rows), BATCH):
        store.append_events(rows[k : k + BATCH])
    took = time.perf_counter() - t
    store.close()
    return len(rows) / took


def run_postgres(url: str, rows: list[Event], with_index: bool) -> float:
    from sandbox_app.store.postgres import PostgresStore

    store = PostgresStore(url)
    if not with_index:
        vars(store)["_conn"].execute("DROP INDEX events_device_ts_seq")
    t = time.perf_counter()
    for k in range(0, len(rows), BATCH):
        store.append_events(rows[k : k + BATCH])
    took = time.perf_counter() - t
    store.close()
    return len(rows) / took


def postgres(rows: list[Event], rounds: int) -> None:
    """PostgreSQL keeps a (device, ts, seq) index on every month partition: its cost, index or none."""
    from tests.pg_local import LocalPostgres

    pg = LocalPostgres(durable=True)
    pg.start()
    try:
        ratios = []
        for r in range(rounds):
            order = [False, True] if r % 2 == 0 else [True, False]
            rate = {w: run_postgres(pg.create_database(f"a{r}{int(w)}"), rows, w) for w in order}
            ratios.append(rate[True] / rate[False])
            print(
                f"postgres round {r}: no device index {rate[False]:9,.0f} ev/s   "
                f"with it {rate[True]:9,.0f} ev/s"
            )
        print(f"postgres: with the device index {statistics.median(ratios):.2f} of the append without it")
    finally:
        pg.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=300_000)
    parser.add_argument("--devices", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL's index instead (local cluster)")
    args = parser.parse_args()
    rows = events(args.events, args.devices)
    if args.postgres:
        postgres(rows, args.rounds)
        return 0
    rates: dict[str, list[float]] = {w: [] for w in WAYS}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.rounds):
            order = WAYS[r % 3 :] + WAYS[: r % 3]
            for i, way in enumerate(order):
                rates[way].append(run(Path(tmp) / f"r{r}w{i}.db", rows, way))
            print(f"round {r}: " + "   ".join(f"{w} {rates[w][-1]:9,.0f} ev/s" for w in WAYS), flush=True)
    for way in WAYS[1:]:
        ratio = statistics.median(a / b for a, b in zip(rates[way], rates[WAYS[0]], strict=True))
        print(f"{way}: {ratio:.2f} of the append with nothing by device (median of {args.rounds})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
