"""The track layer (issue 21): a search hit's placed passes as one line, a marker per pass shaped by its
kind, and the last-seen star on the last pass."""

from __future__ import annotations

from layers import style, track
from layers.projection import LocalProjection
from sandbox_app.search.passes import Pass, Subject, Track
from tests.layers.sample import at, small_district


def _track(*placed: tuple[str, tuple[float, float] | None]) -> Track:
    ps = tuple(
        Pass(1000 * i, kind, "D1", where[0] if where else None, where[1] if where else None)
        for i, (kind, where) in enumerate(placed)
    )
    return Track(Subject("person", "P0001", {}), 0, 10_000, ps, False)


def test_line_markers_and_last_seen_star() -> None:
    proj = LocalProjection.for_district(small_district())
    t = _track(("face.pass", at(0, 0)), ("lock.open", None), ("plate.read", at(50, 0)))
    data = track.layer(t, proj)
    assert (
        data.lines is not None and len(data.lines) == 1 and len(data.lines.xy) == 2
    )  # unplaced pass left out
    assert data.points is not None
    assert data.points.symbol == ("o", "s", style.TRACK_LAST_SEEN.symbol)
    assert data.points.ids[-1] == "last_seen" and data.extra["ts"] == (0, 2000, 2000)
    assert (data.points.xy[-1] == data.points.xy[-2]).all()


def test_nothing_to_draw_without_placed_passes() -> None:
    proj = LocalProjection.for_district(small_district())
    assert track.layer(None, proj).points is None
    one = track.layer(_track(("face.pass", at(0, 0))), proj)
    assert one.lines is None and one.points is not None and len(one.points) == 2
