"""The simulator's first live batch comes out right after `run` starts, not a whole tick later (issue 17:
the window's first live data; the window ticks every 0.5 s)."""

from __future__ import annotations

import threading
import time

from sandbox_app.bridges.simulator.source import FIRST_TICK_S, Simulator
from sandbox_app.engine.clock import WallClock
from tests.bridges.test_simulator import START, small_district


def test_first_batch_within_a_fraction_of_the_tick() -> None:
    sim = Simulator(small_district(), 7, START, speed=600.0)
    clock = WallClock()
    stop = threading.Event()
    first: list[float] = []
    began = time.monotonic()

    def sink(batch: list[object]) -> None:
        if not first:
            first.append(time.monotonic() - began)
            stop.set()

    runner = threading.Thread(target=sim.run, args=(sink, clock, stop), kwargs={"tick_s": 5.0})
    runner.start()
    runner.join(10.0)
    stop.set()
    assert first, "no batch within 10 s"
    assert first[0] < 5.0 * 0.5, f"first batch after {first[0]:.2f} s (tick 5 s, first look {FIRST_TICK_S} s)"
