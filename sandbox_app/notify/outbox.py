"""Notices to owners and family (smoke, gas, an elderly person's alarm) through a webhook: the outbox.

The office does not send SMS itself: an SMS or app gateway plugs in behind one webhook (payload in
docs/notify.md). The outbox watches the engine's alert book like `rules/handoff.py`: at each clock tick a
new alert of one of `RULES` whose room has residents becomes one notice (recipients: the room's owners and
family with a phone), kept in the alert's `data["notices"]` (so it is stored, replayed and exported with
the alert) and handed to a sender thread, so a slow gateway never stalls the engine. Results come back at
the next tick: a notice is `sent`, or `failed` and retried with backoff up to `MAX_ATTEMPTS`. Every
attempt is audited (`notice.sent`, `notice.failed`) through the engine's audit trail.
"""

from __future__ import annotations

import logging
import queue
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

import orjson

from sandbox_app.domain.enums import Relation
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.rules.base import Signal

log = logging.getLogger(__name__)
NOTICES_KEY = "notices"
RULES = ("smoke_alarm", "gas_alarm", "elderly_no_activity", "alarm_button", "fall_detected")
"""Alerts that owners and family hear about: smoke, gas, and an elderly person's alarms."""
KIND_TEXT = {
    "smoke_alarm": "烟感报警",
    "gas_alarm": "燃气泄漏报警",
    "elderly_no_activity": "独居老人长时间无活动",
    "alarm_button": "一键报警",
    "fall_detected": "跌倒报警",
}
MAX_ATTEMPTS = 5
RETRY_MS = (30_000, 60_000, 120_000, 300_000)
"""Wait before the 2nd, 3rd, ... attempt."""
PAYLOAD_VERSION = 1
_NONE: tuple[Signal, ...] = ()


class Sender(Protocol):
    """Delivers one payload; raises on failure (the outbox records the error and retries)."""

    def send(self, payload: dict[str, Any]) -> None: ...


@dataclass(frozen=True, slots=True)
class WebhookSender:
    """POST the payload as JSON to `url` with `Authorization: Bearer <token>`; a 2xx answer is delivered."""

    url: str
    token: str = ""
    timeout_s: float = 10.0

    def send(self, payload: dict[str, Any]) -> None:
        request = urllib.request.Request(
            self.url, data=orjson.dumps(payload), method="POST",
            headers={"Content-Type": "application/json; charset=utf-8",
                     **({"Authorization": f"Bearer {self.token}"} if self.token else {})},
        )  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as reply:
                if not 200 <= reply.status < 300:
                    raise OSError(f"gateway answered HTTP {reply.status}")
        except urllib.error.HTTPError as exc:
            raise OSError(f"gateway answered HTTP {exc.code}") from None


class AlertsLike(Protocol):
    def open_alerts(self) -> list[Any]: ...

    def changed(self, alert: Any) -> None: ...


AuditFn = Callable[[str, str, str, dict[str, Any]], None]


