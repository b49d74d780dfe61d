"""Helpers every test folder shares: waiting on a condition, and the committed demo package.

One `wait_until` for threads, sockets and brokers (GUI tests use `qtbot.waitUntil`, which also runs the Qt
event loop while it waits): it polls a condition instead of sleeping a guessed time, so a slow machine makes
a test slower, never wrong.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sandbox_app.data.resources import demo_package

POLL_S = 0.02


def wait_until(condition: Callable[[], object], timeout_s: float = 10.0, what: str = "the condition") -> None:
    """Return as soon as `condition()` is true; fail the test after `timeout_s` seconds."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_s} s waiting for {what}")
        time.sleep(POLL_S)


def committed_demo() -> Path:
    """resources/demo: it is committed, so a test that needs it uses it, and fails (never skips) when it is
    missing: that is a broken checkout, not an optional extra."""
    path = demo_package()
    if not (path / "manifest.json").is_file():
        pytest.fail(f"the committed demo package is missing or incomplete: {path}")
    return path
