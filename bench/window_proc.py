"""Running the real window as a child process, for `bench/startup.py` and `bench/idle.py` (issue 17).

- `display()`: the current X display, or a private Xvfb when there is none (software rendering, as on an
  office PC without a GPU driver).
- `prepared_db()`: a copy of the demo database whose event log already holds the simulated history, i.e. the
  state `make run` leaves after its first launch (the first launch alone feeds 30 days of history).
- `Window`: `main.py` started with `SANDBOX_STARTUP_TRACE` (widgets/startup_trace.py), so the window itself
  says when it painted its map, its 3D pane and its first live event; `/proc` gives CPU time and RSS.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEMO_PACKAGE = ROOT / "resources" / "demo"
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def wall_ms() -> int:
    """The clock the window's trace uses (epoch ms)."""
    return time.time_ns() // 1_000_000


@contextlib.contextmanager
def display() -> Iterator[dict[str, str]]:
    """Environment for the window: the present display, or a fresh Xvfb (killed on exit)."""
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    if env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "xcb"
        yield env
        return
    n = 150
    while Path(f"/tmp/.X{n}-lock").exists():
        n += 1
    xvfb = subprocess.Popen(
        ["Xvfb", f":{n}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{n}").exists():
                break
            time.sleep(0.1)
        env.update(DISPLAY=f":{n}", QT_QPA_PLATFORM="xcb")
        yield env
    finally:
        xvfb.terminate()
        xvfb.wait(10)


def prepared_db(folder: Path, history: bool = True) -> Path:
    """The demo district imported into `folder/base.db`; with `history`, the simulated 30 days fed in too
    (headless, by the same LiveSession the window runs), so a launch measures a normal start."""
    from sandbox_app.data.package import load_package
    from sandbox_app.station.live import LiveOptions, LiveSession
    from sandbox_app.store import open_store

    db = folder / "base.db"
    district = load_package(DEMO_PACKAGE)
    store = open_store(db)
    store.replace_district(district)
    store.close()
    if history:
        # opened as the window opens it (widgets/app.attach_live), so the file is in the state it leaves
        options = LiveOptions(snapshots=None)
        session = LiveSession(district, lambda: open_store(db, long_running=True), options)
        session.start()
        while session._sim is None and session.running:  # history fed: the simulator takes over
            time.sleep(0.2)
        session.stop()
    return db


def fresh_copy(db: Path, folder: Path) -> Path:
    """A private copy of the database for one launch (the window writes live events into it)."""
    target = folder / f"run-{time.monotonic_ns()}.db"
    shutil.copy2(db, target)
    for suffix in ("-wal", "-shm"):
        side = db.with_name(db.name + suffix)
        if side.exists():
            shutil.copy2(side, target.with_name(target.name + suffix))
    return target


def proc_cpu_s(pid: int) -> float:
    """User + system CPU seconds of the process (all threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def proc_rss_mb(pid: int) -> float:
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE / 2**20


class Window:
    """`main.py` as a child process, with its startup trace in a temporary file."""

    def __init__(
        self,
        env: dict[str, str],
        db: Path,
        extra: Sequence[str] = (),
        trace_env: bool = True,
        root: Path = ROOT,
    ):
        """`root`: the checkout whose `main.py` runs (another one, e.g. a baseline commit, to compare)."""
        self.trace = Path(tempfile.mkstemp(prefix="startup-", suffix=".trace")[1])
        child_env = dict(env)
        if trace_env:
            child_env["SANDBOX_STARTUP_TRACE"] = str(self.trace)
        args = [sys.executable, str(root / "main.py"), "--db", str(db), "--package", str(DEMO_PACKAGE)]
        self.log = tempfile.TemporaryFile()  # noqa: SIM115  (closed by `close`)
        self.t0 = wall_ms()
        self.proc = subprocess.Popen(
            [*args, *extra], cwd=root, env=child_env, stdout=self.log, stderr=subprocess.STDOUT
        )

    @property
    def pid(self) -> int:
        return self.proc.pid

    def marks(self) -> dict[str, int]:
        """Moment name → ms since the process was started."""
        found: dict[str, int] = {}
        for line in self.trace.read_text().splitlines():
            name, _, ms = line.partition(" ")
            if ms.strip().isdigit():
                found.setdefault(name, int(ms) - self.t0)
        return found

    def wait_for(self, names: Sequence[str], timeout_s: float) -> dict[str, int]:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and self.proc.poll() is None:
            marks = self.marks()
            if all(n in marks for n in names):
                return marks
            time.sleep(0.02)
        return self.marks()

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        self.trace.unlink(missing_ok=True)
