"""Recorded video on a Hikvision NVR: the case window's recordings found through ISAPI ContentMgmt/search
(paged, with digest auth) and the RTSP playback address for the window.

The responder answers with a CMSearchResult shaped like the devices' (ISAPI 2.0 schema, namespace, RTSP
playbackURI with the device's file name and size); ../shared/data has no search sample yet."""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from requests.auth import HTTPDigestAuth

from sandbox_app.video.nvr import (
    NvrError,
    parse_search,
    playback_url,
    search_body,
    search_recordings,
    track_of,
)

T0 = 1_714_550_400_000  # 2024-05-01T08:00:00Z
NS = "http://www.hikvision.com/ver20/XMLSchema"


def _item(track: int, start: str, end: str) -> str:
    a, b = (t.replace("-", "").replace(":", "") for t in (start, end))
    uri = (f"rtsp://admin:secret@192.0.2.10/Streaming/tracks/{track}/?starttime={a}"
           f"&amp;endtime={b}&amp;name=00000000123000000&amp;size=52428800")  # fmt: skip
    return (f"<searchMatchItem><sourceID>{{0000000000-0000-0000-0000-000000000000}}</sourceID>"
            f"<trackID>{track}</trackID><timeSpan><startTime>{start}</startTime><endTime>{end}</endTime></timeSpan>"
            f"<mediaSegmentDescriptor><contentType>video</contentType><codecType>H.264-BP</codecType>"
            f"<playbackURI>{uri}</playbackURI></mediaSegmentDescriptor></searchMatchItem>")  # fmt: skip


PAGES = [
    ("MORE", [_item(101, "2024-05-01T07:40:00Z", "2024-05-01T08:05:00Z")]),
    ("OK", [_item(101, "2024-05-01T08:05:00Z", "2024-05-01T08:30:00Z")]),
]


def _result(status: str, items: list[str]) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><CMSearchResult version="2.0" xmlns="{NS}">'
            f"<searchID>X</searchID><responseStatus>true</responseStatus>"
            f"<responseStatusStrg>{status}</responseStatusStrg><numOfMatches>{len(items)}</numOfMatches>"
            f"<matchList>{''.join(items)}</matchList></CMSearchResult>").encode()  # fmt: skip


class _Isapi(BaseHTTPRequestHandler):
    searches: ClassVar[list[ET.Element]] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        if "Authorization" not in self.headers:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Digest realm="DS", nonce="abc", qop="auth"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = self.rfile.read(int(self.headers["Content-Length"]))
        desc = ET.fromstring(body)
        self.searches.append(desc)
        position = int(desc.findtext(f"{{{NS}}}searchResultPostion") or 0)
        status, items = PAGES[min(position, len(PAGES) - 1)]
        out = _result(status, items)
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)


@pytest.fixture
def nvr() -> Iterator[str]:
    _Isapi.searches = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Isapi)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_search_finds_the_recordings_of_the_case_window(nvr: str) -> None:
    start, end = T0 - 30 * 60_000, T0 + 60 * 60_000
    found = search_recordings(nvr, track_of(1), start, end, auth=HTTPDigestAuth("admin", "secret"))
    assert [(r.track, r.start_ts, r.end_ts) for r in found] == [
        (101, T0 - 20 * 60_000, T0 + 5 * 60_000),
        (101, T0 + 5 * 60_000, T0 + 30 * 60_000),
    ]
    assert all(
        "secret" not in r.playback_uri and r.playback_uri.startswith("rtsp://192.0.2.10/") for r in found
    )
    first, second = _Isapi.searches
    assert first.findtext(f"{{{NS}}}trackList/{{{NS}}}trackID") == "101"
    assert first.findtext(f".//{{{NS}}}startTime") == "2024-05-01T07:30:00Z"
    assert first.findtext(f".//{{{NS}}}endTime") == "2024-05-01T09:00:00Z"
    assert second.findtext(f"{{{NS}}}searchResultPostion") == "1"  # the next page, same search
    assert first.findtext(f"{{{NS}}}searchID") == second.findtext(f"{{{NS}}}searchID")


def test_playback_address_and_parsing() -> None:
    assert playback_url("http://192.0.2.10:8000", 101, T0, T0 + 90_000) == (
        "rtsp://192.0.2.10:554/Streaming/tracks/101?starttime=20240501T080000Z&endtime=20240501T080130Z"
    )
    assert track_of(3, 2) == 302
    assert parse_search(_result("NO MATCHES", [])).recordings == []
    assert ET.fromstring(search_body(101, T0, T0 + 1000)).tag == f"{{{NS}}}CMSearchDescription"
    with pytest.raises(NvrError):
        parse_search(b"<ResponseStatus><statusCode>4</statusCode></ResponseStatus>")


def test_case_report_lists_the_recordings_of_covering_cameras(
    nvr: str, tmp_path: object, qapp: object
) -> None:
    from sandbox_app.replay.casefile import build_case
    from sandbox_app.store.queries import Db
    from sandbox_app.video.nvr import case_recordings
    from tests.layers.sample import small_district
    from tests.replay import sample
    from widgets.case_report import case_report

    district = small_district()
    district.devices["D4"].extra.update({"fov": 360, "range_m": 300, "nvr": nvr, "nvr_channel": 1})
    path = sample.build(tmp_path / "n.db")  # type: ignore[operator]
    db = Db.open(str(path))
    try:
        case = build_case(db, district, sample.ALERT_ID, radius_m=100)
    finally:
        db.conn.close()
    found, problems = case_recordings(
        district, case.lon, case.lat, case.start_ts, case.end_ts, auth=HTTPDigestAuth("admin", "secret")
    )
    assert problems == [] and [r.camera for r in found] == ["D4", "D4"]
    assert found[0].playback.endswith("starttime=20240501T074000Z&endtime=20240501T080500Z")
    case.recordings = found
    facts = [v for k, v in case_report(district, case).facts if k == "Recorded on the NVR"]
    assert len(facts) == 2 and facts[0].startswith(
        "路口, 2024-05-01 15:40:00 to 2024-05-01 16:05:00: rtsp://"
    )
    district.devices["D4"].extra["nvr"] = "http://127.0.0.1:9"  # nothing listens there
    found, problems = case_recordings(district, case.lon, case.lat, case.start_ts, case.end_ts)
    assert found == [] and problems and problems[0].startswith("D4: ")
