"""Response plans (预案): per incident type, whom to send and how fast, read from the station's TOML.

`resources/plans.toml` sits beside rules.toml and is edited by the station: a `[default]` plan, one table
per incident type (`[dispute]`), and optionally one per subtype (`[public_order.fight]`). A subtype's plan
takes what it does not say from its type's, and a type's from the default, so a station writes only what
differs. Any mistake (unknown type, subtype, role or setting, a wrong type of value, a time limit that
cannot be met) raises `PlanError` naming the key, at start-up rather than at the first incident.

The desk uses a plan two ways: `propose` picks, per role the plan names, the nearest fresh guards of that
role (so a fight gets police and security, a lockout a volunteer); `one_call_roles` limits "one call" to
the plan's roles. `overdue` compares a dispatch with the plan's accepted / on-scene limits.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sandbox_app.data.resources import resource_path
from sandbox_app.dispatch.nearest import Candidate
from sandbox_app.domain.dispatch import Dispatch
from sandbox_app.domain.enums import GuardRole
from sandbox_app.domain.incidents import INCIDENT_ID_PREFIX, SUBTYPES, Incident, IncidentType

DEFAULT_PLANS_PATH = resource_path("plans.toml")
NOTIFY = ("119", "120")
"""Who a plan may have the handler call: fire (119) and ambulance (120)."""
MAX_PER_ROLE = 50
_SETTINGS = frozenset({"roles", "accept_within_s", "on_scene_within_s", "notify", "checklist"})


class PlanError(ValueError):
    """A mistake in the plans file, naming the key (`public_order.fight.roles.police`)."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"plans: {key}: {message}" if key else f"plans: {message}")
        self.key = key


@dataclass(frozen=True, slots=True)
class ResponsePlan:
    key: str
    """Where it was found: `default`, a type (`dispute`) or a subtype (`public_order.fight`)."""
    roles: Mapping[str, int]
    """Role → how many guards of it to send, in the file's order."""
    accept_within_s: float
    on_scene_within_s: float
    notify: tuple[str, ...] = ()
    checklist: tuple[str, ...] = ()

    @property
    def one_call_roles(self) -> frozenset[str]:
        """ "One call" summons only these roles."""
        return frozenset(role for role, n in self.roles.items() if n > 0)

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "roles": dict(self.roles),
            "accept_within_s": self.accept_within_s,
            "on_scene_within_s": self.on_scene_within_s,
            "notify": list(self.notify),
            "checklist": list(self.checklist),
        }


_BUILT_IN = ResponsePlan("default", {GuardRole.SECURITY.value: 1}, 60.0, 300.0)
"""What applies when the file has no [default]: one security guard, the 1-minute / 5-minute rings."""


@dataclass(frozen=True, slots=True)
class PlanBook:
    default: ResponsePlan = _BUILT_IN
    by_key: Mapping[str, ResponsePlan] = field(default_factory=dict)

    def plan_for(self, kind: IncidentType | str, subtype: str = "other") -> ResponsePlan:
        """The subtype's plan, else the type's, else the default."""
        kind = IncidentType(kind)
        return self.by_key.get(f"{kind.value}.{subtype}") or self.by_key.get(kind.value) or self.default


