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


def test_propose_follows_the_plan_and_sends(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A fight on a 200 m street: the plan asks police 1, auxiliary 1, security 2; the stale security
    guard is not proposed, the missing auxiliary is reported, `--send` dispatches the rest."""
    from shapely.geometry import LineString

    from sandbox_app.domain.enums import GuardRole
    from sandbox_app.domain.events import Event
    from sandbox_app.domain.model import District, Guard, Road

    lon0, lat0 = 116.35, 40.0
    town = District("t", "Asia/Shanghai")
    town.roads["R1"] = Road("R1", "residential", LineString([(lon0, lat0), (lon0, lat0 + 0.002)]))
    people = [("P1", GuardRole.POLICE), ("S1", GuardRole.SECURITY), ("S2", GuardRole.SECURITY),
              ("S3", GuardRole.SECURITY), ("V1", GuardRole.VOLUNTEER)]  # fmt: skip
    for gid, role in people:
        town.guards[gid] = Guard(gid, f"测试{gid}", role, f"GPS-{gid}")
    path = tmp_path / "p.db"
    fixes = {"P1": (0.0015, T0), "S1": (0.0002, T0 - 900_000), "S2": (0.0005, T0), "S3": (0.001, T0),
             "V1": (0.0001, T0)}  # fmt: skip
    with SqliteStore(path) as store:
        store.replace_district(town)
        store.append_events(
            [Event(f"f-{g}", ts, f"GPS-{g}", "gps.fix", lon0, lat0 + dy) for g, (dy, ts) in fixes.items()]
        )
    db = str(path)
    code, out, err = run(capsys, "incident", "add", "--db", db, "--type", "治安", "--subtype", "打架斗殴",
                         "--lon", str(lon0), "--lat", str(lat0), "--ref", "F1", "--at", str(T0))  # fmt: skip
    assert code == 0, err
    code, out, err = run(capsys, "incident", "propose", "INC-walk_in-F1", "--db", db, "--at", str(T0 + 1000))
    assert code == 0, err
    shown = orjson.loads(out)
    assert shown["plan"]["key"] == "public_order.fight" and shown["plan"]["notify"] == ["120"]
    assert [c["guard"] for c in shown["proposed"]] == ["P1", "S2", "S3"]  # S1's fix is 15 min old
    assert shown["missing"] == {"auxiliary": 1} and shown["dispatched"] == []
    code, out, err = run(capsys, "incident", "propose", "INC-walk_in-F1", "--db", db, "--send",
                         "--by", "cmdr", "--at", str(T0 + 2000))  # fmt: skip
    assert code == 0, err
    assert len(orjson.loads(out)["dispatched"]) == 3
    code, out, err = run(capsys, "incident", "propose", "INC-walk_in-F1", "--db", db, "--at", str(T0 + 3000))
    assert orjson.loads(out)["proposed"] == []  # all of them are busy now


def test_an_address_of_the_district_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.layers.sample import small_district

    path = tmp_path / "a.db"
    with SqliteStore(path) as store:
        store.replace_district(small_district())
    db = str(path)
    code, out, err = run(capsys, "incident", "add", "--db", db, "--type", "help", "--address", "测试一区2幢")
    assert code == 0, err
    b2 = small_district().buildings["B2"].footprint.representative_point()
    shown = orjson.loads(out)
    assert (shown["lon"], shown["lat"]) == (b2.x, b2.y)
    code, out, err = run(capsys, "incident", "add", "--db", db, "--type", "help", "--address", "幢")
    assert code == 0 and orjson.loads(out)["lon"] is None
    assert "did you mean 测试一区1幢 (building B1)?" in err
