"""A case file in words: the report a station files (事件档案 / 警情处置报告), in the interface language.

`case_report` turns a `CaseFile` (facts: ids, codes, epoch times) into a `Report` (titles, labelled summary
rows, tables of text and picture paths); the PDF (`widgets/export_pdf.py`) and the Word file
(`widgets/export_docx.py`) only lay it out, so both say exactly the same. No raw code reaches a report:
rules, states, roles and event kinds go through the shared tables in `widgets/texts.py`, times are local
without milliseconds, durations read "1 min 25 s". Personal data comes masked from the case file already.

Texts are `QCoreApplication.translate("CaseReport", ...)` literally at each call so lupdate extracts them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QTranslator

from sandbox_app.domain.model import District
from sandbox_app.replay.casefile import CaseFile
from sandbox_app.replay.entries import Entry
from sandbox_app.replay.report import evidence, safe_file_name
from widgets.headless import ensure_gui_app
from widgets.texts import (
    RULES,
    alert_state_text,
    device_kind_text,
    dispatch_state_text,
    event_kind_text,
    guard_role_text,
    rule_text,
    severity_text,
)


@contextmanager
def report_language(lang: str) -> Iterator[None]:
    """`lang` ("zh_CN", "en") installed for reports written headless (the CLI, on an offscreen app) while
    inside; the application's own translators are left as they were afterwards."""
    from widgets.i18n import install_translators, remove_translators

    ensure_gui_app()
    app = QCoreApplication.instance()
    assert app is not None
    ours: list[QTranslator] = install_translators(app, lang)
    try:
        yield
    finally:
        remove_translators(app, ours)


@dataclass(slots=True)
class Table:
    title: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    pictures: list[tuple[str, str]] = field(default_factory=list)
    """(snapshot path, caption: its time) shown as thumbnails under the table."""


@dataclass(slots=True)
class Report:
    title: str
    station: str
    """The header line of every page: district and document kind."""
    facts: list[tuple[str, str]]
    """The summary: label, value."""
    course: Table
    """The course of the incident: the alert's steps and the orders' steps, in time order."""
    appendix: list[Table]
    left_out: int
    """Heartbeats and routine fixes not listed (0 with --all)."""
    number: str = ""
    """The case number: local date-time of the alert and a short digest of its id (no codes, no colons)."""
    record: str = ""
    """The alert's id in the system (as this viewer may see it), printed once at the end for tracing."""
    snapshot: str | None = None
    file_stem: str = "case"


def incident_text(rule: str) -> str:
    """The rule in words; a rule without a name yet reads "alert", never its code."""
    return rule_text(rule) if rule in RULES else QCoreApplication.translate("CaseReport", "Alert")


def when(ts: int, timezone: str) -> str:
    local = datetime.fromtimestamp(ts / 1000, tz=UTC).astimezone(ZoneInfo(timezone or "UTC"))
    return local.strftime(QCoreApplication.translate("CaseReport", "%Y-%m-%d %H:%M:%S"))


def clock(ts: int, timezone: str) -> str:
    local = datetime.fromtimestamp(ts / 1000, tz=UTC).astimezone(ZoneInfo(timezone or "UTC"))
    return local.strftime("%H:%M:%S")


def span(seconds: float | None) -> str:
    """A duration as a person writes it: "45 s", "1 min 25 s", "2 h 5 min"; "—" when unknown."""
    if seconds is None:
        return "—"
    s = max(0, round(seconds))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    if h:
        return QCoreApplication.translate("CaseReport", "{0} h {1} min").format(h, m)
    if m:
        return QCoreApplication.translate("CaseReport", "{0} min {1} s").format(m, sec)
    return QCoreApplication.translate("CaseReport", "{0} s").format(sec)


def address(case: CaseFile) -> str:
    """The standard address: compound, building, entrance, room (what the station's records key on)."""
    p = case.place
    parts = []
    if p.compound:
        parts.append(p.compound)
    if p.building:
        parts.append(p.building)
    if p.entrance:
        parts.append(QCoreApplication.translate("CaseReport", "entrance {0}").format(p.entrance))
    if p.room:
        parts.append(QCoreApplication.translate("CaseReport", "room {0}").format(p.room))
    if p.device:
        parts.append(p.device)
    return QCoreApplication.translate("CaseReport", ", ").join(parts) if parts else "—"


