"""Issue 24: universities and schools in the demo district are organisations (实有单位) on their own grounds,
never residential compounds (小区): each such area has the campus kind, and its buildings belong to one
organisation of that type and name."""

from __future__ import annotations

import re

from sandbox_app.data.package import load_package
from sandbox_app.domain.reals import CAMPUS_TYPES, OrgType, campus_type, organisations
from tests.support import committed_demo

SCHOOLISH = re.compile(r"大学|学院|学校|小学|中学|幼儿园")


def test_universities_and_schools_are_organisations_not_compounds() -> None:
    d = load_package(committed_demo())
    orgs = organisations(d)
    housing = ("小区", "片区", "生活区")  # "农大小区": homes named after a university are a 小区
    campuses = [c for c in d.compounds.values() if SCHOOLISH.search(c.name) and not c.name.endswith(housing)]
    assert len(campuses) >= 4, [c.name for c in d.compounds.values()]
    for c in campuses:
        kind = campus_type(c)
        assert kind in CAMPUS_TYPES, (c.name, c.extra.get("kind"))
        used = {b.extra.get("org_id") for b in d.buildings.values() if b.compound_id == c.id}
        assert len(used) == 1 and None not in used, (c.name, used)
        org = orgs[str(used.pop())]
        assert org.type is kind and org.name == c.name
    assert {campus_type(c) for c in campuses} >= {OrgType.UNIVERSITY, OrgType.SCHOOL}
    assert all(campus_type(c) is None for c in d.compounds.values() if c.name.endswith(housing))
