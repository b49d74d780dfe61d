"""Alert rules, one module per family; importing the package registers every family in `RULE_FAMILIES`.

Modules are discovered with pkgutil rather than listed, so adding a rule is one new file here plus its
section in `resources/rules.toml` (see docs/rules.md).
"""

from __future__ import annotations

import importlib
import pkgutil

from sandbox_app.rules.base import RULE_FAMILIES, Flagger, Liveness, Observer, Rule, Signal, register

for _module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["RULE_FAMILIES", "Flagger", "Liveness", "Observer", "Rule", "Signal", "register"]
