"""The connection cap both listening kinds share (tracker TCP and HTTP bridges).

A bridge serves at most `limit` connections at once; one more is refused before a thread starts. The count of
open connections is public so health reports and tests can wait on it instead of guessing a delay: the slot
is released in the handler thread after the client already saw its socket close.
"""

from __future__ import annotations

import threading


class ConnectionSlots:
    """Counts connections in service against a fixed limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.refused = 0
        self._open = 0
        self._lock = threading.Lock()

    @property
    def open(self) -> int:
        """Connections being served now."""
        with self._lock:
            return self._open

    def take(self) -> bool:
        """Claim a slot for a new connection; False (and counted as refused) when all are in use."""
        with self._lock:
            if self._open >= self.limit:
                self.refused += 1
                return False
            self._open += 1
            return True

    def give_back(self) -> None:
        """Free the slot of a connection that ended (or whose thread never started)."""
        with self._lock:
            if self._open <= 0:
                raise RuntimeError("a connection slot was given back twice")
            self._open -= 1
