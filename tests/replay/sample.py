"""A tiny hand-made history on the small test district, with times and places easy to check by hand.

GU1 (tracker T1, heartbeat 300 s) fixes at T0 at (0, 0) and at T0+60 s at (60, 0); GU2 (radio T2) fixes at T0
at (-20, 70) and then only at T0+900 s (a 15-minute silence: a gap). D3 (face gate, heartbeat 600 s) was last
heard 20 minutes before T0; D1 (smart lock) opens at T0+10 s. Alert A1 on the rental room R101 goes
open → acknowledged → dispatched → resolved → closed; GU1 is dispatched to it.
"""

from __future__ import annotations

from pathlib import Path

from sandbox_app.domain.alerts import Alert, Step
from sandbox_app.domain.dispatch import Dispatch, DispatchState, DispatchStep
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import at, small_district

T0 = 1_714_550_400_000
S = 1000
ALERT_ID = "A1"
ALERT_STEPS = [
    (AlertState.OPEN, "engine", T0 + 5 * S, ""),
    (AlertState.ACKNOWLEDGED, "测试值班员", T0 + 20 * S, ""),
    (AlertState.DISPATCHED, "测试值班员", T0 + 40 * S, ""),
    (AlertState.RESOLVED, "测试值班员", T0 + 100 * S, ""),
    (AlertState.CLOSED, "测试值班员", T0 + 200 * S, "处理完毕"),
]


def fix(eid: str, ts: int, device: str, x: float, y: float) -> Event:
    lon, lat = at(x, y)
    return Event(eid, ts, device, "gps.fix", lon, lat)


def events() -> list[Event]:
    return [
        Event("d3", T0 - 1200 * S, "D3", "face.pass", data={"person_id": "P0002"}),
        fix("g1a", T0, "T1", 0, 0),
        fix("g1b", T0 + 60 * S, "T1", 60, 0),
        fix("g2a", T0, "T2", -20, 70),
        fix("g2b", T0 + 900 * S, "T2", 0, 0),
        Event("d1", T0 + 10 * S, "D1", "lock.open", data={"credential": "CARD-P0002"}),
    ]


def alert() -> Alert:
    lon, lat = at(-50, 50)
    return Alert(
        ALERT_ID, "rental", "R101", "room", Severity.HIGH, AlertState.CLOSED, T0 + 5 * S, T0 + 5 * S,
        closed_ts=T0 + 200 * S, lon=lon, lat=lat,
        history=[Step(*s) for s in ALERT_STEPS],
    )  # fmt: skip


def dispatch() -> Dispatch:
    lon, lat = at(-50, 50)
    d = Dispatch("DP1", ALERT_ID, "GU1", "T1", "测试指挥员", T0 + 40 * S, lon, lat, eta_s=80.0)
    d.history.append(DispatchStep(DispatchState.ACCEPTED, "GU1", T0 + 45 * S))
    d.history.append(DispatchStep(DispatchState.ON_SCENE, "GU1", T0 + 90 * S))
    return d


def build(path: Path, keyframe_lag: int = 20_000) -> Path:
    """The store file; a small `keyframe_lag` folds the fixes into the store's keyframes at once."""
    store = SqliteStore(path, keyframe_lag=keyframe_lag)
    try:
        store.replace_district(small_district())
        for event in events():  # one batch each, so a small lag folds as it goes
            store.append_events([event])
        store.upsert_alerts([alert()])
        store.create_dispatch(dispatch())
    finally:
        store.close()
    return path
