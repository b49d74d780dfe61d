"""The in-process publish/subscribe between the engine and its watchers (GUI bridge, exporters, tests).

Subscribers register per message type. Delivery is synchronous on the publisher's thread; the Qt side
(`widgets/qt_bus.py`) re-posts onto the UI thread. A failing subscriber is logged and skipped: one broken
panel must never stop the pipeline.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class Bus:
    def __init__(self) -> None:
        self._subs: dict[type, list[Callable[[Any], None]]] = {}

    def subscribe(self, kind: type[T], callback: Callable[[T], None]) -> Callable[[], None]:
        """Call `callback` with every published message of type `kind`; returns an unsubscribe function."""
        subs = self._subs.setdefault(kind, [])
        subs.append(callback)

        def unsubscribe() -> None:
            if callback in subs:
                subs.remove(callback)

        return unsubscribe

    def has_subscribers(self, kind: type) -> bool:
        return bool(self._subs.get(kind))

    def publish(self, message: object) -> None:
        for callback in list(self._subs.get(type(message), ())):
            try:
                callback(message)
            except Exception:
                log.exception("bus subscriber %r failed on %s", callback, type(message).__name__)
