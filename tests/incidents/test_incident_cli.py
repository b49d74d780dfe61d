"""`sandbox-app incident …` end to end on a small database: add, list, promote an alert, send, close."""

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
    "elderly_no_activity:R1:1", "elderly_no_activity", "R1", "room", Severity.HIGH, AlertState.OPEN, T0, T0,
    lon=116.353, lat=40.004,
)  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "desk.db"
    with SqliteStore(path) as store:
        store.replace_district(district())
        store.upsert_alerts([ALERT])
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_send_close(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "incident", "add", "--db", db, "--type", "纠纷", "--subtype", "邻里纠纷",
                         "--address", "测试路1号", "--lon", "116.353", "--lat", "40.004",
                         "--caller", "13800001234", "--summary", "楼上漏水", "--ref", "W1",
                         "--by", "officer-a", "--at", str(T0))  # fmt: skip
    assert code == 0, err
    added = orjson.loads(out)
    assert (added["id"], added["label"], added["caller"]) == (
        "INC-walk_in-W1",
        "纠纷/邻里纠纷",
        "138****1234",
    )
    code, out, err = run(capsys, "incident", "add", "--db", db, "--type", "dispute", "--address", "x",
                         "--ref", "W1", "--at", str(T0))  # fmt: skip
    assert code == 0 and "already recorded" in err

    code, out, err = run(capsys, "incident", "send", "INC-walk_in-W1", "--db", db, "--guard", "GD001",
                         "--by", "cmdr", "--at", str(T0 + 1000))  # fmt: skip
    assert code == 0, err
    (d,) = orjson.loads(out)
    assert (d["alert_id"], d["guard_id"], d["lon"]) == ("INC-walk_in-W1", "GD001", 116.353)

    code, out, err = run(capsys, "incident", "close", "INC-walk_in-W1", "--db", db, "--outcome", "mediated",
                         "--by", "cmdr", "--at", str(T0 + 9000))  # fmt: skip
    assert code == 0 and orjson.loads(out)["state"] == "closed"
    code, out, _ = run(capsys, "incident", "list", "--db", db, "--open")
    assert out == ""
    code, out, _ = run(capsys, "incident", "list", "--db", db)
    assert "INC-walk_in-W1  closed 纠纷/邻里纠纷  测试路1号  walk_in" in out
    with AuditLog.open(db) as log:
        actions = [e.action for e in log.entries()]
    assert actions == ["incident.created", "dispatch.issued", "incident.closed"]


def test_from_alert_and_clear_errors(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "incident", "from-alert", ALERT.id, "--db", db, "--by", "cmdr",
                         "--at", str(T0 + 5))  # fmt: skip
    assert code == 0, err
    made = orjson.loads(out)
    assert (made["type"], made["subtype"], made["source_ref"]) == ("help", "elderly", ALERT.id)
    code, _, err = run(capsys, "incident", "add", "--db", db, "--type", "riot", "--address", "x")
    assert code == 2 and "unknown incident type 'riot'" in err
    code, _, err = run(capsys, "incident", "add", "--db", db, "--type", "help")
    assert code == 2 and "needs an address or coordinates" in err
    code, _, err = run(capsys, "incident", "send", "INC-nope", "--db", db, "--guard", "GD001")
    assert code == 2 and "no incident 'INC-nope'" in err
