"""The phone page's server over real HTTP(S) (bridges/phone): enrolment and its refusals, a guard's own
order only, fixes through the tracker path (datum, validation), idempotent replies through the desk's
replies path, the event stream, TLS with the station's certificate, and the [phone] config rules.
(The page itself, in a real browser: test_phone_browser.py.)"""

from __future__ import annotations

import base64
import shutil
import sqlite3
import ssl
from pathlib import Path

import pytest
import requests

from sandbox_app.bridges.config import BridgeConfigError, load_bridges
from sandbox_app.bridges.phone.enrol import EnrolError
from sandbox_app.domain.dispatch import DispatchState
from sandbox_app.domain.distance import distance_m
from sandbox_app.domain.model import District
from sandbox_app.privacy.audit import AuditLog
from tests.bridges.phone.phone_station import PhoneStation, now_ms, write_phone_config
from tests.support import wait_until

S = DispatchState


def enrolled(station: PhoneStation, guard: str) -> requests.Session:
    code = station.enrol(guard)
    session = requests.Session()
    r = session.post(station.url + "api/enrol", json={"code": code.lower()[:5] + "-" + code[5:]}, timeout=5)
    assert r.status_code == 200, r.text
    assert r.json()["guard"] == guard
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    return session


def fix(lon: float, lat: float, ts: int | None = None) -> dict[str, object]:
    return {"coords": {"latitude": lat, "longitude": lon, "accuracy": 8}, "timestamp": ts or now_ms()}


def test_enrolment_is_one_time_and_a_revoked_token_is_refused(station: PhoneStation) -> None:
    code = station.enrol("GD001")
    anonymous = requests.Session()
    assert anonymous.get(station.url + "api/order", timeout=5).status_code == 401
    assert (
        anonymous.post(station.url + "api/enrol", json={"code": "WRONGCODE9"}, timeout=5).status_code == 403
    )
    phone = requests.Session()
    assert phone.post(station.url + "api/enrol", json={"code": code}, timeout=5).status_code == 200
    again = requests.Session()
    assert again.post(station.url + "api/enrol", json={"code": code}, timeout=5).status_code == 403  # spent
    order = phone.get(station.url + "api/order", timeout=5).json()
    assert order["guard"] == {"id": "GD001", "name": station.district.guards["GD001"].name}
    assert order["order"] is None
    station.revoke("GD001")
    assert phone.get(station.url + "api/order", timeout=5).status_code == 401
    assert phone.post(station.url + "api/fix", json=fix(116.35, 40.0), timeout=5).status_code == 401
    with AuditLog.open(station.db) as log:
        actions = [e.action for e in log.entries()]
        assert log.verify() is None
    assert actions[:4] == ["phone.enrol", "phone.refused", "phone.enrol_failed", "phone.enrolled"]
    assert "phone.revoke" in actions and actions[-1] == "phone.refused"
    with pytest.raises(EnrolError):
        station.enrol("GD-nobody")


def test_enrolment_attempts_are_rate_limited(station: PhoneStation) -> None:
    s = requests.Session()
    codes = [
        s.post(station.url + "api/enrol", json={"code": f"BAD{i}"}, timeout=5).status_code for i in range(7)
    ]
    assert codes[:5] == [403] * 5 and codes[5:] == [429, 429]


def test_a_fix_moves_the_guard_through_the_tracker_path(station: PhoneStation) -> None:
    phone = enrolled(station, "GD001")
    assert phone.post(station.url + "api/fix", json=fix(116.3501, 40.0012), timeout=5).status_code == 200
    wait_until(lambda: "GPS-00001" in station.store.last_fixes(now_ms() + 1000), 10, "the guard's fix stored")
    f = station.store.last_fixes(now_ms() + 1000)["GPS-00001"]
    assert (round(f.lon, 4), round(f.lat, 4)) == (116.3501, 40.0012)
    bad = phone.post(station.url + "api/fix", json=fix(116.35, 95.0), timeout=5)
    assert bad.status_code == 400 and "lat" in bad.json()["error"]
    assert station.phone.health.rejected >= 1


