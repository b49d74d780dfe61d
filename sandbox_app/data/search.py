"""综合查询: one search across people, places, devices, guards and alerts, masked for whoever searches.

The CLI (`sandbox-app search`) and the window's search box both call `search`, so they rank and mask alike.

Privacy (issue 21, docs/security.md): a viewer who may not see personal data at all (the wall) finds no
people and no personal alert subjects. A viewer who sees people masked finds a person only by a whole value
(the full name, ID number, phone or credential): a partial query would reveal the masked characters one
guess at a time. Only an unmasked viewer (an explicit, audited unmask) matches people by prefix or substring.
Places, organisations (实有单位), devices, guards (staff) and alerts match by prefix and substring for
everyone; an organisation's contact person and phone are personal data like a resident's.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sandbox_app.dispatch.engine_hook import incident_location
from sandbox_app.domain.address import building_address, room_address
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.model import District, Person
from sandbox_app.domain.reals import organisations
from sandbox_app.privacy.mask import NON_PERSONAL_SUBJECTS, Masker, Viewer

EXACT, PREFIX, CONTAINS, TOKENS = 100, 80, 60, 40
"""Scores: a whole field, the start of a field, anywhere in a field, every word somewhere in the record."""
KIND_ORDER = ("person", "room", "building", "compound", "organisation", "device", "guard", "gate", "alert")
"""Ties rank in this order: who, then where, then what."""
ID_KEYS = ("id_number", "id_card")
PHONE_KEYS = ("phone", "mobile")
DEFAULT_LIMIT = 50


def normalise(text: str) -> str:
    """Case-, width- and space-insensitive form: `Ｂ０００１ ` and `b0001` match (NFKC folds full width)."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    """One of `KIND_ORDER`."""
    id: str
    label: str
    """What the list shows, masked for the viewer."""
    detail: str
    """A second line: address, kind, role, masked contact."""
    score: int
    lon: float | None = None
    lat: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "label": self.label,
            "detail": self.detail,
            "score": self.score,
            "lon": self.lon,
            "lat": self.lat,
        }


def _score(query: str, fields: Iterable[str], whole_only: bool = False) -> int:
    """Best score of `query` (normalised) against the fields; `whole_only` allows only an exact match."""
    best = 0
    for raw in fields:
        value = normalise(raw)
        if not value:
            continue
        if value == query:
            return EXACT
        if whole_only:
            continue
        if value.startswith(query):
            best = max(best, PREFIX)
        elif query in value:
            best = max(best, CONTAINS)
    return best


def _tokens(words: Sequence[str], fields: Iterable[str]) -> int:
    """Every word of a multi-word query somewhere in the record's fields (`清华东路 302`)."""
    if len(words) < 2:
        return 0
    text = "\x00".join(normalise(f) for f in fields)
    return TOKENS if all(w in text for w in words) else 0


def _extra_text(extra: Mapping[str, Any], keys: Iterable[str]) -> str:
    for key in keys:
        value = extra.get(key)
        if value is not None and str(value).strip():
            return str(value).strip()
    return ""


