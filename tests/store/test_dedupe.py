"""EventIds: the seal sorts ids only when they did not arrive in ascending batches."""

from __future__ import annotations

from pathlib import Path

from sandbox_app.domain.events import Event
from sandbox_app.store.sqlite import SqliteStore


def _beats(prefix: str, n: int) -> list[Event]:
    return [Event(f"{prefix}{i}", i, "D", "device.heartbeat") for i in range(n)]


def _seal_statements(path: Path, batches: list[list[Event]]) -> tuple[SqliteStore, list[str]]:
    store = SqliteStore(path, seal_every=6)
    seen: list[str] = []
    store._conn.set_trace_callback(seen.append)
    for batch in batches:
        store.append_events(batch)
    store._conn.set_trace_callback(None)
    return store, [s for s in seen if "INTO event_ids" in s]


def test_ascending_batches_seal_in_log_order(tmp_path: Path) -> None:
    store, seals = _seal_statements(tmp_path / "up.db", [_beats("a", 3), _beats("b", 3)])
    assert len(seals) == 1 and "ORDER BY" not in seals[0]
    assert store.append_events(_beats("a", 4) + _beats("b", 3)) == [_beats("a", 4)[3]]
    store.close()


def test_out_of_order_batches_seal_sorted_and_still_find_every_duplicate(tmp_path: Path) -> None:
    store, seals = _seal_statements(tmp_path / "down.db", [_beats("b", 3), _beats("a", 3), _beats("c", 6)])
    assert len(seals) == 2
    assert "ORDER BY 1" in seals[0]  # a* came after b*
    assert "ORDER BY" not in seals[1]  # c* above everything before: ascending again after the seal
    assert store.append_events(_beats("a", 3) + _beats("b", 3) + _beats("c", 6)) == []
    assert store.event_count() == 12
    store.close()


def test_ids_written_by_another_store_make_the_next_seal_sort(tmp_path: Path) -> None:
    other = SqliteStore(tmp_path / "two.db", seal_every=100)
    other.append_events(_beats("z", 2))
    store, seals = _seal_statements(tmp_path / "two.db", [_beats("a", 2), _beats("b", 3)])
    assert len(seals) == 1 and "ORDER BY 1" in seals[0]
    assert other.append_events(_beats("b", 4)) == [_beats("b", 4)[3]]
    other.close()
    store.close()
