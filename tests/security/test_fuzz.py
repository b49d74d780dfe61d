"""Hostile input (hypothesis, bounded budgets): the event schema, the JSON Lines reader and the district
package importer never raise on garbage, and every rejection carries a reason a person can act on.

The GPS-protocol and camera decoders are fuzzed beside their own tests (tests/bridges/protocols, platforms).
"""

from __future__ import annotations

import contextlib
import json
import math
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sandbox_app.bridges.jsonl.reader import read_jsonl
from sandbox_app.bridges.schema import decode_event, validate
from sandbox_app.data.package import PackageError, load_package
from sandbox_app.domain.events import EVENT_KINDS, Event, Rejection
from sandbox_app.domain.model import District

FUZZ = settings(max_examples=100, deadline=None, database=None, suppress_health_check=list(HealthCheck))
SLOW_FUZZ = settings(max_examples=20, deadline=None, database=None, suppress_health_check=list(HealthCheck))

# values a hostile or broken sender might put anywhere
weird_numbers = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 2**63, 2**1100, 1e308, -0.0, 1_700_000_000, 1_700_000_000_000]),
    st.just(5000).map(lambda n: 10**n),  # built, not listed: hypothesis itself cannot repr it
)
weird_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "\x00", "测试甲", "🚓" * 60, "a" * 201, "2024-05-01T08:00:00", "NaN"]),
    st.sampled_from(["2024-05-01T08:00:00.123+08:00", "2024-13-01T08:00:00+08:00", "²", "١٧٠"]),
    st.just(5000).map(lambda n: "9" * n),
)
scalars = st.one_of(st.none(), st.booleans(), weird_numbers, weird_text)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
event_like = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(weird_text, json_values),
        "ts": st.one_of(weird_numbers, weird_text, json_values),
        "device": st.one_of(weird_text, json_values),
        "kind": st.one_of(st.sampled_from(sorted(EVENT_KINDS)), weird_text),
        "lon": st.one_of(weird_numbers, st.none(), weird_text),
        "lat": st.one_of(weird_numbers, st.none(), weird_text),
        "data": st.one_of(
            st.dictionaries(
                st.sampled_from(
                    [
                        "speed",
                        "course",
                        "battery",
                        "credential",
                        "plate",
                        "direction",
                        "tag",
                        "person_id",
                        "watchlist",
                        "x",
                    ]
                ),
                st.one_of(scalars, st.sampled_from(["in", "out"])),
                max_size=5,
            ),
            json_values,
        ),
    },
)


