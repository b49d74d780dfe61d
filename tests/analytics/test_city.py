"""County view: alerts, response times and risk roll up compound → community → street → county, and drill
down; a compound's numbers match the risk index; hierarchy from the fields or the package's extra columns."""

from __future__ import annotations

import pytest
from shapely.geometry import Polygon, box

from sandbox_app.analytics.city import UNPLACED, CityView, hierarchy_of
from sandbox_app.analytics.risk import RiskIndex
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch, DispatchState
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.model import Building, Compound, District

NOW = 1_767_225_600_000
H = 3_600_000


def _district() -> District:
    d = District("测试市", "Asia/Shanghai")
    places = [
        ("C1", "一号小区", "测试区", "东街道", "甲社区"),
        ("C2", "二号小区", "测试区", "东街道", "甲社区"),
        ("C3", "三号小区", "测试区", "东街道", "乙社区"),
        ("C4", "四号小区", "测试区", "西街道", "丙社区"),
    ]
    for i, (cid, name, county, street, community) in enumerate(places):
        square: Polygon = box(116.0 + i * 0.01, 39.0, 116.005 + i * 0.01, 39.005)
        d.compounds[cid] = Compound(cid, name, square, community=community, street=street, county=county)
        d.buildings[f"B{cid}"] = Building(f"B{cid}", cid, "1栋", 6, square.buffer(-0.001))
    d.compounds["C5"] = Compound("C5", "老小区", box(117, 39, 117.001, 39.001), {"county": "测试区"})
    return d


def _alert(
    aid: str, subject: str, kind: str, severity: Severity, ts: int, state: AlertState = AlertState.OPEN
) -> Alert:
    return Alert(
        aid, "smoke_alarm" if kind == "building" else "loiter", subject, kind, severity, state, ts, ts
    )


def _dispatch(did: str, alert_id: str, accept_s: float, arrive_s: float) -> Dispatch:
    d = Dispatch(did, alert_id, f"G-{did}", None, "cmdr", NOW - H, 116.0, 39.0)
    d.advance(DispatchState.ACCEPTED, "g", NOW - H + int(accept_s * 1000))
    d.advance(DispatchState.ON_SCENE, "system", NOW - H + int(arrive_s * 1000))
    return d


ALERTS = [
    _alert("a1", "BC1", "building", Severity.HIGH, NOW - 2 * H),
    _alert("a2", "C1", "compound", Severity.LOW, NOW - 30 * H, AlertState.CLOSED),
    _alert("a3", "BC2", "building", Severity.CRITICAL, NOW - H),
    _alert("a4", "C4", "compound", Severity.MEDIUM, NOW - 5 * H),
    _alert("a5", "nowhere", "person", Severity.LOW, NOW - H),
]
DISPATCHES = [_dispatch("d1", "a1", 20, 200), _dispatch("d2", "a3", 40, 100), _dispatch("d3", "a4", 10, 600)]


def test_counts_and_response_times_roll_up_and_drill_down() -> None:
    root = CityView(_district()).tree(ALERTS, DISPATCHES, NOW)
    assert (root.alerts, root.open_alerts, root.dispatches, root.compounds) == (5, 4, 3, 5)
    county = root.find(["测试区"])
    assert county.level == "county" and county.alerts == 4 and county.compounds == 5
    east = county.find(["东街道"])
    assert (east.alerts, east.dispatches, east.median_accept_s, east.median_arrive_s) == (3, 2, 30.0, 150.0)
    jia = root.find(["测试区", "东街道", "甲社区"])
    assert jia.level == "community" and jia.by_severity == {"high": 1, "low": 1, "critical": 1}
    assert [u.path[-1] for u in jia.rows()] == ["C2", "C1"]  # critical C2 is riskier than C1
    c1 = jia.find(["C1"])
    assert (c1.level, c1.name, c1.alerts, c1.open_alerts) == ("compound", "一号小区", 2, 1)
    assert root.find(["测试区", "西街道"]).p90_arrive_s == 600.0
    assert root.find([UNPLACED]).alerts == 1  # an alert no compound contains is kept, not lost
    assert root.find(["测试区", "", ""]).find(["C5"]).alerts == 0  # no street/community: still a unit
    with pytest.raises(KeyError):
        root.find(["测试区", "北街道"])


def test_compound_risk_matches_the_risk_index_and_units_sum_their_scores() -> None:
    district = _district()
    root = CityView(district).tree(ALERTS, DISPATCHES, NOW)
    index = RiskIndex(district).index(ALERTS, NOW).compounds
    for cid in ("C1", "C2", "C4"):
        unit = next(u for u in root.walk() if u.path[-1:] == (cid,))
        assert unit.risk == index[cid]
    jia = root.find(["测试区", "东街道", "甲社区"])
    assert jia.risk > max(c.risk for c in jia.children.values())  # two busy compounds make a busier community
    assert jia.max_compound_risk == max(index["C1"], index["C2"])
    assert root.find(["测试区"]).rows()[0].path[-1] == "东街道"


def test_hierarchy_from_fields_or_extra_columns() -> None:
    d = _district()
    assert hierarchy_of(d.compounds["C3"]) == ("测试区", "东街道", "乙社区")
    old = Compound("X", "x", box(0, 0, 1, 1), {"county": "某区", "street": "某街道", "community": 7})
    assert hierarchy_of(old) == ("某区", "某街道", "7")
