"""JSON Lines bridge: line numbers on rejections, duplicates kept for the store to drop, streaming batches."""

from __future__ import annotations

from pathlib import Path

from sandbox_app.bridges.jsonl.reader import read_batches, read_jsonl
from sandbox_app.domain.events import Event, Rejection
from sandbox_app.domain.model import District
from sandbox_app.engine.pipeline import Engine
from sandbox_app.store import open_store

T0 = 1_714_550_400_000

LINES = [
    '{"id": "e1", "ts": 1714550400000, "device": "D1", "kind": "door.open"}',
    "{not json",
    "",
    '{"id": "e2", "ts": "2024-05-01T16:00:01+08:00", "device": "D1", "kind": "door.close"}',
    '{"id": "e1", "ts": 1714550400000, "device": "D1", "kind": "door.open"}',
    '{"id": "e3", "ts": 1714550402000, "device": "G1", "kind": "gps.fix"}',
    '{"id": "e4", "ts": 1714550403000, "device": "G1", "kind": "gps.fix", "lon": 116.4, "lat": 39.9}',
]


def test_read_file_numbers_lines_and_skips_blanks(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    items = list(read_jsonl(path))
    assert [type(i).__name__ for i in items] == ["Event", "Rejection", "Event", "Event", "Rejection", "Event"]
    bad = [i for i in items if isinstance(i, Rejection)]
    assert [(r.line, r.reason.split(":")[0]) for r in bad] == [
        (2, "invalid JSON"),
        (6, "gps.fix needs lon and lat"),
    ]
    assert bad[0].raw == "{not json"
    good = [i for i in items if isinstance(i, Event)]
    assert [e.id for e in good] == ["e1", "e2", "e1", "e4"]
    assert good[1].ts == T0 + 1000


def test_batches_from_any_iterable() -> None:
    batches = list(read_batches(iter(LINES), batch_size=2))
    assert [len(b) for b in batches] == [2, 2, 2]  # six items: the blank third line is skipped, never decoded
    assert [i.line for b in batches for i in b if isinstance(i, Rejection)] == [2, 6]


def test_through_the_engine_good_events_around_bad_ones_kept(tmp_path: Path) -> None:
    store = open_store(":memory:")
    engine = Engine(store, District("t", "UTC"), [])
    result = engine.ingest(read_jsonl(LINES))
    assert result.to_json() == {
        "accepted": 3,
        "duplicates": 1,
        "conflicts": 0,
        "rejected": [
            {"line": 2, "reason": result.rejected[0]["reason"]},
            {"line": 6, "reason": "gps.fix needs lon and lat"},
        ],
    }
    assert result.rejected[0]["reason"].startswith("invalid JSON")
    assert sorted(e.id for e in store.events_between(0, T0 + 10_000)) == ["e1", "e2", "e4"]
