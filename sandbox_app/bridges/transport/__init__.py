"""Shared transports: the MQTT client and the HTTP poller live here once; protocol modules only decode.

A transport moves bytes, hands decoded items to a `Sink`, and acknowledges (MQTT PUBACK) or advances its
cursor (HTTP) only after the sink returned, because the sink returns only once the batch is durable. That
order is what makes "no acknowledged event lost" hold across crashes on either side.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from sandbox_app.domain.events import Event, Rejection

Item = Event | Rejection
Sink = Callable[[Sequence[Item]], object]
"""Takes a batch and returns only after it is durable (e.g. `Engine.ingest`)."""


class BridgeClock(Protocol):
    """What a transport needs of time: receipt stamps and durations (`sandbox_app.engine.clock.WallClock`)."""

    def now_ms(self) -> int: ...

    def monotonic_s(self) -> float: ...
