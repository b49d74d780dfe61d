"""The event schema of issue 2 §5: what passes, and the reason given for what does not."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from sandbox_app.bridges.schema import decode_event, encode_event, validate
from sandbox_app.domain.events import EVENT_KINDS, Event, Rejection

T0 = 1_714_550_400_000  # 2024-05-01T08:00:00Z


def _ev(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": "e1", "ts": T0, "device": "D1", "kind": "door.open", "data": {}}
    base.update(over)
    return {k: v for k, v in base.items() if v is not ...}


def _reason(obj: Any) -> str:
    result = decode_event(orjson.dumps(obj), line=7)
    assert isinstance(result, Rejection), result
    assert result.line == 7
    return result.reason


GOOD_DATA: dict[str, dict[str, Any]] = {
    "gps.fix": {"speed": 1.5, "course": 90, "battery": 80},
    "lock.open": {"credential": "CARD-0001"},
    "face.pass": {"person_id": "P0001", "watchlist": False},
    "plate.read": {"plate": "测A00001", "direction": "in"},
    "rfid.read": {"tag": "TAG-1", "direction": "out"},
    "vehicle.parked": {"plate": "测A00001", "zone": "消防通道", "left": False},
    "renovation.activity": {"room_id": "R0001"},
    "ebike.detected": {"spot": "lift"},
}


@pytest.mark.parametrize("kind", sorted(EVENT_KINDS))
def test_every_kind_decodes(kind: str) -> None:
    obj = _ev(kind=kind, lon=116.4, lat=39.9, data=GOOD_DATA.get(kind, {}))
    event = decode_event(orjson.dumps(obj))
    assert isinstance(event, Event)
    assert (event.kind, event.ts, event.lon, event.lat) == (kind, T0, 116.4, 39.9)
    assert event.data == GOOD_DATA.get(kind, {})


def test_iso_ts_with_offset_and_str_input() -> None:
    event = decode_event('{"id":"a","ts":"2024-05-01T16:00:00+08:00","device":"D","kind":"door.close"}')
    assert isinstance(event, Event)
    assert event.ts == T0
    assert event.data == {}


def test_mapping_input() -> None:
    event = decode_event(_ev(ts="2024-05-01T08:00:00.5Z"))
    assert isinstance(event, Event) and event.ts == T0 + 500


@pytest.mark.parametrize(
    "obj, reason",
    [
        (_ev(ts="2024-05-01T08:00:00"), "no UTC offset"),
        (_ev(ts="yesterday"), "not ISO 8601"),
        (_ev(ts=1_714_550_400), "epoch ms expected"),
        (_ev(ts=1.5e12), "ts must be"),
        (_ev(ts=True), "ts must be"),
        (_ev(ts=...), "missing ts"),
        (_ev(kind="door.slam"), "unknown kind 'door.slam'"),
        (_ev(kind=...), "missing kind"),
        (_ev(id=""), "id must be"),
        (_ev(id=5), "id must be"),
        (_ev(device=None), "device must be"),
        (_ev(lon=190.0, lat=10.0), "lon 190.0 out of range"),
        (_ev(lon=10.0, lat=-91), "lat -91 out of range"),
        (_ev(lon="116", lat=39.9), "lon must be a number"),
        (_ev(lon=116.0), "lon and lat must come together"),
        (_ev(data=[1]), "data must be a JSON object"),
        (_ev(kind="gps.fix"), "gps.fix needs lon and lat"),
        (_ev(kind="gps.fix", lon=1, lat=1, data={"speed": -1}), "data.speed"),
        (_ev(kind="gps.fix", lon=1, lat=1, data={"battery": "full"}), "data.battery must be a number"),
        (_ev(kind="gps.fix", lon=1, lat=1, data={"course": 400}), "data.course"),
        (_ev(kind="lock.open"), "data.credential"),
        (_ev(kind="face.pass", data={"watchlist": "yes"}), "data.watchlist"),
        (_ev(kind="face.pass", data={"person_id": 3}), "data.person_id"),
        (_ev(kind="plate.read", data={"direction": "in"}), "data.plate"),
        (_ev(kind="plate.read", data={"plate": "X1", "direction": "up"}), "data.direction"),
        (_ev(kind="rfid.read", data={"direction": "in"}), "data.tag"),
        (_ev(kind="rfid.read", data={"tag": "T"}), "data.direction"),
        ([1, 2], "event must be a JSON object"),
        ("just text", "event must be a JSON object"),
    ],
)
def test_rejections_name_the_problem(obj: Any, reason: str) -> None:
    assert reason in _reason(obj)


def test_unrecognised_face_has_no_person() -> None:
    event = decode_event(_ev(kind="face.pass", data={"person_id": None}))
    assert isinstance(event, Event)


def test_invalid_json_keeps_raw_and_line() -> None:
    result = decode_event(b'{"id": "x", ', line=3)
    assert isinstance(result, Rejection)
    assert result.reason.startswith("invalid JSON")
    assert result.raw == '{"id": "x", '
    assert result.line == 3


def test_encode_round_trip() -> None:
    event = Event("e9", T0, "G1", "gps.fix", 116.4, 39.9, {"speed": 1.0})
    line = encode_event(event)
    assert b"\n" not in line
    assert decode_event(line) == event
    bare = Event("e10", T0, "D1", "door.open")
    assert orjson.loads(encode_event(bare)) == {
        "id": "e10",
        "ts": T0,
        "device": "D1",
        "kind": "door.open",
        "data": {},
    }


@pytest.mark.parametrize(
    "data, reason",
    [
        ({"speed": None}, "data.speed must be a number"),
        ({"speed": True}, "data.speed must be a number"),
        ({"battery": 101}, "data.battery 101 out of range [0, 100]"),
        ({"course": float("nan")}, "data.course nan out of range [0, 360]"),
    ],
)
def test_fast_path_defers_every_doubtful_fix_to_the_full_check(data: dict[str, Any], reason: str) -> None:
    obj = _ev(kind="gps.fix", lon=116.4, lat=39.9, data=data)
    result = decode_event(obj, line=3)  # a mapping: NaN survives (JSON text could not carry it)
    assert isinstance(result, Rejection) and result.reason == reason


def test_fast_path_and_full_check_agree_on_accepted_shapes() -> None:
    for obj in (
        _ev(kind="gps.fix", lon=116, lat=40, data={"speed": 0, "battery": 100, "course": 360}),
        _ev(kind="gps.fix", lon=116.4, lat=39.9, data={}),
        _ev(ts="2024-05-01T16:00:00+08:00", data=None),
        _ev(data=...),  # no data key at all (doors, alarms)
        _ev(kind="lock.open", data={"credential": "C1"}),
    ):
        event = decode_event(orjson.dumps(obj))
        assert isinstance(event, Event)
        assert event == validate(orjson.loads(orjson.dumps(obj)))
        assert event.ts == T0


def test_cached_iso_seconds_agree_with_a_full_parse() -> None:
    from datetime import datetime

    from sandbox_app.bridges.schema import SchemaError, parse_ts
    from sandbox_app.engine.clock import to_ms

    for offset in ("+08:00", "-05:30", "+00:00"):
        for second in ("2024-02-29T23:59:59", "2024-05-01T16:00:12"):
            for millis in ("000", "001", "345", "999", "345"):  # the repeat is served from the cache
                text = f"{second}.{millis}{offset}"
                assert parse_ts(text) == to_ms(datetime.fromisoformat(text)), text
    for bad in (
        "2024-05-01T16:00:12.3a5+08:00",
        "2024-05-01T16:00:12.3²5+08:00",
        "2024-13-01T16:00:12.345+08:00",
        "2024-05-01T16:00:61.345+08:00",
        "2024-05-01T16:00:12.345+08:0x",
        "2024-05-01T16:00:12.345+2500",
    ):
        with pytest.raises(SchemaError):
            parse_ts(bad)
