"""Every Traccar test vector for OsmAnd, JT/T 808 and GT06 through our decoders (../shared/data/traccar).

For each vector the test pins one outcome: decoded with the values Traccar's test asserts; or a message id
we do not decode (`FrameError("unknown message id ...")`); or, for the listed ones, a vendor attribute or
variant that our standard-only decoders do not carry (the list is exact: a vector that starts or stops
matching fails the test until the list says so). Hand-edited captures with a wrong checksum must fail
the strict decoder and are then read without the checksum.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from sandbox_app.bridges.gt06 import codec as gt06
from sandbox_app.bridges.jt808 import codec as jt808
from sandbox_app.bridges.osmand import codec as osmand
from sandbox_app.bridges.trackers.common import FrameError, Position
from tests.bridges.protocols.vectors import NOW_MS, expected_position, load, raw, run, sane

# JT/T 808 ------------------------------------------------------------------------------------------------
JT808_ALARMS = [  # Traccar's priority order, our name → its name
    ("sos", "sos"),
    ("overspeed", "overspeed"),
    ("gnss_antenna_cut", "gpsAntennaCut"),
    ("gnss_fault", "fault"),
    ("lcd_fault", "fault"),
    ("tts_fault", "fault"),
    ("camera_fault", "fault"),
    ("low_power", "lowBattery"),
    ("power_off", "powerOff"),
    ("area", "geofence"),
    ("illegal_movement", "movement"),
    ("collision", "accident"),
]


def jt808_decode(data: bytes, strict: bool) -> jt808.Message:
    frames = jt808.FrameSplitter().feed(data)
    if not frames:
        raise FrameError("no JT/T 808 frame")
    return jt808.decode_frame(frames[0], strict=strict)


def jt808_positions(message: jt808.Message) -> list[Position]:
    body = message.body
    if isinstance(body, jt808.LocationReport):
        return [body.position]
    if isinstance(body, jt808.BatchUpload):
        return [r.position for r in body.reports]
    return []


def jt808_compat(message: jt808.Message) -> dict[str, Any]:
    found = jt808_positions(message)
    if not found:
        return {}
    p = found[0]
    out: dict[str, Any] = {"ignition": p.attributes["ignition"]}
    if p.satellites is not None:
        out["sat"] = p.satellites
    for ours, theirs in JT808_ALARMS:
        if ours in p.alarms:
            out["alarm"] = theirs
            break
    for ours, theirs in (("odometer_m", "odometer"), ("rssi", "rssi"), ("fuel_l", "fuel")):
        if ours in p.attributes:
            out[theirs] = p.attributes[ours]
    return out


JT808_LENIENT = frozenset({85, 203, 228, 328, 361, 391, 415})
"""Captures with a wrong checksum, body length or a stray 0x7d (Traccar's frame decoder checks none)."""
JT808_REJECTED = frozenset({211, 263, 397, 401, 405, 409})
"""211, 263: one vendor's "(...)" e-lock text replies, not JT/T 808 frames. 397-409: the JC371 dashcam
model variant (a different body layout; Traccar reads it only with `model=JC371`)."""
JT808_UNCOVERED = frozenset({
    18, 22, 26, 37, 45, 49, 53, 57, 61, 65, 69, 73, 77, 85, 93, 114, 118, 122, 126, 130, 134, 148, 152, 159,
    167, 171, 175, 179, 199, 203, 207, 214, 224, 228, 244, 248, 255, 277, 281, 285, 346, 350, 354, 364, 381,
    385, 391, 415, 421,
})  # fmt: skip
"""Vendor additional items (0x80+ and 0xE0+: power, batteryLevel, temperatures, tyres, ICCID, locks...) and
vendor alarm extensions; we keep them raw in `LocationReport.items`. Covered: sat, ignition, odometer,
fuel, rssi and the standard alarm bits."""


def test_jt808_vectors(shared_data: Path) -> None:
    out = run(load(shared_data, "jt808_huabao_vectors.json"), jt808_decode, jt808_positions, jt808_compat,
              ("bad checksum", "bad escape"))  # fmt: skip
    assert out.failures == []
    assert set(out.rejected) == JT808_REJECTED, out.rejected
    assert out.lenient == JT808_LENIENT
    assert set(out.uncovered) == JT808_UNCOVERED, out.uncovered
    assert all(int(r.split("0x")[1], 16) not in jt808.KNOWN_IDS for r in out.unknown_id.values())
    assert len(out.ok) == 35  # registration, auth, heartbeat, 0x0200 and 0x0704 positions


# GT06 -----------------------------------------------------------------------------------------------------
GT06_ALARMS = {
    "sos": "sos",
    "power_cut": "powerCut",
    "vibration": "vibration",
    "geofence_enter": "geofenceEnter",
    "geofence_exit": "geofenceExit",
    "overspeed": "overspeed",
    "low_battery": "lowBattery",
    "power_off": "powerOff",
    "tampering": "tampering",
    "door": "door",
    "fall": "fallDown",
    "hard_acceleration": "hardAcceleration",
    "hard_braking": "hardBraking",
    "cornering": "hardCornering",
    "accident": "accident",
    "geofence": "geofence",
    "removing": "removing",
}


def gt06_decode(data: bytes, strict: bool) -> gt06.Packet:
    frames = gt06.FrameSplitter().feed(data)
    if not frames:
        raise FrameError("no GT06 frame")
    return gt06.decode_frame(frames[0], strict=strict)


def gt06_positions(packet: gt06.Packet) -> list[Position]:
    return [packet.body.position] if isinstance(packet.body, gt06.Location) else []


def gt06_compat(packet: gt06.Packet) -> dict[str, Any]:
    body = packet.body
    status = (
        body if isinstance(body, gt06.Status) else body.status if isinstance(body, gt06.Location) else None
    )
    out: dict[str, Any] = {}
    if isinstance(body, gt06.Location):
        p = body.position
        out["sat"] = p.satellites
        out.update({k: p.attributes[k] for k in ("ignition", "charge") if k in p.attributes})
        if "odometer_m" in p.attributes:
            out["odometer"] = p.attributes["odometer_m"]
    if status is not None:
        out["batteryLevel"] = status.battery_level
        out["rssi"] = status.gsm
        out["ignition"] = status.ignition
        out["charge"] = status.charging
        if status.alarms:
            out["alarm"] = GT06_ALARMS[status.alarms[-1]]
    return out


GT06_LENIENT = frozenset({496, 526})
"""Captures with a wrong CRC."""
GT06_REJECTED = frozenset({
    14, 154, 266, 288, 291, 357, 360, 363, 366, 369, 372, 375, 378, 381, 538, 541, 544, 597, 603, 607, 623,
})  # fmt: skip
"""14: an empty 0x12 (truncated). 154-544: packets whose length field does not frame them (Traccar's frame
decoder special-cases these vendors' WiFi/LBS packets and missing stop bytes). 597-623: model variants
(NT20, XT40, QH302R) that put an IMEI or other fields before the GPS block."""
GT06_UNCOVERED = frozenset({
    70, 108, 127, 131, 138, 161, 165, 173, 184, 209, 213, 248, 575, 579, 585, 591, 648, 652,
})  # fmt: skip
"""Vendor extensions of 0x12/0x13/0x16/0x22 (temperatures, external power, driver id, percent batteries,
alarm codes of newer firmware) that Traccar reads by packet length or model. Covered: sat, ignition,
charge, batteryLevel (0-6 scale; percent on SeeWorld's 0x26-long 0x16), rssi, odometer, the
terminal-information and alarm-byte alarms. 100, 104 (SeeWorld) and 284 (an LBS length of 0x09) were
misread while the LBS length byte was taken not to count itself."""


def test_gt06_vectors(shared_data: Path) -> None:
    out = run(load(shared_data, "gt06_vectors.json"), gt06_decode, gt06_positions, gt06_compat, ("bad CRC",))
    assert out.failures == []
    assert set(out.rejected) == GT06_REJECTED, out.rejected
    assert out.lenient == GT06_LENIENT
    assert set(out.uncovered) == GT06_UNCOVERED, out.uncovered
    assert all(int(r.split("0x")[1], 16) not in gt06.KNOWN_IDS for r in out.unknown_id.values())
    assert len(out.ok) == 33  # logins, 0x12/0x22 positions, 0x13 status, 0x16/0x26 alarms


# frame decoders -------------------------------------------------------------------------------------------
def test_jt808_frame_vectors(shared_data: Path) -> None:
    """Traccar's frame tests: garbage before the flag is skipped and 0x7d escapes are undone."""
    done = set()
    for v in load(shared_data, "jt808_huabao_vectors.json"):
        if v["check"] != "frame":
            continue
        frames = jt808.FrameSplitter().feed(raw(v))
        if frames:
            assert b"\x7e" + jt808.unescape(frames[0][1:-1]) + b"\x7e" == bytes.fromhex(
                v["expected_frame"]["data"]
            )
            done.add(v["source_line"])
    assert done == {17, 21}  # 13 is the e-lock's "(...)" text, not a JT/T 808 frame


def test_gt06_frame_vectors(shared_data: Path) -> None:
    done = set()
    for v in load(shared_data, "gt06_vectors.json"):
        if v["check"] != "frame":
            continue
        frames = gt06.FrameSplitter().feed(raw(v))
        if frames:
            assert frames[0] == bytes.fromhex(v["expected_frame"]["data"])
            done.add(v["source_line"])
    assert done == {37, 41, 45}  # 13-33: vendor packets whose length field does not frame them


# OsmAnd ---------------------------------------------------------------------------------------------------
def osmand_decode(v: dict[str, Any]) -> osmand.OsmAndReport:
    request = v["input"]
    body = request.get("body", {}).get("data", "").encode("latin-1")
    content_type = request.get("headers", {}).get("Content-Type", "")
    return osmand.decode_request(request["method"], request["url"], body, content_type, NOW_MS)


def test_osmand_vectors(shared_data: Path) -> None:
    vectors = load(shared_data, "osmand_vectors.json")
    checked = 0
    for v in vectors:
        line, check = v["source_line"], v["check"]
        if check == "verifyNull":  # no device id: Traccar answers 400 and returns nothing
            with pytest.raises(FrameError, match="missing device id"):
                osmand_decode(v)
            checked += 1
            continue
        report = osmand_decode(v)
        if check == "verifyNotNull":  # cell and wifi only: the phone is alive, its place unknown
            assert (
                report.position is None and report.ts == 1377177267000 and len(report.attributes["cell"]) == 2
            )
        elif check == "verifyAttribute":
            key, value = v["expected"]["attribute_key"], v["expected"]["value"]
            assert report.position is not None and report.position.attributes[key] == value, line
        else:
            assert report.position is not None and sane(report.position) == "", line
            if v.get("expected"):
                assert expected_position(report.position, v["expected"]) == "", line
        checked += 1
    assert checked == len(vectors) == 15


def test_osmand_units_and_times_follow_traccar() -> None:
    """speed in knots as sent; a JSON body's m/s converted; seconds vs ms by Traccar's 2^31 rule; ISO and
    the space-separated form (naive = UTC)."""
    get = osmand.decode_request(
        "GET", "/?id=7&lat=40.0&lon=116.3&speed=10&bearing=370&altitude=50&accuracy=5&batt=84"
        "&timestamp=1700000000", b"", "", NOW_MS,
    )  # fmt: skip
    p = get.position
    assert p is not None and (p.speed_kn, p.course, p.altitude, p.accuracy, p.battery_level) == (
        10,
        10,
        50,
        5,
        84,
    )
    assert get.ts == 1_700_000_000_000
    assert osmand.parse_timestamp("1700000000123") == 1_700_000_000_123
    assert osmand.parse_timestamp("2024-05-01T08:00:00Z") == osmand.parse_timestamp("2024-05-01 08:00:00")
    form = osmand.decode_request(
        "POST", "/", b"id=7&location=40.1,116.2", "application/x-www-form-urlencoded", NOW_MS
    )
    assert form.position is not None and (form.position.lat, form.position.lon, form.ts) == (
        40.1,
        116.2,
        NOW_MS,
    )
    body = (
        b'{"device_id": "7", "location": {"timestamp": "2024-05-01T08:00:00Z", "coords": {"latitude": 1, '
        b'"longitude": 2, "speed": 1.852, "heading": 90}, "battery": {"level": 0.5}}}'
    )
    json_report = osmand.decode_request("POST", "/", body, "application/json", NOW_MS)
    jp = json_report.position
    assert jp is not None and jp.speed_kn == pytest.approx(3.6) and (jp.course, jp.battery_level) == (90, 50)


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("/?lat=1&lon=2", "missing device id"),
        ("/?id=1&lat=91&lon=2", "lat 91.0 out of range"),
        ("/?id=1&lat=1", "lat and lon must come together"),
        ("/?id=1&lat=abc&lon=2", "lat 'abc' is not a number"),
        ("/?id=1&lat=nan&lon=2", "is not finite"),
        ("/?id=1&lat=1&lon=2&timestamp=" + quote("yesterday"), "timestamp 'yesterday' is not"),
        ("/?id=1&location=1", "is not 'lat,lon'"),
    ],
)
def test_osmand_malformed_requests_are_rejected_with_a_reason(target: str, reason: str) -> None:
    with pytest.raises(FrameError, match=reason):
        osmand.decode_request("GET", target, b"", "", NOW_MS)
