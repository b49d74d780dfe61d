"""Every message type on the engine's bus (`engine/bus.py`), in one place.

The bus delivers by type, so this module is the list of what a watcher (the GUI's `widgets/qt_bus.py`,
exporters, tests) can subscribe to. Messages are frozen snapshots, safe to hand to another thread.
Publishers: the engine (`StateDelta`, `HealthChanged`), the live session (`LiveStarted`, `RiskUpdate`,
`LiveStopped`), the dispatch service (`DispatchUpdate`, `CoverageUpdate`) and the city link
(`RemoteChanges`, `RemoteEvents`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch
from sandbox_app.domain.events import Event
from sandbox_app.geo.walkgraph import FloatArray
from sandbox_app.store.base import Fix

LonLat = tuple[float, float]


@dataclass(frozen=True, slots=True)
class StateDelta:
    """What one engine batch changed, coalesced: new events, latest unflagged fix per device, alerts."""

    now_ts: int
    events: Sequence[Event] = ()
    fixes: Mapping[str, Fix] = field(default_factory=dict)
    alerts: Sequence[Alert] = ()


@dataclass(frozen=True, slots=True)
class BridgeHealth:
    """One bridge's health snapshot (`bridges/health.py` keeps the counters behind it)."""

    name: str
    """The bridge's configured name, e.g. "mqtt:station-7" (one health entry per bridge)."""
    connected: bool
    """True while the transport has a working link (MQTT CONNACK received, last HTTP poll answered)."""
    last_message_ts: int | None
    """Epoch ms (bridge clock) when the last message arrived; None before the first one."""
    received: int
    """Items (events and rejections) the sink has made durable since the bridge started."""
    rejected: int
    """Rejections among those, plus input that never became an item (an HTTP page that is not a page)."""
    last_rejection: str | None
    """The reason of the most recent rejection, for the operator to see what is wrong without a log."""


@dataclass(frozen=True, slots=True)
class PeopleChanged:
    """Residents registered, changed or moved out live (GA/T 1400 person records, issue 21): the district
    object already holds them; whoever indexes people (the search box) rebuilds."""

    now_ts: int
    added: tuple[str, ...]
    changed: tuple[str, ...]
    moved_out: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HealthChanged:
    """A bridge reported its health (connected, counts, last rejection)."""

    health: Any


@dataclass(frozen=True, slots=True)
class LiveStarted:
    """The engine is built: its clock and the open alerts it adopted from the store."""

    now_ts: int
    alerts: tuple[Alert, ...]
    seed: int | None


@dataclass(frozen=True, slots=True)
class RiskUpdate:
    """Risk index 0–100 per building and compound (sandbox_app.analytics.risk) at the engine's `now_ts`."""

    now_ts: int
    buildings: Mapping[str, float]
    compounds: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class LiveStopped:
    """The live session ended; `error` says why when it stopped on a failure."""

    error: str | None = None


@dataclass(frozen=True, slots=True)
class DispatchUpdate:
    """The dispatches a commander watches (holding a guard, or ended lately) and each one's route."""

    now_ts: int
    dispatches: tuple[Dispatch, ...]
    """Fresh copies read from the store, in issue order: safe to hand to another thread."""
    paths: Mapping[str, tuple[LonLat, ...]]
    """Dispatch id → the recommended route (guard's fix at issue → incident) of each holding dispatch."""


@dataclass(frozen=True, slots=True)
class CoverageUpdate:
    """Road stretches farther than `limit_s` from every located on-duty guard, as (k, 2, 2) lon/lat."""

    now_ts: int
    limit_s: float
    segments: FloatArray
    guards: int


@dataclass(frozen=True, slots=True)
class RemoteChanges:
    """Alerts and dispatches other stations changed, as the store holds them now."""

    alerts: tuple[Alert, ...] = ()
    dispatches: tuple[Dispatch, ...] = ()
    seq: int = 0
    """The feed position these bring the station up to."""


@dataclass(frozen=True, slots=True)
class RemoteEvents:
    """Events another station stored, for display; `sent_ms` is its wall clock at publish."""

    station: str
    events: tuple[Event, ...]
    sent_ms: int
