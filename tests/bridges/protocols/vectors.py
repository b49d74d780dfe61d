"""Traccar's decoder test vectors (../shared/data/traccar, Apache-2.0) and the checks their tests make,
applied to our typed decoder output through a Traccar-named view of it (`compat`)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sandbox_app.bridges.trackers.common import FrameError, Position

NOW_MS = int(datetime(2026, 1, 1, tzinfo=UTC).timestamp() * 1000)
"""'now' for reports without a time (fixed: tests must not depend on the wall clock)."""
MIN_FIX_MS = int(datetime(1999, 1, 1, tzinfo=UTC).timestamp() * 1000)


def load(shared_data: Path, name: str) -> list[dict[str, Any]]:
    vectors: list[dict[str, Any]] = json.loads((shared_data / "traccar" / name).read_text())["vectors"]
    return vectors


def raw(vector: dict[str, Any]) -> bytes:
    data = vector["input"]
    return bytes.fromhex(data["data"]) if data["type"] == "hex" else data["data"].encode("latin-1")


def sane(p: Position) -> str:
    """Traccar's verifyPosition range checks; '' when they hold."""
    problems = []
    if not MIN_FIX_MS < p.ts < NOW_MS + 25 * 3600_000 + 10 * 365 * 86400_000:
        problems.append(f"time {p.ts}")
    if not (-90 <= p.lat <= 90 and -180 <= p.lon <= 180):
        problems.append(f"place {p.lat},{p.lon}")
    if p.altitude is not None and not -12262 <= p.altitude <= 18000:
        problems.append(f"altitude {p.altitude}")
    if not (0 <= p.speed_kn <= 869 and 0 <= p.course <= 360):
        problems.append(f"speed {p.speed_kn} course {p.course}")
    return ", ".join(problems)


def expected_position(p: Position, expected: dict[str, Any]) -> str:
    fix = datetime.strptime(expected["fix_time_utc"], "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=UTC)
    got = (p.ts, p.valid, round(p.lat, 5), round(p.lon, 5))
    want = (
        int(fix.timestamp() * 1000),
        expected["valid"],
        round(expected["latitude"], 5),
        round(expected["longitude"], 5),
    )
    close = abs(p.lat - expected["latitude"]) <= 1e-5 and abs(p.lon - expected["longitude"]) <= 1e-5
    return "" if got[:2] == want[:2] and close else f"position {got} != {want}"  # Traccar's delta


def same(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, int | float) and isinstance(b, int | float) and math.isclose(a, b, abs_tol=1e-6)
    return bool(a == b)


@dataclass
class Outcome:
    """What happened to each vector, by its source line, so a test can pin every one of them."""

    ok: set[int] = field(default_factory=set)
    unknown_id: dict[int, str] = field(default_factory=dict)
    rejected: dict[int, str] = field(default_factory=dict)
    """Decoding failed for a reason other than an unknown message id."""
    lenient: set[int] = field(default_factory=set)
    """Failed the checksum/escape check; decoded (and checked) without it."""
    uncovered: dict[int, str] = field(default_factory=dict)
    """An attribute the test asserts that our output does not carry, or carries with another value."""
    failures: list[str] = field(default_factory=list)


def run(
    vectors: Iterable[dict[str, Any]],
    decode: Callable[[bytes, bool], Any],
    positions: Callable[[Any], list[Position]],
    compat: Callable[[Any], dict[str, Any]],
    checksum_reasons: tuple[str, ...],
) -> Outcome:
    out = Outcome()
    for v in vectors:
        line, check = v["source_line"], v["check"]
        if check == "frame":
            continue
        try:
            result = decode(raw(v), True)
        except FrameError as exc:
            if exc.reason.startswith("unknown message id"):
                out.unknown_id[line] = exc.reason
                continue
            if not exc.reason.startswith(checksum_reasons):
                out.rejected[line] = exc.reason
                continue
            try:
                result = decode(raw(v), False)
            except FrameError as again:
                if again.reason.startswith("unknown message id"):
                    out.unknown_id[line] = again.reason
                else:
                    out.rejected[line] = again.reason
                continue
            out.lenient.add(line)
        found = positions(result)
        if check in ("verifyPosition", "verifyPositions"):
            if not found:
                out.failures.append(f"{line}: {check} but no position")
            for p in found:
                problem = sane(p) or (expected_position(p, v["expected"]) if v.get("expected") else "")
                if problem:
                    out.failures.append(f"{line}: {problem}")
        elif check == "verifyNull" and found:
            out.failures.append(f"{line}: verifyNull but a position came out")
        elif check == "verifyAttribute":
            key, want = v["expected"]["attribute_key"], v["expected"]["value"]
            got = compat(result)
            if key not in got or not same(got[key], want):
                out.uncovered[line] = f"{key}: expected {want!r}, ours {got.get(key, '(absent)')!r}"
                continue
        out.ok.add(line)
    return out