def subject_text(district: District, case: CaseFile) -> str:
    a = case.alert
    if a.subject_type == "room":
        return QCoreApplication.translate("CaseReport", "room {0}").format(
            case.place.room or case.shown_subject
        )
    if a.subject_type == "guard" and a.subject in district.guards:
        g = district.guards[a.subject]
        return f"{g.name} ({guard_role_text(g.role)})"
    if a.subject_type == "person" and a.subject in district.people:
        return case.masker.name(district.people[a.subject].name)
    if a.subject_type == "device" and a.subject in district.devices:
        d = district.devices[a.subject]
        return f"{d.name} ({device_kind_text(d.kind)})"
    if a.subject_type == "building" and a.subject in district.buildings:
        return district.buildings[a.subject].name
    if a.subject_type == "compound" and a.subject in district.compounds:
        return district.compounds[a.subject].name
    return case.shown_subject


def guard_text(district: District, guard_id: str | None) -> str:
    if not guard_id:
        return "—"
    g = district.guards.get(guard_id)
    return f"{g.name} ({guard_role_text(g.role)})" if g is not None else guard_id


def actor_text(district: District, actor: str) -> str:
    """Who did a step: a guard by name, the rule engine in words, a desk user as recorded."""
    if actor == "engine":
        return QCoreApplication.translate("CaseReport", "system")
    g = district.guards.get(actor)
    return g.name if g is not None else actor


def _facts(district: District, case: CaseFile) -> list[tuple[str, str]]:
    a, tz, r = case.alert, case.timezone, case.response
    facts = [
        (QCoreApplication.translate("CaseReport", "Incident"), incident_text(a.rule)),
        (QCoreApplication.translate("CaseReport", "Severity"), severity_text(a.severity)),
        (QCoreApplication.translate("CaseReport", "Concerning"), subject_text(district, case)),
        (QCoreApplication.translate("CaseReport", "Address"), address(case)),
        (QCoreApplication.translate("CaseReport", "Raised"), when(a.first_ts, tz)),
        (QCoreApplication.translate("CaseReport", "Status"), alert_state_text(a.state)),
    ]
    if a.count > 1:
        facts.append(
            (
                QCoreApplication.translate("CaseReport", "Signals"),
                QCoreApplication.translate("CaseReport", "{0} times, last at {1}").format(
                    a.count, when(a.last_ts, tz)
                ),
            )
        )
    for d in case.dispatches:
        arrived = d.on_scene_ts
        real = (
            span((arrived - d.issued_ts) / 1000)
            if arrived is not None
            else QCoreApplication.translate("CaseReport", "did not arrive")
        )
        facts.append(
            (
                QCoreApplication.translate("CaseReport", "Handled by"),
                QCoreApplication.translate(
                    "CaseReport", "{0}, ordered {1} by {2}; recorded ETA {3}, arrived after {4}"
                ).format(
                    guard_text(district, d.guard_id),
                    clock(d.issued_ts, tz),
                    d.commander,
                    span(d.eta_s),
                    real,
                ),
            )
        )
    if not case.dispatches:
        facts.append(
            (
                QCoreApplication.translate("CaseReport", "Handled by"),
                QCoreApplication.translate("CaseReport", "no order was sent"),
            )
        )
    if r is not None:
        facts.append(
            (
                QCoreApplication.translate("CaseReport", "Response"),
                QCoreApplication.translate(
                    "CaseReport",
                    "acknowledged after {0}, order after {1}, on scene after {2}, closed after {3}",
                ).format(span(r.ack_s), span(r.dispatch_s), span(r.arrive_s), span(r.close_s)),
            )
        )
        if r.nearest_guard:
            facts.append(
                (
                    QCoreApplication.translate("CaseReport", "Nearest at the time"),
                    QCoreApplication.translate("CaseReport", "{0}, ETA {1}").format(
                        guard_text(district, r.nearest_guard), span(r.nearest_eta_s)
                    ),
                )
            )
    facts.extend(_video_facts(district, case))
    c = case.closing
    if c is not None:
        facts.append(
            (QCoreApplication.translate("CaseReport", "Outcome"), c.outcome or alert_state_text(c.state))
        )
        facts.append((QCoreApplication.translate("CaseReport", "Note"), c.note or "—"))
        facts.append(
            (
                QCoreApplication.translate("CaseReport", "Closed"),
                QCoreApplication.translate("CaseReport", "{0} by {1}").format(
                    when(c.ts, tz), actor_text(district, c.actor)
                ),
            )
        )
    return facts


