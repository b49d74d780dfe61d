"""The typed, chunked decode (msgspec straight into Event) must agree with the full validation, line by line.

Reference: `orjson.loads` + `schema.validate`, the path that explains every rejection. Whatever a line is,
`decode_lines` on any chunk holding it gives the same Event (field for field) or a Rejection on the same line.
"""

from __future__ import annotations

from typing import Any

import msgspec
import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sandbox_app.bridges.schema import SchemaError, decode_event, decode_lines, validate
from sandbox_app.domain.events import EVENT_KINDS, Event, Rejection

T0 = 1_714_550_400_000
FUZZ = settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))


def reference(line: bytes) -> Event | None:
    """The full path's verdict: the Event, or None for a rejection (also for an integer in data beyond 64
    bits, which orjson would read as an approximate float: issue 14)."""
    try:
        event = validate(orjson.loads(line))
    except (orjson.JSONDecodeError, SchemaError):
        return None
    return None if _huge(msgspec.json.decode(line).get("data")) else event


def _huge(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_huge(v) for v in value.values())
    if isinstance(value, list):
        return any(_huge(v) for v in value)
    return type(value) is int and not -(2**63) <= value < 2**64


def same(item: Event | Rejection, expected: Event | None, line: int) -> bool:
    if expected is None:
        return isinstance(item, Rejection) and item.line == line
    return (
        type(item) is Event
        and item == expected
        and type(item.ts) is int
        and [type(v) for v in (item.lon, item.lat)] == [type(v) for v in (expected.lon, expected.lat)]
    )


numbers = st.one_of(
    st.integers(min_value=-(2**66), max_value=2**66),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0, 0.0, 1, 100, 101, 360, 361, -1, 116.4, 39.9, 2**63, -(2**63) - 1, True, False]),
)
texts = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " ", "\t", "a" * 200, "a" * 201, "测A00001", "in", "out", "up", "P0001"]),
)
values = st.one_of(
    st.none(), numbers, texts, st.lists(numbers, max_size=2), st.dictionaries(texts, numbers, max_size=2)
)
timestamps = st.one_of(
    st.integers(min_value=T0 - 10**13, max_value=T0 + 10**13),
    st.sampled_from([946_684_800_000, 946_684_799_999, 4_102_444_800_000, 4_102_444_799_999, 1_714_550_400]),
    st.sampled_from(
        [
            "2024-05-01T16:00:00.123+08:00",
            "2024-05-01T16:00:00+08:00",
            "2024-05-01T08:00:00Z",
            "2024-05-01T16:00:00",
            "2024-13-01T16:00:00.123+08:00",
            "1714550400000",
            "yesterday",
        ]
    ),
    numbers,
)
data_keys = st.sampled_from(
    ["speed", "battery", "course", "credential", "person_id", "watchlist", "plate", "tag", "direction", "x"]
)


@st.composite
def event_objects(draw: st.DrawFn) -> Any:
    """Mostly plausible events with one or two fields bent out of shape."""
    obj: dict[str, Any] = {
        "id": draw(st.one_of(st.sampled_from(["e1", "ev-00000001"]), texts)),
        "ts": draw(timestamps),
        "device": draw(st.one_of(st.just("D1"), texts)),
        "kind": draw(st.one_of(st.sampled_from(sorted(EVENT_KINDS)), texts)),
    }
    if draw(st.booleans()):
        obj["lon"] = draw(st.one_of(st.just(116.4), numbers, st.none(), texts))
    if draw(st.booleans()):
        obj["lat"] = draw(st.one_of(st.just(39.9), numbers, st.none()))
    if draw(st.booleans()):
        obj["data"] = draw(st.one_of(st.dictionaries(data_keys, values, max_size=4), st.none(), values))
    for key in draw(st.lists(st.sampled_from(sorted(obj)), max_size=1)):
        del obj[key]
    return draw(st.one_of(st.just(obj), st.just(obj), st.just(obj), values))


boundaries = st.sampled_from(
    [0, -0.0, 100, 100.5, 101, 360, 360.5, 361, 1000, 1000.5, 1001, -1, True, None, "1"]
)


@st.composite
def kind_data_events(draw: st.DrawFn) -> dict[str, Any]:
    """A sound envelope, so only the kind-specific data decides (the checks `_complete` makes by hand)."""
    data = draw(st.dictionaries(data_keys, st.one_of(boundaries, values), max_size=4))
    checked = ["gps.fix", "lock.open", "face.pass", "plate.read", "rfid.read"]
    kind = draw(st.one_of(st.sampled_from(checked), st.sampled_from(sorted(EVENT_KINDS))))
    obj = {"id": "e1", "ts": T0, "device": "D1", "kind": kind}
    if draw(st.integers(0, 3)):
        obj |= {"lon": 116.4, "lat": 39.9}
    return obj | {"data": data}


def encoded(obj: Any) -> bytes:
    try:
        return orjson.dumps(obj)
    except TypeError:  # an integer beyond 64 bits: write it as Python would
        import json

        return json.dumps(obj).encode()


