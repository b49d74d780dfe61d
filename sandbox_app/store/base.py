"""The `Store` interface every backend implements (SQLite now, PostgreSQL for city scale)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch, DispatchStep
from sandbox_app.domain.events import Event
from sandbox_app.domain.incidents import Incident
from sandbox_app.domain.model import District

SubjectMatch = Mapping[str, tuple[str, Sequence[str]]]
"""Event kind → (data field, values): e.g. {"plate.read": ("plate", ["京A·12345"])} (`search/passes.py`)."""


def subject_rows(
    rows: Iterable[Sequence[Any]],
    match: SubjectMatch,
    devices: Sequence[str],
    limit: int,
    loads: Callable[[Any], Any],
) -> list[Event]:
    """Log rows (seq, id, ts, device, kind, lon, lat, data) read for a subject → its events in log order,
    at most `limit`: a row counts once, and a pass only when its kind's field holds one of the values (the
    passes index is keyed by the value alone)."""
    wanted = {kind: (key, frozenset(values)) for kind, (key, values) in match.items()}
    own = frozenset(devices)
    seen: dict[int, Sequence[Any]] = {}
    for r in rows:
        seen.setdefault(int(r[0]), r)
    out = []
    for seq in sorted(seen, key=lambda s: (int(seen[s][2]), s)):
        r = seen[seq]
        data = loads(r[7]) if r[7] else {}
        kind = str(r[4])
        rule = wanted.get(kind)
        if str(r[3]) in own or (rule is not None and str(data.get(rule[0])) in rule[1]):
            out.append(Event(r[1], r[2], r[3], kind, r[5], r[6], data))
            if len(out) >= limit:
                break
    return out


@dataclass(frozen=True, slots=True)
class Fix:
    device: str
    ts: int
    lon: float
    lat: float


class DispatchStore(Protocol):
    """The part of the store the dispatch desk needs (see docs/dispatch.md, "Closed loop")."""

    def create_dispatch(self, dispatch: Dispatch) -> None:
        """Store a new dispatch; raises `GuardBusy` when its guard already holds an active one."""

    def update_dispatch(self, dispatch: Dispatch) -> None:
        """Store its new steps; raises `StaleDispatch` when another writer moved it on meanwhile."""

    def dispatches(self, active_only: bool = False, alert_id: str | None = None) -> list[Dispatch]:
        """In issue order; `active_only` keeps those that still hold their guard."""

    def get_dispatch(self, dispatch_id: str) -> Dispatch | None: ...

    def dispatch_steps(self, dispatch_id: str) -> list[DispatchStep]: ...


class IncidentStore(Protocol):
    """Incidents entered by people (issue 20); both stores implement it (SQL in incident_sql.py)."""

    def add_incident(self, incident: Incident) -> tuple[Incident, bool]:
        """(the stored incident, whether it is new): a redelivered 110 record returns the first copy."""

    def update_incident(self, incident: Incident) -> None: ...

    def incidents(self, open_only: bool = False) -> list[Incident]: ...

    def get_incident(self, incident_id: str) -> Incident | None: ...


class Store(DispatchStore, IncidentStore, Protocol):
    def close(self) -> None: ...

    # district ---------------------------------------------------------------------------------------
    def replace_district(self, district: District) -> None:
        """Write a whole validated district in one transaction: it lands whole or not at all."""

    def load_district(self) -> District | None: ...

    def has_district(self) -> bool:
        """Whether a district is stored (one row read, where `load_district` decodes them all)."""

    # events -----------------------------------------------------------------------------------------
    def append_events(self, events: Sequence[Event]) -> list[Event]:
        """Append a batch durably; return only the events that were new (idempotent by event id), in the
        order given (the engine passes them in ts order and evaluates the result as it comes)."""

    def events_between(
        self, start_ts: int, end_ts: int, kinds: Iterable[str] | None = None
    ) -> Iterator[Event]:
        """Events with start_ts <= ts <= end_ts in time order; only those of `kinds` when given."""

    def subject_events(
        self, start_ts: int, end_ts: int, match: SubjectMatch, devices: Sequence[str], limit: int
    ) -> list[Event]:
        """One subject's events in [start_ts, end_ts], time order, at most `limit` (issue 21's track): those
        of a kind in `match` whose data field holds one of the values, and every event of `devices`."""

    def kind_counts(self, start_ts: int, end_ts: int, kinds: Sequence[str]) -> dict[tuple[str, str], int]:
        """(kind, device) → events of those kinds with start_ts <= ts < end_ts, counted in the database (the
        station's figures: a month's passes without decoding a row)."""

    def last_fixes(self, at_ts: int) -> dict[str, Fix]:
        """Each device's last `gps.fix` at or before at_ts."""

    def event_count(self) -> int: ...

    def last_event_ts(self) -> int | None:
        """The latest event time in the log (None when empty), to resume the engine clock on restart."""

    # alerts -----------------------------------------------------------------------------------------
    def upsert_alerts(self, alerts: Iterable[Alert]) -> None: ...

    def alerts(self) -> list[Alert]: ...

    def alerts_open_at(self, at_ts: int) -> list[Alert]: ...

    def get_alert(self, alert_id: str) -> Alert | None: ...

    # engine bookkeeping -----------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...
