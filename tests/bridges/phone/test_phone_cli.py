"""`sandbox-app phone enrol|revoke|list` and `sandbox-app serve` with [phone], as processes: the admin's code
enrols a phone against the running station, the phone shares a fix, a revoke from another process refuses
the phone's next request, and every step is on the audit chain."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path

import cv2
import orjson
import requests

from tests.bridges.test_serve import CLI, REPO, make_db
from tests.servers import free_port, wait_for_port


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=env, cwd=REPO, timeout=60)


def test_enrol_serve_fix_revoke_as_processes(tmp_path: Path) -> None:
    db = make_db(tmp_path / "station.db")
    port = free_port()
    config = tmp_path / "bridges.toml"
    config.write_text(f"[phone]\nport = {port}\nfix_interval_s = 5\n", encoding="utf-8")
    url = f"http://127.0.0.1:{port}/"
    qr = tmp_path / "GD001.png"
    enrol = run("phone", "enrol", "GD001", "--db", str(db), "--by", "admin-a", "--url", url, "--qr", str(qr))
    assert enrol.returncode == 0, enrol.stderr
    code = re.search(r"#code=([A-Z0-9]+)", enrol.stdout)
    assert code is not None and "登记码" in enrol.stdout
    image = cv2.imread(str(qr))
    assert image is not None
    scanned, _points, _ = cv2.QRCodeDetector().detectAndDecode(image)
    assert scanned == f"{url}#code={code.group(1)}"  # what the phone's camera opens
    assert qr.stat().st_mode & 0o077 == 0
    refused = run("phone", "enrol", "GD-nobody", "--db", str(db), "--by", "admin-a")
    assert refused.returncode == 2 and "no guard 'GD-nobody'" in refused.stderr
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [*CLI, "serve", "--db", str(db), "--bridges", str(config), "--status-every", "0.3"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO,
    )  # fmt: skip
    try:
        wait_for_port(port, 30)
        phone = requests.Session()
        assert phone.post(url + "api/enrol", json={"code": code.group(1)}, timeout=5).status_code == 200
        ts = int(time.time() * 1000)
        fix = {"coords": {"latitude": 40.0031, "longitude": 116.3512, "accuracy": 5}, "timestamp": ts}
        assert phone.post(url + "api/fix", json=fix, timeout=5).status_code == 200
        assert phone.get(url + "api/order", timeout=5).json()["guard"]["id"] == "GD001"
        listed = run("phone", "list", "--db", str(db))
        assert "GD001  enrolled" in listed.stdout
        revoke = run("phone", "revoke", "GD001", "--db", str(db), "--by", "admin-a")
        assert revoke.returncode == 0, revoke.stderr
        assert phone.get(url + "api/order", timeout=5).status_code == 401
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err.decode()
    text = out.decode()
    assert f"phone on 127.0.0.1:{port}" in text
    last = [line for line in text.splitlines() if line.startswith("serve: events in")][-1]
    assert f"phone:{port} down in=1" in last
    audit = run("audit", "list", "--db", str(db))
    assert audit.returncode == 0, audit.stderr
    actions = [e["action"] for e in orjson.loads(audit.stdout)]
    assert actions[:3] == ["phone.enrol", "phone.enrolled", "phone.revoke"]
    assert actions[3:] == ["phone.refused"]  # the revoked phone's request
    assert run("audit", "verify", "--db", str(db)).returncode == 0
