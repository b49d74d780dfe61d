"""The district's state at any past time T, shaped like the live state so the same layers draw it.

A seek reads: the guards' last fixes before the trail window (the store's minute keyframes), the latest device
frame (`index.FrameIndex`), and the log between them and T plus a short look-ahead of fixes, so its cost
does not grow with history. `Window` loads that once for a whole range, so playback advances without
touching the database per frame.

Guards move linearly between the two fixes around T. A guard (or device) silent longer than its kind's
heartbeat is in a gap: marked `gap=True` at its last known place, never drawn as if standing still.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from sandbox_app.dispatch.engine_hook import RECENT_MS
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.device_kinds import DEVICE_KINDS
from sandbox_app.domain.dispatch import Dispatch
from sandbox_app.domain.model import District
from sandbox_app.domain.places import incident_location
from sandbox_app.engine.messages import DispatchUpdate
from sandbox_app.replay.history import alert_at, dispatch_at
from sandbox_app.replay.index import DeviceArrays, Frame, FrameIndex, kind_codes, kind_name
from sandbox_app.replay.tracks import first_fixes_after, fixes_before, minute_floor
from sandbox_app.store import queries
from sandbox_app.store.queries import Db, TailRow

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
LonLat = tuple[float, float]

DEFAULT_TRAIL_MS = 120_000
"""As long as the live map's trails (`layers.style.TRAIL_WINDOW_S`)."""
DEFAULT_HEARTBEAT_S = 600
TRACKER_HEARTBEAT_S = 300


def heartbeat_ms(district: District, device: str, default_s: int = DEFAULT_HEARTBEAT_S) -> int:
    d = district.devices.get(device)
    spec = DEVICE_KINDS.get(d.kind) if d is not None else None
    return 1000 * (spec.heartbeat_s if spec is not None else default_s)


@dataclass(frozen=True, slots=True)
class GuardAt:
    guard: str
    device: str
    lon: float
    lat: float
    fix_ts: int
    """The last fix at or before T."""
    next_ts: int | None
    """The first fix after T, when paired (within the heartbeat)."""
    gap: bool
    """Silent longer than the tracker's heartbeat around T: the place is the last known one, not live."""

    @property
    def interpolated(self) -> bool:
        return self.next_ts is not None and not self.gap


@dataclass(frozen=True, slots=True)
class DeviceStates:
    """Every device's last event at or before T, as arrays aligned with `ids`."""

    ids: tuple[str, ...]
    last_ts: IntArray
    """-1 where the device was never heard."""
    last_kind: NDArray[np.uint8]
    online: NDArray[np.bool_]
    """Heard within its kind's heartbeat before T (False also for never heard)."""

    def of(self, device: str) -> tuple[int | None, str | None, bool]:
        """(last ts, last kind, online) of one device; (None, None, False) for one never heard."""
        if device not in self.ids:
            return None, None, False
        i = self.ids.index(device)
        ts = int(self.last_ts[i])
        return (None if ts < 0 else ts), kind_name(int(self.last_kind[i])), bool(self.online[i])

    def offline(self) -> list[str]:
        """Heard once, then silent longer than its heartbeat: what the timeline marks as a gap."""
        silent = (self.last_ts >= 0) & ~self.online
        return [self.ids[i] for i in np.flatnonzero(silent)]


@dataclass(frozen=True, slots=True)
class ReplayState:
    at_ts: int
    guards: dict[str, GuardAt]
    trails: dict[str, tuple[FloatArray, ...]]
    """Guard id → pieces of (n, 2) lon/lat over the last trail minutes, oldest first; split at gaps."""
    devices: DeviceStates
    alerts: list[Alert]
    """Alerts open at T, with their state and history as of T."""
    dispatches: tuple[Dispatch, ...]
    """Dispatches holding a guard at T, or ended within the last `RECENT_MS` (as the live panel shows)."""
    paths: dict[str, tuple[LonLat, ...]] = field(default_factory=dict)
    """Dispatch id → guard's place at T → incident, for dispatches holding a guard."""

    @property
    def guard_positions(self) -> dict[str, LonLat]:
        """Guard id → (lon, lat) of the guards not in a gap: what `layers.guards.layer` takes live."""
        return {g: (s.lon, s.lat) for g, s in self.guards.items() if not s.gap}

    @property
    def gaps(self) -> dict[str, LonLat]:
        """Guards in a gap → their last known place."""
        return {g: (s.lon, s.lat) for g, s in self.guards.items() if s.gap}

    def dispatch_update(self) -> DispatchUpdate:
        """What `MainWindow.set_dispatches` takes live."""
        return DispatchUpdate(self.at_ts, self.dispatches, self.paths)


