"""Recorded video on a Hikvision NVR (or camera with an SD card): which recordings cover a case window, and
the RTSP address that plays that window back.

ISAPI `POST /ISAPI/ContentMgmt/search` takes a `CMSearchDescription` (track, time span, page) and answers a
`CMSearchResult` with `searchMatchItem`s (track, time span, `playbackURI`); `responseStatusStrg` "MORE"
means another page. Tracks are numbered channel × 100 + stream (101 = channel 1, main stream). Playback is
`rtsp://host:554/Streaming/tracks/<track>?starttime=YYYYMMDDTHHMMSSZ&endtime=...` in UTC. Credentials
never go into an address that is printed or stored: the viewer asks for them (or the station's config
gives them) when it opens the stream.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

NS = "http://www.hikvision.com/ver20/XMLSchema"
SEARCH_PATH = "/ISAPI/ContentMgmt/search"
PAGE = 40
COVER_RADIUS_M = 500.0
"""A camera covers an incident within its own range (at most this): the view cone decides, not the
snapshot radius."""


@dataclass(frozen=True, slots=True)
class Recording:
    track: int
    start_ts: int
    end_ts: int
    playback_uri: str
    """As the device gives it (its own file name and size in the query), credentials stripped."""


@dataclass(frozen=True, slots=True)
class SearchPage:
    status: str
    """"OK", "MORE" or "NO MATCHES"."""
    recordings: list[Recording]

    @property
    def more(self) -> bool:
        return self.status.upper() == "MORE"


class NvrError(RuntimeError):
    """The device refused the search or answered something that is not a CMSearchResult."""


def track_of(channel: int, stream: int = 1) -> int:
    return channel * 100 + stream


def _isapi_time(ts: int) -> str:
    return datetime.fromtimestamp(ts / 1000, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _rtsp_time(ts: int) -> str:
    return datetime.fromtimestamp(ts / 1000, tz=UTC).strftime("%Y%m%dT%H%M%SZ")


def _parse_time(text: str) -> int:
    t = text.strip()
    parsed = datetime.fromisoformat(t.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)  # devices set to UTC omit the zone
    return round(parsed.timestamp() * 1000)


def search_body(
    track: int, start_ts: int, end_ts: int, position: int = 0, search_id: str | None = None
) -> bytes:
    """The `CMSearchDescription` for one page of recordings of `track` in [start_ts, end_ts]."""
    sid = search_id or str(uuid.uuid4()).upper()
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<CMSearchDescription version="2.0" xmlns="{NS}">'
        f"<searchID>{sid}</searchID><trackList><trackID>{track}</trackID></trackList>"
        f"<timeSpanList><timeSpan><startTime>{_isapi_time(start_ts)}</startTime>"
        f"<endTime>{_isapi_time(end_ts)}</endTime></timeSpan></timeSpanList>"
        f"<maxResults>{PAGE}</maxResults><searchResultPostion>{position}</searchResultPostion>"
        "<metadataList><metadataDescriptor>//recordType.meta.std-cgi.com</metadataDescriptor></metadataList>"
        "</CMSearchDescription>"
    ).encode()


def _strip_credentials(uri: str) -> str:
    parts = urlsplit(uri)
    if parts.username is None and parts.password is None:
        return uri
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return parts._replace(netloc=netloc).geturl()


def parse_search(body: bytes) -> SearchPage:
    """A `CMSearchResult` (with or without the namespace) → its status and recordings."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise NvrError(f"not XML: {exc}") from None

    def local(el: ET.Element) -> str:
        return el.tag.rsplit("}", 1)[-1]

    if local(root) != "CMSearchResult":
        raise NvrError(f"expected CMSearchResult, got {local(root)}")

    def find(el: ET.Element, name: str) -> ET.Element | None:
        return next((c for c in el.iter() if local(c) == name), None)

    def text(el: ET.Element, name: str) -> str:
        found = find(el, name)
        return (found.text or "").strip() if found is not None else ""

    status = text(root, "responseStatusStrg") or "OK"
    out = []
    for item in (c for c in root.iter() if local(c) == "searchMatchItem"):
        try:
            out.append(
                Recording(
                    int(text(item, "trackID") or 0),
                    _parse_time(text(item, "startTime")),
                    _parse_time(text(item, "endTime")),
                    _strip_credentials(text(item, "playbackURI")),
                )
            )
        except ValueError:
            continue  # one malformed item does not hide the others
    return SearchPage(status, out)