def _mark_huge(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**300:
        return "__HUGE__"
    if isinstance(value, dict):
        return {k: _mark_huge(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mark_huge(v) for v in value]
    return value


def dump(obj: Any) -> bytes:
    """JSON as a hostile sender writes it: numbers beyond Python's int-to-text limit are written raw."""
    text = json.dumps(_mark_huge(obj), default=str, ensure_ascii=False)
    return text.replace('"__HUGE__"', "9" * 5000).encode("utf-8", "surrogatepass")


def to_line(obj: dict[str, Any]) -> bytes:
    return dump(obj)


def check_item(item: Event | Rejection) -> None:
    if isinstance(item, Rejection):
        assert item.reason.strip(), "a rejection without a reason"
        return
    assert type(item) is Event
    assert isinstance(item.id, str) and item.id.strip() and isinstance(item.device, str)
    assert item.kind in EVENT_KINDS and isinstance(item.ts, int)
    for value in (item.lon, item.lat):
        assert value is None or (isinstance(value, float) and math.isfinite(value))


@FUZZ
@given(event_like)
def test_event_shaped_garbage_is_an_event_or_a_reasoned_rejection(obj: dict[str, Any]) -> None:
    item = decode_event(obj)  # the mapping path (HTTP pages, MQTT arrays)
    check_item(item)
    if isinstance(item, Event):  # the fast path never accepts what the full check refuses
        assert validate(obj) == item
    try:
        text = orjson.dumps(obj)
    except (TypeError, orjson.JSONEncodeError):
        return  # not representable as JSON (NaN is null there; huge ints fail): the wire cannot carry it
    check_item(decode_event(text))


@FUZZ
@given(st.one_of(json_values, st.binary(max_size=200), st.text(max_size=200)))
def test_any_json_or_bytes_is_decoded_or_refused(raw: Any) -> None:
    if isinstance(raw, bytes | str):
        check_item(decode_event(raw))
    else:
        with contextlib.suppress(TypeError, orjson.JSONEncodeError):
            check_item(decode_event(orjson.dumps(raw)))
        if isinstance(raw, Mapping):
            check_item(decode_event(raw))


@FUZZ
@given(
    st.lists(
        st.one_of(st.binary(max_size=80), event_like.map(to_line)),
        max_size=12,
    )
)
def test_jsonl_reader_numbers_every_line_and_never_raises(lines: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.jsonl"
        path.write_bytes(b"\n".join(line.replace(b"\n", b" ") for line in lines))
        items = list(read_jsonl(path))
    for item in items:
        check_item(item)
        if isinstance(item, Rejection):
            assert item.line is not None and 1 <= item.line <= len(lines)


# district packages ------------------------------------------------------------------------------------------

MANIFEST = {"name": "测试辖区", "crs": "wgs84", "timezone": "Asia/Shanghai"}


def _polygon(x: float, y: float, size: float = 0.001) -> dict[str, Any]:
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def _features(rows: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": p, "geometry": g} for p, g in rows],
    }


ROOMS_CSV = "id,building_id,entrance,floor,number,usage\nR1,B1,1,1,101,rental\nR2,B2,1,2,201,owner\n"
DEVICES_CSV = "id,kind,name,room_id,building_id,gate_id,lon,lat\nL1,smart_lock,门锁,R1,,,,\n"


def valid_package() -> dict[str, bytes]:
    """Files of a tiny valid package (name → bytes), the seed every mutation starts from."""
    compounds = _features([({"id": "C1", "name": "测试小区"}, _polygon(116.35, 40.0, 0.004))])
    buildings = _features(
        [
            ({"id": "B1", "compound_id": "C1", "name": "1号楼", "floors": 6}, _polygon(116.351, 40.001)),
            ({"id": "B2", "compound_id": "C1", "name": "2号楼", "floors": 3}, _polygon(116.352, 40.001)),
        ]
    )
    return {
        "manifest.json": json.dumps(MANIFEST, ensure_ascii=False).encode(),
        "compounds.geojson": json.dumps(compounds, ensure_ascii=False).encode(),
        "buildings.geojson": json.dumps(buildings, ensure_ascii=False).encode(),
        "rooms.csv": ROOMS_CSV.encode(),
        "devices.csv": DEVICES_CSV.encode(),
    }


def load(files: dict[str, bytes]) -> District | PackageError:
    with tempfile.TemporaryDirectory() as tmp:
        for name, body in files.items():
            (Path(tmp) / name).write_bytes(body)
        try:
            return load_package(Path(tmp))
        except PackageError as exc:
            return exc


def check_outcome(outcome: District | PackageError) -> None:
    if isinstance(outcome, PackageError):
        assert outcome.problems, "a refused package must say what is wrong"
        for problem in outcome.problems:
            assert problem.reason.strip() and problem.file


def test_the_seed_package_is_valid() -> None:
    district = load(valid_package())
    assert isinstance(district, District) and set(district.buildings) == {"B1", "B2"}


FILES = sorted(valid_package())


@st.composite
def mutated_bytes(draw: st.DrawFn, body: bytes) -> bytes:
    how = draw(st.sampled_from(["truncate", "flip", "insert", "replace"]))
    if how == "truncate":
        return body[: draw(st.integers(0, len(body)))]
    if how == "replace":
        return draw(st.binary(max_size=300))
    at = draw(st.integers(0, len(body)))
    chunk = draw(st.binary(min_size=1, max_size=8))
    if how == "insert":
        return body[:at] + chunk + body[at:]
    return body[:at] + chunk + body[at + len(chunk) :]


@SLOW_FUZZ
@given(st.data())
def test_corrupt_package_files_are_refused_with_reasons(data: st.DataObject) -> None:
    files = valid_package()
    for name in data.draw(st.lists(st.sampled_from(FILES), min_size=1, max_size=2, unique=True)):
        files[name] = data.draw(mutated_bytes(files[name]))
    check_outcome(load(files))


@SLOW_FUZZ
@given(st.data())
def test_wrong_json_values_in_manifest_and_layers_are_refused_with_reasons(data: st.DataObject) -> None:
    files = valid_package()
    target = data.draw(st.sampled_from(["manifest.json", "compounds.geojson", "buildings.geojson"]))
    doc = json.loads(files[target])
    if target == "manifest.json":
        doc[data.draw(st.sampled_from(["name", "crs", "timezone", "bounds"]))] = data.draw(json_values)
    else:
        feature = doc["features"][0]
        part = data.draw(st.sampled_from(["properties", "geometry", "id", "name", "floors", "compound_id"]))
        if part in ("properties", "geometry"):
            feature[part] = data.draw(json_values)
        else:
            feature["properties"][part] = data.draw(json_values)
    files[target] = dump(doc)
    check_outcome(load(files))


@SLOW_FUZZ
@given(st.sampled_from(["rooms.csv", "devices.csv"]), st.lists(st.lists(weird_text, max_size=9), max_size=4))
def test_garbage_csv_rows_are_refused_with_reasons(name: str, rows: list[list[str]]) -> None:
    files = valid_package()
    extra = "\n".join(",".join(json.dumps(cell, ensure_ascii=False) for cell in row) for row in rows)
    files[name] = files[name] + extra.encode("utf-8", "surrogatepass")
    check_outcome(load(files))


def test_manifest_with_a_huge_number_or_an_absurd_time_zone_is_refused_with_reasons() -> None:
    """Found by the fuzzer: json's digit limit (ValueError) and a zone name too long for a path (OSError)."""
    for body in (
        b'{"name": ' + b"9" * 5000 + b"}",
        json.dumps({**MANIFEST, "timezone": "9" * 5000}).encode(),
    ):
        outcome = load({**valid_package(), "manifest.json": body})
        assert isinstance(outcome, PackageError)
        check_outcome(outcome)


def test_huge_and_odd_numbers_are_reasoned_rejections() -> None:
    """Found by the fuzzer: ints beyond any float or beyond Python's int-to-text limit, non-ASCII digits."""
    base = {"kind": "gps.fix", "id": "a", "device": "d", "ts": 1_700_000_000_000, "lat": 1.0}
    cases = [
        ({**base, "lon": 2**1100}, "lon a number too large out of range"),
        ({**base, "lon": 1.0, "ts": 10**5000}, "ts a number too large outside"),
        ({**base, "lon": 1.0, "ts": "9" * 5000}, "is not ISO 8601"),
        ({**base, "lon": 1.0, "ts": "²"}, "is not ISO 8601"),
        ({**base, "kind": 10**5000}, "unknown kind a number too large"),
    ]
    for obj, reason in cases:
        item = decode_event(obj)
        assert isinstance(item, Rejection) and reason in item.reason, item
