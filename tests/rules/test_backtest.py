"""Backtest through a real SqliteStore: per-rule and per-day counts, live dedupe, warm-up, the report."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.engine.backtest import backtest, format_report
from sandbox_app.engine.pipeline import Engine
from sandbox_app.rules.config import load_rules
from sandbox_app.store.sqlite import SqliteStore
from tests.rules.helpers import DAY, HOUR, MIN, ev, t

D1 = t("2024-05-06 00:00")
END = D1 + 2 * DAY - 1


def _history() -> list[Event]:
    lock = [ev("lock.open", "LK-RENT", D1 + h * HOUR, credential="CARD-X") for h in (8, 9, 20)]
    lock += [ev("lock.open", "LK-RENT", D1 + DAY + h * HOUR, credential="CARD-X") for h in (8, 9)]
    return [
        *lock,
        ev("door.open", "DM-ELD", D1 + 7 * HOUR),  # then silent: elderly alarm at 19:00 on day 1
        ev("smoke.alarm", "SM-1", D1 + 3 * HOUR),
        ev("smoke.alarm", "SM-1", D1 + 5 * HOUR),
        ev("gps.fix", "GPS-G", D1 + 10 * HOUR, 120.003, 30.003),
        ev("gps.fix", "GPS-G", D1 + 10 * HOUR + MIN, 120.003, 30.003 + 1500 / 111_320),  # 90 km/h on foot
    ]


@pytest.fixture
def store(tmp_path: Path, dist: District) -> SqliteStore:
    s = SqliteStore(tmp_path / "history.db")
    s.replace_district(dist)
    s.append_events(sorted(_history(), key=lambda e: e.ts))
    return s


def _only(report_rules: dict[str, object], names: set[str]) -> dict[str, object]:
    return {k: v for k, v in report_rules.items() if k in names}


def test_counts_per_rule_and_day_with_live_dedupe(store: SqliteStore, dist: District) -> None:
    report = backtest(store, load_rules(dist), D1, END)
    j = report.to_json()
    assert j["events"] == len(_history()) and j["flagged"] == 1 and j["timezone"] == "Asia/Shanghai"
    assert set(j["rules"]) == {r.name for r in load_rules(dist)}, "quiet rules are listed too"
    assert _only(j["rules"], {"unregistered_opener", "smoke_alarm", "elderly_no_activity", "gps_sanity"}) == {
        "unregistered_opener": {"alerts": 1, "signals": 5},
        "smoke_alarm": {"alerts": 1, "signals": 2},
        "elderly_no_activity": {"alerts": 1, "signals": 1},
        "gps_sanity": {"alerts": 1, "signals": 1},
    }
    assert j["rules"]["unreported_tenant"] == {"alerts": 0, "signals": 0}
    assert j["days"]["2024-05-07"]["unregistered_opener"] == {"alerts": 0, "signals": 2}
    assert j["days"]["2024-05-06"]["elderly_no_activity"] == {"alerts": 1, "signals": 1}
    json.dumps(j)


def test_close_after_reopens_like_a_desk_that_closes_alerts(store: SqliteStore, dist: District) -> None:
    report = backtest(store, load_rules(dist), D1, END, close_after_ms=HOUR)
    assert report.rules["smoke_alarm"].alerts == 2 and report.rules["unregistered_opener"].alerts == 3


def test_warm_up_gives_learning_rules_their_history(store: SqliteStore, dist: District) -> None:
    store.append_events([ev("lock.open", "LK-RENT", D1 + 2 * DAY + 8 * HOUR, credential="CARD-X")])
    day3 = D1 + 2 * DAY
    cold = backtest(store, load_rules(dist), day3, day3 + DAY - 1, warmup_ms=0)
    warm = backtest(store, load_rules(dist), day3, day3 + DAY - 1, warmup_ms=2 * DAY)
    assert cold.rules["unreported_tenant"].alerts == 0
    assert warm.rules["unreported_tenant"].alerts == 1 and warm.events == 1
    assert "2024-05-06" not in warm.days, "warm-up findings are not counted"


def test_matches_the_live_engine(tmp_path: Path, store: SqliteStore, dist: District) -> None:
    live_store = SqliteStore(tmp_path / "live.db")
    live_store.replace_district(dist)
    engine = Engine(live_store, dist, load_rules(dist))
    engine.ingest(sorted(_history(), key=lambda e: e.ts))
    engine.advance_to(END)
    live = Counter(a.rule for a in live_store.alerts())
    report = backtest(store, load_rules(dist), D1, END)
    assert live == Counter({name: t.alerts for name, t in report.rules.items() if t.alerts})


def test_format_report(store: SqliteStore, dist: District) -> None:
    text = format_report(backtest(store, load_rules(dist), D1, END))
    lines = text.splitlines()
    assert lines[0] == "Backtest 2024-05-06 00:00 → 2024-05-07 23:59 (Asia/Shanghai): 10 events, 1 flagged"
    assert any(line.split() == ["smoke_alarm", "1", "2"] for line in lines)
    assert any(line.split() == ["total", "8", "15"] for line in lines)
    assert any(line.split() == ["2024-05-07", "unregistered_opener", "0", "2"] for line in lines)


def test_empty_range_is_an_error(store: SqliteStore, dist: District) -> None:
    with pytest.raises(ValueError, match="empty"):
        backtest(store, load_rules(dist), END, D1)
