"""The window on the real demo district, and a real import (good and broken package) through the menu path."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from layers import style
from sandbox_app.data.resources import demo_package
from sandbox_app.domain.enums import RoomUsage
from sandbox_app.domain.model import District
from sandbox_app.station.scene import Scene, load_scene
from tests.widgets.test_main_window import close_to, grab_map, pixel_at, show
from widgets.importer import default_job

pytestmark = pytest.mark.gui


def _rental_only_building(district: District) -> str:
    """The largest building whose rooms are all rentals (a building is tinted by its share of rented
    rooms, so only this one must draw fully rental blue)."""
    usages: dict[str, set[RoomUsage]] = {}
    for room in district.rooms.values():
        usages.setdefault(room.building_id, set()).add(room.usage)
    rental = [b for b, u in usages.items() if u == {RoomUsage.RENTAL}]
    assert rental, "the demo should have rental rooms"
    return max(rental, key=lambda b: district.buildings[b].footprint.area)


def test_demo_draws_rentals_blue_and_guards(qtbot: QtBot, tmp_path: Path, demo: District) -> None:
    guard = next(iter(demo.guards.values()))
    gate = next(iter(demo.gates.values()))
    window = show(qtbot, Scene(demo, {guard.id: (gate.location.x, gate.location.y)}))
    image = grab_map(window, tmp_path)
    footprint = demo.buildings[_rental_only_building(demo)].footprint
    inner = footprint.buffer(-2e-5)  # ~2 m inside the outline, where the fill (not the edge) shows
    colours = [pixel_at(window, image, x, y) for x, y in list(inner.exterior.coords)[:-1]]
    assert any(_blue(c) for c in colours), colours  # fully rented: the fill is rental blue (map's alpha)
    expected = style.GUARD_ROLE[guard.role].rgba
    assert close_to(pixel_at(window, image, gate.location.x, gate.location.y), expected)
    assert _count_blue(image) > 50


def _blue(rgb: tuple[int, ...]) -> bool:
    """Rental blue as drawn on the map: blue well above red, and not below green (fills are translucent)."""
    return rgb[2] - rgb[0] > 80 and rgb[2] >= rgb[1]


def _count_blue(image: QImage) -> int:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    arr = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    rgb = arr[:, : image.width() * 4].reshape(image.height(), image.width(), 4)[..., :3].astype(int)
    return int(((rgb[..., 2] - rgb[..., 0] > 80) & (rgb[..., 2] >= rgb[..., 1])).sum())


def test_import_of_the_demo_lands_in_the_store(qtbot: QtBot, tmp_path: Path, demo: District) -> None:
    db = tmp_path / "imported.db"
    window = show(qtbot, Scene(District("", "UTC")), import_job=default_job(db))
    with qtbot.waitSignal(window.importer.imported, timeout=60_000):
        window.import_package(demo_package())
    qtbot.waitUntil(lambda: window.importer.worker is None, timeout=10_000)
    assert len(window.scene.district.buildings) == len(demo.buildings)
    reloaded = load_scene(db, None)
    assert reloaded.district.name == demo.name and len(reloaded.district.rooms) == len(demo.rooms)


def test_broken_package_shows_every_problem(qtbot: QtBot, tmp_path: Path, demo: District) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(demo_package(), broken)
    rooms = broken / "rooms.csv"
    with rooms.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows[:3]:
        row["usage"] = "castle"
    with rooms.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    window = show(qtbot, Scene(District("", "UTC")), import_job=default_job(None))
    window.import_package(broken)
    qtbot.waitUntil(lambda: window.importer.error_box is not None, timeout=60_000)
    box = window.importer.error_box
    assert box is not None
    details = box.detailedText().splitlines()
    assert len([line for line in details if "rooms" in line and "usage" in line]) == 3, details
    box.close()
