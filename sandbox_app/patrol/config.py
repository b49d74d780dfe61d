"""Patrols and duty (电子巡更, 排班) from the station's `resources/patrols.toml`.

The station edits it by hand beside rules.toml and plans.toml:

- `[teams.<id>]`: `name`, `guards` (guard ids of the package).
- `[shifts.<id>]`: `name`, `start`, `end` ("HH:MM" local; an end before the start runs past midnight),
  `teams`. A guard in any team is on duty only while a shift of one of its teams runs; a guard in no team is
  not on the roster and counts as always on duty (a station without a roster recommends everyone, as before).
- `[checkpoints.<id>]`: `name`, and a point with a radius (`lon`, `lat`, `radius_m`, default 30) and/or an
  NFC/RFID tag (`tag`: the id a handheld reader reports; `reader`: a fixed reader's device id).
- `[routes.<id>]`: `name`, `team` (or `guards`), `checkpoints` (ids, in walking order), `start` (round start
  times "HH:MM" local), `window_minutes` (every checkpoint must be checked in this long after a start).

Every mistake raises `PatrolError` naming the key, at start-up rather than at the first round.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sandbox_app.data.resources import resource_path
from sandbox_app.domain.model import District, Guard

DEFAULT_PATROLS_PATH = resource_path("patrols.toml")
_MS_PER_MIN = 60_000


class PatrolError(ValueError):
    """A mistake in the patrols file, naming the key (`routes.night_a.checkpoints`)."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"patrols: {key}: {message}" if key else f"patrols: {message}")
        self.key = key


@dataclass(frozen=True, slots=True)
class Checkpoint:
    id: str
    name: str
    lon: float | None = None
    lat: float | None = None
    radius_m: float = 30.0
    tag: str = ""
    reader: str = ""


@dataclass(frozen=True, slots=True)
class Team:
    id: str
    name: str
    guards: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Shift:
    id: str
    name: str
    start: time
    end: time
    teams: tuple[str, ...]

    def covers(self, moment: time) -> bool:
        if self.start <= self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end


@dataclass(frozen=True, slots=True)
class Route:
    id: str
    name: str
    guards: tuple[str, ...]
    checkpoints: tuple[str, ...]
    starts: tuple[time, ...]
    window_minutes: float
    team: str = ""


@dataclass(frozen=True, slots=True)
class PatrolBook:
    timezone: str = "Asia/Shanghai"
    checkpoints: Mapping[str, Checkpoint] = field(default_factory=dict)
    teams: Mapping[str, Team] = field(default_factory=dict)
    shifts: Mapping[str, Shift] = field(default_factory=dict)
    routes: Mapping[str, Route] = field(default_factory=dict)

    # duty -------------------------------------------------------------------------------------------------
    def rostered(self) -> frozenset[str]:
        """Guards in some team: only they can be off duty."""
        return frozenset(g for t in self.teams.values() for g in t.guards)

    def shifts_at(self, ts: int) -> list[Shift]:
        moment = datetime.fromtimestamp(ts / 1000, ZoneInfo(self.timezone)).time()
        return [s for s in self.shifts.values() if s.covers(moment)]

    def on_duty_ids(self, ts: int) -> frozenset[str]:
        """Guards of the teams whose shift runs at `ts`."""
        teams = {t for s in self.shifts_at(ts) for t in s.teams}
        return frozenset(g for t in teams for g in self.teams[t].guards)

    def on_duty(self, ts: int) -> Callable[[Guard], bool]:
        """For `nearest_guards(on_duty=...)`: an off-duty guard is never recommended."""
        rostered, on = self.rostered(), self.on_duty_ids(ts)
        return lambda guard: guard.id not in rostered or guard.id in on

    def routes_for(self, guard_id: str) -> list[Route]:
        return [r for r in self.routes.values() if guard_id in r.guards]

    def round_starts(self, route: Route, from_ts: int, to_ts: int) -> list[int]:
        """Epoch ms of the route's round starts within [from_ts, to_ts), in order."""
        zone = ZoneInfo(self.timezone)
        day = datetime.fromtimestamp(from_ts / 1000, zone).date() - timedelta(days=1)
        last = datetime.fromtimestamp(to_ts / 1000, zone).date()
        out: list[int] = []
        while day <= last:
            for start in route.starts:
                ts = int(datetime.combine(day, start, zone).timestamp() * 1000)
                if from_ts <= ts < to_ts:
                    out.append(ts)
            day += timedelta(days=1)
        return sorted(out)

    def window_ms(self, route: Route) -> int:
        return round(route.window_minutes * _MS_PER_MIN)


def _text(key: str, value: Any, default: str | None = None) -> str:
    if value is None and default is not None:
        return default
    if not isinstance(value, str) or not value.strip():
        raise PatrolError(key, f"expected a text, got {value!r}")
    return value.strip()


def _ids(key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise PatrolError(key, f"expected a non-empty list of ids, got {value!r}")
    return tuple(v.strip() for v in value)


def _clock(key: str, value: Any) -> time:
    try:
        return time.fromisoformat(value) if isinstance(value, str) else _bad(key, value)
    except ValueError:
        return _bad(key, value)


def _bad(key: str, value: Any) -> time:
    raise PatrolError(key, f'expected a time of day like "22:00", got {value!r}')


def _number(key: str, value: Any, default: float, low: float, high: float) -> float:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float) or not low < value <= high:
        raise PatrolError(key, f"expected a number above {low:g} up to {high:g}, got {value!r}")
    return float(value)


