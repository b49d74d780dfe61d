"""Incremental people updates (issue 21): residents' registrations and changes without re-importing the
district.

A delta file is a `people` table (CSV or XLSX, the package's columns, docs/data-format.md) with one more
column, `op`: `add` (a new person), `change` (blank cells keep the current value) or `move_out` (the person
leaves the address: `room_id` cleared, the record kept). It is checked by the package's own people checks
against the stored district, and lands whole or not at all: any problem raises `PackageError` listing every
problem, and the district is left unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from sandbox_app.data.checks import Checker, as_text
from sandbox_app.data.context import Context
from sandbox_app.data.files import TABLE_EXTS, Source, read_source
from sandbox_app.data.problems import PackageError, Problem, ProblemList, quoted
from sandbox_app.data.registers import check_people
from sandbox_app.domain.model import District, Person

OPS = ("add", "change", "move_out")
_FILLED = ("name", "room_id", "relation", "tags", "credentials")


@dataclass(frozen=True, slots=True)
class DeltaResult:
    added: tuple[str, ...]
    changed: tuple[str, ...]
    moved_out: tuple[str, ...]

    def to_json(self) -> dict[str, list[str]]:
        return {"added": list(self.added), "changed": list(self.changed), "moved_out": list(self.moved_out)}


def _current(person: Person, col: str) -> str:
    if col == "room_id":
        return person.room_id or ""
    if col in ("tags", "credentials"):
        return ";".join(sorted(str(v) for v in getattr(person, col)))
    return str(getattr(person, col))


def apply_people_delta(district: District, path: Path) -> DeltaResult:
    """Check the delta file against `district` and apply it in place; PackageError (nothing applied) when
    anything is wrong."""
    problems = ProblemList()
    if path.suffix.lower() not in TABLE_EXTS:
        raise PackageError([Problem(path.name, None, None, "a delta file is .csv or .xlsx")])
    src = read_source(path, problems)
    if src is None:
        raise PackageError(list(problems), problems.total)
    return _apply(district, src, problems)


def apply_people_rows(district: District, rows: Sequence[Mapping[str, str]], source: str) -> DeltaResult:
    """The same delta as rows of text cells (the delta file's columns, `op` included), e.g. GA/T 1400
    person records (`bridges/gat1400/people.py`); `source` names them in problems. Checked and applied
    exactly like a file: PackageError and nothing applied when anything is wrong."""
    frame = pd.DataFrame([dict(r) for r in rows], dtype=object).fillna("")
    if frame.empty:
        frame = pd.DataFrame({"op": [], "id": []}, dtype=object)
    return _apply(district, Source(source, frame, 1), ProblemList())


def _apply(district: District, src: Source, problems: ProblemList) -> DeltaResult:
    c = Checker(src, problems)
    c.has_columns(["op", "id"])
    if problems:
        raise PackageError(list(problems), problems.total)
    ops = np.asarray([v.lower() for v in as_text(src.frame["op"]).tolist()], dtype=object)
    ids = as_text(src.frame["id"])
    c.report(
        ~np.isin(ops, OPS),
        "op",
        lambda i: f"unknown op '{quoted(ops[i])}'; expected one of: {', '.join(OPS)}",
    )
    known = np.asarray([i in district.people for i in ids.tolist()], dtype=np.bool_)
    c.report(
        (ops == "add") & known, "id", lambda i: f"person {quoted(ids[i])} already exists (use op change)"
    )
    c.report((ops != "add") & ~known & (ids != ""), "id", lambda i: f"no person {quoted(ids[i])} to {ops[i]}")
    frame = src.frame.drop(columns=["op"]).copy()
    for col in _FILLED:  # change and move_out: a blank cell keeps what the register holds
        if col not in frame.columns:
            frame[col] = ""
        cells = as_text(frame[col])
        for row in np.flatnonzero(known & (ops != "add") & (cells == "")).tolist():
            cells[row] = _current(district.people[ids[row]], col)
        frame[col] = cells
    src.frame = frame
    ctx = Context(crs=None, problems=problems)
    ctx.define("rooms", np.asarray(list(district.rooms), dtype=object))
    build = check_people(src, ctx)
    if problems:
        raise PackageError(list(problems), problems.total)
    people = build()
    added, changed, moved = [], [], []
    for op, person in zip(ops.tolist(), people.values(), strict=True):
        if op == "add":
            added.append(person.id)
        else:
            old = district.people[person.id]
            person.extra = {**old.extra, **{k: v for k, v in person.extra.items() if v is not None}}
            if op == "move_out":
                person.room_id = None
                moved.append(person.id)
            else:
                changed.append(person.id)
        district.people[person.id] = person
    return DeltaResult(tuple(added), tuple(changed), tuple(moved))