def _video_facts(district: District, case: CaseFile) -> list[tuple[str, str]]:
    """The cameras whose view covers the incident, and the clips recorded for the alert (with their hash,
    which the audit log holds too)."""
    from sandbox_app.video.cameras import cameras
    from sandbox_app.video.nvr import COVER_RADIUS_M
    from sandbox_app.video.snapshots import cameras_covering

    def name(device_id: str) -> str:
        d = district.devices.get(device_id)
        return d.name if d is not None else device_id

    out = []
    covering = cameras_covering(case.lon, case.lat, cameras(district), COVER_RADIUS_M)
    if covering:
        out.append(
            (
                QCoreApplication.translate("CaseReport", "Cameras covering"),
                QCoreApplication.translate("CaseReport", ", ").join(name(c.id) for c in covering),
            )
        )
    clips = case.alert.data.get("clips")
    for clip in clips if isinstance(clips, list) else []:
        if not isinstance(clip, dict):
            continue
        out.append(
            (
                QCoreApplication.translate("CaseReport", "Video evidence"),
                QCoreApplication.translate("CaseReport", "{0}, {1} to {2}, file {3}, SHA-256 {4}").format(
                    name(str(clip.get("camera", ""))),
                    clock(int(clip.get("start_ts", 0)), case.timezone),
                    clock(int(clip.get("end_ts", 0)), case.timezone),
                    Path(str(clip.get("path", ""))).name,
                    str(clip.get("sha256", "")),
                ),
            )
        )
    for rec in case.recordings:
        out.append(
            (
                QCoreApplication.translate("CaseReport", "Recorded on the NVR"),
                QCoreApplication.translate("CaseReport", "{0}, {1} to {2}: {3}").format(
                    name(rec.camera),
                    when(max(rec.recording.start_ts, case.start_ts), case.timezone),
                    when(min(rec.recording.end_ts, case.end_ts), case.timezone),
                    rec.playback,
                ),
            )
        )
    return out


def _course(district: District, case: CaseFile) -> Table:
    tz = case.timezone
    steps: list[tuple[int, list[str]]] = []
    for s in case.alert.history:
        steps.append(
            (
                s.ts,
                [
                    when(s.ts, tz),
                    QCoreApplication.translate("CaseReport", "alert {0}").format(alert_state_text(s.state)),
                    actor_text(district, s.actor),
                    s.note,
                ],
            )
        )
    for d in case.dispatches:
        who = guard_text(district, d.guard_id)
        for st in d.history:
            steps.append(
                (
                    st.ts,
                    [
                        when(st.ts, tz),
                        f"{who}: {dispatch_state_text(st.state)}",
                        actor_text(district, st.actor),
                        st.note,
                    ],
                )
            )
    steps.sort(key=lambda t: t[0])
    return Table(
        QCoreApplication.translate("CaseReport", "Course of the incident"),
        [
            QCoreApplication.translate("CaseReport", "Time"),
            QCoreApplication.translate("CaseReport", "Step"),
            QCoreApplication.translate("CaseReport", "By"),
            QCoreApplication.translate("CaseReport", "Note"),
        ],
        [s for _, s in steps],
    )


def _source_title(district: District, source: str) -> str:
    d = district.devices.get(source)
    if d is not None:
        return f"{d.name} ({device_kind_text(d.kind)})"
    g = district.guards.get(source)
    if g is not None:
        return guard_text(district, source)
    return QCoreApplication.translate("CaseReport", "Other records")


