"""Import a district package folder into a validated, WGS-84 `District` (format: docs/data-format.md).

`load_package` is pure: it reads files and returns a District or raises `PackageError` listing every
problem found (file, row, field, reason). Landing the District whole-or-nothing in the database is the
store's transaction, not this module's job.

Stages reported to the progress callback, each from 0 to its total:
``read`` (layer files read), ``check`` (records checked), ``build`` (domain objects made).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from sandbox_app.data import imagery_source, tilesets
from sandbox_app.data.context import Builder, Context, nothing
from sandbox_app.data.files import REQUIRED_LAYERS, Manifest, Source, find_layers, read_manifest, read_source
from sandbox_app.data.places import (
    check_areas,
    check_buildings,
    check_compounds,
    check_gates,
    check_grids,
    check_roads,
    check_rooms,
)
from sandbox_app.data.problems import PackageError, Problem, ProblemList, Progress, ProgressFn
from sandbox_app.data.registers import check_devices, check_guards, check_people
from sandbox_app.domain.grids import GRIDS_KEY
from sandbox_app.domain.model import District

__all__ = ["PackageError", "Problem", "ProgressFn", "load_package"]

_Check = Callable[[Source, Context], Builder]
LAYERS: tuple[tuple[str, _Check], ...] = (
    ("compounds", check_compounds),
    ("buildings", check_buildings),
    ("rooms", check_rooms),
    ("gates", check_gates),
    ("roads", check_roads),
    ("people", check_people),
    ("devices", check_devices),
    ("guards", check_guards),
    ("grids", check_grids),
    ("areas", check_areas),
)
"""In dependency order: each layer's references point only at layers checked before it."""


def load_package(path: Path, progress: ProgressFn | None = None) -> District:
    """Read and validate the package folder at `path`; raise PackageError with every problem found."""
    tick = Progress(progress)
    root = Path(path)
    if not root.is_dir():
        raise PackageError([Problem(str(root), None, None, "not a folder")])
    problems = ProblemList()
    manifest = read_manifest(root, problems)
    if tilesets.KEY in manifest.extra:  # real-scene models: checked here, kept with absolute paths
        manifest.extra[tilesets.KEY] = tilesets.check(
            manifest.extra[tilesets.KEY], root, manifest.crs, problems
        )
    imagery_source.check_manifest(root, manifest.extra, manifest.crs, problems)
    files = find_layers(root, problems)
    sources = _read_all(files, problems, tick)
    ctx = Context(manifest.crs, problems)
    builders = _check_all(files, sources, ctx, tick)
    if problems:
        raise PackageError(_in_file_order(problems), total=problems.total)
    return _build(manifest, builders, sum(len(s) for s in sources.values()), tick)


def _read_all(files: dict[str, Path], problems: list[Problem], tick: Progress) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    tick("read", 0, len(files))
    for done, (layer, path) in enumerate(files.items(), start=1):
        src = read_source(path, problems)
        if src is not None:
            sources[layer] = src
        tick("read", done, len(files))
    return sources


def _check_all(
    files: dict[str, Path], sources: dict[str, Source], ctx: Context, tick: Progress
) -> dict[str, Builder]:
    total = sum(len(s) for s in sources.values())
    done = 0
    tick("check", 0, total)
    builders: dict[str, Builder] = {}
    for layer, check in LAYERS:
        src = sources.get(layer)
        if src is None:
            # An absent optional layer defines no ids (references into it dangle); a missing required or
            # unreadable one is already reported, so references into it are not checked.
            broken = layer in files or layer in REQUIRED_LAYERS
            ctx.define(layer, None if broken else np.empty(0, dtype=object))
            builders[layer] = nothing
            continue
        if len(src) == 0:
            # An empty file defines nothing (it may not even carry its columns); only required layers
            # must have records.
            required = layer in REQUIRED_LAYERS
            if required:
                ctx.problems.append(Problem(src.file, None, None, "has no records"))
            ctx.define(layer, None if required else np.empty(0, dtype=object))
            builders[layer] = nothing
            continue
        builders[layer] = check(src, ctx)
        done += len(src)
        tick("check", done, total)
    return builders


def _build(manifest: Manifest, builders: dict[str, Builder], total: int, tick: Progress) -> District:
    district = District(manifest.name, manifest.timezone, extra=manifest.extra)
    done = 0
    tick("build", 0, total)
    for layer, _ in LAYERS:
        objects = builders[layer]()
        if layer == "grids":  # kept with the district's extra (domain/grids.py), only when the layer is there
            if objects:
                district.extra[GRIDS_KEY] = [g.to_json() for g in objects.values()]
        else:
            setattr(district, layer, objects)
        done += len(objects)
        tick("build", done, total)
    return district


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    """Group by file (in the order files were first mentioned), file-level problems first, then by row."""
    order: dict[str, int] = {}
    for p in problems:
        order.setdefault(p.file, len(order))
    return sorted(problems, key=lambda p: (order[p.file], -1 if p.row is None else p.row))
