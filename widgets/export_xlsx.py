"""Response figures as stations report them: an XLSX workbook with one sheet per view.

Sheets: every incident (raised, incident, compound, who went, recorded ETA, nearest at the time, the times
from the alert to acknowledge, order, accept, arrival and close), then per day, per compound and per role
of the guard who went (count, mean and median of each time). Headers and names are in the interface
language (the monthly report is filed as written); times are seconds, as the desk records them. The
figures themselves come from `sandbox_app.replay.analytics` (one home for how they are computed).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from sandbox_app.domain.model import District
from sandbox_app.privacy.spreadsheet import Sheet, write_xlsx
from sandbox_app.replay.analytics import METRICS, Response, aggregate
from widgets.case_report import guard_text, incident_text
from widgets.texts import guard_role_text


def _metric_names() -> dict[str, str]:
    return {
        "ack_s": QCoreApplication.translate("ResponseSheet", "to acknowledge (s)"),
        "dispatch_s": QCoreApplication.translate("ResponseSheet", "to order (s)"),
        "accept_s": QCoreApplication.translate("ResponseSheet", "to accept (s)"),
        "arrive_s": QCoreApplication.translate("ResponseSheet", "to arrive (s)"),
        "close_s": QCoreApplication.translate("ResponseSheet", "to close (s)"),
    }


def write_responses_xlsx(district: District, rows: Sequence[Response], out: Path) -> dict[str, int]:
    """Write the workbook; returns rows per sheet title."""
    zone = ZoneInfo(district.timezone or "UTC")
    names = _metric_names()
    compound = {c.id: c.name for c in district.compounds.values()}
    sheets: list[Sheet] = []
    header = [
        QCoreApplication.translate("ResponseSheet", "Raised"),
        QCoreApplication.translate("ResponseSheet", "Incident"),
        QCoreApplication.translate("ResponseSheet", "Compound"),
        QCoreApplication.translate("ResponseSheet", "Guard who went"),
        QCoreApplication.translate("ResponseSheet", "Recorded ETA (s)"),
        QCoreApplication.translate("ResponseSheet", "Nearest at the time"),
        QCoreApplication.translate("ResponseSheet", "Nearest ETA (s)"),
        *(names[m] for m in METRICS),
    ]
    incidents = [
        [
            datetime.fromtimestamp(r.first_ts / 1000, tz=UTC).astimezone(zone).strftime("%Y-%m-%d %H:%M:%S"),
            incident_text(r.rule),
            compound.get(r.compound or "", "—"),
            guard_text(district, r.sent_guard),
            r.sent_eta_s,
            guard_text(district, r.nearest_guard),
            r.nearest_eta_s,
            *(getattr(r, m) for m in METRICS),
        ]
        for r in sorted(rows, key=lambda r: r.first_ts)
    ]
    counts = {}
    title = QCoreApplication.translate("ResponseSheet", "Incidents")
    sheets.append(Sheet(title, header, incidents))
    counts[title] = len(incidents)
    views = (
        (
            "day",
            QCoreApplication.translate("ResponseSheet", "By day"),
            QCoreApplication.translate("ResponseSheet", "Day"),
            lambda v: v,
        ),
        (
            "compound",
            QCoreApplication.translate("ResponseSheet", "By compound"),
            QCoreApplication.translate("ResponseSheet", "Compound"),
            compound.get,
        ),
        (
            "role",
            QCoreApplication.translate("ResponseSheet", "By role"),
            QCoreApplication.translate("ResponseSheet", "Role"),
            guard_role_text,
        ),
    )
    for by, sheet_title, key_name, label in views:
        head = [key_name, QCoreApplication.translate("ResponseSheet", "Alerts")]
        for m in METRICS:
            head += [
                QCoreApplication.translate("ResponseSheet", "{0}: count").format(names[m]),
                QCoreApplication.translate("ResponseSheet", "{0}: mean").format(names[m]),
                QCoreApplication.translate("ResponseSheet", "{0}: median").format(names[m]),
            ]
        table = []
        for g in aggregate(rows, by):
            key = g[by]
            shown = "—" if key == "—" else (label(key) or key)
            row: list[Any] = [shown, g["alerts"]]
            for m in METRICS:
                row += [g[f"{m}_n"], g[f"{m}_mean"], g[f"{m}_median"]]
            table.append(row)
        sheets.append(Sheet(sheet_title, head, table))
        counts[sheet_title] = len(table)
    write_xlsx(sheets, out)
    return counts
