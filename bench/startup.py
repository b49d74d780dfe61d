"""Benchmark: how long the real window takes to start (issue 17).

    .venv/bin/python bench/startup.py [--runs 5] [--timeout 60] [--fresh] [--wall]

Starts `main.py` (the demo district, the embedded simulator at 10×) `--runs` times, under a private Xvfb when
there is no display, and reads the moments the window reports itself (`SANDBOX_STARTUP_TRACE`,
widgets/startup_trace.py): ms from starting the process to

- `first_map`: the 2D map's first paint with the district on it;
- `first_3d`: the 3D pane's first rendered frame (absent where the 3D pane cannot draw);
- `live`: the map's first paint after the first live event reached the window;

plus the resident memory once all three are in (`rss_mb`) and `--settle` seconds later (`rss_settled_mb`:
what the window keeps once its start is over). In the same run, a bare PySide6 window (QApplication, one
QWidget shown, its first paint) is started as many times: the floor no Qt application gets under here.

Each launch gets its own copy of a database that already holds the simulated history (what `make run` leaves
after its first launch); `--fresh` starts from the imported district alone (the first launch ever, which
feeds 30 days of history first). The last line is JSON: medians `first_map_ms`, `first_3d_ms`, `live_ms`,
`bare_qt_ms`, `rss_mb`, `rss_settled_mb`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from window_proc import ROOT, Window, display, fresh_copy, prepared_db, proc_rss_mb, wall_ms

MOMENTS = ("first_map", "first_3d", "live")
RSS_KEYS = ("rss_mb", "rss_settled_mb")
BARE_QT = """
import sys, time
from PySide6.QtWidgets import QApplication, QWidget
class W(QWidget):
    def paintEvent(self, event):
        super().paintEvent(event)
        print(time.time_ns() // 1_000_000, flush=True)
        app.quit()
app = QApplication(sys.argv)
w = W()
w.resize(1400, 900)
w.show()
app.exec()
"""


def bare_qt_ms(env: dict[str, str]) -> int:
    """ms from starting a bare PySide6 window's process to its first paint."""
    t0 = wall_ms()
    out = subprocess.run(
        [sys.executable, "-c", BARE_QT], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return int(out.stdout.split()[-1]) - t0


def one_launch(
    env: dict[str, str], db: Path, timeout_s: float, wall: bool, root: Path = ROOT, settle_s: float = 0.0
) -> dict[str, float]:
    window = Window(env, db, ["--wall"] if wall else [], root=root)
    try:
        marks: dict[str, float] = dict(window.wait_for(MOMENTS, timeout_s))
        if "live" in marks and window.proc.poll() is None:
            marks["rss_mb"] = round(proc_rss_mb(window.pid), 1)
            if settle_s > 0:
                time.sleep(settle_s)
                if window.proc.poll() is None:
                    marks["rss_settled_mb"] = round(proc_rss_mb(window.pid), 1)
        if window.proc.poll() is not None:
            print(window.output()[-2000:], file=sys.stderr)
        return marks
    finally:
        window.close()


def median(rows: list[dict[str, float]], key: str) -> float | None:
    values = [r[key] for r in rows if key in r]
    return round(statistics.median(values), 1) if values else None


def summary(rows: list[dict[str, float]], args: argparse.Namespace) -> dict[str, object]:
    return {
        "runs": args.runs,
        "fresh": args.fresh,
        "wall": args.wall,
        "first_map_ms": median(rows, "first_map"),
        "first_3d_ms": median(rows, "first_3d"),
        "live_ms": median(rows, "live"),
        "bare_qt_ms": median(rows, "bare_qt"),
        "rss_mb": median(rows, "rss_mb"),
        "rss_settled_mb": median(rows, "rss_settled_mb"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for one launch")
    parser.add_argument("--fresh", action="store_true", help="an empty event log (first launch ever)")
    parser.add_argument("--wall", action="store_true", help="the wall screen instead of the desk window")
    parser.add_argument(
        "--settle", type=float, default=5.0, help="seconds after the three moments to read RSS again (0: not)"
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        default=None,
        help="another checkout (e.g. `git archive` of an older commit with the trace hooks): its window is\n"
        "launched in turn with this one, same database, same run",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="startup-") as tmp, display() as env:
        folder = Path(tmp)
        started = time.monotonic()
        base = prepared_db(folder, history=not args.fresh)
        kind = "fresh" if args.fresh else "with history"
        print(f"database prepared in {time.monotonic() - started:.1f} s ({kind})")
        head = f"{'run':>4} {'code':>8} {'bare Qt':>8} {'2D map':>8} {'3D':>8} {'live':>8} {'RSS MB':>7}"
        print(f"{head} {'settled':>7}")
        trees = {"this": ROOT} if args.baseline is None else {"baseline": args.baseline, "this": ROOT}
        rows: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
        for i in range(args.runs):
            for name, root in trees.items():
                bare = bare_qt_ms(env)
                row = one_launch(env, fresh_copy(base, folder), args.timeout, args.wall, root, args.settle)
                row["bare_qt"] = bare
                rows[name].append(row)
                cells = [f"{row[k]:>8.0f}" if k in row else f"{'—':>8}" for k in ("bare_qt", *MOMENTS)]
                rss = " ".join(f"{row[k]:>7.0f}" if k in row else f"{'—':>7}" for k in RSS_KEYS)
                print(f"{i + 1:>4} {name:>8} {' '.join(cells)} {rss}", flush=True)
        result = summary(rows["this"], args)
        if args.baseline is not None:
            result["baseline"] = summary(rows["baseline"], args)
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
