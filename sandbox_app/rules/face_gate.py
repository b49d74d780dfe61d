"""Face gates and behaviour cameras at the outer circle: who came in, and who slipped in behind someone.

A watch-listed face is for the officers (high); a stranger is for the property staff to register (low), so
the two never share an alert; tailgating goes to the property platform as a warning.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sandbox_app.domain.enums import PersonTag, Relation, Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District, Person
from sandbox_app.rules._params import Params, RuleConfigError
from sandbox_app.rules._where import Locator, make_signal
from sandbox_app.rules.base import Signal, register

_NONE: tuple[Signal, ...] = ()


def _subject(event: Event) -> tuple[str, str]:
    """The person when the face was matched, else the face id the gate gave, else the gate device itself.

    Unmatched faces without an id collapse into one open alert per gate, counted, instead of a storm.
    """
    person = event.data.get("person_id")
    if isinstance(person, str) and person:
        return person, "person"
    face = event.data.get("face_id")
    if isinstance(face, str) and face:
        return face, "person"
    return event.device, "device"


def _tags(p: Params, default: list[str]) -> frozenset[PersonTag]:
    names = p.strings("tags", default)
    try:
        return frozenset(PersonTag(t) for t in names)
    except ValueError as exc:
        known = ", ".join(t.value for t in PersonTag)
        raise RuleConfigError(p.key("tags"), f"{exc}; known tags: {known}") from None


def _is_known(person: Person) -> bool:
    if person.room_id:
        return True
    approved = str(person.extra.get("approved", True)).strip().lower()
    return person.relation == Relation.VISITOR and approved not in ("false", "0", "no")


class _FaceRule:
    name = ""
    kinds = frozenset({"face.pass"})

    def __init__(self, district: District, watch_tags: frozenset[PersonTag]) -> None:
        self._watched = {pid for pid, p in district.people.items() if watch_tags & p.tags}
        self._where = Locator(district)

    def watch_listed(self, event: Event) -> bool:
        return event.data.get("watchlist") is True or event.data.get("person_id") in self._watched

    def emit(self, event: Event, severity: Severity) -> tuple[Signal, ...]:
        subject, subject_type = _subject(event)
        where = self._where.device(event.device)
        return (make_signal(self.name, subject, subject_type, severity, event.ts, where, event),)

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        return _NONE


@register("face_watchlist")
class FaceWatchlist(_FaceRule):
    """face.pass with `data.watchlist` true, or of a person carrying a watch tag → alert (default high)."""

    name = "face_watchlist"

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        tags = _tags(p, [PersonTag.WATCHLIST.value])
        self.severity = p.severity(Severity.HIGH)
        p.done()
        super().__init__(district, tags)

    def on_event(self, event: Event) -> Iterable[Signal]:
        return self.emit(event, self.severity) if self.watch_listed(event) else _NONE


@register("face_stranger")
class FaceStranger(_FaceRule):
    """face.pass of nobody the district knows as a resident or approved visitor → alert (default low).

    Known = a person in the package who lives in a room, or a visitor whose `extra.approved` is not false, or
    an event that says `data.visitor_approved` (visitor terminals approve on the spot). Watch-listed faces
    are left to face_watchlist.
    """

    name = "face_stranger"

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        self.severity = p.severity(Severity.LOW)
        p.done()
        super().__init__(district, frozenset({PersonTag.WATCHLIST}))
        self._known = {pid for pid, person in district.people.items() if _is_known(person)}

    def on_event(self, event: Event) -> Iterable[Signal]:
        data = event.data
        if data.get("person_id") in self._known or data.get("visitor_approved") is True:
            return _NONE
        if self.watch_listed(event):
            return _NONE
        return self.emit(event, self.severity)


@register("tailgating")
class Tailgating:
    """tailgate.detected → alert on the device that saw it (default medium)."""

    name = "tailgating"
    kinds = frozenset({"tailgate.detected"})

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        self.severity = p.severity(Severity.MEDIUM)
        p.done()
        self._where = Locator(district)

    def on_event(self, event: Event) -> Iterable[Signal]:
        where = self._where.device(event.device)
        return (make_signal(self.name, event.device, "device", self.severity, event.ts, where, event),)

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        return _NONE
