"""The engine's alert book: one alert per (rule, subject) while it is open; repeats count up instead.

A rule only says "this looks wrong about X"; whether that is a new alert or the tenth repeat of one the
duty desk is already handling is decided here, so the wall shows one marker per problem, not one per event.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sandbox_app.domain.alerts import Alert, Step
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.rules.base import Signal

ENGINE_ACTOR = "engine"
_RANK = {s: i for i, s in enumerate(Severity)}


def alert_id(rule: str, subject: str, first_ts: int) -> str:
    """`rule:<16 hex>:first_ts`: deterministic (the same history, live, replayed or backtested, yields the
    same ids) but free of personal data. The subject may be an ID number, a plate or a face credential, and
    ids travel into case files, exports, logs and command lines, where masking cannot reach every copy; so
    the id carries a digest of (rule, subject) instead of the subject (issue 14)."""
    digest = hashlib.sha256(f"sandbox-alert\0{rule}\0{subject}".encode()).hexdigest()[:16]
    return f"{rule}:{digest}:{first_ts}"


class AlertBook:
    def __init__(self) -> None:
        self._open: dict[tuple[str, str], Alert] = {}
        self._dirty: dict[str, Alert] = {}
        self._ids: set[str] = set()

    def __len__(self) -> int:
        return len(self._open)

    def load(self, alerts: Iterable[Alert]) -> None:
        """Adopt the store's open alerts on start so repeats keep counting on them, not on new ones."""
        for alert in alerts:
            self._ids.add(alert.id)
            if alert.state.is_open:
                self._open[(alert.rule, alert.subject)] = alert

    def adopt_alert(self, alert: Alert) -> None:
        """Another writer's (another station's) version of an alert: open, it becomes the one repeats count
        on; ended, ours is dropped from the open ones so a repeat raises a new alert."""
        self._ids.add(alert.id)
        key = (alert.rule, alert.subject)
        if alert.state.is_open:
            self._open[key] = alert
        elif (ours := self._open.get(key)) is not None and ours.id == alert.id:
            del self._open[key]

    def open_alerts(self) -> list[Alert]:
        return list(self._open.values())

    def find(self, alert_id: str) -> Alert | None:
        return next((a for a in self._open.values() if a.id == alert_id), None)

    def apply(self, signal: Signal) -> Alert:
        """Raise a new alert or count a repeat on the open one; either way it is marked changed."""
        key = (signal.rule, signal.subject)
        alert = self._open.get(key)
        if alert is None:
            alert = self._new(signal)
            self._open[key] = alert
        else:
            alert.count += 1
            alert.last_ts = max(alert.last_ts, signal.ts)
            if _RANK[signal.severity] > _RANK[alert.severity]:
                alert.severity = signal.severity
            alert.data.update(signal.data)
        self._dirty[alert.id] = alert
        return alert

    def _new(self, signal: Signal) -> Alert:
        base = alert_id(signal.rule, signal.subject, signal.ts)
        new_id, n = base, 1
        while new_id in self._ids:  # only after a close and a new signal in the same millisecond
            n += 1
            new_id = f"{base}#{n}"
        self._ids.add(new_id)
        return Alert(
            id=new_id,
            rule=signal.rule,
            subject=signal.subject,
            subject_type=signal.subject_type,
            severity=signal.severity,
            state=AlertState.OPEN,
            first_ts=signal.ts,
            last_ts=signal.ts,
            lon=signal.lon,
            lat=signal.lat,
            data=dict(signal.data),
            history=[Step(AlertState.OPEN, ENGINE_ACTOR, signal.ts)],
        )

    def changed(self, alert: Alert) -> None:
        """After a lifecycle step: mark it for the store, and forget it here once it is no longer open."""
        self._dirty[alert.id] = alert
        if not alert.state.is_open:
            key = (alert.rule, alert.subject)
            if self._open.get(key) is alert:
                del self._open[key]

    def has_dirty(self) -> bool:
        return bool(self._dirty)

    def take_dirty(self) -> list[Alert]:
        dirty = list(self._dirty.values())
        self._dirty.clear()
        return dirty

    def discard_dirty(self) -> None:
        self._dirty.clear()
