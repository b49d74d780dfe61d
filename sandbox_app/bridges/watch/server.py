"""Smartwatch bridge: a TCP server for "3G"-protocol watches worn by elderly people living alone and
children. A watch is a `smart_watch` device of the district, bound to its wearer's room; its id (the
watch's 10- or 15-digit id) is the device id or an id column (`imei`, `protocol_id`...).

A watch is not a guard: its routine positions are not tracked (they only prove it is alive), but its
alarms raise alerts on the wearer's room, placed at the watch's own fix when it has one:

| watch sends | we answer | event |
|---|---|---|
| `LK` keep-alive | `LK` | `device.heartbeat` (steps, battery) |
| `UD`/`UD2`/`WT` position | — | `device.heartbeat` (battery, steps, `low_battery`, `not_worn`) |
| `AL` with SOS | `AL`, after the sink returned | `alarm.button` (`data.source = "smart_watch"`) |
| `AL` with a fall | `AL`, after the sink returned | `fall.detected` |
| `AL` with only low battery / taken off / geofence | `AL` | `device.heartbeat` with those flags |
| heart rate, blood pressure, oxygen, temperature | — | `device.heartbeat` with the reading |
| an id that is no watch of the district | — (counted once per connection) | rejection |

So the existing `alarm_button` (critical) and `fall_detected` (high) rules turn a watch SOS or fall into
an alert on the wearer's room, shown on both maps like every room alert. Event kinds a `smart_watch`
sends: `alarm.button`, `fall.detected`, `device.heartbeat`.
"""

from __future__ import annotations

from typing import Any

from sandbox_app.bridges.trackers.bridge import heartbeat_event
from sandbox_app.bridges.trackers.session import FramedSession, TrackerServer
from sandbox_app.bridges.trackers.tcp import Connection
from sandbox_app.bridges.transport import Item
from sandbox_app.bridges.watch import codec as watch
from sandbox_app.domain.events import Event

PROTOCOL = "watch"
DEFAULT_PORT = 5093
"""Traccar's port for the watch protocol."""
WATCH_KINDS = frozenset({"smart_watch"})
ALARM_EVENTS = (("sos", "alarm.button"), ("fall", "fall.detected"))
"""Watch alarms that become alerts on the wearer's room; the others become device health."""
HEALTH_FLAGS = {"low_battery": "low_battery", "removing": "not_worn"}
"""Watch alarms that are device health (data flags of its heartbeat)."""
MAX_CLOCK_SKEW_MS = 86_400_000
"""An alarm stamped further than this from now (a watch whose clock was never set) is stamped now."""


class WatchServer(TrackerServer):
    protocol = PROTOCOL

    def new_session(self, conn: Connection) -> _Session:
        return _Session(self, conn)


def watch_events(device: str, message: watch.Message, now_ms: int) -> list[Item]:
    """One decoded message of a known watch → our events (see the module's table)."""
    data: dict[str, Any] = {"protocol": PROTOCOL, "report": message.kind}
    if message.battery_level is not None:
        data["battery"] = message.battery_level
    if message.steps is not None:
        data["steps"] = message.steps
    for key, value in message.attributes.items():
        if key in ("heart_rate", "blood_oxygen", "temperature", "blood_pressure"):
            data[key] = list(value) if isinstance(value, tuple) else value
    position = message.position
    if position is not None and position.attributes.get("low_battery"):
        data["low_battery"] = True
    for alarm, flag in HEALTH_FLAGS.items():
        if alarm in message.alarms:
            data[flag] = True
    items: list[Item] = []
    for alarm, kind in ALARM_EVENTS:
        if position is None or alarm not in position.alarms:
            continue
        ts = position.ts if abs(position.ts - now_ms) <= MAX_CLOCK_SKEW_MS else now_ms
        fixed = position.valid and not (position.lat == 0.0 and position.lon == 0.0)
        lon, lat = (position.lon, position.lat) if fixed else (None, None)
        alarm_data = {**data, "source": "smart_watch", "alarm": alarm, "alarms": list(position.alarms)}
        if not fixed:
            alarm_data["no_fix"] = True
        items.append(
            Event(f"{PROTOCOL}:{device}:{alarm}:{position.ts}", ts, device, kind, lon, lat, alarm_data)
        )
    if position is not None and position.alarms:
        data["alarms"] = list(position.alarms)
    items.append(heartbeat_event(PROTOCOL, device, now_ms, data))
    return items


class _Session(FramedSession[watch.Message]):
    label = "watch"

    def __init__(self, server: WatchServer, conn: Connection) -> None:
        super().__init__(server, conn, watch.FrameSplitter())

    def decode(self, frame: bytes) -> watch.Message:
        return watch.decode_frame(frame)

    def handle(self, message: watch.Message) -> None:
        delivery = self.server.delivery
        device = self.known_device(message.device_id, f"watch {message.kind}")
        if device is None:
            return
        if delivery.deliver(watch_events(device, message, delivery.clock.now_ms())):
            reply = message.reply_kind
            if reply is not None:
                self.reply(watch.encode_reply(message, reply))