def test_a_fix_from_the_future_is_quarantined_and_a_gcj02_phone_is_converted(
    tmp_path: Path, demo: District
) -> None:
    """The tracker path's rules hold for phones: the intake quarantines a fix an hour ahead, and the
    section's datum is undone before anything is stored."""
    config = write_phone_config(tmp_path / "bridges.toml", 'datum = "gcj02"\n')
    station = PhoneStation(tmp_path / "station.db", config, demo)
    try:
        phone = enrolled(station, "GD001")
        ahead = now_ms() + 3_600_000
        assert (
            phone.post(station.url + "api/fix", json=fix(116.3501, 40.0012, ahead), timeout=5).status_code
            == 200
        )
        assert phone.post(station.url + "api/fix", json=fix(116.3501, 40.0012), timeout=5).status_code == 200
        wait_until(lambda: "GPS-00001" in station.store.last_fixes(now_ms() + 1000), 10, "the fix stored")
        f = station.store.last_fixes(now_ms() + 1000)["GPS-00001"]
        assert f.ts < ahead  # the future one moved nobody
        assert 400 < distance_m(f.lon, f.lat, 116.3501, 40.0012) < 700  # GCJ-02 undone (~550 m here)
        stored = station.store.events_between(0, ahead + 1)
        flagged = [e for e in stored if e.device == "GPS-00001" and e.data.get("quarantined")]
        assert len(flagged) == 1 and flagged[0].ts == ahead
    finally:
        station.close()


def test_a_one_call_order_rings_as_an_alarm_and_a_cancel_reaches_the_page(station: PhoneStation) -> None:
    phone = enrolled(station, "GD001")
    alert = station.alert_at(next(iter(station.district.buildings)))
    (d,) = station.desk.dispatch(alert, ["GD001"], "cmdr-a", now_ms(), mode="one_call").created
    order = phone.get(station.url + "api/order", timeout=5).json()["order"]
    assert (order["id"], order["alarm"], order["mode"]) == (d.id, True, "one_call")
    station.desk.report(d.id, S.CANCELLED, "cmdr-a", now_ms(), "误报")
    order = phone.get(station.url + "api/order", timeout=5).json()["order"]
    assert (order["state"], order["next"]) == ("cancelled", [])


def test_an_order_issued_before_the_phone_enrolled_shows_on_it(station: PhoneStation) -> None:
    alert = station.alert_at(next(iter(station.district.buildings)))
    d = station.dispatch(alert, "GD003")
    assert station.stored(d.id).order_sent_ts is None  # no path to the guard yet: the desk retries
    phone = enrolled(station, "GD003")
    assert phone.get(station.url + "api/order", timeout=5).json()["order"]["id"] == d.id


def test_a_guard_sees_only_their_own_order(station: PhoneStation) -> None:
    one, two = enrolled(station, "GD001"), enrolled(station, "GD002")
    alert = station.alert_at(next(iter(station.district.buildings)))
    d = station.dispatch(alert, "GD001", note="带灭火器")
    order = one.get(station.url + "api/order", timeout=5).json()["order"]
    assert order["id"] == d.id and order["state"] == "issued" and order["note"] == "带灭火器"
    assert order["what"] == "烟感报警"  # the desk's words for the rule, read from its .ts
    assert order["next"] == ["accepted", "declined"]
    assert two.get(station.url + "api/order", timeout=5).json()["order"] is None
    assert two.get(station.url + f"api/dispatch/{d.id}", timeout=5).status_code == 403
    assert one.get(station.url + f"api/dispatch/{d.id}", timeout=5).status_code == 200
    foreign = {"id": "reply-from-two-1", "dispatch_id": d.id, "state": "accepted", "ts": now_ms()}
    assert two.post(station.url + "api/reply", json=foreign, timeout=5).status_code == 403
    assert station.stored(d.id).state is S.ISSUED


