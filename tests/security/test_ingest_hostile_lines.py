"""Issue 14, Low (ingest): hostile JSON Lines and numeric CLI arguments get a reason, never a traceback,
and the verdict on a line never depends on its neighbours or on how the file is cut into chunks."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from cli import main
from sandbox_app.bridges.jsonl.reader import read_batches, read_jsonl
from sandbox_app.bridges.schema import MAX_EVENT_BYTES, decode_event, decode_lines
from sandbox_app.domain.events import Event, Rejection
from sandbox_app.engine.pipeline import Engine
from sandbox_app.store import open_store
from tests.security.helpers import T0, district


def _line(eid: str, device: str = "B1", **data: object) -> bytes:
    return orjson.dumps({"id": eid, "ts": T0, "device": device, "kind": "alarm.button", "data": data})


TWO = _line("a") + b" " + _line("b") + b"\n"


@pytest.mark.parametrize(
    "before", [[], [b"\n"], [_line("x") + b"\n"], [b"{broken\n"], [_line("x") + b"\n"] * 200]
)
def test_two_objects_on_one_line_are_always_rejected(before: list[bytes]) -> None:
    lines = [*before, TWO, _line("z") + b"\n"]
    items = list(read_jsonl(lines))
    bad = [i for i in items if isinstance(i, Rejection)]
    assert len(bad) >= 1 and bad[-1].line == len(before) + 1
    assert "a" not in {i.id for i in items if isinstance(i, Event)}
    for chunk in (lines, [TWO]):
        assert not any(isinstance(i, Event) and i.id in "ab" for i in decode_lines(chunk, 1))


def test_unknown_device_rejections_carry_their_line() -> None:
    lines = [
        _line("1") + b"\n",
        b"\n",
        _line("2", "GHOST") + b"\n",
        _line("3") + b"\n",
        b"{bad\n",
        _line("4", "X"),
    ]
    engine = Engine(open_store(":memory:"), district("B1"), [])
    result = engine.ingest_batches(read_batches(lines, 2))
    assert result.accepted == 2
    assert sorted((r["line"], r["reason"][:14]) for r in result.rejected) == [
        (3, "unknown device"),
        (5, "invalid JSON: "),
        (6, "unknown device"),
    ]


@pytest.mark.parametrize(
    "big", ["18446744073709551616", "123456789012345678901234567890", "-9223372036854775809"]
)
def test_integers_beyond_64_bits_in_data_are_rejected_not_rounded(big: str) -> None:
    for line in (
        b'{"id":"a","ts":%d,"device":"B1","kind":"alarm.button","data":{"n":%s}}' % (T0, big.encode()),
        b'{"id":"a","ts":%d,"device":"B1","kind":"alarm.button","data":{"d":{"n":[%s]}}}'
        % (T0, big.encode()),
    ):
        item = decode_event(line, 7)
        assert isinstance(item, Rejection) and "64 bits" in item.reason and item.line == 7
        [chunked] = decode_lines([line], 1)
        assert isinstance(chunked, Rejection)


def test_integers_within_64_bits_and_large_floats_are_kept_exactly() -> None:
    line = (
        b'{"id":"a","ts":%d,"device":"B1","kind":"alarm.button","data":{"u":18446744073709551615,"f":1e300}}'
        % T0
    )
    item = decode_event(line)
    assert isinstance(item, Event) and item.data == {"u": 18446744073709551615, "f": 1e300}


def test_an_event_over_the_size_cap_is_rejected_with_a_reason() -> None:
    huge = _line("big", blob="x" * MAX_EVENT_BYTES) + b"\n"
    items = list(read_jsonl([_line("ok") + b"\n", huge]))
    assert isinstance(items[0], Event)
    assert isinstance(items[1], Rejection) and "too large" in items[1].reason and items[1].line == 2
    assert len(items[1].raw) <= 500


@pytest.mark.parametrize(
    "argv",
    [
        ["nearest", "--lon", "nan", "--lat", "40", "--at", "0"],
        ["nearest", "--lon", "116", "--lat", "1e400", "--at", "0"],
        ["nearest", "--lon", "116", "--lat", "40", "--at", "0", "--k", "99999999999999999999"],
        ["case", "--alert", "x", "--before", "1e400h"],
        ["case", "--alert", "x", "--after", "99999999999999999999"],
        ["case", "--alert", "x", "--radius-m", "inf"],
        ["export", "--from", "0", "--to", "1", "--mp4", "o.mp4", "--size", "99999999x99999999"],
        ["export", "--from", "0", "--to", "1", "--mp4", "o.mp4", "--fps", "nan"],
    ],
)
def test_numeric_arguments_out_of_range_are_usage_errors(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*argv, "--db", str(tmp_path / "x.db")])
    assert exit_.value.code == 2
    assert "error:" in capsys.readouterr().err


@pytest.mark.parametrize(
    "fields",
    [
        b'"kind":[]',
        b'"kind":{"a":1}',
        b'"kind":"plate.read","data":{"plate":"x","direction":[]}',
        b'"kind":"rfid.read","data":{"tag":"x","direction":{}}',
    ],
)
def test_unhashable_kind_or_direction_is_a_rejection_not_a_traceback(fields: bytes) -> None:
    line = b'{"id":"a","ts":%d,"device":"B1",%s}' % (T0, fields)
    assert isinstance(decode_event(line, 3), Rejection)
    assert isinstance(decode_event(orjson.loads(line)), Rejection)
    [item] = decode_lines([line], 3)
    assert isinstance(item, Rejection) and item.line == 3
