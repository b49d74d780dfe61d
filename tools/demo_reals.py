"""The demo's standard addresses, 实有单位 and rental register (issue 21), as optional package columns.

Deterministic without touching the main random stream (so people and devices stay as they were): roads come
from geometry, everything else from ids and positions. Names, contacts and phones are plainly fake.
"""

from __future__ import annotations

from shapely.geometry import Polygon

from tools.demo_osm import CompoundGeom, RoadGeom
from tools.demo_synth import Row, SiteBuilding, SiteCompound

COMPOUND_ORGS = {"university": "university", "school": "school", "kindergarten": "kindergarten"}
"""Compound kinds that are one organisation (a campus), not a residential 小区."""
SHOP_KINDS = ("shop", "restaurant", "shop", "clinic", "shop", "hotel")


def compound_addresses(
    geoms: list[CompoundGeom], sites: list[SiteCompound], roads: list[RoadGeom]
) -> dict[str, tuple[str, str]]:
    """Compound id → (街路巷, 门牌号): the nearest named road, numbered odd along it by compound id."""
    named = [r for r in roads if r.name]
    out: dict[str, tuple[str, str]] = {}
    counts: dict[str, int] = {}
    for g, s in zip(geoms, sites, strict=True):
        if not named:
            break
        boundary: Polygon = g.boundary
        road = min(named, key=lambda r: (r.line.distance(boundary), r.name, r.osm_id, r.part)).name
        counts[road] = counts.get(road, 0) + 1
        out[s.id] = (road, f"{2 * counts[road] - 1}号")
    return out


def building_columns(
    b: SiteBuilding, addresses: dict[str, tuple[str, str]], compounds: dict[str, SiteCompound]
) -> Row:
    """Address and, on a campus, its organisation: every building of a school or university is the
    school's, so campuses are 实有单位 rather than residential compounds."""
    road, door = addresses.get(b.compound_id, ("", ""))
    row: Row = {"road": road, "door_number": door, "org_id": None, "org_name": None, "org_type": None}
    site = compounds[b.compound_id]
    if site.kind in COMPOUND_ORGS:
        row.update(org_id=f"ORG-{site.id}", org_name=site.name, org_type=COMPOUND_ORGS[site.kind])
    return row


def add_room_columns(rooms: list[Row], buildings: dict[str, Row]) -> None:
    """Shops and offices get an organisation (offices on a campus are the campus's, named on its buildings);
    rentals a landlord and register dates (all fake)."""
    n_shop = n_rental = 0
    for room in rooms:
        usage = room["usage"]
        org: tuple[str | None, str | None, str | None, str | None, str | None] = (None,) * 5
        landlord = agreed = inspected = None
        if usage == "shop":
            n_shop += 1
            kind = SHOP_KINDS[n_shop % len(SHOP_KINDS)]
            org = (
                f"ORG-S{n_shop:04d}",
                f"测试商户{n_shop:04d}",
                kind,
                f"测试店主{n_shop:04d}",
                f"000-0100-{n_shop:04d}",
            )
        elif usage == "office" and not buildings[str(room["building_id"])]["org_id"]:
            bid = str(room["building_id"])
            org = (f"ORG-{bid}", f"测试单位{bid[1:]}", "company", None, None)
        elif usage in ("rental", "group_rental"):
            n_rental += 1
            landlord = f"测试房东{n_rental:04d}"
            agreed = f"2025-{1 + n_rental % 12:02d}-{1 + n_rental % 28:02d}"
            inspected = f"2026-{1 + n_rental % 11:02d}-{1 + (n_rental * 7) % 28:02d}"
        room.update(
            org_id=org[0], org_name=org[1], org_type=org[2], org_contact=org[3], org_phone=org[4],
            landlord=landlord, agreement_date=agreed, last_inspection=inspected,
        )  # fmt: skip
