"""Fixtures for rule tests."""

from __future__ import annotations

import pytest

from sandbox_app.domain.model import District
from tests.rules.helpers import district


@pytest.fixture
def dist() -> District:
    return district()
