"""The one colour code of the sandbox. Every renderer and legend reads it from here.

Rental rooms are blue because that is what officers already know from existing sandboxes; group rentals a
darker blue; elderly-alone households stand out in orange. A test fails when a device kind, guard role,
room usage or alert severity has no entry, so a new kind cannot silently draw in a default colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from sandbox_app.domain.dispatch import DispatchState
from sandbox_app.domain.enums import GuardRole, RoomUsage, Severity

RGBA = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Symbol:
    rgba: RGBA
    symbol: str
    """A pyqtgraph symbol name: o s t t1 d + x p h star ..."""
    size: float


@dataclass(frozen=True, slots=True)
class LineStyle:
    rgba: RGBA
    width: float


BACKGROUND: RGBA = (246, 244, 239, 255)

RENTAL_BLUE: RGBA = (33, 110, 235, 255)
GROUP_RENTAL_BLUE: RGBA = (16, 44, 140, 255)
ELDERLY_HOUSEHOLD: RGBA = (255, 122, 0, 255)

ROOM_USAGE: dict[RoomUsage, RGBA] = {
    RoomUsage.OWNER: (206, 196, 178, 255),
    RoomUsage.RENTAL: RENTAL_BLUE,
    RoomUsage.GROUP_RENTAL: GROUP_RENTAL_BLUE,
    RoomUsage.VACANT: (228, 228, 228, 255),
    RoomUsage.SHOP: (236, 178, 64, 255),
    RoomUsage.OFFICE: (150, 120, 196, 255),
}
BUILDING_NO_ROOMS: RGBA = (196, 196, 196, 255)
BUILDING_EDGE: RGBA = (110, 110, 110, 255)
KEY_PERSON: RGBA = (200, 0, 160, 255)
"""Outline of a building where a key person (or a watch-listed one) lives: magenta, stronger than the elderly
orange because it asks for more attention."""
BUILDING_EDGE_WIDTH = 1.0
MARKED_EDGE_WIDTH = 3.0
"""Pixels: a marked outline (elderly household, key person) is three times the plain one so it reads from
a wall screen."""

USAGE_PRIORITY: tuple[RoomUsage, ...] = (
    RoomUsage.GROUP_RENTAL,
    RoomUsage.RENTAL,
    RoomUsage.SHOP,
    RoomUsage.OFFICE,
    RoomUsage.OWNER,
    RoomUsage.VACANT,
)
"""A building is filled with its most notable room usage: what an officer must look at first wins."""

COMPOUND_FILL: RGBA = (222, 232, 214, 150)
COMPOUND_EDGE: RGBA = (104, 140, 96, 255)
AREA_FILL: dict[str, RGBA] = {"water": (150, 196, 232, 215), "green": (178, 214, 156, 215)}
"""水域 and 绿地 (`District.areas`) by kind: light fills under the roads, just translucent enough that a
compound's fence under a park still shows; the 3D ground uses the same colours, opaque."""
AREA_EDGE: RGBA = (0, 0, 0, 0)
GRID_FILL: RGBA = (0, 0, 0, 0)
GRID_EDGE: RGBA = (150, 60, 160, 255)
"""Grid outlines (网格): purple, unfilled, distinct from the compounds' green."""
GATE: Symbol = Symbol((200, 32, 32, 255), "s", 9)
GROUP_RENTAL_MARK: Symbol = Symbol(GROUP_RENTAL_BLUE, "d", 12)
"""The 2D map's flag on a building with a group rental (群租) room: a dark-blue diamond, white-edged so it
reads on the blue fill it usually sits on."""
GROUP_RENTAL_MARK_EDGE: RGBA = (255, 255, 255, 255)

# Outer circle reds/oranges, middle purples, inner greens/teals, mobile cyans.
DEVICE_KINDS_STYLE: dict[str, Symbol] = {
    "face_gate": Symbol((214, 48, 49, 255), "s", 9),
    "vehicle_barrier": Symbol((225, 112, 85, 255), "t1", 9),
    "capture_camera": Symbol((232, 67, 147, 255), "t", 8),
    "perimeter_detector": Symbol((192, 57, 43, 255), "d", 8),
    "visitor_terminal": Symbol((253, 121, 168, 255), "p", 9),
    "rfid_reader": Symbol((230, 126, 34, 255), "h", 8),
    "alarm_button": Symbol((255, 0, 0, 255), "star", 11),
    "behavior_camera": Symbol((142, 68, 173, 255), "t", 8),
    "throw_camera": Symbol((108, 52, 131, 255), "t2", 8),
    "video_intercom": Symbol((22, 160, 133, 255), "s", 7),
    "door_controller": Symbol((39, 174, 96, 255), "d", 7),
    "camera": Symbol((46, 134, 86, 255), "t", 7),
    "smoke_detector": Symbol((127, 140, 141, 255), "o", 7),
    "gas_sensor": Symbol((211, 84, 0, 255), "o", 7),
    "water_sensor": Symbol((41, 128, 185, 255), "o", 7),
    "door_magnet": Symbol((255, 122, 0, 255), "x", 8),
    "smart_lock": Symbol((0, 98, 204, 255), "+", 8),
    "mobile_camera": Symbol((0, 172, 193, 255), "t3", 9),
    "body_camera": Symbol((0, 151, 167, 255), "o", 7),
    "radio": Symbol((0, 131, 143, 255), "h", 7),
    "gps_tracker": Symbol((0, 188, 212, 255), "d", 7),
    "smart_watch": Symbol((26, 188, 156, 255), "p", 8),
}

