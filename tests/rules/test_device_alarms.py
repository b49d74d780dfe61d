"""smoke/gas/water alarms, fall, throw and the one-click button: fixed severities, self-tests quiet."""

from __future__ import annotations

import pytest

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.model import District
from sandbox_app.rules.config import RuleConfigError
from tests.rules.helpers import drive, ev, make_rule, t

T0 = t("2024-05-06 03:00")
CASES = [
    ("smoke_alarm", "smoke.alarm", "SM-1", Severity.CRITICAL),
    ("gas_alarm", "gas.alarm", "SM-1", Severity.CRITICAL),
    ("water_alarm", "water.alarm", "SM-1", Severity.MEDIUM),
    ("fall_detected", "fall.detected", "BC-1", Severity.HIGH),
    ("throw_detected", "throw.detected", "BC-1", Severity.HIGH),
    ("alarm_button", "alarm.button", "FG-1", Severity.CRITICAL),
]


@pytest.mark.parametrize("name, kind, device, severity", CASES)
def test_device_alarm_fires_with_its_fixed_severity(
    dist: District, name: str, kind: str, device: str, severity: Severity
) -> None:
    signals = drive(make_rule(name, dist), [ev(kind, device, T0)])
    assert [(s.rule, s.subject, s.subject_type, s.severity) for s in signals] == [
        (name, device, "device", severity)
    ]
    assert signals[0].data["compound_id"] == "C1"


@pytest.mark.parametrize("name, kind, device, severity", CASES)
def test_device_alarm_near_miss_self_test_and_other_kinds(
    dist: District, name: str, kind: str, device: str, severity: Severity
) -> None:
    other = "door.open" if kind != "door.open" else "lock.open"
    assert drive(make_rule(name, dist), [ev(kind, device, T0, test=True), ev(other, device, T0)]) == []


def test_severity_cannot_be_configured(dist: District) -> None:
    with pytest.raises(RuleConfigError, match=r"smoke_alarm\.severity: unknown setting"):
        make_rule("smoke_alarm", dist, severity="low")


def test_room_device_is_placed_at_its_building(dist: District) -> None:
    [signal] = drive(make_rule("smoke_alarm", dist), [ev("smoke.alarm", "SM-1", T0)])
    assert signal.data["room_id"] == "R-OWN" and signal.data["building_id"] == "B1"
    assert signal.lon == pytest.approx(120.0015) and signal.lat == pytest.approx(30.0015)
