"""Benchmark: what the window costs while nothing new is asked of it (issue 17).

    .venv/bin/python bench/idle.py [--wall] [--seconds 60] [--warmup 15] [--sample 5] [--baseline DIR]
    .venv/bin/python bench/idle.py --wall --minutes 60          # the wall soak: RSS slope after warm-up
    .venv/bin/python bench/idle.py --replay-cycle [--baseline DIR]   # RSS before, during, after replay

Starts the real window (`main.py`, demo district, embedded simulator at 10×; under a private Xvfb when
there is no display) on a database that already holds the simulated history, waits for its first live event
and `--warmup` seconds more, then every `--sample` seconds reads the process's CPU time and resident memory
from /proc. Reported: CPU % of one core per sample and over the whole window (the simulator's events keep
arriving: "idle" means nobody touches the window), RSS per sample, and the RSS slope in MB per 10 minutes
(least squares over the samples). `--baseline DIR` runs another checkout's window the same way first, in
the same run. The last line is JSON.

`--replay-cycle`: the desk window in a child process driven by `replay_cycle.py` (this folder): live for
`--warmup` s (RSS "before"), then replay entered and the timeline sought across the whole history, one case
file built and exported to PDF (RSS "during", the peak), then back to live for `--warmup` s (RSS "after").
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from window_proc import ROOT, Window, display, fresh_copy, prepared_db, proc_cpu_s, proc_rss_mb


def slope_mb_per_10min(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MB), in MB per 600 s."""
    if len(points) < 2:
        return 0.0
    n = len(points)
    mx = sum(t for t, _ in points) / n
    my = sum(m for _, m in points) / n
    var = sum((t - mx) ** 2 for t, _ in points)
    if var == 0:
        return 0.0
    return sum((t - mx) * (m - my) for t, m in points) / var * 600.0


def measure(
    env: dict[str, str], db: Path, args: argparse.Namespace, root: Path, label: str
) -> dict[str, object]:
    window = Window(env, db, ["--wall"] if args.wall else [], root=root)
    try:
        marks = window.wait_for(["live"], args.timeout)
        if "live" not in marks:
            print(window.output()[-2000:], file=sys.stderr)
            raise SystemExit(f"{label}: no live event within {args.timeout} s")
        time.sleep(args.warmup)
        pid = window.pid
        t0, c0 = time.monotonic(), proc_cpu_s(pid)
        start_rss = proc_rss_mb(pid)
        rss: list[tuple[float, float]] = [(0.0, start_rss)]
        cpu: list[float] = []
        print(f"{label}: warm ({args.warmup:.0f} s after the first live event), RSS {start_rss:.0f} MB")
        duration = args.minutes * 60.0 if args.minutes else args.seconds
        last_t, last_c = t0, c0
        while time.monotonic() - t0 < duration:
            time.sleep(args.sample)
            if window.proc.poll() is not None:
                raise SystemExit(f"{label}: the window exited")
            now, used = time.monotonic(), proc_cpu_s(pid)
            cpu.append(100.0 * (used - last_c) / (now - last_t))
            rss.append((now - t0, proc_rss_mb(pid)))
            last_t, last_c = now, used
            print(f"  {now - t0:>6.0f} s  CPU {cpu[-1]:>5.1f} %  RSS {rss[-1][1]:>6.0f} MB", flush=True)
        total = 100.0 * (last_c - c0) / (last_t - t0)
        return {
            "cpu_pct": round(total, 1),
            "rss_start_mb": round(start_rss, 1),
            "rss_end_mb": round(rss[-1][1], 1),
            "rss_max_mb": round(max(m for _, m in rss), 1),
            "rss_slope_mb_per_10min": round(slope_mb_per_10min(rss), 2),
            "seconds": round(last_t - t0, 1),
        }
    finally:
        window.close()


def replay_cycle(args: argparse.Namespace) -> int:
    import subprocess

    script = Path(__file__).resolve().parent / "replay_cycle.py"
    with tempfile.TemporaryDirectory(prefix="idle-") as tmp, display() as env:
        folder = Path(tmp)
        base = prepared_db(folder)
        result: dict[str, object] = {}
        trees = {"this": ROOT} if args.baseline is None else {"baseline": args.baseline, "this": ROOT}
        for name, root in trees.items():
            db = fresh_copy(base, folder)
            out = subprocess.run(
                [sys.executable, str(script), str(db), str(args.warmup)],
                cwd=root,
                env={**env, "PYTHONPATH": str(root)},
                capture_output=True,
                text=True,
                timeout=600,
            )
            lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
            if out.returncode or not lines:
                print(out.stdout[-2000:], out.stderr[-3000:], file=sys.stderr)
                raise SystemExit(f"{name}: the replay cycle failed")
            row = json.loads(lines[-1])
            print(f"{name}: {row}", flush=True)
            result[name] = row
        print(json.dumps(result))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--wall", action="store_true", help="the wall screen instead of the desk window")
    parser.add_argument("--seconds", type=float, default=60.0, help="measured time after the warm-up")
    parser.add_argument("--minutes", type=float, default=0.0, help="a soak: measured minutes (overrides)")
    parser.add_argument("--warmup", type=float, default=15.0, help="seconds after the first live event")
    parser.add_argument("--sample", type=float, default=5.0, help="seconds between samples")
    parser.add_argument("--timeout", type=float, default=90.0, help="seconds to wait for live data")
    parser.add_argument("--baseline", type=Path, default=None, help="another checkout, measured first")
    parser.add_argument("--replay-cycle", action="store_true", help="RSS around one replay + PDF export")
    args = parser.parse_args(argv)
    if args.replay_cycle:
        return replay_cycle(args)
    with tempfile.TemporaryDirectory(prefix="idle-") as tmp, display() as env:
        folder = Path(tmp)
        base = prepared_db(folder)
        result: dict[str, object] = {"wall": args.wall}
        if args.baseline is not None:
            result["baseline"] = measure(env, fresh_copy(base, folder), args, args.baseline, "baseline")
        result.update(measure(env, fresh_copy(base, folder), args, ROOT, "this"))
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
