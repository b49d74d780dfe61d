"""A station's window on the city database: `launch` with `--store postgresql://… --broker mqtt://…` shows
the district imported into PostgreSQL (through the CLI), joins the other stations (an alert another station
writes appears in its alerts panel), and replay is off with the reason said."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from cli import main as cli_main
from sandbox_app.data.resources import demo_package
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.station.live import LiveOptions
from sandbox_app.station.sync import Broker
from sandbox_app.store.postgres import PostgresStore
from tests.servers import Mosquitto, ram_broker, require_mosquitto
from tests.support import committed_demo
from widgets.app import launch


@pytest.fixture
def mosquitto() -> Iterator[Mosquitto]:
    require_mosquitto()
    with ram_broker() as server:
        yield server


def test_station_window_on_postgres(
    qtbot: QtBot, tmp_path: Path, postgres_store_url: str, mosquitto: Mosquitto
) -> None:
    committed_demo()
    assert cli_main(["import", str(demo_package()), "--db", postgres_store_url]) == 0
    seeded = PostgresStore(postgres_store_url)
    try:
        district = seeded.load_district()
    finally:
        seeded.close()
    assert district is not None

    local = tmp_path / "station.db"  # users and the audit trail; none here, so no login prompt
    launched = launch(
        local,
        tmp_path / "no-package",  # the district must come from the database, not a package
        "en",
        LiveOptions(simulate=False, coverage_minutes=0),
        store=postgres_store_url,
        broker=Broker(port=mosquitto.port),
        station="st-test",
    )
    assert launched is not None
    window, controller = launched.window, launched.controller
    qtbot.addWidget(window)
    try:
        assert window.scene.source == postgres_store_url
        assert set(window.scene.district.buildings) == set(district.buildings)
        assert len(window.scene.district.buildings) > 0
        menus = [m for m in window.menuBar().findChildren(QMenu) if m.objectName() == "replay_menu_disabled"]
        assert len(menus) == 1 and not menus[0].isEnabled()
        assert "local store" in menus[0].menuAction().toolTip()
        assert not local.exists()  # the station's state lives on the server

        controller.start()
        other = PostgresStore(postgres_store_url, station="st-other")
        panel = window.alerts_panel
        try:
            ts = 1_767_225_600_000
            count, due = 0, 0.0

            def written_and_seen() -> bool:
                # The link reads the feed from its end once connected: keep touching the alert until then.
                nonlocal count, due
                if "A-REMOTE" in panel.alerts:
                    return True
                if time.monotonic() < due:
                    return False
                count, due = count + 1, time.monotonic() + 0.5
                alert = Alert(
                    "A-REMOTE",
                    "alarm_button",
                    "AB-00001",
                    "device",
                    Severity.CRITICAL,
                    AlertState.OPEN,
                    ts,
                    ts,
                    count,
                )
                other.upsert_alerts([alert])
                return False

            qtbot.waitUntil(written_and_seen, timeout=20_000)
        finally:
            other.close()
        assert controller.session.error is None
    finally:
        controller.stop()
        launched.desk.close()
        for translator in launched.translators:
            QCoreApplication.removeTranslator(translator)
        gc.unfreeze()  # launch froze the heap for the app's lifetime; the test's objects must be collectable