class Outbox:
    """An engine rule (it raises no alerts) turning alerts into notices, sent in the background."""

    name = "notify_outbox"
    kinds: frozenset[str] = frozenset()

    def __init__(
        self,
        district: District,
        sender: Sender,
        *,
        rules: Iterable[str] = RULES,
        office: str = "",
        audit: AuditFn | None = None,
    ) -> None:
        self.district = district
        self.rules = frozenset(rules)
        self.office = office or str(district.extra.get("police_office") or district.name)
        self.audit = audit
        self._sender = sender
        self._alerts: AlertsLike | None = None
        self._todo: queue.Queue[tuple[str, str, dict[str, Any]] | None] = queue.Queue()
        self._done: queue.Queue[tuple[str, str, str]] = queue.Queue()
        """(alert id, notice id, error or "") from the sender thread."""
        self._thread = threading.Thread(target=self._run, name="notify-outbox", daemon=True)
        self._thread.start()

    def bind(self, alerts: AlertsLike) -> None:
        self._alerts = alerts

    def close(self) -> None:
        self._todo.put(None)
        self._thread.join(timeout=5)

    # rule protocol ---------------------------------------------------------------------------------------
    def on_event(self, event: Event) -> Iterable[Signal]:
        return _NONE

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        if self._alerts is None:
            return _NONE
        by_id = {a.id: a for a in self._alerts.open_alerts()}
        self._apply_results(by_id, now_ts)
        for alert in by_id.values():
            if alert.rule in self.rules and NOTICES_KEY not in alert.data:
                notice = self.compose(alert, now_ts)
                if notice is not None:
                    alert.data[NOTICES_KEY] = [notice]
                    self._alerts.changed(alert)
                    self._todo.put((alert.id, notice["id"], notice["payload"]))
            for notice in alert.data.get(NOTICES_KEY, []):
                if (
                    notice["state"] == "failed"
                    and notice["attempts"] < MAX_ATTEMPTS
                    and now_ts >= notice["retry_ts"]
                ):
                    notice["state"] = "pending"
                    self._alerts.changed(alert)
                    self._todo.put((alert.id, notice["id"], notice["payload"]))
        return _NONE

    # composing -------------------------------------------------------------------------------------------
    def recipients(self, room_id: str) -> list[dict[str, str]]:
        """The room's owners and family who have a phone (`phone` or `mobile` column of people)."""
        out = []
        for p in sorted(self.district.people.values(), key=lambda p: p.id):
            phone = str(p.extra.get("phone") or p.extra.get("mobile") or "").strip()
            if p.room_id == room_id and p.relation in (Relation.OWNER, Relation.FAMILY) and phone:
                out.append({"person_id": p.id, "name": p.name, "relation": p.relation.value, "phone": phone})
        return out

    def compose(self, alert: Any, now_ts: int) -> dict[str, Any] | None:
        """The notice for `alert` (None when its room has nobody to tell)."""
        room_id = str(alert.data.get("room_id") or "")
        if not room_id and alert.subject_type == "room":
            room_id = alert.subject
        people = self.recipients(room_id) if room_id else []
        if not people:
            return None
        room = self.district.rooms.get(room_id)
        building = self.district.buildings.get(room.building_id) if room is not None else None
        compound = self.district.compounds.get(building.compound_id) if building is not None else None
        where = "".join(
            p for p in (compound.name if compound else "", building.name if building else "",
                        f"{room.entrance}单元{room.number}室" if room else "") if p
        )  # fmt: skip
        kind = KIND_TEXT.get(alert.rule, alert.rule)
        notice_id = f"N-{alert.id}"
        payload = {
            "version": PAYLOAD_VERSION,
            "notice_id": notice_id,
            "alert_id": alert.id,
            "kind": alert.rule,
            "severity": str(alert.severity),
            "ts": alert.first_ts,
            "room_id": room_id,
            "address": where,
            "lon": alert.lon,
            "lat": alert.lat,
            "recipients": people,
            "text": f"【{self.office}】您家{where}发生{kind}，请立即确认安全；如需帮助请拨打110。",
        }
        return {"id": notice_id, "state": "pending", "attempts": 0, "created_ts": now_ts, "retry_ts": now_ts,
                "sent_ts": None, "error": "", "payload": payload}  # fmt: skip

    # results ---------------------------------------------------------------------------------------------
    def _apply_results(self, by_id: dict[str, Any], now_ts: int) -> None:
        assert self._alerts is not None
        while True:
            try:
                alert_id, notice_id, error = self._done.get_nowait()
            except queue.Empty:
                return
            alert = by_id.get(alert_id)
            notice = (
                next((n for n in alert.data.get(NOTICES_KEY, []) if n["id"] == notice_id), None)
                if alert
                else None
            )
            if alert is None or notice is None:  # closed meanwhile: the attempt is still audited
                self._audit(
                    "notice.failed" if error else "notice.sent",
                    notice_id,
                    {"alert": alert_id, "error": error},
                )
                continue
            notice["attempts"] += 1
            if error:
                notice["state"], notice["error"] = "failed", error
                notice["retry_ts"] = now_ts + RETRY_MS[min(notice["attempts"] - 1, len(RETRY_MS) - 1)]
            else:
                notice["state"], notice["error"], notice["sent_ts"] = "sent", "", now_ts
            self._alerts.changed(alert)
            detail = {
                "alert": alert_id,
                "attempt": notice["attempts"],
                "recipients": len(notice["payload"]["recipients"]),
            }
            if error:
                detail["error"] = error
            self._audit("notice.failed" if error else "notice.sent", notice_id, detail)

    def _audit(self, action: str, target: str, detail: dict[str, Any]) -> None:
        if self.audit is not None:
            self.audit("notify", action, target, detail)

    def _run(self) -> None:
        while (job := self._todo.get()) is not None:
            alert_id, notice_id, payload = job
            try:
                self._sender.send(payload)
                self._done.put((alert_id, notice_id, ""))
            except Exception as exc:  # any gateway failure is recorded and retried, never fatal
                log.warning("notice %s not delivered: %s", notice_id, exc)
                self._done.put((alert_id, notice_id, str(exc) or type(exc).__name__))