@FUZZ
@given(st.lists(event_objects(), min_size=1, max_size=8), st.integers(min_value=1, max_value=10**6))
def test_a_chunk_decodes_exactly_as_the_full_check_does_line_by_line(objs: list[Any], first: int) -> None:
    lines = [encoded(o) for o in objs]
    items = decode_lines(lines, first)
    assert len(items) == len(lines)
    for number, (item, line) in enumerate(zip(items, lines, strict=True), start=first):
        assert same(item, reference(line), number), (line, item)
        assert same(decode_event(line, number), reference(line), number), line


@FUZZ
@given(st.lists(kind_data_events(), min_size=1, max_size=4))
def test_kind_specific_data_is_judged_as_the_full_check_does(objs: list[dict[str, Any]]) -> None:
    lines = [encoded(o) for o in objs]
    for number, (item, line) in enumerate(zip(decode_lines(lines, 1), lines, strict=True), start=1):
        assert same(item, reference(line), number), (line, item)


EDGES = [
    {"id": " ", "ts": T0, "device": "D1", "kind": "door.open"},
    {"id": "e1", "ts": T0, "device": "\t", "kind": "door.open"},
    {"id": "e1", "ts": T0, "device": "D1", "kind": "door.open", "lat": 39.9},
    {"id": "e1", "ts": T0, "device": "D1", "kind": "door.open", "lon": None, "lat": None},
    {"id": "e1", "ts": "2024-05-01T16:00:00", "device": "D1", "kind": "door.open"},
    {"id": "e1", "ts": T0, "device": "D1", "kind": "gps.fix", "lon": 1, "lat": 2, "data": {"battery": 101}},
    {"id": "e1", "ts": T0, "device": "D1", "kind": "gps.fix", "lon": 1, "lat": 2, "data": {"speed": 1000.5}},
    {"id": "e1", "ts": T0, "device": "D1", "kind": "gps.fix", "lon": 1, "lat": 2, "data": {"course": 361}},
    {"id": "e1", "ts": T0, "device": "D1", "kind": "gps.fix", "lon": 1, "lat": 2, "data": {"course": True}},
    {"id": "e1", "ts": T0, "device": "D1", "kind": "gps.fix", "lon": 1, "lat": 2, "data": {"speed": None}},
    {"id": "e1", "ts": T0, "device": "D1", "kind": "gps.fix", "lon": 1, "lat": 2, "data": {"battery": 100}},
    {"id": "e1", "ts": T0, "device": "D1", "kind": "face.pass", "data": {"watchlist": 1}},
    {"id": "e1", "ts": T0, "device": "D1", "kind": "plate.read", "data": {"plate": " ", "direction": "in"}},
]


def test_edges_decode_as_the_full_check_does() -> None:
    lines = [orjson.dumps(o) for o in EDGES]
    for number, (item, line) in enumerate(zip(decode_lines(lines, 1), lines, strict=True), start=1):
        assert same(item, reference(line), number), (line, item)
    assert sum(isinstance(i, Event) for i in decode_lines(lines, 1)) == 2  # null position, battery 100


def test_a_valid_chunk_with_blank_lines_and_iso_times() -> None:
    lines = [
        b'{"id":"a","ts":"2024-05-01T16:00:00.250+08:00","device":"G1","kind":"gps.fix","lon":116,"lat":40}\n',
        b"\n",
        b"   \n",
        b'{"id":"b","ts":1714550400000,"device":"L1","kind":"lock.open","data":{"credential":"C1"}}\n',
    ]
    items = decode_lines(lines, 10)
    assert items == [
        Event("a", T0 + 250, "G1", "gps.fix", 116.0, 40.0, {}),
        Event("b", T0, "L1", "lock.open", None, None, {"credential": "C1"}),
    ]
    assert type(items[0].lon) is float  # type: ignore[union-attr]


def test_one_bad_line_costs_only_itself_with_its_line_number() -> None:
    good = b'{"id":"e%d","ts":1714550400000,"device":"D1","kind":"door.open"}'
    lines = [good % i for i in range(5)]
    lines[3] = b'{"id":"e3","ts":1714550400000,"device":"D1","kind":"door.open","lon":1}'
    items = decode_lines(lines, 101)
    assert [type(i).__name__ for i in items] == ["Event"] * 3 + ["Rejection", "Event"]
    assert items[3] == Rejection("lon and lat must come together", lines[3].decode(), 104)


def test_text_lines_and_nested_data_take_the_full_path() -> None:
    lines = ['{"id":"a","ts":1714550400000,"device":"D","kind":"door.open","data":{"n":{"deep":[1,2]}}}', ""]
    assert decode_lines(lines, 1) == [Event("a", T0, "D", "door.open", None, None, {"n": {"deep": [1, 2]}})]
    big = b'{"id":"a","ts":1714550400000,"device":"D","kind":"door.open","data":{"n":%d}}' % 10**29
    rejected = decode_lines([big], 1)[0]
    assert isinstance(rejected, Rejection) and "64 bits" in rejected.reason  # never rounded to a float
