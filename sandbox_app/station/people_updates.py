"""Residents' self-registration arriving live through the GA/T 1400 bridge (issue 21).

`PeopleUpdates` is the [gat1400] server's record sink. Person records (`/VIID/Community/PersonInfos`) are
translated into delta rows (`bridges/gat1400/people.py`) and go through the delta file's own checks and
apply (`data/delta.apply_people_rows`): the same validation, all or nothing, the district changed in place
(so the running rules, search and map see the new residents), then persisted to the store and audited
with the sending platform as the actor. A refused batch changes nothing, is audited as refused, and the
sender gets StatusCode 8 with the problems in the bridge's health (`Gat1400Error`). Other community
records (cars, doors, APEs) are not people: they are acknowledged and left alone, as before.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from sandbox_app.bridges.gat1400.codec import Gat1400Error
from sandbox_app.bridges.gat1400.people import PERSON_INFOS, PersonRecords
from sandbox_app.data.problems import PackageError
from sandbox_app.domain.model import District

if TYPE_CHECKING:  # the delta checks pull in pandas and pyogrio (~95 MB resident): only once records come
    from sandbox_app.data.delta import DeltaResult

log = logging.getLogger(__name__)
AuditFn = Callable[[str, str, str, dict[str, Any]], object]
"""(actor, action, target, detail), like the engine's (`privacy.audit.AuditTrail`)."""
ACTION = "data.delta"
"""The audit action of a delta file too (`cli/delta.py`): one kind of change, whichever way it came."""
MAX_REASONS = 5


class PeopleUpdates:
    """`(path, records, sender)` → the delta applied (None for records that are not people)."""

    def __init__(
        self,
        district: District,
        persist: Callable[[District], object],
        audit: AuditFn | None = None,
        on_applied: Callable[[DeltaResult], object] | None = None,
    ) -> None:
        """`persist` writes the changed district (the store's `replace_district`); `on_applied` hears of
        each applied batch (a live session tells its window)."""
        self.district = district
        self.persist = persist
        self.audit = audit
        self.on_applied = on_applied
        self._lock = threading.Lock()
        """The server serves each connection on its own thread: one batch at a time."""

    def __call__(self, path: str, records: Sequence[Any], sender: str = "") -> DeltaResult | None:
        if path != PERSON_INFOS:
            return None
        actor, target = f"gat1400:{sender or '?'}", f"gat1400:{path}"
        from sandbox_app.data.delta import apply_people_rows

        with self._lock:
            rows = PersonRecords(self.district).rows(records, self.district.people.__contains__)
            try:
                result = apply_people_rows(self.district, rows, f"GA/T 1400 {path}")
            except PackageError as exc:
                reasons = [str(p) for p in exc.problems[:MAX_REASONS]]
                if self.audit is not None:
                    self.audit(actor, ACTION + ".refused", target, {"problems": exc.total})
                raise Gat1400Error(f"{exc.total} problem(s), nothing applied: {'; '.join(reasons)}") from exc
            self.persist(self.district)
        counts = {k: len(v) for k, v in result.to_json().items()}
        if self.audit is not None:
            self.audit(actor, ACTION, target, {**counts, **result.to_json()})
        log.info("GA/T 1400 people from %s: %s", sender or "?", counts)
        if self.on_applied is not None:
            self.on_applied(result)
        return result
