"""Closing an alert records a structured outcome (处置结果): domain, CLI `close --outcome`, counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox_app.analytics.stats import outcome_counts
from sandbox_app.domain.alerts import Alert, CloseOutcome, TransitionError
from sandbox_app.domain.enums import AlertState, Severity
from tests.cli.test_cli import T0, S, _ingest, _run, db, demo_db

__all__ = ["db", "demo_db"]


def _resolved(aid: str) -> Alert:
    return Alert(aid, "smoke_alarm", "D1", "device", Severity.HIGH, AlertState.RESOLVED, T0, T0)


def test_outcome_is_stored_on_close_and_counted() -> None:
    a, b, c = _resolved("a"), _resolved("b"), _resolved("c")
    a.advance(AlertState.CLOSED, "值班员A", T0 + S, "cooking smoke", CloseOutcome.FALSE_ALARM)
    b.advance(AlertState.CLOSED, "值班员A", T0 + S, "water leak", CloseOutcome.TO_PROPERTY)
    c.advance(AlertState.CLOSED, "值班员A", T0 + S, "old record")  # closed before outcomes existed
    assert a.data["outcome"] == "false_alarm" and "outcome" not in c.data
    counts = outcome_counts([a, b, c, _resolved("open")])
    assert counts[CloseOutcome.FALSE_ALARM] == 1 and counts[CloseOutcome.TO_PROPERTY] == 1
    assert sum(counts.values()) == 2 and set(counts) == set(CloseOutcome)
    with pytest.raises(TransitionError):
        _resolved("d").advance(AlertState.RESOLVED, "x", T0, "", CloseOutcome.HANDLED)


def test_cli_close_takes_an_outcome(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _ingest(capsys, db, tmp_path)
    [button] = [a for a in _run(capsys, "alerts", "--db", str(db), "--json") if a["rule"] == "alarm_button"]
    aid = button["id"]
    for step in ("ack", "resolve"):
        _run(capsys, "alert", aid, step, "--by", "值班员A", "--db", str(db))
    out = _run(
        capsys, "alert", aid, "close", "--by", "值班员B", "--note", "child pressed it\nparents told",
        "--outcome", "false_alarm", "--db", str(db),
    )  # fmt: skip
    assert out["state"] == "closed" and out["data"]["outcome"] == "false_alarm"
    [stored] = [a for a in _run(capsys, "alerts", "--db", str(db), "--json") if a["id"] == aid]
    assert stored["data"]["outcome"] == "false_alarm"
    assert stored["history"][-1]["note"] == "child pressed it\nparents told"
