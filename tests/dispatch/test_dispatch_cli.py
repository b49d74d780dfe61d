"""`sandbox-app dispatch list|send|step` end to end on a small database: one alert, two guards."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from cli import main
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.privacy.audit import AuditLog
from sandbox_app.store.sqlite import SqliteStore
from tests.bridges.protocols.test_e2e import district

T0 = 1_700_000_000_000
ALERT = Alert(
    "smoke_alarm:B1:1", "smoke_alarm", "B1", "building", Severity.HIGH, AlertState.OPEN, T0, T0,
    lon=116.353, lat=40.004,
)  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "desk.db"
    store = SqliteStore(path)
    try:
        store.replace_district(district())
        store.upsert_alerts([ALERT])
    finally:
        store.close()
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_send_step_list_through_the_whole_lifecycle(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "dispatch", "send", "--db", db, "--alert", ALERT.id, "--guard", "GD001",
                         "--by", "cmdr-a", "--at", str(T0 + 1_000))  # fmt: skip
    assert code == 0, err
    sent = orjson.loads(out)
    did = sent["id"]
    assert (sent["guard_id"], sent["state"], sent["commander"], sent["issued_ts"]) == (
        "GD001", "issued", "cmdr-a", T0 + 1_000
    )  # fmt: skip
    assert sent["order_sent_ts"] is None  # no bridges here: a station desk sends it
    steps = [
        ("accepted", "GD001", ""),
        ("on_scene", "GD001", ""),
        ("handled", "GD001", "fire blanket"),
        ("feedback", "GD001", "all clear"),
        ("closed", "cmdr-a", ""),
    ]
    for n, (state, by, note) in enumerate(steps, start=2):
        code, out, err = run(capsys, "dispatch", "step", did, state, "--db", db, "--by", by, "--note", note,
                             "--at", str(T0 + n * 1_000))  # fmt: skip
        assert code == 0, err
        assert orjson.loads(out)["state"] == state
    code, out, _ = run(capsys, "dispatch", "list", "--db", db, "--json")
    (listed,) = orjson.loads(out)
    assert [(s["state"], s["actor"], s["ts"]) for s in listed["history"]] == [
        ("issued", "cmdr-a", T0 + 1_000),
        *[(state, by, T0 + n * 1_000) for n, (state, by, _) in enumerate(steps, start=2)],
    ]
    assert listed["feedback"] == "all clear"
    assert (listed["time_to_accept_s"], listed["time_to_arrive_s"], listed["time_to_close_s"]) == (1, 2, 5)
    assert orjson.loads(run(capsys, "dispatch", "list", "--db", db, "--active", "--json")[1]) == []
    code, out, _ = run(capsys, "dispatch", "list", "--db", db)
    assert out.startswith(f"{did}  closed    guard GD001  alert {ALERT.id}  by cmdr-a")
    store = SqliteStore(Path(db))
    try:
        alert = store.get_alert(ALERT.id)
        assert alert is not None and alert.state is AlertState.DISPATCHED
    finally:
        store.close()
    log = AuditLog.open(db)
    try:
        audited = [(e.actor, e.action, e.target) for e in log.entries() if e.action.startswith("dispatch.")]
        assert log.verify() is None
    finally:
        log.close()
    assert audited == [
        ("cmdr-a", "dispatch.issued", did),
        *[(by, f"dispatch.{state}", did) for state, by, _ in steps],
    ]


def test_a_busy_guard_is_refused_with_the_holder(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["dispatch", "send", "--db", db, "--alert", ALERT.id, "--guard", "GD002", "--at", str(T0 + 1_000)]
    code, out, _ = run(capsys, *base, "--by", "cmdr-a")
    assert code == 0
    holder = orjson.loads(out)["id"]
    code, out, err = run(capsys, *base, "--by", "cmdr-b")
    assert (code, out) == (2, "")
    assert f"guard GD002 is already on dispatch {holder} by cmdr-a" in err and f"(holder {holder})" in err
    code, out, err = run(capsys, *base[:-4], "--guard", "GD404", "--by", "cmdr-b")
    assert code == 2 and "no guard GD404" in err
    listed = orjson.loads(run(capsys, "dispatch", "list", "--db", db, "--active", "--json")[1])
    assert [d["id"] for d in listed] == [holder]


def test_a_bad_step_lists_the_allowed_ones(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "dispatch", "send", "--db", db, "--alert", ALERT.id, "--guard", "GD001",
                       "--by", "cmdr-a", "--at", str(T0))  # fmt: skip
    did = orjson.loads(out)["id"]
    code, out, err = run(capsys, "dispatch", "step", did, "handled", "--db", db, "--by", "GD001")
    assert (code, out) == (2, "")
    assert (
        f"dispatch {did} is issued; cannot go to handled; allowed next: accepted, cancelled, declined" in err
    )
    code, _, err = run(capsys, "dispatch", "step", did, "declined", "--db", db, "--by", "GD001")
    assert code == 2 and "declined needs a reason" in err
    code, _, err = run(capsys, "dispatch", "step", did, "cancelled", "--db", db, "--by", "cmdr-a",
                       "--note", "false alarm", "--at", str(T0 + 5))  # fmt: skip
    assert code == 0, err
    code, _, err = run(capsys, "dispatch", "step", did, "accepted", "--db", db, "--by", "GD001")
    assert code == 2 and "allowed next: none (it has ended)" in err
    code, _, err = run(capsys, "dispatch", "step", "D-nope", "accepted", "--db", db, "--by", "GD001")
    assert code == 2 and "no dispatch 'D-nope'" in err