@dataclass(slots=True)
class _Track:
    ts: IntArray
    lonlat: FloatArray


class Window:
    """Everything needed to produce the state at any T in [start_ts, end_ts], loaded in one go."""

    def __init__(
        self,
        db: Db,
        district: District,
        start_ts: int,
        end_ts: int,
        *,
        trail_ms: int = DEFAULT_TRAIL_MS,
        frames: FrameIndex | None = None,
    ) -> None:
        self.district = district
        self.start_ts, self.end_ts, self.trail_ms = start_ts, end_ts, trail_ms
        self.frames = frames if frames is not None else FrameIndex(db)
        if self.frames.stale():
            self.frames.refresh()
        span = queries.log_span(db)
        self.log_end = span[1] if span else end_ts
        self._guards = sorted((g for g in district.guards.values() if g.device_id), key=lambda g: g.id)
        self._hb = {
            d: heartbeat_ms(district, d, TRACKER_HEARTBEAT_S) for g in self._guards if (d := g.device_id)
        }
        frame = self.frames.frame_at(start_ts)
        trail_start = start_ts - trail_ms
        # The log is read from the device frame on (frames start on whole minutes); what the trail needs
        # before that comes from the guards' minute keyframes.
        read_from = frame.start_ts if frame is not None else minute_floor(trail_start)
        rows = queries.tail(db, read_from, end_ts)
        self._load_devices(frame, rows)
        self._load_tracks(db, trail_start, read_from, rows)
        self._alerts = queries.alerts_overlapping(db, start_ts, end_ts)
        self._dispatches = queries.dispatches_overlapping(db, start_ts - RECENT_MS, end_ts)
        self._cursor: tuple[int, DeviceArrays] | None = None

    # loading --------------------------------------------------------------------------------------------
    def _load_devices(self, frame: Frame | None, rows: list[TailRow]) -> None:
        mine = rows[bisect.bisect_left(rows, (frame.start_ts,)) :] if frame is not None else rows
        ts, devices, kinds = list(zip(*mine, strict=True))[:3] if mine else ((), (), ())
        self._dev_idx = self.frames.codes(list(devices))
        self._dev_ts = np.asarray(ts, dtype=np.int64)
        self._dev_kind = kind_codes(list(kinds))
        n = len(self.frames.devices)
        self._base = frame.devices.grown(n) if frame is not None else DeviceArrays.empty(n)
        district = self.district
        # The index may learn devices later (another index registered them): this window keeps its own n.
        self._dev_ids = tuple(self.frames.devices[:n])
        self._hb_dev = self.frames.heartbeats(district, lambda d: heartbeat_ms(district, d))[:n]

    def _load_tracks(self, db: Db, trail_start: int, read_from: int, rows: list[TailRow]) -> None:
        """Per guard tracker: the last fix before the trail window, its fixes since (minute keyframes
        before `read_from`, every fix after), and the first fix after the end when it pairs with the last
        one (see `replay.tracks`)."""
        devices = sorted(self._hb)
        pts = fixes_before(db, self.frames, devices, min(trail_start, read_from), read_from)
        fixes = [r for r in rows if r[5] and r[1] in pts]
        for ts, dev, _kind, lon, lat, _ in fixes:
            pts[dev].append((ts, lon, lat))  # type: ignore[arg-type]  # current fixes have lon/lat
        last = {d: p[-1][0] for d, p in pts.items() if p}
        for d, fix in first_fixes_after(db, self.frames, last, self._hb, self.end_ts).items():
            pts[d].append(fix)
        self._tracks: dict[str, _Track] = {}
        for d, p in pts.items():  # in time order: before the window, in it, the first after it
            arr = np.asarray(p, dtype=np.float64).reshape(-1, 3)
            self._tracks[d] = _Track(arr[:, 0].astype(np.int64), arr[:, 1:3])

    # state at T ------------------------------------------------------------------------------------------
    def state(self, at_ts: int) -> ReplayState:
        guards: dict[str, GuardAt] = {}
        trails: dict[str, tuple[FloatArray, ...]] = {}
        for g in self._guards:
            dev = g.device_id or ""
            found = self._guard_at(g.id, dev, at_ts)
            if found is not None:
                guards[g.id] = found
                trails[g.id] = self._trail(dev, found, at_ts)
        alerts = [a for a in (alert_at(x, at_ts) for x in self._alerts) if a is not None and a.state.is_open]
        return ReplayState(
            at_ts,
            guards,
            trails,
            self._devices_at(at_ts),
            alerts,
            *self._dispatches_at(at_ts, guards),
        )

    def _guard_at(self, guard: str, device: str, at_ts: int) -> GuardAt | None:
        track = self._tracks.get(device)
        if track is None or not len(track.ts):
            return None
        k = int(np.searchsorted(track.ts, at_ts, side="right")) - 1
        if k < 0:
            return None
        hb = self._hb[device]
        t0 = int(track.ts[k])
        t1 = int(track.ts[k + 1]) if k + 1 < len(track.ts) else None
        # Unpaired: silent past the heartbeat, unless the log itself ends before that (the live edge).
        silence_end = t1 if t1 is not None else (t0 + hb + 1 if self.log_end >= t0 + hb else t0)
        gap = at_ts - t0 > hb or silence_end - t0 > hb
        lon, lat = (float(v) for v in track.lonlat[k])
        if t1 is not None and not gap and t1 > t0:
            f = (at_ts - t0) / (t1 - t0)
            lon += f * (float(track.lonlat[k + 1, 0]) - lon)
            lat += f * (float(track.lonlat[k + 1, 1]) - lat)
        return GuardAt(guard, device, lon, lat, t0, t1 if not gap else None, gap)

    def _trail(self, device: str, at: GuardAt, at_ts: int) -> tuple[FloatArray, ...]:
        track = self._tracks[device]
        lo = int(np.searchsorted(track.ts, at_ts - self.trail_ms, side="left"))
        hi = int(np.searchsorted(track.ts, at_ts, side="right"))
        ts, xy = track.ts[lo:hi], track.lonlat[lo:hi]
        if not at.gap and (hi == lo or int(ts[-1]) < at_ts):
            ts = np.concatenate([ts, [at_ts]])
            xy = np.concatenate([xy, [[at.lon, at.lat]]])
        if len(ts) < 2:
            return ()
        cuts = np.flatnonzero(np.diff(ts) > self._hb[device]) + 1
        if not len(cuts):
            return (xy,)
        return tuple(p for p in np.split(xy, cuts) if len(p) >= 2)

    def _devices_at(self, at_ts: int) -> DeviceStates:
        """Base frame plus the events up to T; moving forward reuses the last T's result."""
        if self._cursor is not None and self._cursor[0] <= at_ts:
            prev, arrays = self._cursor
            arrays = arrays.grown(len(arrays.last_ts))
        else:
            prev, arrays = -(2**62), self._base.grown(len(self._base.last_ts))
        lo = int(np.searchsorted(self._dev_ts, prev, side="right"))
        hi = int(np.searchsorted(self._dev_ts, at_ts, side="right"))
        arrays.apply(self._dev_idx[lo:hi], self._dev_ts[lo:hi], self._dev_kind[lo:hi])
        self._cursor = (at_ts, arrays)
        online = (arrays.last_ts >= 0) & (at_ts - arrays.last_ts <= self._hb_dev)
        return DeviceStates(self._dev_ids, arrays.last_ts, arrays.last_kind, online)

    def _dispatches_at(
        self, at_ts: int, guards: Mapping[str, GuardAt]
    ) -> tuple[tuple[Dispatch, ...], dict[str, tuple[LonLat, ...]]]:
        shown: list[Dispatch] = []
        paths: dict[str, tuple[LonLat, ...]] = {}
        for d in self._dispatches:
            now = dispatch_at(d, at_ts)
            if now is None or (now.state.is_final and now.last_ts < at_ts - RECENT_MS):
                continue
            shown.append(now)
            at = guards.get(now.guard_id)
            if now.state.holds_guard and at is not None and not at.gap and now.lon is not None:
                paths[now.id] = ((at.lon, at.lat), (now.lon, float(now.lat or 0.0)))
        return tuple(shown), paths


def seek(db: Db, district: District, at_ts: int, *, trail_ms: int = DEFAULT_TRAIL_MS,
         frames: FrameIndex | None = None) -> ReplayState:  # fmt: skip
    """The state at `at_ts`: one frame, the guards' keyframes and a bounded tail of the log."""
    return Window(db, district, at_ts, at_ts, trail_ms=trail_ms, frames=frames).state(at_ts)


def alert_places(
    district: District, alerts: Sequence[Alert], positions: Mapping[str, LonLat]
) -> dict[str, LonLat]:
    """Alert id → where it is (its own position or its subject's), for maps and case files."""
    out = {}
    for a in alerts:
        where = incident_location(district, a, positions)
        if where is not None:
            out[a.id] = where
    return out
