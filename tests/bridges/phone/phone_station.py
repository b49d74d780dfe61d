"""A station with the [phone] page, wired as `sandbox-app serve` wires it (tests of bridges/phone).

Store, desk (orders through the runner), the desk's engine rule taking the runner's replies, the engine
with the wall-clock intake, the runner; a thread ticks the engine clock as serve's main loop does.
"""

from __future__ import annotations

import threading
from pathlib import Path

from sandbox_app.bridges.config import load_bridges
from sandbox_app.bridges.phone.enrol import PhoneBook
from sandbox_app.bridges.phone.server import PhoneServer
from sandbox_app.bridges.runner import Bridges
from sandbox_app.dispatch.engine_hook import DeskRule
from sandbox_app.dispatch.lifecycle import DispatchDesk
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.model import District
from sandbox_app.engine.clock import WallClock
from sandbox_app.engine.intake import IntakePolicy
from sandbox_app.engine.pipeline import DEFAULT_WARMUP_MS, Engine
from sandbox_app.store.sqlite import SqliteStore


def now_ms() -> int:
    return WallClock().now_ms()


def write_phone_config(path: Path, extra: str = "") -> Path:
    path.write_text(
        f'[phone]\nport = 0\nfix_interval_s = 1\nbusy_fix_interval_s = 1\nphoto_dir = "photos"\n{extra}',
        encoding="utf-8",
    )
    return path


class PhoneStation:
    def __init__(self, db: Path, config: Path, district: District) -> None:
        self.db = db
        self.store = SqliteStore(db)
        self.store.replace_district(district)
        self.district = district
        clock = WallClock()
        holder: list[Bridges] = []
        self.desk = DispatchDesk(self.store, district, send_order=lambda o: holder[0].send_order(o))
        rule = DeskRule(self.desk, lambda until: holder[0].replies(until, self.desk) if holder else ())
        intake = IntakePolicy(past_ms=DEFAULT_WARMUP_MS, reference=clock)
        self.engine = Engine(self.store, district, [rule], intake=intake)
        self.bridges = Bridges(
            load_bridges(config), district, self.engine.ingest, clock, self.engine.report_health,
            cursors=self.store, local_file=str(db),
        )  # fmt: skip
        holder.append(self.bridges)
        self.bridges.start()
        self._stop = threading.Event()
        self._ticker = threading.Thread(target=self._tick, name="station-clock", daemon=True)
        self._ticker.start()

    def _tick(self) -> None:
        while not self._stop.wait(0.1):
            self.engine.advance_to(now_ms())

    @property
    def phone(self) -> PhoneServer:
        found = self.bridges.phone
        assert found is not None
        return found

    @property
    def url(self) -> str:
        return self.phone.url

    def book(self) -> PhoneBook:
        """The admin's side (what `sandbox-app phone enrol` opens): its own connection to the local file."""
        return PhoneBook(self.db, now_ms)

    def enrol(self, guard: str) -> str:
        with self.book() as book:
            return book.enrol(self.district, guard, "admin-a")

    def revoke(self, guard: str) -> None:
        with self.book() as book:
            book.revoke(guard, "admin-a")

    def alert_at(self, building: str) -> Alert:
        """An open smoke alarm at `building`, stored (the desk dispatches to stored alerts)."""
        ts = now_ms()
        b = self.district.buildings[building]
        centre = b.footprint.representative_point()
        alert = Alert(
            f"smoke_alarm:{building}:{ts}", "smoke_alarm", building, "building", Severity.HIGH,
            AlertState.OPEN, ts, ts, lon=centre.x, lat=centre.y,
        )  # fmt: skip
        self.store.upsert_alerts([alert])
        return alert

    def dispatch(self, alert: Alert, guard: str, note: str = "") -> Dispatch:
        """The desk's own dispatch command (what the commander's panel calls)."""
        (d,) = self.desk.dispatch(alert, [guard], "cmdr-a", now_ms(), note=note).created
        return d

    def stored(self, dispatch_id: str) -> Dispatch:
        d = self.store.get_dispatch(dispatch_id)
        assert d is not None
        return d

    def close(self) -> None:
        self._stop.set()
        self._ticker.join(5)
        self.bridges.stop()
        self.store.close()