def test_replies_are_idempotent_and_reach_the_store_as_mqtt_replies_do(station: PhoneStation) -> None:
    phone = enrolled(station, "GD001")
    alert = station.alert_at(next(iter(station.district.buildings)))
    d = station.dispatch(alert, "GD001")
    accept = {
        "id": "r-accept-0001",
        "dispatch_id": d.id,
        "state": "accepted",
        "ts": now_ms(),
        "guard": "GD002",
    }
    first = phone.post(station.url + "api/reply", json=accept, timeout=5)
    assert first.status_code == 202 and first.json()["status"] == "queued"
    retry = phone.post(station.url + "api/reply", json=accept, timeout=5)  # the page's retry
    assert retry.status_code == 200
    wait_until(lambda: station.stored(d.id).state is S.ACCEPTED, 10, "accepted in the store")
    for i, state in enumerate([S.ON_SCENE, S.HANDLED]):
        body = {"id": f"r-{state}-000{i}", "dispatch_id": d.id, "state": str(state), "ts": now_ms()}
        assert phone.post(station.url + "api/reply", json=body, timeout=5).status_code == 202

        def stepped(step: DispatchState = state) -> bool:
            return station.stored(d.id).step_ts(step) is not None

        wait_until(stepped, 10, str(state))
    jpeg = base64.b64encode(b"\xff\xd8\xff\xe0" + b"\0" * 100).decode()
    body = {
        "id": "r-feedback-01", "dispatch_id": d.id, "state": "feedback", "ts": now_ms(),
        "note": "已处置", "photo_data": "data:image/jpeg;base64," + jpeg,
    }  # fmt: skip
    assert phone.post(station.url + "api/reply", json=body, timeout=5).status_code == 202
    wait_until(lambda: station.stored(d.id).state is S.FEEDBACK, 10, "feedback in the store")
    stored = station.stored(d.id)
    assert [step.actor for step in stored.history[1:]] == ["GD001"] * 4
    assert stored.feedback == "已处置" and stored.photo is not None
    assert Path(stored.photo).read_bytes().startswith(b"\xff\xd8\xff")
    assert phone.post(station.url + "api/reply", json=accept, timeout=5).json()["status"] == "applied"
    stats = station.phone.stats
    assert (stats.replies, stats.applied, stats.rejected) == (4, 4, 0)
    not_image = dict(body, id="r-feedback-02", photo_data=base64.b64encode(b"GIF89a").decode())
    assert phone.post(station.url + "api/reply", json=not_image, timeout=5).status_code == 400


def test_the_event_stream_pushes_a_new_order(station: PhoneStation) -> None:
    phone = enrolled(station, "GD001")
    with phone.get(station.url + "api/events", stream=True, timeout=10) as stream:
        lines = stream.iter_lines(chunk_size=1, decode_unicode=True)
        assert next(lines) == "event: order"
        assert '"order":null' in next(lines)
        alert = station.alert_at(next(iter(station.district.buildings)))
        d = station.dispatch(alert, "GD001")
        seen = ""
        while "event: order" not in seen or d.id not in seen:
            seen += next(lines) + "\n"
        station.revoke("GD001")
        while "event: revoked" not in seen:
            seen += next(lines) + "\n"


def test_https_with_the_stations_certificate(tmp_path: Path, demo: District) -> None:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    from tests.security.test_tls import make_certs

    make_certs(tmp_path)
    (tmp_path / "server.key").chmod(0o600)
    config = write_phone_config(
        tmp_path / "bridges.toml", 'cert_file = "server.crt"\nkey_file = "server.key"\n'
    )
    station = PhoneStation(tmp_path / "station.db", config, demo)
    try:
        assert station.url.startswith("https://127.0.0.1:")
        page = requests.get(station.url, verify=str(tmp_path / "ca.crt"), timeout=5)
        assert page.status_code == 200 and "万家卫士" in page.text
        with pytest.raises(requests.exceptions.SSLError):
            requests.get(station.url, timeout=5)  # not trusted without the station's CA
        code = station.enrol("GD001")
        r = requests.post(
            station.url + "api/enrol", json={"code": code}, verify=str(tmp_path / "ca.crt"), timeout=5
        )
        assert r.status_code == 200 and "Secure" in r.headers["Set-Cookie"]
        with pytest.raises(requests.exceptions.ConnectionError):
            requests.get(station.url.replace("https", "http"), timeout=5)
    finally:
        station.close()
    assert ssl.OPENSSL_VERSION


