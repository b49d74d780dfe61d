"""Chinese names of alert rules for the core (the guard's phone page), read from the desk's own
translation file at start: the wording has one home, `resources/translations/sandbox_zh_CN.ts`.

The codes live beside their English sources in the widgets' table (`widgets/texts.py` RULES), each marked
`#: code <code>`; lupdate writes that mark into the .ts as the message's `<extracomment>`, so the .ts alone
maps a code to its words. The core never imports Qt: the .ts is plain XML (stdlib). A message not yet
translated reads as its English source. (A 110 incident's type already has its words in the core:
`Incident.label`, the labels police write, `domain/incidents.py`.)
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from sandbox_app.data.resources import resource_path

log = logging.getLogger(__name__)

CODE_MARK = "code "
RULE_CONTEXT = "AlertsPanel"


def ts_names(path: Path, context: str) -> dict[str, str]:
    """Code → words for the messages of `context` in the .ts at `path` that carry a `code` mark: the
    translation when finished, else the English source; {} when the file cannot be read."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        log.warning("translations %s not readable (%s): codes read as they are", path, exc)
        return {}
    found: dict[str, str] = {}
    for ctx in root.iter("context"):
        if (ctx.findtext("name") or "").strip() != context:
            continue
        for message in ctx.iter("message"):
            codes = [
                line.strip()[len(CODE_MARK) :].strip()
                for line in (message.findtext("extracomment") or "").splitlines()
                if line.strip().startswith(CODE_MARK)
            ]
            if not codes:
                continue
            source = message.findtext("source") or ""
            translation = message.find("translation")
            done = translation is not None and translation.get("type") is None  # not unfinished/obsolete
            text = (translation.text or "").strip() if translation is not None else ""
            words = text if done and text else source
            for code in codes:
                found[code] = words
    return found


@dataclass(frozen=True, slots=True)
class Wording:
    """What the phone page says about an order raised by an alert: the alert's kind."""

    rules: dict[str, str] = field(default_factory=dict)

    def rule(self, rule: str) -> str:
        """The rule's name (e.g. 烟感报警); "" for a rule the file does not know (never the raw code)."""
        return self.rules.get(rule, "")


@cache
def load_wording(language: str = "zh_CN") -> Wording:
    """The wording in `language` (the station's phones are Chinese), read once per process."""
    path = resource_path("translations", f"sandbox_{language}.ts")
    return Wording(ts_names(path, RULE_CONTEXT))
