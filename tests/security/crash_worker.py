"""The process the crash test kills: an MQTT bridge feeding an engine over a SQLite store.

Run as `python -m tests.security.crash_worker --db DB --port PORT --status FILE`. On start it writes what it
restored from the store (open alerts, active dispatches) to FILE, then ingests until SIGTERM (a clean stop)
or SIGKILL (the crash under test).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

import orjson

from sandbox_app.bridges.mqtt.codec import mqtt_bridge
from sandbox_app.bridges.transport.mqtt_link import MqttSettings
from sandbox_app.dispatch.lifecycle import DispatchDesk
from sandbox_app.engine.clock import WallClock
from sandbox_app.engine.pipeline import Engine
from sandbox_app.store.sqlite import SqliteStore
from tests.security.helpers import Recorder

CLIENT_ID = "crash-bridge"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--status", required=True)
    args = parser.parse_args()
    store = SqliteStore(args.db)
    district = store.load_district()
    assert district is not None
    desk = DispatchDesk(store, district)
    engine = Engine(store, district, [Recorder()])
    status = {
        "open_alerts": sorted(a.id for a in engine.open_alerts()),
        "active_dispatches": sorted(d.id for d in desk.active()),
        "events": store.event_count(),
    }
    settings = MqttSettings(
        port=args.port, client_id=CLIENT_ID, batch_max=100, batch_ms=10, reconnect_max_s=1
    )
    bridge = mqtt_bridge(settings, engine.ingest, WallClock(), engine.report_health)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    bridge.start()
    if not bridge.wait_ready(20):
        return 1
    tmp = Path(args.status + ".tmp")
    tmp.write_bytes(orjson.dumps(status))
    tmp.rename(args.status)  # whole or absent: the test polls for it
    stop.wait()
    bridge.stop()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