def _number(key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 86_400:
        raise PlanError(key, f"expected seconds between 0 and 86400, got {value!r}")
    return float(value)


def _roles(key: str, value: Any) -> dict[str, int]:
    if not isinstance(value, Mapping):
        raise PlanError(key, f"expected a table of role = count, got {value!r}")
    roles: dict[str, int] = {}
    known = ", ".join(r.value for r in GuardRole)
    for role, count in value.items():
        if role not in {r.value for r in GuardRole}:
            raise PlanError(f"{key}.{role}", f"unknown role (known: {known})")
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_PER_ROLE:
            raise PlanError(
                f"{key}.{role}", f"expected a whole number from 0 to {MAX_PER_ROLE}, got {count!r}"
            )
        roles[role] = count
    if not any(roles.values()):
        raise PlanError(key, "a plan must send at least one guard")
    return roles


def _texts(key: str, value: Any, allowed: Sequence[str] | None = None) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PlanError(key, f"expected a list of texts, got {value!r}")
    if allowed is not None and (bad := [v for v in value if v not in allowed]):
        raise PlanError(key, f"{bad[0]!r} is not one of {', '.join(allowed)}")
    return tuple(value)


def _plan(key: str, table: Mapping[str, Any], base: ResponsePlan) -> ResponsePlan:
    unknown = sorted(set(table) - _SETTINGS)
    if unknown:
        raise PlanError(f"{key}.{unknown[0]}", f"unknown setting (known: {', '.join(sorted(_SETTINGS))})")
    plan = ResponsePlan(
        key,
        _roles(f"{key}.roles", table["roles"]) if "roles" in table else base.roles,
        _number(f"{key}.accept_within_s", table["accept_within_s"])
        if "accept_within_s" in table
        else base.accept_within_s,
        _number(f"{key}.on_scene_within_s", table["on_scene_within_s"])
        if "on_scene_within_s" in table
        else base.on_scene_within_s,
        _texts(f"{key}.notify", table["notify"], NOTIFY) if "notify" in table else base.notify,
        _texts(f"{key}.checklist", table["checklist"]) if "checklist" in table else base.checklist,
    )
    if plan.on_scene_within_s < plan.accept_within_s:
        raise PlanError(f"{key}.on_scene_within_s", "must not be shorter than accept_within_s")
    return plan


def build_plans(config: Mapping[str, Any]) -> PlanBook:
    """A `PlanBook` from the parsed TOML (see the module docstring for the layout)."""
    if "default" in config and not isinstance(config["default"], Mapping):
        raise PlanError("default", "expected a table [default]")
    default = _plan("default", config.get("default", {}), _BUILT_IN)
    by_key: dict[str, ResponsePlan] = {}
    types = {t.value for t in IncidentType}
    for name, table in config.items():
        if name == "default":
            continue
        if name not in types:
            raise PlanError(name, f"unknown incident type (known: default, {', '.join(sorted(types))})")
        if not isinstance(table, Mapping):
            raise PlanError(name, f"expected a table [{name}]")
        kind = IncidentType(name)
        subs = {k: v for k, v in table.items() if isinstance(v, Mapping) and k != "roles"}
        own = {k: v for k, v in table.items() if k not in subs}
        type_plan = _plan(name, own, default)
        by_key[name] = type_plan
        for sub, sub_table in subs.items():
            if sub not in SUBTYPES[kind]:
                known = ", ".join(SUBTYPES[kind])
                raise PlanError(f"{name}.{sub}", f"unknown subtype of {name} (known: {known})")
            by_key[f"{name}.{sub}"] = _plan(f"{name}.{sub}", sub_table, type_plan)
    return PlanBook(default, by_key)


def load_plans(path: Path | str | None = None) -> PlanBook:
    """The plans of `path` (default `resources/plans.toml`)."""
    path = Path(path) if path is not None else DEFAULT_PLANS_PATH
    try:
        with path.open("rb") as fh:
            config = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise PlanError("", f"{path.name} is not valid TOML: {exc}") from None
    except OSError as exc:
        raise PlanError("", f"cannot read {path.name}: {exc.strerror or exc}") from None
    return build_plans(config)


@dataclass(frozen=True, slots=True)
class Proposal:
    chosen: list[Candidate]
    """Per role in the plan's order, its nearest fresh guards (fastest first within the role)."""
    missing: dict[str, int]
    """Role → how many the plan asked for that no fresh, free guard could fill: tell the commander."""

    @property
    def guards(self) -> list[str]:
        return [c.guard for c in self.chosen]


def propose(plan: ResponsePlan, ranked: Iterable[Candidate], busy: Iterable[str] = ()) -> Proposal:
    """The guards the plan asks for: for each role, the first `n` fresh, free candidates of that role in
    `ranked` (travel-time order, e.g. `nearest_guards(..., roles=plan.one_call_roles)`). A stale fix is
    never proposed; a role short of guards is reported, not filled with another role."""
    held = set(busy)
    by_role: dict[str, list[Candidate]] = {}
    for c in ranked:
        if not c.stale and c.guard not in held:
            by_role.setdefault(c.role, []).append(c)
    chosen: list[Candidate] = []
    missing: dict[str, int] = {}
    for role, n in plan.roles.items():
        picked = by_role.get(role, [])[:n]
        chosen.extend(picked)
        if len(picked) < n:
            missing[role] = n - len(picked)
    return Proposal(chosen, missing)


def one_call_candidates(plan: ResponsePlan, ranked: Iterable[Candidate]) -> list[Candidate]:
    """ "One call" under a plan: only the roles the plan names are summoned."""
    roles = plan.one_call_roles
    return [c for c in ranked if c.role in roles]


class _IncidentLookup(Protocol):
    def get_incident(self, incident_id: str) -> Incident | None: ...


def _plan_limit(
    book: PlanBook, incidents: _IncidentLookup, seconds: Callable[[ResponsePlan], float]
) -> Callable[[Dispatch], float | None]:
    """A desk time limit read from the incident's response plan (cached per incident); None for an alert's
    dispatch, which keeps the desk's own setting."""
    cache: dict[str, float | None] = {}

    def limit(dispatch: Dispatch) -> float | None:
        target = dispatch.alert_id
        if not target.startswith(INCIDENT_ID_PREFIX):
            return None
        if target not in cache:
            incident = incidents.get_incident(target)
            plan = None if incident is None else book.plan_for(incident.type, incident.subtype)
            cache[target] = None if plan is None else seconds(plan)
        return cache[target]

    return limit


def plan_accept_limit(book: PlanBook, incidents: _IncidentLookup) -> Callable[[Dispatch], float | None]:
    """The desk's `accept_limit`: a dispatch to an incident escalates after its plan's `accept_within_s`
    (a fire's 30 s, not the desk's 60 s); a dispatch to an alert keeps the desk's setting (None)."""
    return _plan_limit(book, incidents, lambda plan: plan.accept_within_s)


def plan_on_scene_limit(book: PlanBook, incidents: _IncidentLookup) -> Callable[[Dispatch], float | None]:
    """The desk's `on_scene_limit`: a dispatch to an incident escalates when its guard is not on scene by
    the plan's `on_scene_within_s` (the 1-3-5 rings' 5 minutes by default); an alert's: None."""
    return _plan_limit(book, incidents, lambda plan: plan.on_scene_within_s)


def overdue(plan: ResponsePlan, dispatch: Dispatch, now_ts: int) -> str | None:
    """ "accept" or "on_scene" when the dispatch has missed that limit of the plan by `now_ts`, else None."""
    issued = dispatch.issued_ts
    if dispatch.state.is_final:
        return None
    if dispatch.accepted_ts is None and now_ts - issued >= plan.accept_within_s * 1000:
        return "accept"
    if dispatch.on_scene_ts is None and now_ts - issued >= plan.on_scene_within_s * 1000:
        return "on_scene"
    return None