def test_phone_config_refuses_plain_http_off_loopback(tmp_path: Path) -> None:
    path = tmp_path / "bridges.toml"
    path.write_text('[phone]\nhost = "0.0.0.0"\n', encoding="utf-8")
    with pytest.raises(
        BridgeConfigError, match=r"\[phone\] cert_file: plain HTTP is only allowed on loopback"
    ):
        load_bridges(path)
    path.write_text("[phone]\nfix_interval_s = 0\n", encoding="utf-8")
    with pytest.raises(BridgeConfigError, match="fix_interval_s"):
        load_bridges(path)
    path.write_text("[phone]\nport = 9443\nfix_interval_s = 60\n", encoding="utf-8")
    section = load_bridges(path).phone
    assert section is not None
    assert (section.listen.port, section.fix_interval_s, section.busy_fix_interval_s) == (9443, 60.0, 10.0)


def test_the_guis_live_session_keeps_enrolments_in_its_local_file(tmp_path: Path, demo: District) -> None:
    """`main.py --bridges` with [phone] and no `enrolment_file`: the station's local file, as `serve` picks it
    (`store.local_file`, one rule for the CLI and the GUI)."""
    from sandbox_app.engine.clock import WallClock
    from sandbox_app.station.live import LiveOptions, LiveSession
    from sandbox_app.store import local_file
    from sandbox_app.store.sqlite import SqliteStore

    assert local_file(tmp_path / "x.db") == str(tmp_path / "x.db")
    assert local_file("postgresql://h/db") is None and local_file("postgresql://h/db", "a.db") == "a.db"
    db = tmp_path / "station.db"
    config = write_phone_config(tmp_path / "bridges.toml")
    options = LiveOptions(simulate=False, bridges=config, local_file=Path(local_file(db) or ""))
    store = SqliteStore(db)
    try:
        bridges = LiveSession(demo, lambda: store, options, WallClock())._load_bridges(store)
        assert bridges is not None
        bridges.start()
        try:
            assert bridges.phone is not None
            tables = sqlite3.connect(db).execute("SELECT name FROM sqlite_master").fetchall()
            assert ("phone_enrolment",) in tables
        finally:
            bridges.stop()
    finally:
        store.close()


def test_the_wording_comes_from_the_desks_translation_file(tmp_path: Path) -> None:
    """One home for the words: the phone reads the .ts the desk is translated with; a message not yet
    translated reads as its English source; an unknown code reads as nothing, never as the code."""
    from sandbox_app.data.wording import load_wording, ts_names

    words = load_wording()
    assert (words.rule("smoke_alarm"), words.rule("fall_detected")) == ("烟感报警", "人员跌倒报警")
    assert words.rule("no_such_rule") == ""
    ts = tmp_path / "x.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?><TS version="2.1"><context><name>AlertsPanel</name>
        <message><source>Smoke alarm</source><extracomment>code smoke_alarm</extracomment>
        <translation type="unfinished"></translation></message>
        <message><source>Gas alarm</source><extracomment>code gas_alarm</extracomment>
        <translation>燃气报警</translation></message></context></TS>""",
        encoding="utf-8",
    )
    assert ts_names(ts, "AlertsPanel") == {"smoke_alarm": "Smoke alarm", "gas_alarm": "燃气报警"}
    assert ts_names(tmp_path / "missing.ts", "AlertsPanel") == {}


def test_an_order_for_a_110_incident_says_its_type(station: PhoneStation) -> None:
    from sandbox_app.domain.incidents import Incident, IncidentSource, IncidentType, Place

    phone = enrolled(station, "GD001")
    b = station.district.buildings[next(iter(station.district.buildings))]
    centre = b.footprint.representative_point()
    place = Place("测试路1号2栋", centre.x, centre.y)
    inc = Incident(
        id="INC-walk_in-1", type=IncidentType.FIRE, subtype="ebike", place=place, reported_ts=now_ms(),
        summary="楼道电动车冒烟", source=IncidentSource.WALK_IN, caller="13800001234",
    )  # fmt: skip
    station.store.add_incident(inc)
    (d,) = station.desk.dispatch(inc, ["GD001"], "cmdr-a", now_ms()).created
    order = phone.get(station.url + "api/order", timeout=5).json()["order"]
    assert (order["id"], order["what"], order["place"]) == (d.id, "火灾/电动车起火", "测试路1号2栋")
    assert order["summary"] == "楼道电动车冒烟"
