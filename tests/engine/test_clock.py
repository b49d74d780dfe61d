"""parse_time accepts what a duty officer or a script types; the engine clock never runs backwards."""

from __future__ import annotations

import pytest

from sandbox_app.engine.clock import EngineClock, TimeParseError, WallClock, format_ms, parse_time

# 2024-05-01T08:00:00Z by hand: 19844 days * 86400 s + 8 h.
T0 = (19844 * 86400 + 8 * 3600) * 1000


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2024-05-01T08:00:00Z", T0),
        ("2024-05-01T08:00:00+00:00", T0),
        ("2024-05-01T16:00:00+08:00", T0),
        ("2024-05-01T08:00:00.250Z", T0 + 250),
        (str(T0), T0),
        (f"  {T0} ", T0),
    ],
)
def test_parse_time_absolute(text: str, expected: int) -> None:
    assert parse_time(text) == expected


def test_parse_time_naive_uses_timezone() -> None:
    assert parse_time("2024-05-01T16:00:00", tz="Asia/Shanghai") == T0
    assert parse_time("2024-05-01T08:00:00") == T0


@pytest.mark.parametrize("text", ["", "yesterday", "2024-13-01T00:00:00Z", "12:00"])
def test_parse_time_rejects(text: str) -> None:
    with pytest.raises(TimeParseError):
        parse_time(text)


def test_parse_time_unknown_zone() -> None:
    with pytest.raises(TimeParseError, match="timezone"):
        parse_time("2024-05-01T08:00:00", tz="Mars/Olympus")


def test_format_ms_round_trips() -> None:
    assert format_ms(T0 + 5) == "2024-05-01T08:00:00.005+00:00"
    assert parse_time(format_ms(T0 + 5)) == T0 + 5


def test_engine_clock_only_moves_forward() -> None:
    clock = EngineClock(T0)
    assert clock.advance(T0 + 10) is True
    assert clock.advance(T0) is False
    assert clock.now_ms() == T0 + 10


def test_wall_clock_is_recent() -> None:
    assert WallClock().now_ms() > parse_time("2024-01-01T00:00:00Z")
