"""综合查询: one search across people, places, organisations, devices, guards and alerts, masked for whoever
searches.

The CLI (`sandbox-app search`) and the window's search box both call this module, so they rank and mask
alike. `SearchIndex.build(district)` normalises every searchable field once (a query is then a scan over
plain strings); `search()` builds one for a single query.

Privacy (issue 21, docs/security.md): a viewer who may not see personal data at all (the wall) finds no
people and no personal alert subjects. A viewer who sees people masked finds a person only by a whole value
(the full name, ID number, phone or credential): a partial query would reveal the masked characters one
guess at a time. Only an unmasked viewer (an explicit, audited unmask) matches people by prefix or substring.
Places, organisations (实有单位), devices, guards (staff) and alerts match by prefix and substring for
everyone; an organisation's contact person and phone are personal data like a resident's.
"""

from __future__ import annotations

import heapq
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sandbox_app.domain.address import building_address, room_address
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.model import District
from sandbox_app.domain.places import incident_location
from sandbox_app.domain.reals import organisations
from sandbox_app.privacy.mask import NON_PERSONAL_SUBJECTS, Masker, Viewer

EXACT, PREFIX, CONTAINS, TOKENS = 100, 80, 60, 40
"""Scores: a whole field, the start of a field, anywhere in a field, every word somewhere in the record."""
KIND_ORDER = ("person", "room", "building", "compound", "organisation", "device", "guard", "gate", "alert")
"""Ties rank in this order: who, then where, then what."""
ID_KEYS = ("id_number", "id_card")
PHONE_KEYS = ("phone", "mobile")
DEFAULT_LIMIT = 50
LonLat = tuple[float, float]


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


Part = tuple[str, str]
"""A shown text and how it is masked: "" (not personal), "name", "id" or "phone"."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One searchable record, its fields normalised once."""

    kind: str
    id: str
    public: tuple[str, ...]
    personal: tuple[str, ...]
    label: Part
    detail: tuple[Part, ...]
    where: LonLat | None
    wall_personal: bool = False
    """The wall may match the personal fields by a whole value (a guard's work phone), else not at all."""
    blob: str = ""
    """The public fields joined by NUL: one C-level `in` rejects most records before any scoring."""
    pblob: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "blob", "\x00".join(self.public))
        object.__setattr__(self, "pblob", "\x00".join(self.personal))

    def render(self, masker: Masker, score: int) -> Hit:
        detail = " · ".join(_shown(masker, p) for p in self.detail if p[0])
        lon, lat = self.where if self.where is not None else (None, None)
        return Hit(self.kind, self.id, _shown(masker, self.label), detail, score, lon, lat)


def _shown(masker: Masker, part: Part) -> str:
    text, how = part
    if how == "name":
        return masker.name(text)
    if how == "id":
        return masker.id_number(text)
    return masker.phone(text) if how == "phone" else text


def _score(query: str, fields: Iterable[str], whole_only: bool = False) -> int:
    """Best score of `query` (normalised) against normalised fields; `whole_only`: only an exact match."""
    best = 0
    for value in fields:
        if not value:
            continue
        if value == query:
            return EXACT
        if whole_only:
            continue
        if value.startswith(query):
            best = PREFIX
        elif best < CONTAINS and query in value:
            best = CONTAINS
    return best


def _tokens(words: Sequence[str], fields: Iterable[str]) -> int:
    """Every word of a multi-word query somewhere in the record's fields (`清华东路 302`)."""
    if len(words) < 2:
        return 0
    text = "\x00".join(fields)
    return TOKENS if all(w in text for w in words) else 0


def _extra_text(extra: Mapping[str, Any], keys: Iterable[str]) -> str:
    for key in keys:
        value = extra.get(key)
        if value is not None and str(value).strip():
            return str(value).strip()
    return ""


def _norm(*fields: str) -> tuple[str, ...]:
    return tuple(normalise(f) for f in fields)


