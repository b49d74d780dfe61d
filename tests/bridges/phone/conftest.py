"""Fixtures the phone tests share: the demo district and a running phone station on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sandbox_app.data.package import load_package
from sandbox_app.domain.model import District
from tests.bridges.phone.phone_station import PhoneStation, write_phone_config
from tests.support import committed_demo


@pytest.fixture(scope="module")
def demo() -> District:
    """The committed demo district, read once per test module."""
    return load_package(committed_demo())


@pytest.fixture
def station(tmp_path: Path, demo: District) -> Iterator[PhoneStation]:
    """A running phone station on the demo district with its own store and bridges file."""
    s = PhoneStation(tmp_path / "station.db", write_phone_config(tmp_path / "bridges.toml"), demo)
    try:
        yield s
    finally:
        s.close()
