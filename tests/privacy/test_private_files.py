"""Files with residents' data are created 0600 and their folders 0700 whatever the umask, and an existing
looser file is warned about on open (issue 14)."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from sandbox_app.privacy import db as privacy_db
from sandbox_app.replay.entries import Entry
from sandbox_app.replay.export import write_csv, write_geojson
from sandbox_app.store.private_files import create_private, open_private, private_dir, warn_if_loose
from sandbox_app.store.queries import Db
from sandbox_app.store.sqlite import SqliteStore
from sandbox_app.video.snapshots import SnapshotStore


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    """The widest common umask (000): nothing may rely on the umask for privacy."""
    old = os.umask(0)
    yield
    os.umask(old)


def test_store_database_and_its_wal_and_shm_are_0600(tmp_path: Path) -> None:
    path = tmp_path / "sandbox.db"
    store = SqliteStore(path)
    try:
        files = [p for p in tmp_path.iterdir() if p.name.startswith("sandbox.db")]
        assert {p.name for p in files} >= {"sandbox.db", "sandbox.db-wal", "sandbox.db-shm"}
        assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
    finally:
        store.close()


def test_privacy_database_and_read_connection_create_0600(tmp_path: Path) -> None:
    conn = privacy_db.connect(tmp_path / "users.db")
    conn.close()
    assert mode(tmp_path / "users.db") == 0o600
    Db.open(str(tmp_path / "read.db")).conn.close()
    assert mode(tmp_path / "read.db") == 0o600


def test_exports_are_0600_even_over_an_existing_0644_file(tmp_path: Path) -> None:
    entries = [Entry(1_700_000_000_000, "door.open", "D1", 116.3, 40.0, "测试")]
    for name, write in (("case.csv", write_csv), ("case.geojson", write_geojson)):
        out = tmp_path / name
        out.write_text("old")
        out.chmod(0o644)
        write(entries, out, "Asia/Shanghai")
        assert mode(out) == 0o600, name


def test_snapshots_are_0600_in_a_0700_folder(tmp_path: Path) -> None:
    snaps = SnapshotStore(tmp_path / "data" / "snapshots")
    saved = Path(snaps.save_jpeg("alert:1", b"\xff\xd8\xff\xd9"))
    assert mode(saved) == 0o600
    assert mode(tmp_path / "data" / "snapshots") == 0o700
    assert mode(tmp_path / "data") == 0o700


def test_helpers_for_writers_that_open_files_themselves(tmp_path: Path) -> None:
    pdf = tmp_path / "case.pdf"
    pdf.write_bytes(b"%PDF")
    pdf.chmod(0o644)
    create_private(pdf)
    assert mode(pdf) == 0o600 and pdf.read_bytes() == b"%PDF"
    with open_private(tmp_path / "audit.log", "a", encoding="utf-8") as f:
        f.write("x\n")
    assert mode(tmp_path / "audit.log") == 0o600
    existing = tmp_path / "mine"
    existing.mkdir(mode=0o755)
    private_dir(existing / "a" / "b")
    assert mode(existing) == 0o755  # an existing folder is not changed behind its owner's back
    assert mode(existing / "a") == mode(existing / "a" / "b") == 0o700


def test_a_looser_existing_database_is_warned_about_on_open(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "old.db"
    SqliteStore(path).close()
    path.chmod(0o644)
    caplog.set_level(logging.WARNING)
    SqliteStore(path).close()
    assert any("old.db is open to other accounts (mode 0644)" in r.getMessage() for r in caplog.records)
    assert warn_if_loose(tmp_path / "absent.db") == []


def test_every_sqlite_file_is_prepared_before_it_is_opened() -> None:
    """A new `sqlite3.connect` of a database file must go through `prepare_sqlite` (0600, warning); a
    read-only open of someone else's file (an MBTiles basemap, `mode=ro`) creates nothing and is exempt."""
    repo = Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(repo))
        for top in ("sandbox_app", "widgets", "layers")
        for path in (repo / top).rglob("*.py")
        if "sqlite3.connect(" in (text := path.read_text(encoding="utf-8"))
        and "prepare_sqlite(" not in text
        and 'sqlite3.connect(":memory:")' not in text
        and text.count("sqlite3.connect(") != text.count('?mode=ro"')
    ]
    assert offenders == []
