"""One test per decoded field (docs/bridges.md, "Field table"), each on a frame built by hand from the
protocol document with values chosen so that a wrong scale, offset, sign or time zone shows: a speed of
123.4 km/h (0.1 km/h units vs km/h), a course above 255 (one byte vs two), a negative altitude, south and
west hemispheres, local device time vs UTC."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from sandbox_app.bridges.gat1400 import codec as gat1400
from sandbox_app.bridges.gt06 import codec as gt06
from sandbox_app.bridges.isapi import codec as isapi
from sandbox_app.bridges.jt808 import codec as jt808
from sandbox_app.bridges.osmand import codec as osmand
from sandbox_app.bridges.trackers.common import KMH_PER_KNOT, KNOT_MPS, Position
from sandbox_app.domain.events import Event


def utc_ms(year: int, month: int, day: int, hour: int, minute: int, second: int) -> int:
    return int(datetime(year, month, day, hour, minute, second, tzinfo=UTC).timestamp() * 1000)


# JT/T 808-2013 section 8.18, table 23 (location basic information) -----------------------------------------
def jt808_position(
    *,
    status: int = 0x3,
    lat: int = 30_512_345,
    lon: int = 114_312_345,
    altitude: int = 45,
    speed: int = 1234,
    course: int = 300,
    stamp: str = "261207163045",
    items: bytes = b"",
) -> Position:
    body = (
        (0).to_bytes(4, "big")
        + status.to_bytes(4, "big")
        + lat.to_bytes(4, "big")
        + lon.to_bytes(4, "big")
        + altitude.to_bytes(2, "big", signed=True)
        + speed.to_bytes(2, "big")
        + course.to_bytes(2, "big")
        + bytes.fromhex(stamp)
        + items
    )
    message = jt808.decode_frame(jt808.encode_message(jt808.LOCATION, "013800000002", 1, body))
    assert isinstance(message.body, jt808.LocationReport)
    return message.body.position


def test_jt808_latitude_longitude_are_millionths_of_a_degree() -> None:
    p = jt808_position()
    assert (p.lat, p.lon) == (30.512345, 114.312345)


@pytest.mark.parametrize(
    ("status", "signs"), [(0x3, (1, 1)), (0x7, (-1, 1)), (0xB, (1, -1)), (0xF, (-1, -1))]
)
def test_jt808_hemisphere_bits(status: int, signs: tuple[int, int]) -> None:
    """Status bit 2: 1 = south latitude; bit 3: 1 = west longitude."""
    p = jt808_position(status=status)
    assert (p.lat, p.lon) == (signs[0] * 30.512345, signs[1] * 114.312345)


def test_jt808_valid_and_ignition_bits() -> None:
    assert jt808_position(status=0x2).valid and not jt808_position(status=0x1).valid
    assert jt808_position(status=0x1).attributes["ignition"] is True


def test_jt808_speed_is_tenths_of_km_h() -> None:
    assert jt808_position(speed=1234).speed_kn * KMH_PER_KNOT == pytest.approx(123.4)


def test_jt808_course_is_two_bytes_of_degrees() -> None:
    assert jt808_position(course=300).course == 300.0


@pytest.mark.parametrize("altitude", [45, -12, 0])
def test_jt808_altitude_metres_signed(altitude: int) -> None:
    """A WORD in the 2013 table; below-sea-level receivers send it as two's complement (as Traccar reads)."""
    assert jt808_position(altitude=altitude).altitude == float(altitude)


def test_jt808_time_is_bcd_beijing_time() -> None:
    """BCD YYMMDDhhmmss in GMT+8: 2026-12-07 16:30:45 +08 is 08:30:45 UTC."""
    assert jt808_position(stamp="261207163045").ts == utc_ms(2026, 12, 7, 8, 30, 45)


def test_jt808_additional_items_scales() -> None:
    items = bytes.fromhex("0104000004d2" "02020457" "030204d2" "300117" "31010c")  # fmt: skip
    a = jt808_position(items=items)
    assert a.attributes["odometer_m"] == 123_400  # 1/10 km
    assert a.attributes["fuel_l"] == pytest.approx(111.1)  # 1/10 L
    assert a.attributes["recorder_speed_kmh"] == pytest.approx(123.4)  # 1/10 km/h
    assert a.attributes["rssi"] == 0x17 and a.satellites == 12


# GT06 (Concox GT06 protocol, section 5.2.1 GPS information) -------------------------------------------------
def gt06_position(
    *,
    lat: float = 30.5,
    lon: float = 114.3,
    speed: int = 123,
    flags: int = 0x152C,
    stamp: str = "1a0c07081e2d",
) -> Position:
    gps = (
        bytes.fromhex(stamp)
        + b"\xc9"
        + round(lat * 1_800_000).to_bytes(4, "big")
        + round(lon * 1_800_000).to_bytes(4, "big")
        + bytes([speed])
        + flags.to_bytes(2, "big")
    )
    body = gt06.decode_frame(
        gt06.encode_packet(gt06.LOCATION, 1, gps + bytes.fromhex("01cc00286d000f4d"))
    ).body
    assert isinstance(body, gt06.Location)
    return body.position


def test_gt06_latitude_longitude_are_500ths_of_a_second() -> None:
    p = gt06_position()
    assert (p.lat, p.lon) == pytest.approx((30.5, 114.3), abs=1e-7)