class _Searcher:
    def __init__(self, district: District, query: str, masker: Masker) -> None:
        self.d = district
        self.q = normalise(query)
        self.words = [normalise(w) for w in query.split() if normalise(w)]
        self.masker = masker
        self.sees_people = masker.viewer is not Viewer.WALL
        self.hits: list[Hit] = []

    def add(self, kind: str, item_id: str, label: str, detail: str, score: int, where: Any) -> None:
        if score > 0:
            lon, lat = where if where is not None else (None, None)
            self.hits.append(Hit(kind, item_id, label, detail, score, lon, lat))

    def building_point(self, building_id: str | None) -> tuple[float, float] | None:
        building = self.d.buildings.get(building_id or "")
        if building is None:
            return None
        p = building.footprint.representative_point()
        return p.x, p.y

    def places(self) -> None:
        d = self.d
        for c in d.compounds.values():
            fields: tuple[str, ...] = (c.id, c.name, c.community, c.street)
            p = c.boundary.representative_point()
            detail = " ".join(x for x in (c.street, c.community) if x)
            self.add(
                "compound",
                c.id,
                c.name,
                detail,
                _score(self.q, fields) or _tokens(self.words, fields),
                (p.x, p.y),
            )
        for b in d.buildings.values():
            address = building_address(d, b)
            fields = (b.id, b.name, address)
            score = _score(self.q, fields) or _tokens(self.words, fields)
            self.add("building", b.id, address, b.id, score, self.building_point(b.id))
        for r in d.rooms.values():
            address = room_address(d, r)
            fields = (r.id, address)
            score = _score(self.q, (r.id,)) or _tokens(self.words, fields) or _score(self.q, (address,))
            self.add(
                "room", r.id, address, f"{r.id} · {r.usage.value}", score, self.building_point(r.building_id)
            )

    def organisations(self) -> None:
        """实有单位: name, type and address for everyone; the contact person and phone as personal data."""
        for org in organisations(self.d).values():
            fields = (org.id, org.name, org.type.value, org.address)
            score = _score(self.q, fields) or _tokens(self.words, fields)
            if self.sees_people:
                unmasked = self.masker.shows_personal_data
                score = score or _score(self.q, (org.contact, org.phone), whole_only=not unmasked)
            contact = [self.masker.name(org.contact) if org.contact else ""]
            contact.append(self.masker.phone(org.phone) if org.phone else "")
            detail = " · ".join(x for x in (org.type.value, org.address, *contact) if x)
            building = org.buildings[0] if org.buildings else None
            if building is None and org.rooms:
                building = self.d.rooms[org.rooms[0]].building_id
            self.add("organisation", org.id, org.name, detail, score, self.building_point(building))

    def person(self, p: Person) -> None:
        unmasked = self.masker.shows_personal_data
        id_number, phone = _extra_text(p.extra, ID_KEYS), _extra_text(p.extra, PHONE_KEYS)
        personal = (p.name, id_number, phone, *p.credentials)
        score = max(_score(self.q, (p.id,)), _score(self.q, personal, whole_only=not unmasked))
        if not score and unmasked:
            score = _tokens(self.words, (p.name, id_number, phone, *p.credentials))
        room = self.d.rooms.get(p.room_id or "")
        address = room_address(self.d, room) if room is not None else ""
        shown = [
            self.masker.id_number(id_number) if id_number else "",
            self.masker.phone(phone) if phone else "",
        ]
        detail = " · ".join(x for x in (address, *shown) if x)
        where = self.building_point(room.building_id) if room is not None else None
        self.add("person", p.id, self.masker.name(p.name), detail, score, where)

    def equipment(self) -> None:
        d = self.d
        for dev in d.devices.values():
            fields = (dev.id, dev.name, dev.kind)
            score = _score(self.q, fields) or _tokens(self.words, fields)
            self.add(
                "device", dev.id, dev.name or dev.id, f"{dev.id} · {dev.kind}", score, d.device_anchor(dev)
            )
        for gate in d.gates.values():
            score = _score(self.q, (gate.id, gate.name))
            self.add(
                "gate", gate.id, gate.name or gate.id, gate.id, score, (gate.location.x, gate.location.y)
            )
        anchors = {
            g.id: d.device_anchor(d.devices[g.device_id])
            for g in d.guards.values()
            if g.device_id in d.devices
        }
        for g in d.guards.values():
            phone = _extra_text(g.extra, PHONE_KEYS)
            score = _score(self.q, (g.id, g.name)) or _score(
                self.q, (phone,), whole_only=not self.sees_people
            )
            detail = " · ".join(x for x in (g.role.value, self.masker.phone(phone) if phone else "") if x)
            self.add("guard", g.id, g.name, detail, score, anchors.get(g.id))

    def alerts(self, alerts: Iterable[Alert]) -> None:
        for a in alerts:
            personal = a.subject_type not in NON_PERSONAL_SUBJECTS
            score = _score(self.q, (a.id, a.rule))
            if not personal:
                score = score or _score(self.q, (a.subject,))
            elif self.sees_people:
                score = score or _score(self.q, (a.subject,), whole_only=not self.masker.shows_personal_data)
            label = f"{a.rule} {self.masker.subject(a.subject, a.subject_type)}"
            detail = f"{self.masker.alert_id(a.id, a.subject_type)} · {a.severity.value} · {a.state.value}"
            self.add("alert", a.id, label, detail, score, incident_location(self.d, a))


def search(
    district: District,
    query: str,
    masker: Masker,
    alerts: Iterable[Alert] = (),
    *,
    kinds: Iterable[str] | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[Hit]:
    """Hits for `query`, best first (score, then `KIND_ORDER`, then label), at most `limit`.

    `kinds` keeps only those kinds; an empty or blank query finds nothing (never the whole register)."""
    s = _Searcher(district, query, masker)
    if not s.q:
        return []
    s.places()
    s.organisations()
    if s.sees_people:
        for person in district.people.values():
            s.person(person)
    s.equipment()
    s.alerts(alerts)
    wanted = frozenset(kinds) if kinds is not None else None
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    found = [h for h in s.hits if wanted is None or h.kind in wanted]
    found.sort(key=lambda h: (-h.score, order.get(h.kind, len(order)), h.label, h.id))
    return found[: max(0, limit)]