def search_recordings(
    base_url: str, track: int, start_ts: int, end_ts: int, *, auth: Any = None, session: Any = None,
    timeout_s: float = 10.0, max_pages: int = 25,
) -> list[Recording]:  # fmt: skip
    """Every recording of `track` overlapping [start_ts, end_ts] on the device at `base_url` (paged)."""
    import requests

    http = session or requests.Session()
    search_id = str(uuid.uuid4()).upper()
    found: list[Recording] = []
    for _ in range(max_pages):
        body = search_body(track, start_ts, end_ts, len(found), search_id)
        resp = http.post(
            base_url.rstrip("/") + SEARCH_PATH, data=body, auth=auth, timeout=timeout_s,
            headers={"Content-Type": "application/xml"},
        )  # fmt: skip
        if resp.status_code != 200:
            raise NvrError(f"search refused: HTTP {resp.status_code}")
        page = parse_search(resp.content)
        found += page.recordings
        if not page.more or not page.recordings:
            break
    return found


def playback_url(host_url: str, track: int, start_ts: int, end_ts: int, port: int = 554) -> str:
    """The RTSP address that plays `track` from start_ts to end_ts (no credentials in it)."""
    host = urlsplit(host_url if "://" in host_url else f"http://{host_url}").hostname or host_url
    return (
        f"rtsp://{host}:{port}/Streaming/tracks/{track}"
        f"?starttime={_rtsp_time(start_ts)}&endtime={_rtsp_time(end_ts)}"
    )


@dataclass(frozen=True, slots=True)
class CaseRecording:
    """A recording of a camera covering an incident, with the address that plays exactly the case window."""

    camera: str
    recording: Recording
    playback: str

    def to_json(self) -> dict[str, Any]:
        r = self.recording
        return {"camera": self.camera, "track": r.track, "start_ts": r.start_ts, "end_ts": r.end_ts,
                "playback": self.playback}  # fmt: skip


def env_auth() -> Any:
    """Digest auth for the NVRs from $SANDBOX_NVR_USER / $SANDBOX_NVR_PASSWORD, or None: the station's
    credentials never live in a package or an address (the CLI's `case --nvr` and the window's case file)."""
    import os

    user = os.environ.get("SANDBOX_NVR_USER")
    if not user:
        return None
    from requests.auth import HTTPDigestAuth

    return HTTPDigestAuth(user, os.environ.get("SANDBOX_NVR_PASSWORD", ""))


def has_nvr(district: Any) -> bool:
    """Whether any device names an NVR (`nvr` column): only then is a case's window searched."""
    return any(d.extra.get("nvr") for d in district.devices.values())


def case_recordings(
    district: Any,
    lon: float,
    lat: float,
    start_ts: int,
    end_ts: int,
    *,
    auth: Any = None,
    session: Any = None,
) -> tuple[list[CaseRecording], list[str]]:
    """Recordings of the cameras whose cone covers (lon, lat), from the NVR each names (`nvr` and
    `nvr_channel` in its extra columns); returns them and one problem line per device that failed."""
    from sandbox_app.video.cameras import cameras
    from sandbox_app.video.snapshots import cameras_covering

    out: list[CaseRecording] = []
    problems: list[str] = []
    for cam in cameras_covering(lon, lat, cameras(district), COVER_RADIUS_M):
        extra = district.devices[cam.id].extra
        url = extra.get("nvr")
        if not url:
            continue
        try:
            track = track_of(int(extra.get("nvr_channel") or 1))
            found = search_recordings(str(url), track, start_ts, end_ts, auth=auth, session=session)
        except Exception as exc:  # one unreachable NVR does not stop the report
            problems.append(f"{cam.id}: {exc}")
            continue
        for rec in found:
            a, b = max(rec.start_ts, start_ts), min(rec.end_ts, end_ts)
            if b > a:
                out.append(CaseRecording(cam.id, rec, playback_url(str(url), track, a, b)))
    return out, problems