@pytest.mark.parametrize(
    ("flags", "signs"),
    [(0x1400, (1, 1)), (0x1000, (-1, 1)), (0x1C00, (1, -1)), (0x1800, (-1, -1))],
)
def test_gt06_hemisphere_bits(flags: int, signs: tuple[int, int]) -> None:
    """Course/status bit 10: 1 = north latitude; bit 11: 1 = west longitude."""
    p = gt06_position(flags=flags)
    assert (p.lat, p.lon) == pytest.approx((signs[0] * 30.5, signs[1] * 114.3), abs=1e-7)


def test_gt06_speed_is_whole_km_h() -> None:
    assert gt06_position(speed=123).speed_kn * KMH_PER_KNOT == pytest.approx(123.0)


def test_gt06_course_is_the_low_ten_bits() -> None:
    assert gt06_position(flags=0x1400 | 300).course == 300.0
    assert gt06_position(flags=0x1400).valid and not gt06_position(flags=0x0400).valid


def test_gt06_time_is_utc() -> None:
    assert gt06_position(stamp="1a0c07081e2d").ts == utc_ms(2026, 12, 7, 8, 30, 45)


def test_gt06_satellites_are_the_low_nibble() -> None:
    assert gt06_position().satellites == 9


def test_gt06_login_time_zone() -> None:
    """Login extension bits: zone * 100 in bits 15-4 (hours*100 + minutes), bit 3 set = west."""
    east8 = (800 << 4).to_bytes(2, "big")
    west0530 = ((530 << 4) | 0x8).to_bytes(2, "big")
    for bits, minutes in ((east8, 480), (west0530, -330)):
        login = gt06.decode_frame(
            gt06.encode_packet(gt06.LOGIN, 1, bytes.fromhex("0358000000000001") + b"\x00\x01" + bits)
        )
        assert isinstance(login.body, gt06.Login) and login.body.tz_offset_min == minutes


# OsmAnd (Traccar's osmand protocol page) --------------------------------------------------------------------
def osmand_query(query: str) -> osmand.OsmAndReport:
    return osmand.decode_request("GET", "/?" + query, b"", "", 0)


def test_osmand_query_fields() -> None:
    r = osmand_query(
        "id=7&lat=-30.5&lon=-114.3&timestamp=1796632245&speed=10&bearing=300&altitude=-12&batt=87"
    )
    p = r.position
    assert p is not None
    assert (p.lat, p.lon) == (-30.5, -114.3)
    assert p.ts == utc_ms(2026, 12, 7, 8, 30, 45)  # epoch seconds
    assert p.speed_kn == 10.0  # knots, as Traccar Client sends
    assert p.course == 300.0 and p.altitude == -12.0 and p.battery_level == 87.0


def test_osmand_timestamp_ms_and_iso() -> None:
    assert osmand_query("id=7&lat=1&lon=1&timestamp=1796632245000").ts == utc_ms(2026, 12, 7, 8, 30, 45)
    assert osmand_query("id=7&lat=1&lon=1&timestamp=2026-12-07T16:30:45%2B08:00").ts == utc_ms(
        2026, 12, 7, 8, 30, 45
    )


def test_osmand_json_speed_is_m_s_and_battery_a_fraction() -> None:
    body = {
        "device_id": "7",
        "location": {
            "timestamp": "2026-12-07T08:30:45Z",
            "coords": {"latitude": 30.5, "longitude": 114.3, "speed": 10.0, "heading": 300, "altitude": -12},
            "battery": {"level": 0.87},
        },
    }
    r = osmand.decode_request("POST", "/", json.dumps(body).encode(), "application/json", 0)
    p = r.position
    assert p is not None
    assert p.speed_kn * KNOT_MPS == pytest.approx(10.0)
    assert p.course == 300.0 and p.altitude == -12.0 and p.battery_level == pytest.approx(87.0)


# Hikvision ISAPI EventNotificationAlert: DeviceGPSInfo is degrees, minutes, seconds -----------------------
def test_isapi_gps_is_degrees_minutes_seconds_with_hemispheres() -> None:
    xml = b"""<EventNotificationAlert><ipAddress>10.0.0.2</ipAddress><macAddress>aa:bb</macAddress>
    <channelID>1</channelID><dateTime>2026-12-07T16:30:45+08:00</dateTime><eventType>VMD</eventType>
    <eventState>active</eventState><DeviceGPSInfo><longitudeType>W</longitudeType><latitudeType>S</latitudeType>
    <Longitude><degree>114</degree><minute>18</minute><sec>36</sec></Longitude>
    <Latitude><degree>30</degree><minute>30</minute><sec>18</sec></Latitude></DeviceGPSInfo>
    </EventNotificationAlert>"""
    event = isapi.decode_alert(xml, "application/xml")
    assert isinstance(event, Event)
    assert (event.lon, event.lat) == pytest.approx((-114.31, -30.505))
    assert event.ts == utc_ms(2026, 12, 7, 8, 30, 45)  # dateTime carries its offset


# GA/T 1400.4: times are local (Beijing) YYYYMMDDhhmmss ------------------------------------------------------
def test_gat1400_times_are_local_beijing_time() -> None:
    body = {"FaceListObject": {"FaceObject": [{"FaceID": "F1", "FaceAppearTime": "20261207163045"}]}}
    [(_, event)] = gat1400.decode_records(gat1400.FACES, body, "dev1", gat1400.Gat1400Config())
    assert isinstance(event, Event) and event.ts == utc_ms(2026, 12, 7, 8, 30, 45)
