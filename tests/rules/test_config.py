"""load_rules: the shipped file, and every kind of station mistake named by its key."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from sandbox_app.domain.model import District
from sandbox_app.rules import RULE_FAMILIES
from sandbox_app.rules.config import DEFAULT_RULES_PATH, RuleConfigError, build_rules, load_rules

ISSUE_RULES = {
    "elderly_no_activity", "unregistered_opener", "unreported_tenant", "face_watchlist", "face_stranger",
    "tailgating", "plate_blacklist", "vehicle_overstay", "perimeter_breach", "smoke_alarm", "gas_alarm",
    "water_alarm", "fall_detected", "throw_detected", "alarm_button", "elderly_routine", "gps_sanity",
    "device_offline", "handoff_overdue", "loitering", "ebike_stolen", "fire_lane",
    "renovation_hours", "ebike_in_lift", "rooftop_door_night",
    "ebike_night_departure",
}  # fmt: skip


def test_every_rule_of_the_issue_is_registered_and_shipped(dist: District) -> None:
    assert set(RULE_FAMILIES) == ISSUE_RULES
    shipped = tomllib.loads(DEFAULT_RULES_PATH.read_text(encoding="utf-8"))
    assert set(shipped) == ISSUE_RULES, "resources/rules.toml must have a section for every rule"
    rules = load_rules(dist)
    assert [r.name for r in rules] == sorted(ISSUE_RULES)


def test_every_rule_has_tests() -> None:
    """DESIGN: a rule without a test fails the build. A rule's name must appear in a test module."""
    text = "".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py")
                   if p.name != "test_config.py")  # fmt: skip
    assert sorted(name for name in RULE_FAMILIES if f'"{name}"' not in text) == []


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_disabled_rules_are_left_out_and_missing_ones_get_defaults(dist: District, tmp_path: Path) -> None:
    rules = load_rules(dist, _write(tmp_path, "[smoke_alarm]\nenabled = false\n"))
    assert "smoke_alarm" not in [r.name for r in rules] and len(rules) == len(RULE_FAMILIES) - 1


@pytest.mark.parametrize(
    "text, key, words",
    [
        ("[elderly_no_activty]\n", "elderly_no_activty", "unknown rule"),
        ("[elderly_no_activity]\ngap_hour = 12\n", "elderly_no_activity.gap_hour", "unknown setting"),
        (
            "[elderly_no_activity]\ngap_hours = 'twelve'\n",
            "elderly_no_activity.gap_hours",
            "expected a number",
        ),
        ("[elderly_no_activity]\ngap_hours = -1\n", "elderly_no_activity.gap_hours", "> 0"),
        ("[elderly_no_activity]\nseverity = 'urgent'\n", "elderly_no_activity.severity", "one of notice"),
        ("[elderly_no_activity]\nstart = 'soon'\n", "elderly_no_activity.start", "date-time"),
        ("[elderly_routine]\nmin_share = 1.5\n", "elderly_routine.min_share", "between 0 and 1"),
        ("[unreported_tenant]\nmin_days = 2.5\n", "unreported_tenant.min_days", "whole number"),
        ("[unreported_tenant]\nmin_days = 9\n", "unreported_tenant.min_days", "window_days"),
        ("[unregistered_opener]\nusages = ['hotel']\n", "unregistered_opener.usages", "known usages"),
        ("[plate_blacklist]\nplates = '浙A1'\n", "plate_blacklist.plates", "list of strings"),
        (
            "[vehicle_overstay]\nignore_registered = 'yes'\n",
            "vehicle_overstay.ignore_registered",
            "true or false",
        ),
        ("[gps_sanity.max_kmh]\npilot = 900\n", "gps_sanity.max_kmh.pilot", "unknown guard role"),
        ("[gps_sanity.max_kmh]\npolice = 0\n", "gps_sanity.max_kmh.police", "> 0"),
        ("[gps_sanity]\nmargin_m = -5\n", "gps_sanity.margin_m", ">= 0"),
        ("[smoke_alarm]\nenabled = 1\n", "smoke_alarm.enabled", "true or false"),
        ("smoke_alarm = true\n", "smoke_alarm", "expected a table"),
        ("[smoke_alarm\n", "rules.toml", "not valid TOML"),
    ],
)
def test_mistakes_name_their_key(dist: District, tmp_path: Path, text: str, key: str, words: str) -> None:
    with pytest.raises(RuleConfigError) as info:
        load_rules(dist, _write(tmp_path, text))
    assert info.value.key == key
    assert str(info.value).startswith(f"{key}: ") and words in str(info.value)


def test_missing_file_is_a_clear_error(dist: District, tmp_path: Path) -> None:
    with pytest.raises(RuleConfigError, match="cannot read the rules file"):
        load_rules(dist, tmp_path / "nope.toml")


def test_toml_datetimes_are_local_to_the_district(dist: District) -> None:
    config = tomllib.loads("[device_offline]\nstart = 2024-05-06T09:00:00\n")
    [rule] = [r for r in build_rules(dist, config) if r.name == "device_offline"]
    aware = tomllib.loads("[device_offline]\nstart = 2024-05-06T01:00:00Z\n")
    [same] = [r for r in build_rules(dist, aware) if r.name == "device_offline"]
    assert rule._heap == same._heap  # type: ignore[attr-defined]
    assert rule._heap[0][0] == 1714957200000 + 2 * 300_000  # type: ignore[attr-defined]  # trackers, 300 s


def test_learning_rules_say_how_much_history_a_restart_needs(dist: District) -> None:
    history = {r.name: getattr(r, "history_ms", 0) for r in load_rules(dist)}
    day = 86_400_000
    assert history["elderly_routine"] >= 30 * day
    assert history["unreported_tenant"] >= 7 * day
    assert history["vehicle_overstay"] > 3 * day
