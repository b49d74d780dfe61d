"""Giving memory back to the system once a big job is over (issue 17: RSS after a replay and an export).

CPython and SQLite free their objects into glibc's heap, which keeps the pages mapped for later; after a
replay or an export that is hundreds of MB the window no longer needs. `release_heap` asks glibc to return
what it holds unused (`malloc_trim`); elsewhere (no glibc) it does nothing.

`forget_import_sources` stops PySide6 from keeping the source text of every module imported after it
(~40 MB of Python strings at the window's start, issue 17).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import linecache
import sys
from collections.abc import Callable
from functools import cache, wraps
from itertools import islice
from types import ModuleType
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


def forget_import_sources() -> bool:
    """Keep linecache free of the modules PySide6 reads at import; whether PySide6's check was found.

    shiboken6 hooks `__import__` and reads each newly imported module's source (`inspect.getsource`) to see
    whether it uses PySide6 (PYSIDE-2029, `shibokensupport.feature._mod_uses_pyside`). inspect goes through
    linecache, which keeps every line of every module read: for the window's ~1,500 modules ~40 MB of
    strings (tracemalloc, `linecache.py:137`), held for the process's life though only a traceback would
    ever read them again. Here the check still runs; only the lines it cached are dropped again (a traceback
    reads its few files anew). Call it once PySide6 is imported, before the bulk of the imports."""
    import shiboken6  # noqa: F401  (installs the import hook and its `shibokensupport.feature` module)

    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or check is None:
        return False
    if getattr(check, "_forgets_sources", False):
        return True
    feature._mod_uses_pyside = _forgetting(check)  # type: ignore[attr-defined]
    linecache.clearcache()  # what it read before this call
    return True


def _forgetting(check: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    @wraps(check)
    def uses_pyside(module: ModuleType) -> bool:
        known = len(linecache.cache)
        try:
            return check(module)
        finally:  # the entries it added come last (dicts keep insertion order)
            for name in list(islice(linecache.cache, known, None)):
                linecache.cache.pop(name, None)

    uses_pyside._forgets_sources = True  # type: ignore[attr-defined]
    return uses_pyside