class _Builder:
    def __init__(self, district: District) -> None:
        self.d = district
        self.points: dict[str, LonLat] = {}
        self.addresses: dict[str, str] = {}
        self.entries: list[Entry] = []

    def building_point(self, building_id: str | None) -> LonLat | None:
        if building_id not in self.points and building_id in self.d.buildings:
            p = self.d.buildings[building_id].footprint.representative_point()
            self.points[building_id] = (p.x, p.y)
        return self.points.get(building_id or "")

    def room_address(self, room_id: str) -> str:
        if room_id not in self.addresses:
            self.addresses[room_id] = room_address(self.d, self.d.rooms[room_id])
        return self.addresses[room_id]

    def places(self) -> None:
        d, add = self.d, self.entries.append
        for c in d.compounds.values():
            p = c.boundary.representative_point()
            detail = ((" ".join(x for x in (c.street, c.community) if x), ""),)
            add(
                Entry(
                    "compound",
                    c.id,
                    _norm(c.id, c.name, c.community, c.street),
                    (),
                    (c.name, ""),
                    detail,
                    (p.x, p.y),
                )
            )
        for b in d.buildings.values():
            address = building_address(d, b)
            add(
                Entry(
                    "building",
                    b.id,
                    _norm(b.id, b.name, address),
                    (),
                    (address, ""),
                    ((b.id, ""),),
                    self.building_point(b.id),
                )
            )
        for r in d.rooms.values():
            address = self.room_address(r.id)
            detail = ((f"{r.id} · {r.usage.value}", ""),)
            add(
                Entry(
                    "room",
                    r.id,
                    _norm(r.id, address),
                    (),
                    (address, ""),
                    detail,
                    self.building_point(r.building_id),
                )
            )

    def organisations(self) -> None:
        for org in organisations(self.d).values():
            building = org.buildings[0] if org.buildings else None
            if building is None and org.rooms:
                building = self.d.rooms[org.rooms[0]].building_id
            detail = ((org.type.value, ""), (org.address, ""), (org.contact, "name"), (org.phone, "phone"))
            public = _norm(org.id, org.name, org.type.value, org.address)
            entry = Entry(
                "organisation",
                org.id,
                public,
                _norm(org.contact, org.phone),
                (org.name, ""),
                detail,
                self.building_point(building),
            )
            self.entries.append(entry)

    def people(self) -> None:
        for p in self.d.people.values():
            id_number, phone = _extra_text(p.extra, ID_KEYS), _extra_text(p.extra, PHONE_KEYS)
            room = self.d.rooms.get(p.room_id or "")
            address = self.room_address(room.id) if room is not None else ""
            personal = _norm(p.name, id_number, phone, *sorted(p.credentials))
            detail = ((address, ""), (id_number, "id"), (phone, "phone"))
            where = self.building_point(room.building_id) if room is not None else None
            self.entries.append(Entry("person", p.id, _norm(p.id), personal, (p.name, "name"), detail, where))

    def equipment(self) -> None:
        d, add = self.d, self.entries.append
        for dev in d.devices.values():
            detail = ((f"{dev.id} · {dev.kind}", ""),)
            add(
                Entry(
                    "device",
                    dev.id,
                    _norm(dev.id, dev.name, dev.kind),
                    (),
                    (dev.name or dev.id, ""),
                    detail,
                    d.device_anchor(dev),
                )
            )
        for gate in d.gates.values():
            where = (gate.location.x, gate.location.y)
            add(
                Entry(
                    "gate",
                    gate.id,
                    _norm(gate.id, gate.name),
                    (),
                    (gate.name or gate.id, ""),
                    ((gate.id, ""),),
                    where,
                )
            )
        for g in d.guards.values():
            phone = _extra_text(g.extra, PHONE_KEYS)
            anchor = d.device_anchor(d.devices[g.device_id]) if g.device_id in d.devices else None
            parts: tuple[Part, ...] = ((g.role.value, ""), (phone, "phone"))
            add(
                Entry(
                    "guard",
                    g.id,
                    _norm(g.id, g.name),
                    _norm(phone),
                    (g.name, ""),
                    parts,
                    anchor,
                    wall_personal=True,
                )
            )