def _appendix(district: District, case: CaseFile, include_all: bool) -> tuple[list[Table], int]:
    """Device records grouped by device; the alert's and orders' own steps are in the course table."""
    own = {case.shown_id, *(d.id for d in case.dispatches)}
    rows: list[Entry] = [e for e in case.entries if not e.kind.startswith(("alert.", "dispatch."))]
    others = [e for e in case.entries if e.kind.startswith(("alert.", "dispatch.")) and e.source not in own]
    groups = evidence(rows, include_all=include_all)
    left_out = len(rows) - sum(len(v) for v in groups.values())
    tz = case.timezone
    tables = []
    for source in sorted(groups, key=lambda s: (groups[s][0].ts, s)):
        entries = groups[source]
        table = Table(
            _source_title(district, source),
            [
                QCoreApplication.translate("CaseReport", "Time"),
                QCoreApplication.translate("CaseReport", "Record"),
                QCoreApplication.translate("CaseReport", "Detail"),
            ],
            [[when(e.ts, tz), event_kind_text(e.kind), _detail(district, e)] for e in entries],
            [(e.media, clock(e.ts, tz)) for e in entries if e.media],
        )
        tables.append(table)
    if others:
        tables.append(
            Table(
                QCoreApplication.translate("CaseReport", "Other alerts nearby"),
                [
                    QCoreApplication.translate("CaseReport", "Time"),
                    QCoreApplication.translate("CaseReport", "Record"),
                    QCoreApplication.translate("CaseReport", "Detail"),
                ],
                [
                    [when(e.ts, tz), QCoreApplication.translate("CaseReport", "alert or order step"), e.text]
                    for e in others
                ],
            )
        )
    return tables, left_out


def _detail(district: District, e: Entry) -> str:
    """The entry's text without the device name the group title already gives, and with the few English
    words `entries.Describer` writes (it serves CSV too, which stays as it is) put in the report's words."""
    d = district.devices.get(e.source)
    text = e.text
    if d is not None and text.startswith(f"{d.name}: "):
        text = text[len(d.name) + 2 :]
    elif d is not None and text == d.name:
        text = ""
    words = {
        " WATCHLIST": " " + QCoreApplication.translate("CaseReport", "(watch-listed)"),
        "unknown person": QCoreApplication.translate("CaseReport", "unknown person"),
        "tag ": QCoreApplication.translate("CaseReport", "tag "),
    }
    for english, local in words.items():
        text = text.replace(english, local)
    for direction, local in (
        (" in", QCoreApplication.translate("CaseReport", " (in)")),
        (" out", QCoreApplication.translate("CaseReport", " (out)")),
    ):
        if text.endswith(direction):
            text = text[: -len(direction)] + local
    return text


def case_number(case: CaseFile) -> str:
    """ "20240501-160005-3fa2c1": when (local) and six hex digits of the id's digest, stable per alert."""
    local = datetime.fromtimestamp(case.alert.first_ts / 1000, tz=UTC).astimezone(
        ZoneInfo(case.timezone or "UTC")
    )
    digest = hashlib.sha256(case.alert.id.encode()).hexdigest()[:6]
    return f"{local:%Y%m%d-%H%M%S}-{digest}"


def case_file_stem(case: CaseFile) -> str:
    """The report's file name without extension: "警情处置报告_20240501-160005-3fa2c1"."""
    return safe_file_name(
        QCoreApplication.translate("CaseReport", "incident report {0}").format(case_number(case))
    )


def case_report(district: District, case: CaseFile, *, include_all: bool = False) -> Report:
    """The report of `case` in the installed interface language."""
    appendix, left_out = _appendix(district, case, include_all)
    snapshot = case.alert.data.get("snapshot")
    number = case_number(case)
    return Report(
        title=QCoreApplication.translate("CaseReport", "Incident report: {0}").format(
            incident_text(case.alert.rule)
        ),
        station=QCoreApplication.translate(
            "CaseReport", "{0} community police office · incident report"
        ).format(case.district),
        facts=[(QCoreApplication.translate("CaseReport", "Case number"), number), *_facts(district, case)],
        course=_course(district, case),
        appendix=appendix,
        left_out=left_out,
        number=number,
        record=case.shown_id,
        snapshot=snapshot if isinstance(snapshot, str) and snapshot else None,
        file_stem=case_file_stem(case),
    )
