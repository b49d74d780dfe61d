"""The one way to find shipped files (demo district, translations, icons, style sheets) under resources/."""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return RESOURCES_DIR.joinpath(*parts)


def demo_package() -> Path:
    """The bundled demo district package that `make run` opens."""
    return resource_path("demo")
