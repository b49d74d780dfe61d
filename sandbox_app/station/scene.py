"""What the window shows at start: the district from the store (else the package) and guards' last fixes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.model import District


@dataclass(slots=True)
class Scene:
    district: District
    guard_positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    """guard id → (lon, lat) of the tracker's last fix."""
    alerts: list[Alert] = field(default_factory=list)
    source: str = ""
    """Where the district came from, for the status bar."""


def load_scene(db: Path | str | None, package: Path | None) -> Scene:
    """The store's district and latest state if it has one, else the package read fresh; else empty.
    `db` is a SQLite file (not created here when missing) or a `postgresql://` URL (the city database)."""
    from sandbox_app.store import is_store_url

    if db is not None and (is_store_url(db) or Path(db).is_file()):
        scene = _from_store(db)
        if scene is not None:
            return scene
    if package is not None and (package / "manifest.json").is_file():
        from sandbox_app.data.package import load_package

        return Scene(load_package(package), source=str(package))
    return Scene(District(name="", timezone="UTC"))


def _from_store(db: Path | str) -> Scene | None:
    from sandbox_app.store import open_store

    store = open_store(db)
    try:
        district = store.load_district()
        if district is None:
            return None
        last = store.last_event_ts()
        if last is None:
            return Scene(district, source=str(db))
        fixes = store.last_fixes(last)
        by_device = district.guard_by_device()
        positions = {by_device[d].id: (f.lon, f.lat) for d, f in fixes.items() if d in by_device}
        return Scene(district, positions, store.alerts_open_at(last), source=str(db))
    finally:
        store.close()