GUARD_ROLE: dict[GuardRole, Symbol] = {
    GuardRole.POLICE: Symbol((0, 40, 150, 255), "star", 16),
    GuardRole.AUXILIARY: Symbol((0, 130, 230, 255), "star", 15),
    GuardRole.GRID: Symbol((0, 150, 70, 255), "star", 15),
    GuardRole.VOLUNTEER: Symbol((240, 190, 0, 255), "star", 14),
    GuardRole.SECURITY: Symbol((120, 80, 40, 255), "star", 14),
    GuardRole.PROPERTY: Symbol((150, 60, 160, 255), "star", 14),
}

SEVERITY: dict[Severity, Symbol] = {
    Severity.NOTICE: Symbol((120, 144, 156, 255), "o", 14),
    Severity.LOW: Symbol((0, 150, 255, 255), "o", 16),
    Severity.MEDIUM: Symbol((250, 204, 0, 255), "o", 18),
    Severity.HIGH: Symbol((255, 128, 0, 255), "o", 22),
    Severity.CRITICAL: Symbol((229, 20, 20, 255), "o", 26),
}
"""The Chinese police colour convention for warning levels: 一级 (critical) red, 二级 (high) orange, 三级
(medium) yellow, 四级 (low) blue, 提示 (notice) grey. Alerts are drawn as round markers with a pulsing
halo and the selected one gets a ring (`ALERT_SELECTED`), never as building fills, so the blue of 四级 is
told apart from rental-blue buildings by shape."""
ALERT_SELECTED: LineStyle = LineStyle((20, 20, 20, 255), 3.0)
"""The ring drawn around the selected alert: dark, unfilled, twice the marker's size."""
ALERT_SELECTED_GROWTH = 2.0
ROUTE_PREVIEW: LineStyle = LineStyle((0, 90, 255, 200), 3.0)
"""The route of the candidate guard selected in the dispatch panel, dashed, before any order is sent."""

ROAD_KIND: dict[str, LineStyle] = {
    "motorway": LineStyle((232, 146, 162, 255), 6.0),
    "motorway_link": LineStyle((232, 146, 162, 255), 3.5),
    "trunk": LineStyle((249, 178, 156, 255), 5.5),
    "trunk_link": LineStyle((249, 178, 156, 255), 3.5),
    "primary": LineStyle((252, 214, 164, 255), 5.0),
    "primary_link": LineStyle((252, 214, 164, 255), 3.5),
    "secondary": LineStyle((247, 250, 191, 255), 4.5),
    "secondary_link": LineStyle((247, 250, 191, 255), 3.0),
    "tertiary": LineStyle((255, 255, 255, 255), 4.0),
    "tertiary_link": LineStyle((255, 255, 255, 255), 3.0),
    "unclassified": LineStyle((255, 255, 255, 255), 3.0),
    "residential": LineStyle((255, 255, 255, 255), 3.0),
    "service": LineStyle((255, 255, 255, 255), 2.0),
    "living_street": LineStyle((237, 237, 237, 255), 2.5),
    "footway": LineStyle((168, 146, 120, 255), 1.2),
    "path": LineStyle((168, 146, 120, 255), 1.2),
    "cycleway": LineStyle((120, 150, 200, 255), 1.2),
    "steps": LineStyle((150, 110, 80, 255), 1.5),
}
ROAD_DEFAULT = LineStyle((180, 180, 180, 255), 1.5)
ROAD_CASING: RGBA = (170, 160, 150, 255)
ROAD_CASING_EXTRA = 2.0
"""The offline basemap draws roads like a paper map: every road at least `CASED_MIN_WIDTH` wide gets a
darker outline `ROAD_CASING_EXTRA` pixels wider, drawn under all road fills so crossings merge cleanly."""
CASED_MIN_WIDTH = 2.0


def device_style(kind: str) -> Symbol:
    """The kind's symbol; an unknown kind is a KeyError on purpose, caught by the style-coverage test."""
    return DEVICE_KINDS_STYLE[kind]


