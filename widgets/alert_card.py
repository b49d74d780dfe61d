"""The alert card of the Details panel: what happened, where, when, and who is nearest.

Built from the alert, the district (`widgets.alert_place`) and the dispatch panel's candidates; the panel's
own wording functions (rule, severity, time, role, travel mode) are passed in so one text has one home.
Texts are looked up under the "AlertCard" context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from sandbox_app.dispatch.nearest import Candidate
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.model import District
from widgets.alert_place import place_of, subject_text
from widgets.dispatch_panel import minutes_seconds
from widgets.texts import guard_role_text, severity_text

NEAREST_SHOWN = 3
"""Guards listed on the card; the dispatch panel lists the rest."""
Row = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Card:
    title: str
    rows: list[Row]
    snapshot: str
    """Path of the camera snapshot, "" when there is none."""


def alert_card(
    district: District,
    alert: Alert,
    rule_text: Callable[[str], str],
    time_text: Callable[[int], str],
    state_text: Callable[[object], str],
    mode_text: Callable[[str], str],
    candidates: Sequence[Candidate],
) -> Card:
    place = place_of(district, alert)
    rows: list[Row] = [
        (QCoreApplication.translate("AlertCard", "Warning type"), rule_text(alert.rule)),
        (QCoreApplication.translate("AlertCard", "Level"), severity_text(alert.severity)),
        (QCoreApplication.translate("AlertCard", "State"), state_text(alert.state)),
        (QCoreApplication.translate("AlertCard", "Compound"), place.compound or "—"),
        (QCoreApplication.translate("AlertCard", "Building"), place.building or "—"),
        (QCoreApplication.translate("AlertCard", "Unit and room"), place.unit or "—"),
        (QCoreApplication.translate("AlertCard", "Standard address"), place.address or "—"),
        (QCoreApplication.translate("AlertCard", "Device"), place.device or "—"),
        (QCoreApplication.translate("AlertCard", "First"), time_text(alert.first_ts)),
        (QCoreApplication.translate("AlertCard", "Last"), time_text(alert.last_ts)),
        (QCoreApplication.translate("AlertCard", "Count"), str(alert.count)),
    ]
    fresh = [c for c in candidates if not c.stale][:NEAREST_SHOWN]
    for c in fresh:
        rows.append(
            (
                QCoreApplication.translate("AlertCard", "Nearest guard"),
                QCoreApplication.translate("AlertCard", "{0} ({1}) {2} {3}, {4} m").format(
                    c.guard,
                    guard_role_text(c.role),
                    mode_text(c.mode),
                    minutes_seconds(c.eta_s),
                    round(c.distance_m),
                ),
            )
        )
    if not fresh:
        rows.append(
            (
                QCoreApplication.translate("AlertCard", "Nearest guard"),
                QCoreApplication.translate("AlertCard", "being looked up…"),
            )
        )
    title = f"{rule_text(alert.rule)} · {subject_text(district, alert)}"
    return Card(title, rows, str(alert.data.get("snapshot") or ""))
