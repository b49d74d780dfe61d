"""Which event names whom: the pass records a subject can be found by (issue 21, 综合查询).

One table for the store (which indexes passes by subject as it appends them) and the search (which asks
for a subject's passes): a face gate names the matched person, a barrier camera the plate, an e-bike reader
the RFID tag, a smart lock the card.
"""

from __future__ import annotations

PASS_FIELDS: dict[str, str] = {
    "face.pass": "person_id",
    "plate.read": "plate",
    "rfid.read": "tag",
    "lock.open": "credential",
}
"""Event kind → the data field that names who passed."""


def subject_sql(json_field: str) -> str:
    """A SQL CASE giving an event row's subject (NULL for other kinds); `json_field` formats one field of
    the row's `data`, e.g. "json_extract(data, '$.{0}')" (SQLite) or "data->>'{0}'" (PostgreSQL)."""
    whens = " ".join(f"WHEN '{kind}' THEN {json_field.format(key)}" for kind, key in PASS_FIELDS.items())
    return f"CASE kind {whens} END"