def _tables(config: Mapping[str, Any], name: str) -> dict[str, Mapping[str, Any]]:
    raw = config.get(name, {})
    if not isinstance(raw, Mapping) or not all(isinstance(v, Mapping) for v in raw.values()):
        raise PatrolError(name, f"expected tables [{name}.<id>]")
    return dict(raw)


def _only(key: str, table: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise PatrolError(f"{key}.{unknown[0]}", f"unknown setting (known: {', '.join(sorted(allowed))})")


def build_patrols(config: Mapping[str, Any], district: District | None = None) -> PatrolBook:
    """A `PatrolBook` from the parsed TOML; with `district`, guard and device ids are checked against it."""
    unknown = sorted(set(config) - {"teams", "shifts", "checkpoints", "routes"})
    if unknown:
        raise PatrolError(unknown[0], "unknown section (known: checkpoints, routes, shifts, teams)")
    guards = set(district.guards) if district is not None else None

    def known_guards(key: str, ids: tuple[str, ...]) -> tuple[str, ...]:
        if guards is not None and (bad := [g for g in ids if g not in guards]):
            raise PatrolError(key, f"no guard {bad[0]!r} in the package")
        return ids

    teams: dict[str, Team] = {}
    for tid, t in _tables(config, "teams").items():
        k = f"teams.{tid}"
        _only(k, t, {"name", "guards"})
        teams[tid] = Team(
            tid,
            _text(f"{k}.name", t.get("name"), tid),
            known_guards(f"{k}.guards", _ids(f"{k}.guards", t.get("guards"))),
        )
    shifts: dict[str, Shift] = {}
    for sid, s in _tables(config, "shifts").items():
        k = f"shifts.{sid}"
        _only(k, s, {"name", "start", "end", "teams"})
        members = _ids(f"{k}.teams", s.get("teams"))
        if bad_t := [t for t in members if t not in teams]:
            raise PatrolError(f"{k}.teams", f"no team {bad_t[0]!r}")
        start, end = _clock(f"{k}.start", s.get("start")), _clock(f"{k}.end", s.get("end"))
        if start == end:
            raise PatrolError(f"{k}.end", "a shift must not end when it starts")
        shifts[sid] = Shift(sid, _text(f"{k}.name", s.get("name"), sid), start, end, members)
    points: dict[str, Checkpoint] = {}
    for cid, c in _tables(config, "checkpoints").items():
        k = f"checkpoints.{cid}"
        _only(k, c, {"name", "lon", "lat", "radius_m", "tag", "reader"})
        lon, lat = c.get("lon"), c.get("lat")
        if (lon is None) != (lat is None):
            raise PatrolError(k, "give both lon and lat, or neither")
        if lon is not None:
            lon = _number(f"{k}.lon", lon, 0.0, -180.0, 180.0)
            lat = _number(f"{k}.lat", lat, 0.0, -90.0, 90.0)
        tag = _text(f"{k}.tag", c.get("tag"), "")
        reader = _text(f"{k}.reader", c.get("reader"), "")
        if district is not None and reader and reader not in district.devices:
            raise PatrolError(f"{k}.reader", f"no device {reader!r} in the package")
        if lon is None and not tag and not reader:
            raise PatrolError(k, "a checkpoint needs a point (lon, lat), a tag or a reader")
        radius = _number(f"{k}.radius_m", c.get("radius_m"), 30.0, 0.0, 1000.0)
        points[cid] = Checkpoint(cid, _text(f"{k}.name", c.get("name"), cid), lon, lat, radius, tag, reader)
    routes: dict[str, Route] = {}
    for rid, r in _tables(config, "routes").items():
        k = f"routes.{rid}"
        _only(k, r, {"name", "team", "guards", "checkpoints", "start", "window_minutes"})
        team = _text(f"{k}.team", r.get("team"), "")
        if team and team not in teams:
            raise PatrolError(f"{k}.team", f"no team {team!r}")
        members = teams[team].guards if team else ()
        if "guards" in r:
            members = (*members, *known_guards(f"{k}.guards", _ids(f"{k}.guards", r["guards"])))
        if not members:
            raise PatrolError(k, "a route needs a team or guards")
        stops = _ids(f"{k}.checkpoints", r.get("checkpoints"))
        if bad_c := [c for c in stops if c not in points]:
            raise PatrolError(f"{k}.checkpoints", f"no checkpoint {bad_c[0]!r}")
        starts = tuple(_clock(f"{k}.start", v) for v in _ids(f"{k}.start", r.get("start")))
        window = _number(f"{k}.window_minutes", r.get("window_minutes"), 60.0, 0.0, 24 * 60.0)
        name = _text(f"{k}.name", r.get("name"), rid)
        routes[rid] = Route(rid, name, tuple(dict.fromkeys(members)), stops, starts, window, team)
    zone = district.timezone if district is not None else "Asia/Shanghai"
    return PatrolBook(zone, points, teams, shifts, routes)


def load_patrols(path: Path | str | None = None, district: District | None = None) -> PatrolBook:
    """The patrols of `path` (default `resources/patrols.toml`); a missing default file is an empty book."""
    target = Path(path) if path is not None else DEFAULT_PATROLS_PATH
    if path is None and not target.exists():
        return PatrolBook(district.timezone if district is not None else "Asia/Shanghai")
    try:
        with target.open("rb") as fh:
            config = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise PatrolError("", f"{target.name} is not valid TOML: {exc}") from None
    except OSError as exc:
        raise PatrolError("", f"cannot read {target.name}: {exc.strerror or exc}") from None
    return build_patrols(config, district)