def road_style(kind: str) -> LineStyle:
    return ROAD_KIND.get(kind, ROAD_DEFAULT)


HEAT_LOW: RGBA = (255, 200, 0, 150)
HEAT_HIGH: RGBA = (220, 0, 0, 235)
"""The heat layer's ramp ends: a risk index of 0+ starts yellow and half see-through, 100 is deep red and
nearly opaque, so the buildings' own usage colours still show under the quiet ones."""
HEAT_EDGE: RGBA = (150, 0, 0, 255)


def heat_colour(index: float) -> RGBA:
    """Linear ramp from HEAT_LOW to HEAT_HIGH over the risk index 0–100 (clamped)."""
    t = min(max(index / 100.0, 0.0), 1.0)
    r, g, b, a = (round(lo + (hi - lo) * t) for lo, hi in zip(HEAT_LOW, HEAT_HIGH, strict=True))
    return r, g, b, a


DISPATCH_ROUTE: dict[DispatchState, LineStyle] = {
    DispatchState.ISSUED: LineStyle((255, 140, 0, 230), 4.0),
    DispatchState.ESCALATED: LineStyle((220, 0, 0, 240), 4.0),
    DispatchState.ACCEPTED: LineStyle((0, 90, 255, 230), 4.0),
    DispatchState.ON_SCENE: LineStyle((0, 160, 60, 230), 4.0),
}
"""Routes of the dispatches that hold a guard, by state: orange waits, red escalated, blue on the way,
green there. Ended dispatches draw no route."""
DISPATCH_LATE_TEXT: tuple[int, int, int, int] = (200, 0, 0, 255)
DISPATCH_LATE_ROW: tuple[int, int, int, int] = (255, 215, 215, 255)
"""An order past its plan's on-scene limit, the guard not there (超时未到场): red text on a pale red row."""
INCIDENT: Symbol = Symbol((200, 0, 0, 255), "x", 22)
"""Where guards are sent: a big red cross, distinct from the round alert markers it sits on."""
COVERAGE_GAP: LineStyle = LineStyle((150, 40, 200, 170), 6.0)
"""Road farther than the coverage limit from every free guard: a wide translucent purple under the rest."""


DEVICE_HEALTH_EDGE: dict[str, RGBA] = {
    "online": (255, 255, 255, 230),
    "offline": (90, 90, 90, 255),
    "flagged": (255, 0, 200, 255),
}
"""Device health: the marker keeps its kind's symbol; online devices are filled in the kind's colour with a
white outline, offline ones go grey (`DEVICE_OFFLINE_FILL`) with a dark outline, flagged ones keep their
colour inside a magenta outline."""
DEVICE_OFFLINE_FILL: RGBA = (160, 160, 160, 255)
DEVICE_HEALTH_STATES = ("online", "offline", "flagged")

TRAIL_WINDOW_S = 120.0
"""A guard's trail shows the fixes of the last two minutes, fading from `TRAIL_ALPHA_NEW` to nothing."""
TRAIL_ALPHA_NEW = 200
TRAIL_WIDTH = 2.0
TRAIL_FIXES = 8
"""Fixes kept per guard for the trail: 7 segments, enough to show where a guard came from; trackers that
report every few seconds make it tens of metres. 5,000 guards are then 35,000 segments, one item."""
HEADING_PX = 14.0
"""Length of the heading tick drawn from a guard's marker in the direction of its last move."""

ALERT_PULSE_PERIOD_S = 1.2
ALERT_PULSE_GROWTH = 2.2
"""The pulsing halo of an alert grows from its marker's size to this multiple while fading out."""

ETA_LABEL: RGBA = (20, 20, 20, 255)
"""ETA text beside each dispatch route."""

TRACK_LINE: LineStyle = LineStyle((230, 0, 120, 230), 3.0)
"""A search hit's track (issue 21): a magenta line, a colour no other layer uses, so the subject's path
stands out over buildings, roads and guards' trails."""
TRACK_PASS: dict[str, Symbol] = {
    "face.pass": Symbol((230, 0, 120, 255), "o", 9),
    "plate.read": Symbol((230, 0, 120, 255), "s", 9),
    "rfid.read": Symbol((230, 0, 120, 255), "t", 9),
    "lock.open": Symbol((230, 0, 120, 255), "d", 9),
    "gps.fix": Symbol((230, 0, 120, 255), "o", 5),
}
"""One marker per pass, its shape telling the kind (face gate, barrier plate, e-bike tag, lock, GPS)."""
TRACK_OTHER: Symbol = Symbol((230, 0, 120, 255), "o", 7)
TRACK_LAST_SEEN: Symbol = Symbol((255, 255, 255, 255), "star", 22)
"""The last place seen (the missing-person job): a large white star edged in the track's magenta."""
