"""Benchmark: replay seek on 10 million events, and playback frame rate on the demo district (issue 6).

    .venv/bin/python bench/replay.py [--events 10000000] [--seeks 200] [--baseline 3] [--frames 300]

Builds (once; cached as out/bench/replay-<N>.db and reused) a store holding the demo district and N synthetic
events written through `SqliteStore.append_events` in batches of 5,000: the 40 guards' trackers fix every
5 s (walking, each with a 10-40 minute silence about every 6 hours), the other devices send door, lock,
face, plate, RFID, heartbeat and alarm events, ~35 events/s in all (10 M events ≈ 79 hours). The device
frames (`sandbox_app.replay.index`) are folded after the write (timed, also reused).

Then, in one process on a fresh connection (the file read once first, so the OS page cache holds it, unless
`--cold`):
  (a) seek: `replay.state.seek` at random times, p50/p99 (target < 100 ms);
  (b) baseline: the same state rebuilt by folding the log from its start (`store.events_between`) on a few of
      those times, checked to agree with (a) on every guard's last fix and every device's last-heard time;
      the store also holds an alert every 2 minutes of history (a third dispatched), added once, so a seek
      pays for the alerts and dispatches open at T too;
  (c) playback: states at 30 fps × 60 speed from a `Window` (what the timeline's playback does); the same
      with the layers built (map path), drawn into 1280×720 frames (MP4 path), and set on the 2D map and
      rendered offscreen (`Map2D` + grab, what the window draws); frames/s (target >= 30);
  (d) seek in the window while dragging (issue 24): the main window and its replay controller on the same
      store, a drag of 12 timeline steps at 60 Hz, then the time from the last step until the map shows that
      moment (target < 100 ms). "before" is the old path (every seek drawn, with the panels and the 3D
      pane, the dashboard's figures on the seek thread after each one), "after" the current one (stale
      seeks skipped; the panels and the 3D pane, then the figures, once the drag rests, figures on their
      own thread); both in the same run, trials interleaved (only the window under test shown), as the
      machine is shared. Run it with a display (`DISPLAY=:N QT_QPA_PLATFORM=xcb`, Xvfb will do) so the
      window has its 3D pane, as a station's has; offscreen it has none.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sandbox_app.data.package import load_package
from sandbox_app.data.resources import demo_package
from sandbox_app.domain.alerts import Alert, Step
from sandbox_app.domain.device_kinds import DEVICE_KINDS
from sandbox_app.domain.dispatch import Dispatch, DispatchState
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.replay.index import FrameIndex
from sandbox_app.replay.player import frame_times
from sandbox_app.replay.state import ReplayState, Window, seek
from sandbox_app.store import queries
from sandbox_app.store.queries import Db
from sandbox_app.store.sqlite import SqliteStore

T_START = 1_714_492_800_000  # 2024-05-01T00:00:00+08:00
FIX_EVERY_MS = 5_000
OTHER_RATE = 27.0
"""Device events per second (besides the guards' fixes)."""
BATCH = 5_000
HOUR = 3_600_000


def _other_kinds(district: District) -> list[tuple[str, str]]:
    """(device, kind) pool for the non-GPS devices: each device's own kinds, plus heartbeats."""
    pool = []
    for d in sorted(district.devices.values(), key=lambda d: d.id):
        spec = DEVICE_KINDS.get(d.kind)
        if spec is None or "gps.fix" in spec.emits:
            continue
        for kind in sorted(spec.emits) or ["device.heartbeat"]:
            pool.append((d.id, kind))
        pool.append((d.id, "device.heartbeat"))
    return pool


def generate(district: District, n: int, seed: int = 6) -> Iterator[list[Event]]:
    """n events in time order, in batches of `BATCH`, made an hour at a time with numpy."""
    rng = np.random.default_rng(seed)
    trackers = sorted(g.device_id for g in district.guards.values() if g.device_id)
    g = len(trackers)
    pool = _other_kinds(district)
    pos = np.column_stack([116.3519 + rng.uniform(-0.006, 0.006, g), 40.0033 + rng.uniform(-0.004, 0.004, g)])
    steps = HOUR // FIX_EVERY_MS
    made, hour = 0, 0
    out: list[Event] = []
    while made < n:
        t0 = T_START + hour * HOUR
        hour += 1
        # Guards: a fix every 5 s each, except during a silence (10-40 min, starting in ~1 hour of 6).
        quiet_from = np.where(rng.random(g) < 1 / 6, t0 + rng.integers(0, HOUR, g), -1)
        quiet_to = quiet_from + rng.integers(10, 41, g) * 60_000
        fx_ts = t0 + np.arange(steps)[:, None] * FIX_EVERY_MS + rng.integers(0, 1000, (steps, g))
        walk = np.cumsum(rng.normal(0, 2e-5, (steps, g, 2)), axis=0) + pos[None]
        pos = walk[-1]
        keep = ~((fx_ts >= quiet_from[None]) & (fx_ts < quiet_to[None]))
        k_i, k_g = np.nonzero(keep)
        rows = [(int(fx_ts[i, j]), trackers[j], "gps.fix", float(walk[i, j, 0]), float(walk[i, j, 1]))
                for i, j in zip(k_i.tolist(), k_g.tolist(), strict=True)]  # fmt: skip
        m = int(OTHER_RATE * 3600)
        o_ts = t0 + np.sort(rng.integers(0, HOUR, m))
        picks = rng.integers(0, len(pool), m)
        rows += [(t, *pool[p], None, None) for t, p in zip(o_ts.tolist(), picks.tolist(), strict=True)]
        rows.sort(key=lambda r: r[0])
        for ts, dev, kind, lon, lat in rows[: n - made]:
            out.append(Event(f"b{made}", ts, dev, kind, lon, lat))
            made += 1
            if len(out) == BATCH:
                yield out
                out = []
    if out:
        yield out


def build(path: Path, n: int) -> None:
    district = load_package(demo_package())
    tmp = path.with_suffix(".tmp.db")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    store = SqliteStore(tmp)
    store.replace_district(district)
    t = time.perf_counter()
    written = 0
    for batch in generate(district, n):
        store.append_events(batch)
        written += len(batch)
        if written % 1_000_000 == 0:
            print(f"  appended {written:,} events ({written / (time.perf_counter() - t):,.0f}/s)", flush=True)
    store.close()
    t = time.perf_counter()
    db = Db.open(str(tmp))
    written_frames = FrameIndex(db).refresh()
    print(f"  device frames: {written_frames} folded in {time.perf_counter() - t:.1f} s", flush=True)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    tmp.rename(path)


def ensure_alerts(store: SqliteStore, district: District, start: int, end: int) -> int:
    """An alert every 2 minutes of history (rule "bench", full lifecycle over ~20 minutes), a third of
    them dispatched and closed; written once into the cached store."""
    if store.alerts():
        return 0
    rng = random.Random(3)
    guards = sorted(district.guards)
    alerts, dispatches = [], []
    for i, t in enumerate(range(start + 60_000, end, 120_000)):
        lon, lat = 116.3519 + rng.uniform(-0.006, 0.006), 40.0033 + rng.uniform(-0.004, 0.004)
        a = Alert(f"bench:{i}", "bench", f"S{i % 300}", "device", Severity.MEDIUM, AlertState.OPEN, t, t,
                  lon=lon, lat=lat, history=[Step(AlertState.OPEN, "engine", t)])  # fmt: skip
        a.advance(AlertState.ACKNOWLEDGED, "测试值班员", t + rng.randint(5, 120) * 1000)
        if i % 3 == 0:
            a.advance(AlertState.DISPATCHED, "测试值班员", a.history[-1].ts + 30_000)
            d = Dispatch(
                f"bd{i}", a.id, guards[i % len(guards)], None, "测试指挥员", a.history[-1].ts, lon, lat
            )
            d.advance(DispatchState.ACCEPTED, d.guard_id, d.issued_ts + 20_000)
            d.advance(DispatchState.ON_SCENE, d.guard_id, d.issued_ts + 300_000)
            d.advance(DispatchState.HANDLED, d.guard_id, d.issued_ts + 600_000)
            d.advance(DispatchState.FEEDBACK, d.guard_id, d.issued_ts + 700_000, "已处理")
            d.advance(DispatchState.CLOSED, "测试指挥员", d.issued_ts + 800_000)
            dispatches.append(d)
        a.advance(AlertState.RESOLVED, "测试值班员", a.history[-1].ts + 900_000)
        a.advance(AlertState.CLOSED, "测试值班员", a.history[-1].ts + 60_000, "已处理")
        alerts.append(a)
    store.upsert_alerts(alerts)
    for d in dispatches:
        store.create_dispatch(d)
    return len(alerts)


def baseline_state(store: SqliteStore, at_ts: int, start_ts: int) -> tuple[dict[str, int], dict[str, int]]:
    """Rebuild from the start of the log: every event up to at_ts folded into last fix / last heard."""
    last_fix: dict[str, int] = {}
    last_heard: dict[str, int] = {}
    for e in store.events_between(start_ts, at_ts):
        last_heard[e.device] = e.ts
        if e.kind == "gps.fix" and e.lon is not None and "flagged" not in e.data:
            last_fix[e.device] = e.ts
    return last_fix, last_heard


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--seeks", type=int, default=200)
    ap.add_argument("--baseline", type=int, default=3)
    ap.add_argument("--frames", type=int, default=300)
    ap.add_argument("--cold", action="store_true", help="skip reading the file once before seeking")
    ap.add_argument("--drags", type=int, default=20, help="timeline drags in the window, for (d)")
    args = ap.parse_args()
    out_dir = Path(__file__).resolve().parent.parent / "out" / "bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"replay-{args.events}.db"
    if not path.exists():
        print(f"building {path} ({args.events:,} events; cached for later runs)")
        t = time.perf_counter()
        build(path, args.events)
        print(f"built in {time.perf_counter() - t:.0f} s")
    store = SqliteStore(path)
    district = store.load_district()
    assert district is not None
    db = Db.open(str(path))
    span = queries.log_span(db)
    assert span is not None
    added = ensure_alerts(store, district, span[0], span[1])
    if added:
        print(f"  added {added:,} alerts to the cached store")
    frames = FrameIndex(db)
    frames.refresh()
    hours = (span[1] - span[0]) / HOUR
    print(f"store: {store.event_count():,} events, {len(store.alerts()):,} alerts, {hours:.1f} h of history, "
          f"{path.stat().st_size / 2**30:.2f} GiB")  # fmt: skip

    if not args.cold:  # a station's database lives in the OS page cache; a first touch of a page is disk
        with path.open("rb") as f:
            while f.read(1 << 24):
                pass
    rnd = random.Random(66)
    times = [rnd.randint(span[0] + 600_000, span[1]) for _ in range(args.seeks)]
    took = []
    states: dict[int, ReplayState] = {}
    for t in times:
        s = time.perf_counter()
        state = seek(db, district, t, frames=frames)
        took.append((time.perf_counter() - s) * 1000)
        if len(states) < args.baseline:  # kept only for the check against (b)
            states[t] = state
    print(f"(a) seek: n={len(took)} p50 {pct(took, 50):.1f} ms, p90 {pct(took, 90):.1f} ms, "
          f"p99 {pct(took, 99):.1f} ms, max {max(took):.1f} ms, first {took[0]:.1f} ms")  # fmt: skip

    base = []
    by_device = district.guard_by_device()
    for t in states:
        s = time.perf_counter()
        last_fix, last_heard = baseline_state(store, t, span[0])
        base.append((time.perf_counter() - s) * 1000)
        state = states[t]
        for dev, g in by_device.items():
            got = state.guards.get(g.id)
            assert (got.fix_ts if got else None) == last_fix.get(dev), (t, g.id)
        ids = state.devices.ids
        for i, dev in enumerate(ids):
            ts = int(state.devices.last_ts[i])
            assert (ts if ts >= 0 else None) == last_heard.get(dev), (t, dev)
    if base:
        print(f"(b) rebuild from the log start: n={len(base)} mean {statistics.fmean(base):,.0f} ms "
              f"(min {min(base):,.0f}, max {max(base):,.0f}); states agree with (a)")  # fmt: skip

    length = (args.frames - 1) * 2000  # 30 fps at 60x: 2 s of district time a frame
    start = rnd.randint(span[0] + 600_000, max(span[0] + 600_000, span[1] - length))
    ftimes = frame_times(start, start + length, fps=30, speed=60)
    s = time.perf_counter()
    window = Window(db, district, ftimes[0], ftimes[-1], frames=frames)
    load = time.perf_counter() - s
    s = time.perf_counter()
    for t in ftimes:
        window.state(t)
    states_s = time.perf_counter() - s
    print(f"(c) playback states: window load {load * 1000:.0f} ms, {len(ftimes) / states_s:,.0f} states/s")

    from layers.render.video import FrameMaker

    maker = FrameMaker(district)
    window = Window(db, district, ftimes[0], ftimes[-1], frames=frames)
    s = time.perf_counter()
    for t in ftimes:
        maker.layers.dynamic(window.state(t))
    layers_s = time.perf_counter() - s
    s = time.perf_counter()
    for t in ftimes:
        maker.frame(window.state(t))
    frames_s = time.perf_counter() - s
    print(f"    states + layers (map path): {len(ftimes) / layers_s:,.0f} frames/s; "
          f"+ 1280x720 raster (video path): {len(ftimes) / frames_s:,.0f} frames/s")  # fmt: skip
    drawn, cpu_ms = map_fps(district, window, ftimes)
    print(
        f"    drawn on the 2D map (Map2D, Qt offscreen, 1280x720): {drawn:,.0f} frames/s "
        f"({cpu_ms:.1f} ms CPU a frame: steadier than wall time on a shared machine)"
    )
    before, after = window_seek(path, span, rnd, args.drags)
    print(
        f"(d) seek in the window while dragging: last step → map drawn p50 {pct(after, 50):.0f} ms, "
        f"p90 {pct(after, 90):.0f} ms (before: p50 {pct(before, 50):.0f} ms, p90 {pct(before, 90):.0f} ms; "
        f"n={len(after)} drags each)"
    )
    store.close()


def window_seek(
    path: Path, span: tuple[int, int], rnd: random.Random, drags: int
) -> tuple[list[float], list[float]]:
    """(before, after) ms from a drag's last step until the 2D map has drawn that moment; see (d)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from sandbox_app.station.scene import load_scene
    from widgets.main_window import MainWindow
    from widgets.replay_controller import ReplayController

    app = QApplication.instance() or QApplication([])
    results: dict[bool, list[float]] = {False: [], True: []}
    controllers: dict[bool, ReplayController] = {}

    for new in (False, True):
        window = MainWindow(load_scene(path, None))
        window.resize(1280, 720)
        window.show()
        replay = ReplayController(window, path, window.scene.district)
        if not new:  # the path before issue 24: figures after every seek, on the seek thread; all drawn,
            replay.figures_worker = replay.worker  # the panels and the 3D pane with the map each time
            replay._is_stale = lambda state: False  # type: ignore[method-assign]
            replay.figures_timer.setInterval(0)
            replay.show_state = _with_panels(replay)  # type: ignore[method-assign, assignment]
        assert replay.enter()
        while replay.state is None:
            app.processEvents()
        controllers[new] = replay

    def settle(replay: ReplayController) -> None:
        deadline = time.perf_counter() + 30
        while time.perf_counter() < deadline and not (replay.worker.idle() and replay.figures_worker.idle()):
            app.processEvents()
            time.sleep(0.005)
        app.processEvents()

    for _ in range(drags):
        start = rnd.randint(span[0] + 600_000, span[1] - 3_600_000)
        steps = [start + k * 60_000 for k in range(12)]
        for new in (False, True):
            replay = controllers[new]
            controllers[not new].window.hide()  # one window on screen, as at a station: the other one's
            replay.window.show()  # repaints and animations would be timed too
            settle(replay)
            for ts in steps:
                replay.timeline.seek(ts)
                app.processEvents()
                time.sleep(1 / 60)
            s = time.perf_counter()
            while replay.state is None or replay.state.at_ts != steps[-1]:
                app.processEvents()
                time.sleep(0.001)
            replay.window.map2d.grab()
            results[new].append((time.perf_counter() - s) * 1000)
    for replay in controllers.values():
        replay.stop()
        replay.window.close()
    return results[False], results[True]


def _with_panels(replay: Any) -> Callable[[ReplayState], None]:
    """`show_state` as it was before issue 24: the panels and the 3D pane drawn with every moment."""
    show = replay.show_state

    def show_state(state: ReplayState) -> None:
        show(state)
        replay._show_panels()

    return show_state


def map_fps(district: District, window: Window, times: list[int]) -> tuple[float, float]:
    """States through the replay layers onto `widgets.map2d.Map2D`, each frame rendered (grab):
    (frames/s wall, process CPU ms a frame)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from layers.data import LayerData
    from layers.projection import LocalProjection
    from layers.replay import ReplayLayers
    from widgets.map2d import Map2D

    app = QApplication.instance() or QApplication([])  # the view lives until the process ends
    proj = LocalProjection.for_district(district)
    layers = ReplayLayers(district, proj)
    view = Map2D()
    view.resize(1280, 720)
    view.set_own_trails(False)  # as the replay controller does: the replay's trails layer draws them
    view.show()
    for data in layers.static():
        view.set_layer(data)
    view.fit()
    app.processEvents()
    shown: dict[str, LayerData] = {}
    s, cpu = time.perf_counter(), time.process_time()
    for t in times:
        for data in layers.dynamic(window.state(t)):
            if shown.get(data.name) is not data:  # unchanged layers (devices' health) are not handed over
                view.set_layer(data)
                shown[data.name] = data
        view.grab()
    cpu_ms = (time.process_time() - cpu) / len(times) * 1000
    return len(times) / (time.perf_counter() - s), cpu_ms


if __name__ == "__main__":
    main()