class SearchIndex:
    """The district's searchable records, normalised once; build a new one when the district changes."""

    def __init__(self, district: District, entries: list[Entry]) -> None:
        self.district = district
        self.entries = entries

    @classmethod
    def build(cls, district: District) -> SearchIndex:
        b = _Builder(district)
        b.places()
        b.organisations()
        b.people()
        b.equipment()
        return cls(district, b.entries)

    def search(
        self,
        query: str,
        masker: Masker,
        alerts: Iterable[Alert] = (),
        *,
        kinds: Iterable[str] | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> list[Hit]:
        """Hits for `query`, best first (score, then `KIND_ORDER`, then label), at most `limit`.

        `kinds` keeps only those kinds; an empty or blank query finds nothing (never the whole register)."""
        q = normalise(query)
        if not q:
            return []
        words = [w for w in (normalise(w) for w in query.split()) if w]
        wanted = frozenset(kinds) if kinds is not None else None
        sees_people = masker.viewer is not Viewer.WALL
        unmasked = masker.shows_personal_data
        first = words[0] if len(words) > 1 else None
        scored: list[tuple[int, Entry]] = []
        for e in self.entries:
            if (wanted is not None and e.kind not in wanted) or (e.kind == "person" and not sees_people):
                continue
            score = 0
            if q in e.blob:
                score = _score(q, e.public)
            elif first is not None and first in e.blob:
                score = _tokens(words, e.public)
            if not score and e.pblob and (sees_people or e.wall_personal):
                if q in e.pblob:
                    score = _score(q, e.personal, whole_only=not unmasked)
                elif unmasked and first is not None and (first in e.pblob or first in e.blob):
                    score = _tokens(words, (*e.public, *e.personal))
            if score:
                scored.append((score, e))
        order = {k: i for i, k in enumerate(KIND_ORDER)}
        # Best `limit` first, by the unmasked label: rendering (masking) only the ones returned.
        best = heapq.nsmallest(
            max(0, limit), scored, key=lambda se: (-se[0], order[se[1].kind], se[1].label[0], se[1].id)
        )
        hits = [e.render(masker, s) for s, e in best]
        if wanted is None or "alert" in wanted:
            hits += self._alerts(q, alerts, masker)
        hits.sort(key=lambda h: (-h.score, order.get(h.kind, len(order)), h.label, h.id))
        return hits[: max(0, limit)]

    def _alerts(self, q: str, alerts: Iterable[Alert], masker: Masker) -> list[Hit]:
        out = []
        for a in alerts:
            personal = a.subject_type not in NON_PERSONAL_SUBJECTS
            score = _score(q, _norm(a.id, a.rule))
            if not personal:
                score = score or _score(q, _norm(a.subject))
            elif masker.viewer is not Viewer.WALL:
                score = score or _score(q, _norm(a.subject), whole_only=not masker.shows_personal_data)
            if score:
                where = incident_location(self.district, a)
                lon, lat = where if where is not None else (None, None)
                label = f"{a.rule} {masker.subject(a.subject, a.subject_type)}"
                detail = f"{masker.alert_id(a.id, a.subject_type)} · {a.severity.value} · {a.state.value}"
                out.append(Hit("alert", a.id, label, detail, score, lon, lat))
        return out


def search(
    district: District,
    query: str,
    masker: Masker,
    alerts: Iterable[Alert] = (),
    *,
    kinds: Iterable[str] | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[Hit]:
    """One query over a fresh index (the CLI); a window keeps a `SearchIndex` between queries."""
    return SearchIndex.build(district).search(query, masker, alerts, kinds=kinds, limit=limit)
