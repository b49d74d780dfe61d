"""Build the rule set from the station's TOML file.

Every registered family runs unless its section says `enabled = false`, so a rule added in an upgrade is on
with its documented defaults even in an older file. Any mistake (unknown rule, unknown or mistyped setting,
a TOML syntax error) raises `RuleConfigError` naming the key, before a single event is processed.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sandbox_app.data.resources import resource_path
from sandbox_app.domain.model import District
from sandbox_app.rules._params import RuleConfigError
from sandbox_app.rules.base import RULE_FAMILIES, Rule

__all__ = ["DEFAULT_RULES_PATH", "RuleConfigError", "build_rules", "load_rules", "read_rules_file"]

DEFAULT_RULES_PATH = resource_path("rules.toml")


def read_rules_file(path: Path | None = None) -> dict[str, Any]:
    path = Path(path) if path is not None else DEFAULT_RULES_PATH
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise RuleConfigError(path.name, f"not valid TOML: {exc}") from None
    except OSError as exc:
        raise RuleConfigError(path.name, f"cannot read the rules file: {exc.strerror or exc}") from None


def build_rules(district: District, config: Mapping[str, Any]) -> list[Rule]:
    """One rule object per enabled family, in name order (stable, so backtests compare run to run)."""
    import sandbox_app.rules  # noqa: F401 - registers every family

    for name, section in config.items():
        if name not in RULE_FAMILIES:
            known = ", ".join(sorted(RULE_FAMILIES))
            raise RuleConfigError(name, f"unknown rule (known rules: {known})")
        if not isinstance(section, Mapping):
            raise RuleConfigError(name, f"expected a table [{name}], got {section!r}")
    rules = []
    for name in sorted(RULE_FAMILIES):
        section = config.get(name, {})
        enabled = section.get("enabled", True)
        if not isinstance(enabled, bool):
            raise RuleConfigError(f"{name}.enabled", f"expected true or false, got {enabled!r}")
        if enabled:
            rules.append(RULE_FAMILIES[name](district, section))
    return rules


def load_rules(district: District, path: Path | None = None) -> list[Rule]:
    """The rules of `path` (default `resources/rules.toml`), built for this district."""
    return build_rules(district, read_rules_file(path))
