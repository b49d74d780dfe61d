"""Every Traccar test vector for H02 and the 3G watch protocol through our decoders (../shared/data/traccar).

Each vector gets one pinned outcome: decoded with what Traccar's test asserts; or, for the listed ones,
an attribute our decoders do not carry (voice messages are not kept). Frame vectors: the splitters yield
exactly Traccar's first frame.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sandbox_app.bridges.h02 import codec as h02
from sandbox_app.bridges.trackers.common import FrameError, Position
from sandbox_app.bridges.watch import codec as watch
from tests.bridges.protocols.vectors import NOW_MS, load, raw, run


def h02_decode(data: bytes, strict: bool) -> h02.Report:
    return h02.decode_frame(data, NOW_MS)


def h02_positions(report: h02.Report) -> list[Position]:
    return [report.position] if report.position is not None else []


def h02_compat(report: h02.Report) -> dict[str, Any]:
    out: dict[str, Any] = dict(report.attributes)
    if report.battery_level is not None:
        out["batteryLevel"] = int(report.battery_level)
    if report.position is not None:
        out.update({k: v for k, v in report.position.attributes.items() if k in ("status", "ignition")})
    return out


def test_h02_vectors(shared_data: Path) -> None:
    vectors = load(shared_data, "h02_vectors.json")
    out = run(vectors, h02_decode, h02_positions, h02_compat, ())
    assert out.failures == []
    assert out.rejected == {} and out.unknown_id == {} and out.uncovered == {}
    assert len(out.ok) == sum(v["check"] != "frame" for v in vectors) == 89
    binary = [v for v in vectors if v["input"]["type"] == "hex" and v["check"] != "frame"]
    assert len(binary) == 15 and all(h02_decode(raw(v), True).command == "binary" for v in binary)


WATCH_ALARMS = {"sos": "sos", "removing": "removing", "fall": "fallDown", "low_battery": "lowBattery",
                "geofence_exit": "geofenceExit", "geofence_enter": "geofenceEnter"}  # fmt: skip


def watch_decode(data: bytes, strict: bool) -> watch.Message:
    return watch.decode_frame(data)


def watch_positions(message: watch.Message) -> list[Position]:
    return [message.position] if message.position is not None else []


def watch_compat(message: watch.Message) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if message.alarms:
        out["alarm"] = WATCH_ALARMS[message.alarms[0]]
    names = {"blood_oxygen": "bloodOxygen", "temperature": "temp1", "heart_rate": "heartRate"}
    out.update({names[k]: v for k, v in message.attributes.items() if k in names})
    return out


WATCH_UNCOVERED = frozenset({185})
"""185: a TK voice message; Traccar saves the AMR file, we do not keep audio."""


def test_watch_vectors(shared_data: Path) -> None:
    vectors = load(shared_data, "watch_vectors.json")
    out = run(vectors, watch_decode, watch_positions, watch_compat, ())
    assert out.failures == []
    assert out.rejected == {} and out.unknown_id == {}
    assert set(out.uncovered) == WATCH_UNCOVERED, out.uncovered
    assert len(out.ok) == sum(v["check"] != "frame" for v in vectors) - len(WATCH_UNCOVERED) == 49
    by_line = {v["source_line"]: v for v in vectors}
    sos = watch.decode_frame(raw(by_line[20]))
    assert sos.alarms == ("sos",) and sos.reply_kind == "AL" and sos.position is not None
    assert not sos.position.valid  # an SOS without a fix is still an SOS


def _frames(shared_data: Path, name: str, splitter: Any) -> set[int]:
    done = set()
    for v in load(shared_data, name):
        if v["check"] != "frame":
            continue
        frames = splitter().feed(raw(v))
        assert frames and frames[0] == bytes.fromhex(v["expected_frame"]["data"]), v["source_line"]
        done.add(v["source_line"])
    return done


def test_h02_frame_vectors(shared_data: Path) -> None:
    done = _frames(shared_data, "h02_vectors.json", h02.FrameSplitter)
    assert done == {15, 19, 23, 27, 31, 42, 53, 57, 61, 65}


def test_watch_frame_vectors(shared_data: Path) -> None:
    assert _frames(shared_data, "watch_vectors.json", watch.FrameSplitter) == {13, 17, 21, 25, 29, 33, 37}


def test_frame_vectors_decode(shared_data: Path) -> None:
    """What the splitters cut from Traccar's frame vectors also decodes (or is rejected with a reason)."""
    for name, splitter, decode in (
        ("h02_vectors.json", h02.FrameSplitter, lambda f: h02.decode_frame(f, NOW_MS)),
        ("watch_vectors.json", watch.FrameSplitter, watch.decode_frame),
    ):
        for v in load(shared_data, name):
            if v["check"] == "frame":
                for frame in splitter().feed(raw(v)):
                    try:
                        decode(frame)
                    except FrameError as exc:
                        assert exc.reason, v["source_line"]
