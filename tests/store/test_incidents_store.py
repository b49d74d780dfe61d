"""Incidents in both stores: stored, read back, updated, and a redelivered 110 record stored once."""

from __future__ import annotations

import pytest

from sandbox_app.domain.incidents import (
    Incident,
    IncidentError,
    IncidentSource,
    IncidentState,
    IncidentType,
    Place,
)
from tests.store.conftest import Opener

T0 = 1_700_000_000_000


def _incident(ref: str, ts: int = T0, summary: str = "两人在小区门口打架") -> Incident:
    return Incident(
        id=f"INC-cad110-{ref}",
        type=IncidentType.PUBLIC_ORDER,
        subtype="fight",
        place=Place("测试路8号", 121.4, 31.2),
        reported_ts=ts,
        summary=summary,
        source=IncidentSource.CAD110,
        source_ref=ref,
        caller="13900001111",
    )


def test_incidents_round_trip_and_redelivery_is_stored_once(opener: Opener) -> None:
    store = opener()
    first, created = store.add_incident(_incident("JJ1"))
    assert created
    again, created = store.add_incident(_incident("JJ1", summary="resent with other text"))
    assert not created and again == first  # the first copy wins
    store.add_incident(_incident("JJ0", ts=T0 - 1))
    assert [i.id for i in store.incidents()] == ["INC-cad110-JJ0", "INC-cad110-JJ1"]
    assert store.get_incident("INC-cad110-JJ1") == first
    assert store.get_incident("INC-nope") is None

    first.close("cmdr", T0 + 9, "handled", "双方已劝离")
    store.update_incident(first)
    reopened = opener()
    assert reopened.get_incident(first.id).state is IncidentState.CLOSED
    assert [i.id for i in reopened.incidents(open_only=True)] == ["INC-cad110-JJ0"]


def test_an_id_taken_by_another_record_is_refused(opener: Opener) -> None:
    store = opener()
    store.add_incident(_incident("JJ1"))
    clash = _incident("JJ2")
    clash.id = "INC-cad110-JJ1"
    with pytest.raises(IncidentError, match="taken by another record"):
        store.add_incident(clash)


def test_updating_an_unknown_incident_is_refused(opener: Opener) -> None:
    with pytest.raises(IncidentError, match="not in the store"):
        opener().update_incident(_incident("JJ9"))
