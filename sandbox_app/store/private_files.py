"""Files and folders with residents' data, made readable by their owner only, whatever the umask.

The database (people, argon2 hashes, TOTP secrets) with its WAL/SHM, exports, case files, snapshots and
audit files used to be created 0644 under the usual umask 022: any local account could copy them
(issue 14). Everything the project creates for such data goes through this module: files 0600, folders
0700. The mode is set with fchmod/chmod after creation, which the umask does not touch. A file that
already exists with a looser mode is warned about when opened (`warn_if_loose`), never silently widened
or narrowed behind an administrator's back, except the files the project itself (re)writes.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path
from typing import IO, Any

FILE_MODE = 0o600
DIR_MODE = 0o700
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
"""SQLite creates these beside the database with the database file's own mode."""

_log = logging.getLogger(__name__)
_warned: set[str] = set()
"""Databases already warned about: read connections reopen the same file many times a session."""


def private_dir(path: str | Path) -> Path:
    """Create `path` (and missing parents) as 0700 folders; an existing folder is left as it is."""
    folder = Path(path)
    missing: list[Path] = []
    for p in (folder, *folder.parents):
        if p.exists():
            break
        missing.append(p)
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    for p in missing:
        os.chmod(p, DIR_MODE)
    return folder


def open_private(path: str | Path, mode: str = "w", **kwargs: Any) -> IO[Any]:
    """`open(path, mode)` for writing ("w", "wb", "a", "ab"), the file being 0600 before a byte is written."""
    if not any(m in mode for m in "wa"):
        raise ValueError(f"open_private is for writing, not mode {mode!r}")
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else os.O_TRUNC)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, mode, **kwargs)


def write_private_bytes(path: str | Path, data: bytes) -> None:
    with open_private(path, "wb") as f:
        f.write(data)


def create_private(path: str | Path) -> Path:
    """Make sure `path` exists as a 0600 file (content kept), for writers that open it themselves
    (SQLite, Qt's PDF writer, OpenCV's video writer keep an existing file's mode)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return Path(path)


def loose_reason(path: str | Path) -> str | None:
    """Why `path` is readable or writable by others than its owner, or None (also when it is absent)."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None
    if mode & 0o077:
        return f"{path} is open to other accounts (mode {mode:04o}); run `chmod 600 {path}`"
    return None


def warn_if_loose(path: str | Path) -> list[str]:
    """Log a warning for `path` and its SQLite side files when others may read them; returns the lines."""
    lines = [
        reason
        for p in (str(path), *(f"{path}{s}" for s in SQLITE_SIDE_FILES))
        if (reason := loose_reason(p)) is not None
    ]
    for line in lines:
        _log.warning("%s", line)
    return lines


def prepare_sqlite(path: str | Path) -> None:
    """Before SQLite opens a database file: a new one is created empty and 0600 (SQLite then gives its
    WAL/SHM the same mode); an existing one is checked and warned about when it is looser."""
    text = str(path)
    if text == ":memory:" or text.startswith("file:") or text == "":
        return
    if os.path.exists(text):
        if text not in _warned and warn_if_loose(text):
            _warned.add(text)
        return
    create_private(text)
