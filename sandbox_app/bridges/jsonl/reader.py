"""JSON Lines files (one event per line) → batches of Events and Rejections, streamed.

Used by `sandbox-app ingest`, backtests and fixtures. Reading is streaming and batched so a multi-gigabyte
export never sits in memory and the engine pays its per-batch costs (one transaction) once per batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from sandbox_app.bridges.schema import decode_lines
from sandbox_app.domain.events import Event, Rejection

DEFAULT_BATCH = 5000
CHUNK = 128
"""Lines per decoding call."""
Item = Event | Rejection


def iter_lines(source: Path | str | Iterable[bytes | str]) -> Iterator[tuple[int, bytes | str]]:
    """(1-based line number, text) for a file path or any iterable of lines; blank lines are skipped."""
    if isinstance(source, Path | str):
        with open(source, "rb") as handle:
            yield from _numbered(handle)
    else:
        yield from _numbered(source)


def _numbered(lines: Iterable[bytes | str]) -> Iterator[tuple[int, bytes | str]]:
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            yield number, raw


def read_batches(
    source: Path | str | Iterable[bytes | str], batch_size: int = DEFAULT_BATCH
) -> Iterator[list[Item]]:
    """Decoded lists of `batch_size` items (the last one may be shorter), in file order; a malformed line
    becomes a Rejection with its line number, and blank lines are skipped."""
    if isinstance(source, Path | str):
        with open(source, "rb") as handle:
            yield from _decode_batches(handle, batch_size)
    else:
        yield from _decode_batches(source, batch_size)


class Batch(list[Item]):
    """Decoded items with the file line of each (`lines[i]` for `self[i]`): the engine's door check
    refuses events (unknown device) after decoding, and the refusal must still name its line."""

    __slots__ = ("lines",)

    def __init__(self, items: list[Item], lines: list[int]) -> None:
        super().__init__(items)
        self.lines = lines


def _decode_batches(lines: Iterable[bytes | str], batch_size: int) -> Iterator[list[Item]]:
    """Batches of up to `batch_size` items, decoded `CHUNK` lines per call (`schema.decode_lines`): a
    chunk with a bad line is decoded again line by line, so small chunks keep that rare cost small."""
    it = iter(lines)
    number = 1
    batch: list[Item] = []
    numbers: list[int] = []
    while chunk := list(islice(it, CHUNK)):
        batch += decode_lines(chunk, number, numbers)
        number += len(chunk)
        del chunk  # not kept alive across the yield: the consumer's GC would scan it (engine.py)
        while len(batch) >= batch_size:
            yield Batch(batch[:batch_size], numbers[:batch_size])
            batch, numbers = batch[batch_size:], numbers[batch_size:]
    if batch:
        yield Batch(batch, numbers)


def read_jsonl(source: Path | str | Iterable[bytes | str], batch_size: int = DEFAULT_BATCH) -> Iterator[Item]:
    """Every decoded item, flat, in file order."""
    for batch in read_batches(source, batch_size):
        yield from batch
