"""Giving memory back to the system once a big job is over (issue 17: RSS after a replay and an export).

CPython and SQLite free their objects into glibc's heap, which keeps the pages mapped for later; after a
replay or an export that is hundreds of MB the window no longer needs. `release_heap` asks glibc to return
what it holds unused (`malloc_trim`); elsewhere (no glibc) it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from functools import cache
from typing import Any


@cache
def _libc() -> Any:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        libc = ctypes.CDLL(name)
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") else None


def release_heap() -> bool:
    """Collect cycles, then return free heap pages to the system; whether the trim was available."""
    gc.collect()
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True
