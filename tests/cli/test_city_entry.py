"""The city mode from the entry points: `sandbox-app` read commands take a `postgresql://` URL as `--db`
(the district imported into the shared database, events ingested, state and alerts read back)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli import main
from sandbox_app.data.resources import demo_package
from tests.cli.test_cli import EVENTS, T0, S, _run
from tests.support import committed_demo


@pytest.fixture
def city_url(postgres_store_url: str) -> str:
    """The demo district imported into a fresh PostgreSQL database through the CLI."""
    committed_demo()
    assert main(["import", str(demo_package()), "--db", postgres_store_url]) == 0
    return postgres_store_url


def test_cli_import_state_alerts_on_postgres(
    city_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = tmp_path / "events.jsonl"
    events.write_text("\n".join(EVENTS) + "\n", encoding="utf-8")
    summary = _run(capsys, "ingest", str(events), "--db", city_url)
    assert (summary["accepted"], summary["duplicates"]) == (6, 1)

    state = _run(capsys, "state", "--db", city_url, "--at", "2024-05-01T08:01:30Z", "--json")
    assert state["guards"] == {
        "GD001": {"lon": 116.3510, "lat": 40.0001, "ts": T0 + 60 * S},
        "GD002": {"lon": 116.3450, "lat": 40.0050, "ts": T0 + 30 * S},
    }
    assert [(a["rule"], a["subject"]) for a in state["alerts"]] == [("alarm_button", "AB-00001")]
    alerts = _run(capsys, "alerts", "--db", city_url, "--json")
    assert [(a["rule"], a["subject"], a["state"]) for a in alerts] == [("alarm_button", "AB-00001", "open")]

    # a person's step on a city store needs the station's local audit log, checked before anything changes
    step = ["alert", alerts[0]["id"], "ack", "--by", "officer-1", "--db", city_url]
    assert main(step) == 2
    assert "--audit FILE is required" in capsys.readouterr().err
    assert _run(capsys, "alerts", "--db", city_url, "--json")[0]["state"] == "open"
    audit = tmp_path / "station-audit.db"
    assert _run(capsys, *step, "--audit", str(audit))["state"] == "acknowledged"
    assert main(["audit", "verify", "--db", str(audit)]) == 0
    capsys.readouterr()
    assert main(["audit", "list", "--db", str(audit), "--action", "alert."]) == 0
    listed = capsys.readouterr().out
    assert "alert.acknowledged" in listed and "officer-1" in listed


def test_missing_sqlite_file_still_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["alerts", "--db", str(tmp_path / "typo.db")]) == 2
    assert "no database at" in capsys.readouterr().err
    assert not (tmp_path / "typo.db").exists()
