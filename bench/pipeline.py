"""Benchmark (issue 3): the live pipeline, decode → store → rules → alert, with the full default rule set.

    .venv/bin/python bench/pipeline.py [--hours H] [--seconds S] [--rate R] [--batch-ms MS] [--batch-max N]

Input is the embedded simulator's stream of the demo district (guards walking with noisy GPS, faces,
plates, doors, heartbeats, the odd alarm), encoded to JSON bytes first so every event is decoded and
validated again on the way in, as a bridge's payload would be.

1. Sustained throughput: H simulated hours (default 8, ~250 k events) through `Engine.ingest` from JSON
   bytes, in one go, on a fresh store holding the district. Wall and CPU time.
2. Latency at a background load of R events/s (default 1,000) for S seconds (default 30): a feeder thread
   releases each message at its scheduled arrival time and hands them to the engine the way the MQTT
   transport does (a batch closes `batch_ms` after its first message arrived, or at `batch_max` messages).
   Every 50 ms an `alarm.button` press is injected at a known arrival time; its latency is taken when the
   engine publishes the `StateDelta` that carries its alert (after the alert is upserted in the store).
   Reported twice: from the message's arrival at the transport (includes waiting for the batch to close)
   and from the sink call (the engine's own share).
Targets (issue 3): ≥ 20,000 events/s and p99 < 50 ms.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sandbox_app.bridges.jsonl.reader import read_jsonl
from sandbox_app.bridges.schema import decode_event, encode_event
from sandbox_app.bridges.simulator.source import Simulator
from sandbox_app.bridges.transport.mqtt_link import MqttSettings
from sandbox_app.data.package import load_package
from sandbox_app.data.resources import demo_package
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.engine.bus import Bus
from sandbox_app.engine.messages import StateDelta
from sandbox_app.engine.pipeline import Engine
from sandbox_app.rules.config import load_rules
from sandbox_app.store import open_store

T0 = 1_714_550_400_000  # 2024-05-01T08:00:00Z
HOUR_MS = 3_600_000
INJECT_EVERY = 0.05
"""Seconds of arrival time between injected alarm presses."""


def sim_lines(district: District, hours: float, seed: int = 1) -> list[bytes]:
    sim = Simulator(district, seed=seed, start_ts=T0)
    return [encode_event(e) for e in sim.events_between(T0, T0 + int(hours * HOUR_MS))]


def fresh_engine(district: District, db: Path, bus: Bus | None = None) -> Engine:
    store = open_store(db)
    store.replace_district(district)
    return Engine(store, district, load_rules(district), bus)


def throughput(district: District, lines: list[bytes], db: Path) -> None:
    engine = fresh_engine(district, db)
    wall, cpu = time.perf_counter(), time.process_time()
    result = engine.ingest(read_jsonl(lines))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    engine.store.close()
    n = len(lines)
    print(
        f"throughput: {n:,} events in {wall:.2f} s: {n / wall:,.0f} events/s wall, "
        f"{n / cpu:,.0f} events/s CPU (accepted {result.accepted:,}, duplicates {result.duplicates:,}, "
        f"rejected {len(result.rejected):,}); target ≥ 20,000: {'met' if n / wall >= 20_000 else 'NOT met'}"
    )


def schedule(
    lines: list[bytes], district: District, rate: float, seconds: float
) -> tuple[list[bytes], dict[str, int]]:
    """`rate × seconds` messages, with an alarm press replacing one every INJECT_EVERY seconds."""
    buttons = sorted(d.id for d in district.devices.values() if d.kind == "alarm_button") or ["AB-SYN"]
    total = int(rate * seconds)
    out = [lines[i % len(lines)] for i in range(total)]
    injected: dict[str, int] = {}
    """Injected press id → its position (hence arrival time) in the feed."""
    step = max(1, int(rate * INJECT_EVERY))
    for n, i in enumerate(range(step // 2, total, step)):
        background = decode_event(out[i])
        ts = background.ts if isinstance(background, Event) else T0
        press = Event(f"inj-{n:06d}", ts, buttons[n % len(buttons)], "alarm.button")
        out[i] = encode_event(press)
        injected[press.id] = i
    return out, injected


class Feeder:
    """Releases message i at start + i / rate and delivers batches like the MQTT transport's worker."""

    def __init__(self, engine: Engine, lines: list[bytes], rate: float, batch_ms: float, batch_max: int):
        self.engine, self.lines, self.rate = engine, lines, rate
        self.batch_s, self.batch_max = batch_ms / 1000, batch_max
        self.start = 0.0
        self.sink_time = 0.0
        """When the sink was called with the batch now being ingested."""
        self.batches = 0

    def due(self, i: int) -> float:
        return self.start + i / self.rate

    def run(self) -> None:
        lines, n, i = self.lines, len(self.lines), 0
        self.start = time.perf_counter() + 0.2
        while i < n:
            close = min(self.due(i) + self.batch_s, self.due(min(i + self.batch_max, n) - 1))
            pause = close - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            now = time.perf_counter()
            j = i + 1
            while j < n and j - i < self.batch_max and self.due(j) <= now:
                j += 1
            self.sink_time = now
            self.engine.ingest([decode_event(raw) for raw in lines[i:j]])
            self.batches += 1
            i = j


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def latency(district: District, lines: list[bytes], db: Path, args: argparse.Namespace) -> None:
    feed, injected = schedule(lines, district, args.rate, args.seconds)
    bus = Bus()
    engine = fresh_engine(district, db, bus)
    feeder = Feeder(engine, feed, args.rate, args.batch_ms, args.batch_max)
    arrival: list[float] = []
    from_sink: list[float] = []
    missed: list[str] = []

    def on_delta(delta: StateDelta) -> None:
        now = time.perf_counter()
        alerted = {a.subject for a in delta.alerts if a.rule == "alarm_button"}
        for e in delta.events:
            if e.id in injected:
                if e.device not in alerted:
                    missed.append(e.id)
                    continue
                arrival.append(now - feeder.due(injected[e.id]))
                from_sink.append(now - feeder.sink_time)  # the delta is published inside that sink call

    bus.subscribe(StateDelta, on_delta)
    thread = threading.Thread(target=feeder.run, name="feeder")
    wall = time.perf_counter()
    thread.start()
    thread.join()
    wall = time.perf_counter() - wall
    engine.store.close()
    print(
        f"latency at {args.rate:,.0f} events/s for {args.seconds:.0f} s ({len(feed):,} messages in "
        f"{feeder.batches:,} batches, batch_ms {args.batch_ms:g}, batch_max {args.batch_max}; "
        f"took {wall:.1f} s):"
    )
    for label, values in (("arrival → alert", arrival), ("sink call → alert", from_sink)):
        print(
            f"  {label:<18} n={len(values)}  p50 {_pct(values, 0.5):6.1f} ms  "
            f"p99 {_pct(values, 0.99):6.1f} ms  max {max(values) * 1000:6.1f} ms"
        )
    p99 = _pct(arrival, 0.99)
    print(
        f"  p99 arrival → alert {'<' if p99 < 50 else '≥'} 50 ms target; "
        f"injected presses without alert: {len(missed)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--hours", type=float, default=8.0, help="simulated hours for the throughput run")
    parser.add_argument("--seconds", type=float, default=30.0, help="length of the latency run")
    parser.add_argument("--rate", type=float, default=1000.0, help="background events/s in the latency run")
    parser.add_argument(
        "--batch-ms", type=float, default=MqttSettings().batch_ms, help="transport linger (MQTT default)"
    )
    parser.add_argument("--batch-max", type=int, default=500, help="transport batch cap (MQTT default 500)")
    parser.add_argument("--skip-throughput", action="store_true")
    args = parser.parse_args()
    district = load_package(demo_package())
    t = time.perf_counter()
    lines = sim_lines(district, max(args.hours, 1.0))
    print(f"simulated {len(lines):,} events ({args.hours:g} h) in {time.perf_counter() - t:.1f} s")
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
        if not args.skip_throughput:
            throughput(district, lines, Path(tmp) / "throughput.db")
        latency(district, lines, Path(tmp) / "latency.db", args)


if __name__ == "__main__":
    main()
