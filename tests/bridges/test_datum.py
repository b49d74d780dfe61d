"""Datums at the edge: a GCJ-02 or BD-09 position from a tracker bridge or a JSON event is stored in
WGS-84, checked against the published conversion vectors (../shared/data/coord_transform)."""

from __future__ import annotations

import csv
import json
import socket
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import requests

from sandbox_app.bridges.config import BridgeConfigError, load_bridges
from sandbox_app.bridges.gt06 import codec as gt06
from sandbox_app.bridges.gt06.server import Gt06Server
from sandbox_app.bridges.osmand.server import OsmAndServer
from sandbox_app.bridges.schema import decode_event, decode_lines
from sandbox_app.bridges.trackers.bridge import ListenSettings, TrackerDirectory
from sandbox_app.bridges.transport import Item
from sandbox_app.domain.events import Event, Rejection
from sandbox_app.engine.clock import WallClock
from sandbox_app.geo import crs

TOL = 2e-5
"""Degrees (~2 m): gcoord's vectors are rounded to 7 places and its inverses are one-step approximations."""


def cities(shared_data: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(
        (shared_data / "coord_transform" / "gcoord_china-cities.json").read_text(encoding="utf-8")
    )
    return data


def fix(lon: float, lat: float, **extra: Any) -> dict[str, Any]:
    return {
        "id": "f",
        "ts": 1_714_550_400_000,
        "device": "T1",
        "kind": "gps.fix",
        "lon": lon,
        "lat": lat,
        **extra,
    }


@pytest.mark.parametrize(("datum", "key"), [("gcj02", "GCJ02"), ("bd09", "BD09"), ("wgs84", "WGS84")])
def test_json_event_datum_converts_every_city(shared_data: Path, datum: str, key: str) -> None:
    for city in cities(shared_data):
        lon, lat = city["coords"][key]
        event = decode_event(json.dumps(fix(lon, lat, datum=datum)))
        assert isinstance(event, Event), event
        want = city["coords"]["WGS84"]
        assert (event.lon, event.lat) == pytest.approx((want[0], want[1]), abs=TOL), city["attrs"]["name"]


def test_json_event_datum_eviltransform_vectors(shared_data: Path) -> None:
    """GCJ-02 rows exactly; eviltransform's two BD-09 rows use a π variant of the Baidu formula (see
    tests/geo/test_crs.py), so those must match `crs.bd09_to_wgs84` and land within the same street."""
    with (shared_data / "coord_transform" / "eviltransform_vectors.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if row["kind"] == "wgs84_gcj02":  # the GCJ-02 side must come back to the WGS-84 side
            event = decode_event(fix(float(row["dst_lng"]), float(row["dst_lat"]), datum="gcj02"))
            want = (float(row["src_lng"]), float(row["src_lat"]))
            assert isinstance(event, Event)
            assert (event.lon, event.lat) == pytest.approx(want, abs=5e-6), row["note"]
        else:  # bd09_wgs84
            blon, blat = float(row["src_lng"]), float(row["src_lat"])
            event = decode_event(fix(blon, blat, datum="bd09"))
            assert isinstance(event, Event)
            assert (event.lon, event.lat) == pytest.approx(crs.bd09_to_wgs84(blon, blat), abs=1e-7)
            assert (event.lon, event.lat) == pytest.approx(
                (float(row["dst_lng"]), float(row["dst_lat"])), abs=5e-4
            )


def test_json_event_datum_on_every_decoding_path() -> None:
    """The fast paths (typed JSON, JSON Lines in one call, a mapping) must not drop the key."""
    gcj = (114.022306, 33.0115324)  # 驻马店 GCJ-02; WGS-84 is 114.0164322, 33.0133556
    line = json.dumps(fix(*gcj, datum="gcj02"))
    plain = json.dumps(fix(*gcj) | {"id": "g"})
    for got in (
        decode_event(line),
        decode_event(line.encode()),
        decode_event(fix(*gcj, datum="gcj02")),
        decode_lines([plain, line], 1)[1],
        decode_lines([plain.encode(), line.encode()], 1)[1],
    ):
        assert isinstance(got, Event) and (got.lon, got.lat) == pytest.approx(
            (114.0164322, 33.0133556), abs=TOL
        )
    assert decode_lines([plain], 1)[0] == decode_event(fix(*gcj) | {"id": "g"})  # no datum: as sent


@pytest.mark.parametrize("bad", ["GCJ-02", "cgcs2000", 3, ""])
def test_json_event_unknown_datum_is_rejected(bad: object) -> None:
    got = decode_event(fix(114.0, 33.0, datum=bad))
    assert isinstance(got, Rejection) and "datum" in got.reason


def test_json_event_datum_without_position_is_fine() -> None:
    event = decode_event(
        {"id": "d", "ts": 1_714_550_400_000, "device": "D1", "kind": "door.open", "datum": "bd09"}
    )
    assert isinstance(event, Event) and event.lon is None


# tracker bridge sections -----------------------------------------------------------------------------------
def test_tracker_sections_take_a_datum(tmp_path: Path) -> None:
    path = tmp_path / "bridges.toml"
    path.write_text('[osmand]\ndatum = "gcj02"\n[jt808]\ndatum = "bd09"\n[gt06]\n', encoding="utf-8")
    config = load_bridges(path)
    assert config.osmand is not None and config.osmand.datum == "gcj02"
    assert config.jt808 is not None and config.jt808.datum == "bd09"
    assert config.gt06 is not None and config.gt06.datum == "wgs84"
    path.write_text('[gt06]\ndatum = "mars"\n', encoding="utf-8")
    with pytest.raises(BridgeConfigError) as info:
        load_bridges(path)
    assert info.value.key == "datum" and "wgs84, gcj02, bd09" in str(info.value)


def test_osmand_phone_in_gcj02_is_stored_in_wgs84() -> None:
    got: list[Item] = []

    def sink(items: Sequence[Item]) -> None:
        got.extend(items)

    settings = ListenSettings(host="127.0.0.1", port=0, datum="gcj02")
    server = OsmAndServer(settings, TrackerDirectory({"phone1": "T1"}), sink, WallClock())
    server.start()
    try:
        host, port = server.address
        url = f"http://{host}:{port}/?id=phone1&lat=33.0115324&lon=114.022306&timestamp=1714550400"
        assert requests.get(url, timeout=5).status_code == 200
    finally:
        server.stop()
    [event] = [e for e in got if isinstance(e, Event)]
    assert (event.lon, event.lat) == pytest.approx((114.0164322, 33.0133556), abs=TOL)


def test_gt06_tracker_in_bd09_is_stored_in_wgs84() -> None:
    got: list[Item] = []

    def sink(items: Sequence[Item]) -> None:
        got.extend(items)

    bd = (114.0287781, 33.0176697)
    gps = (
        bytes.fromhex("180501080000c9")
        + round(bd[1] * 1_800_000).to_bytes(4, "big")
        + round(bd[0] * 1_800_000).to_bytes(4, "big")
        + bytes.fromhex("001400")
    )
    settings = ListenSettings(host="127.0.0.1", port=0, datum="bd09")
    server = Gt06Server(settings, TrackerDirectory({"358000000000001": "T1"}), sink, WallClock())
    server.start()
    try:
        with socket.create_connection(server.address, timeout=5) as sock:
            sock.sendall(gt06.encode_packet(gt06.LOGIN, 1, bytes.fromhex("0358000000000001")))
            assert sock.recv(64) == gt06.encode_response(gt06.LOGIN, 1)
            sock.sendall(
                gt06.encode_packet(gt06.ALARM, 2, gps + bytes.fromhex("0901cc00286d000f4d0004030102"))
            )
            assert sock.recv(64) == gt06.encode_response(gt06.ALARM, 2)
    finally:
        server.stop()
    [event] = [e for e in got if isinstance(e, Event) and e.kind == "gps.fix"]
    assert (event.lon, event.lat) == pytest.approx((114.0164322, 33.0133556), abs=TOL)
    assert event.data["alarms"] == ["sos"]
