"""One replay + one case PDF export in the real desk window, with resident memory around it (issue 17).

    python bench/replay_cycle.py DB WARMUP_S    # run by `bench/idle.py --replay-cycle`, cwd: the checkout

Prints RSS lines as it goes and a JSON line at the end: `before` (live, after WARMUP_S), `during` (the peak
while replaying and exporting), `after` (back in live for WARMUP_S), in MB.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

ROOT = Path.cwd()
sys.path.insert(0, str(ROOT))

from widgets.app import launch  # noqa: E402
from widgets.replay_controller import ReplayController  # noqa: E402

PAGE_MB = 4096 / 2**20


def rss_mb() -> float:
    return round(int(Path("/proc/self/statm").read_text().split()[1]) * PAGE_MB, 1)


def wait(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def main() -> int:
    db, warmup = Path(sys.argv[1]), float(sys.argv[2])
    launched = launch(db, ROOT / "resources" / "demo", "zh_CN")
    assert launched is not None
    window, controller = launched.window, launched.controller
    window.resize(1400, 900)
    window.show()
    controller.start()
    if hasattr(window, "build_3d"):
        window.build_3d()
    wait(warmup)
    before = rss_mb()
    print("before", before, flush=True)
    replay = window.findChildren(ReplayController)[0]
    assert replay.enter()
    peak = rss_mb()
    start, end = replay.timeline.history
    for i in range(40):  # the whole history, in 40 jumps, each left to load
        replay.timeline.seek(start + (end - start) * i // 40)
        wait(0.25)
        peak = max(peak, rss_mb())
    alert_id = next(iter(window.alerts_panel.alerts), None)
    if alert_id is not None and replay.open_case(alert_id) is not None:
        with tempfile.TemporaryDirectory() as tmp:
            pages = replay.export_case("pdf", Path(tmp) / "case.pdf")
            print("pdf pages", pages, flush=True)
        peak = max(peak, rss_mb())
        if replay.case_dialog is not None:
            replay.case_dialog.close()
    print("during (peak)", peak, flush=True)
    replay.go_live()
    wait(warmup)
    after = rss_mb()
    print("after", after, flush=True)
    print(json.dumps({"before_mb": before, "during_mb": peak, "after_mb": after}))
    window.close()
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
