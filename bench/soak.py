"""Soak (issue 9): a steady stream for a long time; memory stays flat, queues do not grow, nothing lost.

    .venv/bin/python bench/soak.py [--seconds 600] [--rate 2000] [--batch-max 500] [--batch-ms 20]

The demo district's simulator produces the stream (guards walking, faces, plates, doors, heartbeats, the odd
alarm), encoded to JSON bytes so every message is decoded and validated again on the way in. A feeder thread
releases messages at `rate` per second into a queue, the way a transport's network thread does; the main
thread batches them like the MQTT transport (a batch closes `batch_ms` after its first message or at
`batch_max`) and hands each batch to `Engine.ingest` over a SQLite store with the default rules.

Every `--sample` seconds: RSS (from /proc), queue length, messages produced and ingested. At the end: events,
RSS at start (after the first sample) and end, RSS growth over the second half, the longest queue, and
lost = produced - (accepted + duplicates + rejected), which must be 0. `tests/security/test_soak.py` runs a
few seconds of the same code in CI.
"""

from __future__ import annotations

import argparse
import os
import queue
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sandbox_app.bridges.schema import decode_event, encode_event
from sandbox_app.bridges.simulator.source import Simulator
from sandbox_app.data.package import load_package
from sandbox_app.data.resources import demo_package
from sandbox_app.domain.model import District
from sandbox_app.engine.pipeline import Engine
from sandbox_app.rules.config import load_rules
from sandbox_app.store import open_store

T0 = 1_714_550_400_000
HOUR_MS = 3_600_000
TICK_S = 0.01
"""The feeder releases a burst of rate × TICK_S messages this often."""


def rss_mb() -> float:
    """Resident set size of this process, MiB (Linux /proc; 0 elsewhere)."""
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def sim_stream(district: District, seed: int = 1) -> Iterator[bytes]:
    """The simulator's events hour after hour, as JSON payloads, for as long as asked. The first hour is
    made before this returns, so the clock of a soak does not start with the simulator's warm-up."""
    sim = Simulator(district, seed=seed, start_ts=T0)
    first = [encode_event(e) for e in sim.events_between(T0, T0 + HOUR_MS)]

    def stream() -> Iterator[bytes]:
        yield from first
        first.clear()
        for hour in count(1):
            start = T0 + hour * HOUR_MS
            for event in sim.events_between(start, start + HOUR_MS):
                yield encode_event(event)

    return stream()


def synthetic_stream(district: District, step_ms: int = 50) -> Iterator[bytes]:
    """A cheap stand-in for the simulator (CI): the district's devices in turn, trackers sending fixes that
    wander a few metres, the rest heartbeats; ids and times strictly increasing."""
    devices = sorted(district.devices.values(), key=lambda d: d.id)
    for i in count():
        device = devices[i % len(devices)]
        body: dict[str, Any] = {"id": f"soak-{i}", "ts": T0 + i * step_ms, "device": device.id}
        if device.kind == "gps_tracker":
            wobble = (i % 97) * 1e-6
            body.update(kind="gps.fix", lon=116.35 + wobble, lat=40.0 + wobble, data={"battery": 80.0})
        else:
            body.update(kind="device.heartbeat", data={})
        yield orjson.dumps(body)


@dataclass(slots=True)
class Sample:
    t_s: float
    rss_mb: float
    queue: int
    produced: int
    ingested: int


