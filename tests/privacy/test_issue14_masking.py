"""Issue 14 item 7: alert ids carry no personal data, old-style ids are masked wherever they are shown, and
JSON read commands need a login once users exist and mask by role."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import orjson
import pytest

from cli import main
from sandbox_app.domain.alerts import Alert, Step
from sandbox_app.domain.dispatch import Dispatch, DispatchState, DispatchStep
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event
from sandbox_app.engine.alert_book import AlertBook, alert_id
from sandbox_app.engine.pipeline import Engine
from sandbox_app.privacy.mask import Masker, Viewer, mask_alert_id
from sandbox_app.privacy.users import Role, UserBook, fast_hasher
from sandbox_app.rules.base import Signal
from sandbox_app.store import open_store
from tests.replay import sample
from tests.replay.sample import T0
from tests.security.helpers import district

ID_NUMBER = "110101199003077777"
PLATE = "京A12345"
PASSWORD = "correct-horse-battery"
OLD_ID = f"face_watchlist:{ID_NUMBER}:{T0 + 6000}"


class Watchlist:
    """Raises an alert on the credential of every face pass, as face_gate does for unmatched faces."""

    name = "face_watchlist"
    kinds = frozenset({"face.pass"})

    def on_event(self, event: Event) -> Iterable[Signal]:
        return [Signal(self.name, str(event.data["face_id"]), "person", Severity.HIGH, event.ts)]

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        return ()


def test_alert_ids_hold_no_subject_and_stay_deterministic() -> None:
    for subject in (ID_NUMBER, PLATE, "13800138000", "测试甲"):
        ident = alert_id("face_watchlist", subject, T0)
        assert subject not in ident
        assert ident == alert_id("face_watchlist", subject, T0)  # replay and backtest parity
        assert ident.startswith("face_watchlist:") and ident.endswith(f":{T0}")
    assert alert_id("r", ID_NUMBER, T0) != alert_id("r", PLATE, T0)
    book = AlertBook()
    a = book.apply(Signal("plates", PLATE, "plate", Severity.LOW, T0))
    assert PLATE not in a.id and a.subject == PLATE


def test_engine_alert_id_from_a_credential(tmp_path: Path) -> None:
    store = open_store(tmp_path / "e.db")
    face = Event("f1", T0, "B1", "face.pass", data={"face_id": ID_NUMBER})
    Engine(store, district("B1", kind="face_gate"), [Watchlist()]).ingest([face])
    (alert,) = store.alerts()
    store.close()
    assert ID_NUMBER not in alert.id


def test_old_style_ids_are_masked() -> None:
    masked = mask_alert_id(OLD_ID)
    assert (
        ID_NUMBER not in masked
        and masked.startswith("face_watchlist:110")
        and masked.endswith("7777:" + str(T0 + 6000))
    )
    assert PLATE not in mask_alert_id(f"plates:{PLATE}:{T0}#2")
    new = alert_id("face_watchlist", ID_NUMBER, T0)
    assert mask_alert_id(new) == new
    officer = Masker(Viewer.OFFICER)
    assert officer.alert_id(f"device_offline:D1:{T0}", "device") == f"device_offline:D1:{T0}"
    assert Masker(Viewer.ADMIN, unmasked=True).alert_id(OLD_ID, "person") == OLD_ID
    shown = officer.alert_json(
        {"id": OLD_ID, "subject": ID_NUMBER, "subject_type": "person", "data": {"credential": ID_NUMBER}}
    )
    assert ID_NUMBER not in orjson.dumps(shown).decode()


def _old_alert() -> Alert:
    from tests.layers.sample import at

    lon, lat = at(-50, 50)
    return Alert(
        OLD_ID, "face_watchlist", ID_NUMBER, "person", Severity.HIGH, AlertState.OPEN, T0 + 6000, T0 + 6000,
        lon=lon, lat=lat, data={"face_id": ID_NUMBER},
        history=[Step(AlertState.OPEN, "engine", T0 + 6000)],
    )  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = sample.build(tmp_path / "m.db")
    store = open_store(path)
    store.upsert_alerts([_old_alert()])
    lon, lat = _old_alert().lon, _old_alert().lat
    issued = DispatchStep(DispatchState.ISSUED, "测试指挥员", T0 + 7000, f"face_watchlist {ID_NUMBER}")
    order = Dispatch("DP9", OLD_ID, "GU2", "T2", "测试指挥员", T0 + 7000, lon, lat, history=[issued])
    store.create_dispatch(order)
    store.close()
    return path


def _run(monkeypatch: pytest.MonkeyPatch, argv: list[str], stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def test_masked_case_csv_masks_an_old_style_alert_id(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for alert in (sample.ALERT_ID, OLD_ID):
        out = tmp_path / "case.csv"
        argv = ["case", "--db", str(db), "--alert", alert, "--csv", str(out), "--json", "--no-routing"]
        assert _run(monkeypatch, argv) == 0
        text = out.read_text(encoding="utf-8-sig") + capsys.readouterr().out
        assert "face_watchlist" in text and "dispatch.issued" in text  # the order's note names the subject
        assert ID_NUMBER not in text


def _users(db: Path) -> None:
    book = UserBook.open(db, hasher=fast_hasher())
    try:
        book.add("admin1", Role.ADMIN, PASSWORD, by="test")
        book.add("officer1", Role.OFFICER, PASSWORD, by="test")
        book.add("wall1", Role.WALL, PASSWORD, by="test")
    finally:
        book.close()


@pytest.mark.parametrize("command", [["alerts", "--json"], ["state", "--json", "--at", str(T0 + 60_000)]])
def test_json_reads_need_a_login_and_mask_by_role(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    argv = [*command, "--db", str(db)]
    assert _run(monkeypatch, argv) == 0  # no users yet: the demo reads as before
    assert ID_NUMBER in capsys.readouterr().out
    _users(db)
    assert _run(monkeypatch, argv) == 2
    assert "--user" in capsys.readouterr().err
    assert _run(monkeypatch, [*argv, "--user", "officer1"], "wrong password!!\n") == 2
    assert "refused" in capsys.readouterr().err
    for user in ("officer1", "wall1", "admin1"):
        assert _run(monkeypatch, [*argv, "--user", user], PASSWORD + "\n") == 0
        out = capsys.readouterr().out
        assert ID_NUMBER not in out and "face_watchlist" in out


def test_case_file_shows_the_alert_through_its_masker(db: Path) -> None:
    from sandbox_app.replay.casefile import build_case
    from sandbox_app.store.queries import Db

    store = open_store(db)
    district = store.load_district()
    store.close()
    assert district is not None
    conn = Db.open(str(db))
    try:
        case = build_case(conn, district, OLD_ID, masker=Masker(Viewer.OFFICER))
        whole = build_case(conn, district, OLD_ID, masker=Masker(Viewer.ANALYST, unmasked=True))
    finally:
        conn.conn.close()
    assert ID_NUMBER not in case.shown_id + case.shown_subject  # PDF title, window title, file name
    assert whole.shown_id == OLD_ID and whole.shown_subject == ID_NUMBER
