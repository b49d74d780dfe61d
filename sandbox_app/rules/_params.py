"""Typed, checked reading of one rule's TOML section.

A station edits `rules.toml` by hand, so every mistake must come back naming the exact key that is wrong
(`elderly_no_activity.gap_hours: expected a number > 0, got 'twelve'`) instead of a stack trace later. Each
rule reads its settings through `Params` and calls `done()` last, which rejects keys it never asked for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sandbox_app.domain.enums import Severity

COMMON_KEYS = frozenset({"enabled"})
"""Keys every section may carry; `load_rules` consumes them before the rule sees its section."""


class RuleConfigError(ValueError):
    """A rules file problem, always naming the offending key as `rule.key`."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


class Params:
    """One rule's section: typed getters with defaults, and a check that no unknown key is left."""

    def __init__(self, rule: str, config: Mapping[str, Any]) -> None:
        self.rule = rule
        self._config = config
        self._read: set[str] = set(COMMON_KEYS)

    def key(self, name: str) -> str:
        return f"{self.rule}.{name}"

    def _get(self, name: str) -> Any:
        self._read.add(name)
        return self._config.get(name)

    def number(self, name: str, default: float, *, positive: bool = True) -> float:
        value = self._get(name)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise RuleConfigError(self.key(name), f"expected a number, got {value!r}")
        if positive and value <= 0:
            raise RuleConfigError(self.key(name), f"expected a number > 0, got {value!r}")
        if value < 0:
            raise RuleConfigError(self.key(name), f"expected a number >= 0, got {value!r}")
        return float(value)

    def integer(self, name: str, default: int, *, minimum: int = 1) -> int:
        value = self._get(name)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            raise RuleConfigError(self.key(name), f"expected a whole number, got {value!r}")
        if value < minimum:
            raise RuleConfigError(self.key(name), f"expected a whole number >= {minimum}, got {value!r}")
        return value

    def share(self, name: str, default: float) -> float:
        """A fraction in (0, 1]."""
        value = self.number(name, default)
        if value > 1:
            raise RuleConfigError(self.key(name), f"expected a share between 0 and 1, got {value!r}")
        return value

    def boolean(self, name: str, default: bool) -> bool:
        value = self._get(name)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise RuleConfigError(self.key(name), f"expected true or false, got {value!r}")
        return value

    def text(self, name: str, default: str) -> str:
        value = self._get(name)
        if value is None:
            return default
        if not isinstance(value, str):
            raise RuleConfigError(self.key(name), f"expected a string, got {value!r}")
        return value

    def strings(self, name: str, default: Sequence[str] = ()) -> tuple[str, ...]:
        value = self._get(name)
        if value is None:
            return tuple(default)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RuleConfigError(self.key(name), f"expected a list of strings, got {value!r}")
        return tuple(value)

    def table(self, name: str) -> dict[str, Any]:
        """A nested table such as `[gps_sanity.max_kmh]`; empty when absent."""
        value = self._get(name)
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise RuleConfigError(self.key(name), f"expected a table, got {value!r}")
        return dict(value)

    def numbers(self, name: str) -> dict[str, float]:
        """A nested table of positive numbers by name, e.g. per role or per device kind."""
        out = {}
        for sub, value in self.table(name).items():
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise RuleConfigError(f"{self.key(name)}.{sub}", f"expected a number > 0, got {value!r}")
            out[sub] = float(value)
        return out

    def severity(self, default: Severity) -> Severity:
        value = self._get("severity")
        if value is None:
            return default
        try:
            return Severity(value)
        except ValueError:
            known = ", ".join(s.value for s in Severity)
            raise RuleConfigError(self.key("severity"), f"expected one of {known}, got {value!r}") from None

    def timestamp(self, name: str, timezone: str) -> int | None:
        """A moment as a TOML date-time (naive ones are local to the district), ISO text or epoch ms."""
        value = self._get(name)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                raise RuleConfigError(self.key(name), f"expected a date-time, got {value!r}") from None
        if isinstance(value, datetime):
            if value.tzinfo is None:
                value = value.replace(tzinfo=ZoneInfo(timezone))
            return int(value.timestamp() * 1000)
        if isinstance(value, date) and not isinstance(value, datetime):
            return int(datetime.combine(value, time(0), ZoneInfo(timezone)).timestamp() * 1000)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
        raise RuleConfigError(self.key(name), f"expected a date-time or epoch milliseconds, got {value!r}")

    def done(self) -> None:
        """Reject keys the rule never read: a typo must not silently fall back to a default."""
        unknown = sorted(set(self._config) - self._read)
        if unknown:
            known = ", ".join(sorted(self._read - COMMON_KEYS)) or "none"
            raise RuleConfigError(self.key(unknown[0]), f"unknown setting (this rule knows: {known})")