@dataclass(slots=True)
class SoakReport:
    seconds: float
    rate: int
    produced: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    stored: int = 0
    samples: list[Sample] = field(default_factory=list)

    @property
    def lost(self) -> int:
        return self.produced - (self.accepted + self.duplicates + self.rejected)

    @property
    def max_queue(self) -> int:
        return max((s.queue for s in self.samples), default=0)

    @property
    def rss_start(self) -> float:
        return self.samples[0].rss_mb if self.samples else 0.0

    @property
    def rss_end(self) -> float:
        return self.samples[-1].rss_mb if self.samples else 0.0

    @property
    def rss_growth_second_half(self) -> float:
        if len(self.samples) < 2:
            return 0.0
        return self.rss_end - self.samples[len(self.samples) // 2].rss_mb

    def to_json(self) -> dict[str, Any]:
        return {
            "seconds": round(self.seconds, 1),
            "rate": self.rate,
            "produced": self.produced,
            "achieved_rate": round(self.produced / self.seconds) if self.seconds else 0,
            "accepted": self.accepted,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "stored": self.stored,
            "lost": self.lost,
            "rss_start_mb": round(self.rss_start, 1),
            "rss_end_mb": round(self.rss_end, 1),
            "rss_growth_second_half_mb": round(self.rss_growth_second_half, 1),
            "max_queue": self.max_queue,
            "final_queue": self.samples[-1].queue if self.samples else 0,
        }


class _Feeder(threading.Thread):
    """Releases messages at a fixed rate into the queue, as a transport's network thread would."""

    def __init__(self, source: Iterator[bytes], rate: int, inbox: queue.SimpleQueue[bytes]) -> None:
        super().__init__(name="soak-feeder", daemon=True)
        self.source, self.rate, self.inbox = source, rate, inbox
        self.produced = 0
        self.stop = threading.Event()

    def run(self) -> None:
        start = time.perf_counter()
        while not self.stop.is_set():
            due = int((time.perf_counter() - start) * self.rate)
            for _ in range(due - self.produced):
                self.inbox.put(next(self.source))
                self.produced += 1
            self.stop.wait(TICK_S)


def soak(
    engine: Engine,
    source: Iterator[bytes],
    seconds: float,
    rate: int,
    *,
    batch_max: int = 500,
    batch_ms: int = 20,
    sample_s: float = 1.0,
    verbose: bool = False,
) -> SoakReport:
    """Run the stream through the engine for `seconds`, then drain what is queued; returns the report."""
    inbox: queue.SimpleQueue[bytes] = queue.SimpleQueue()
    feeder = _Feeder(source, rate, inbox)
    report = SoakReport(seconds, rate)
    stored_before = engine.store.event_count()
    begin = time.perf_counter()
    next_sample = begin + sample_s
    feeder.start()
    ingested = 0
    while True:
        now = time.perf_counter()
        if now >= next_sample:
            sample = Sample(now - begin, rss_mb(), inbox.qsize(), feeder.produced, ingested)
            report.samples.append(sample)
            next_sample += sample_s
            if verbose:
                print(
                    f"  {sample.t_s:7.1f} s  rss {sample.rss_mb:7.1f} MiB  queue {sample.queue:6d}"
                    f"  produced {sample.produced:9d}",
                    flush=True,
                )
        if now - begin >= seconds and not feeder.stop.is_set():
            feeder.stop.set()
            feeder.join()
        batch = _collect(inbox, batch_max, batch_ms / 1000)
        if batch:
            result = engine.ingest([decode_event(raw) for raw in batch])
            report.accepted += result.accepted
            report.duplicates += result.duplicates
            report.rejected += len(result.rejected)
            ingested += len(batch)
        elif feeder.stop.is_set():
            break
    report.produced = feeder.produced
    report.seconds = time.perf_counter() - begin
    report.samples.append(Sample(report.seconds, rss_mb(), inbox.qsize(), feeder.produced, ingested))
    report.stored = engine.store.event_count() - stored_before
    return report


def _collect(inbox: queue.SimpleQueue[bytes], batch_max: int, batch_s: float) -> list[bytes]:
    try:
        first = inbox.get(timeout=0.05)
    except queue.Empty:
        return []
    batch = [first]
    deadline = time.perf_counter() + batch_s
    while len(batch) < batch_max:
        left = deadline - time.perf_counter()
        if left <= 0:
            break
        try:
            batch.append(inbox.get(timeout=left))
        except queue.Empty:
            break
    return batch


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=600.0)
    parser.add_argument("--rate", type=int, default=2000)
    parser.add_argument("--batch-max", type=int, default=500)
    parser.add_argument("--batch-ms", type=int, default=20)
    parser.add_argument("--sample", type=float, default=10.0, help="seconds between samples")
    args = parser.parse_args()
    district = load_package(demo_package())
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "soak.db")
        store.replace_district(district)
        engine = Engine(store, district, load_rules(district))
        print(
            f"soak: {args.seconds:g} s at {args.rate} events/s, demo district, default rules; "
            f"load {os.getloadavg()[0]:.2f}",
            flush=True,
        )
        report = soak(
            engine,
            sim_stream(district),
            args.seconds,
            args.rate,
            batch_max=args.batch_max,
            batch_ms=args.batch_ms,
            sample_s=args.sample,
            verbose=True,
        )
        store.close()
    for key, value in report.to_json().items():
        print(f"{key:>26}: {value}")
    print(f"load at end {os.getloadavg()[0]:.2f}")
    return 0 if report.lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
