"""Users and audit on a real SQLite file, with a hand-driven clock and cheap argon2 parameters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sandbox_app.privacy import db
from sandbox_app.privacy.audit import AuditLog
from sandbox_app.privacy.users import LoginPolicy, UserBook, fast_hasher

T0 = 1_714_550_400_000


class ManualClock:
    def __init__(self, now: int = T0) -> None:
        self.now = now

    def now_ms(self) -> int:
        return self.now


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "sandbox.db"


@pytest.fixture
def book(db_path: Path, clock: ManualClock) -> Iterator[UserBook]:
    conn = db.connect(db_path)
    users = UserBook(
        conn,
        now_ms=clock.now_ms,
        hasher=fast_hasher(),
        policy=LoginPolicy(max_failures=3, lockout_minutes=10),
    )
    try:
        yield users
    finally:
        conn.close()


@pytest.fixture
def audit(book: UserBook) -> AuditLog:
    return book.audit
