"""Audit log: a hash chain that names the first edited, deleted or reordered entry, and a cut-off tail."""

from __future__ import annotations

import itertools
import sqlite3
import threading
from pathlib import Path

import pytest

from sandbox_app.privacy import db
from sandbox_app.privacy.audit import GENESIS, AuditLog, AuditTrail, entry_hash
from tests.privacy.conftest import ManualClock


def filled(path: Path, n: int = 6) -> AuditLog:
    clock = ManualClock()
    log = AuditLog(db.connect(path), clock.now_ms)
    for i in range(n):
        clock.now += 1000
        log.record(f"user{i % 2}", "alert.acknowledged", f"A{i}", {"note": f"测试 {i}", "n": i})
    return log


def tamper(path: Path, *sql: str) -> None:
    """What someone with the file does: drop the append-only triggers, then edit."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    for statement in sql:
        conn.execute(statement)
    conn.close()


def test_intact_chain_verifies_and_links(tmp_path: Path) -> None:
    log = filled(tmp_path / "a.db")
    entries = log.entries()
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5, 6]
    assert entries[0].prev == GENESIS
    assert all(b.prev == a.hash for a, b in itertools.pairwise(entries))
    first = entries[0]
    assert first.hash == entry_hash(
        GENESIS, 1, first.ts, "user0", "alert.acknowledged", "A0", '{"n":0,"note":"测试 0"}'
    )
    assert log.verify() is None
    assert log.verify(anchor=log.head()) is None


def test_sql_cannot_update_or_delete(tmp_path: Path) -> None:
    filled(tmp_path / "a.db")
    conn = sqlite3.connect(tmp_path / "a.db")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_log SET actor = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_log WHERE seq = 2")


@pytest.mark.parametrize(
    "sql, seq, reason",
    [
        (["UPDATE audit_log SET actor = 'someone else' WHERE seq = 3"], 3, "edited"),
        (["UPDATE audit_log SET detail = '{\"n\":4}' WHERE seq = 4"], 4, "edited"),
        (["UPDATE audit_log SET ts = ts + 1 WHERE seq = 1"], 1, "edited"),
        (["DELETE FROM audit_log WHERE seq = 2"], 2, "missing"),
        # deleted and the rest renumbered: the next entry no longer follows its predecessor
        (
            ["DELETE FROM audit_log WHERE seq = 2", "UPDATE audit_log SET seq = seq - 1 WHERE seq > 2"],
            2,
            "does not follow",
        ),
        # two entries swapped (content and links moved, seq kept)
        (
            [
                "UPDATE audit_log SET seq = 100 WHERE seq = 4",
                "UPDATE audit_log SET seq = 4 WHERE seq = 5",
                "UPDATE audit_log SET seq = 5 WHERE seq = 100",
            ],
            4,
            "does not follow",
        ),
        (["DELETE FROM audit_log WHERE seq = 6"], 6, "cut"),
    ],
)
def test_tampering_is_found_at_the_first_broken_entry(
    tmp_path: Path, sql: list[str], seq: int, reason: str
) -> None:
    filled(tmp_path / "a.db").close()
    tamper(tmp_path / "a.db", *sql)
    broken = AuditLog.open(tmp_path / "a.db").verify()
    assert broken is not None
    assert (broken.seq, reason in broken.reason) == (seq, True), broken


def test_rewritten_chain_is_caught_by_an_anchor(tmp_path: Path) -> None:
    """Someone who recomputes every hash after an edit fools the chain, not an anchor kept elsewhere."""
    log = filled(tmp_path / "a.db")
    anchor = log.head()
    log.close()
    conn = sqlite3.connect(tmp_path / "a.db", isolation_level=None)
    rows = conn.execute(
        "SELECT seq, ts, actor, action, target, detail FROM audit_log ORDER BY seq"
    ).fetchall()
    tamper(tmp_path / "a.db", "DELETE FROM audit_log")
    prev = GENESIS
    for seq, ts, actor, action, target, detail in rows:
        actor = "nobody" if seq == 2 else actor
        digest = entry_hash(prev, seq, ts, actor, action, target, detail)
        conn.execute(
            "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, ts, actor, action, target, detail, prev, digest),
        )
        prev = digest
    conn.execute("UPDATE meta SET value = ? WHERE key = 'audit.head'", (f"6:{prev}",))
    log = AuditLog.open(tmp_path / "a.db")
    assert log.verify() is None
    broken = log.verify(anchor)
    assert broken is not None and broken.seq == 6 and "anchor" in broken.reason


def test_concurrent_writers_form_one_chain(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    db.connect(path).close()
    logs = [AuditLog.open(path) for _ in range(3)]

    def write(log: AuditLog, k: int) -> None:
        for i in range(20):
            log.record(f"w{k}", "export", f"x{i}")

    threads = [threading.Thread(target=write, args=(log, k)) for k, log in enumerate(logs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(logs[0].entries()) == 60
    assert logs[0].verify() is None


def test_trail_never_raises_into_the_engine(tmp_path: Path) -> None:
    log = filled(tmp_path / "a.db", 1)
    trail = AuditTrail(log)
    trail("cmd", "alert.dispatched", "A1", {"note": "G1"})
    log.close()
    trail("cmd", "alert.closed", "A1", {})
    assert trail.failures == 1
