"""The bridges file: every error names file, section and key; secrets only by environment or 0600 file."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox_app.bridges.config import BridgeConfigError, load_bridges


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bridges.toml"
    path.write_text(text, encoding="utf-8")
    return path


def error(tmp_path: Path, text: str) -> BridgeConfigError:
    path = write(tmp_path, text)
    with pytest.raises(BridgeConfigError) as info:
        load_bridges(path)
    assert str(path) in str(info.value)
    return info.value


def test_example_file_loads_and_is_all_loopback(repo_root: Path) -> None:
    config = load_bridges(repo_root / "resources" / "bridges.example.toml")
    assert config.enabled == ["mqtt", "osmand", "jt808", "gt06", "h02", "watch", "orders"]
    assert config.h02 is not None and config.h02.port == 5013
    assert config.watch is not None and config.watch.port == 5093
    assert config.osmand is not None and config.osmand.host == "127.0.0.1" and config.osmand.port == 5055
    assert config.jt808 is not None and config.jt808.port == 5015
    assert config.orders is not None and config.orders.station == "station-7"
    assert config.mqtt is not None and config.mqtt.link.host == "127.0.0.1" and config.mqtt.link.port == 1883


def test_unknown_key_names_file_section_and_key(tmp_path: Path) -> None:
    exc = error(tmp_path, '[osmand]\nhost = "127.0.0.1"\nprot = 5055\n')
    assert (exc.section, exc.key) == ("osmand", "prot")
    assert "[osmand] prot: unknown key" in str(exc)


def test_unknown_section(tmp_path: Path) -> None:
    exc = error(tmp_path, "[jt809]\nport = 1\n")
    assert exc.section == "jt809" and "unknown section" in exc.problem


@pytest.mark.parametrize(
    ("text", "section", "key", "problem"),
    [
        ("[jt808]\nport = 70000\n", "jt808", "port", "outside 0..65535"),
        ("[gt06]\nport = -1\n", "gt06", "port", "outside 0..65535"),
        ('[osmand]\nport = "5055"\n', "osmand", "port", "must be an integer"),
        ("[osmand]\nport = true\n", "osmand", "port", "must be an integer"),
        ("[jt808]\nidle_timeout_s = 0\n", "jt808", "idle_timeout_s", "greater than 0"),
        ('[mqtt]\nurl = "http://127.0.0.1"\n', "mqtt", "url", "or mqtts:// or ssl:// URL"),
        ('[mqtt]\nurl = "mqtt://127.0.0.1:99999"\n', "mqtt", "url", "bad port"),
        ('[mqtt]\nurl = "mqtt://127.0.0.1"\ntopics = []\n', "mqtt", "topics", "non-empty list"),
        ("[http_pull]\ninterval_s = 1\n", "http_pull", "url", "missing"),
        ('[orders]\nurl = "mqtt://127.0.0.1"\n', "orders", "station", "missing"),
        ('[gat1400]\nserver_id = "1"\n', "gat1400", "listen_port", "listen_port"),
        ("osmand = 5\n", "osmand", "", "must be a table"),
    ],
)
def test_bad_values_are_named(tmp_path: Path, text: str, section: str, key: str, problem: str) -> None:
    exc = error(tmp_path, text)
    assert (exc.section, exc.key) == (section, key)
    assert problem in exc.problem


def test_not_toml(tmp_path: Path) -> None:
    exc = error(tmp_path, "[osmand\n")
    assert "not valid TOML" in str(exc)


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ('[isapi]\nurl = "http://127.0.0.1"\nuser = "admin"\npassword = "12345"\n', "isapi"),
        ('[mqtt]\nurl = "mqtt://127.0.0.1"\nusername = "st"\npassword = ""\n', "mqtt"),
        ('[osmand]\ntoken = "abc"\n', "osmand"),
        ('[gat1400]\nlisten_port = 0\n[gat1400.peers.A1]\npassword = "x"\n', "gat1400.peers.A1"),
    ],
)
def test_a_secret_in_plain_text_is_refused(tmp_path: Path, text: str, section: str) -> None:
    exc = error(tmp_path, text)
    assert exc.section == section
    assert "never written in the file" in exc.problem and "_env" in exc.problem


def test_a_password_in_the_url_is_refused(tmp_path: Path) -> None:
    exc = error(tmp_path, '[mqtt]\nurl = "mqtt://st:hunter2@127.0.0.1"\n')
    assert exc.key == "url" and "plain text" in exc.problem and "hunter2" not in str(exc)


def test_secret_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = '[isapi]\nurl = "http://127.0.0.1:8000"\nuser = "admin"\npassword_env = "SB_TEST_CAM_PW"\n'
    monkeypatch.delenv("SB_TEST_CAM_PW", raising=False)
    exc = error(tmp_path, text)
    assert (exc.section, exc.key) == ("isapi", "password_env") and "SB_TEST_CAM_PW is not set" in exc.problem
    monkeypatch.setenv("SB_TEST_CAM_PW", "s3cret")
    config = load_bridges(write(tmp_path, text))
    assert config.isapi is not None and config.isapi.password == "s3cret"
    assert "s3cret" not in repr(config)


def test_missing_secret_is_named(tmp_path: Path) -> None:
    exc = error(tmp_path, '[isapi]\nurl = "http://127.0.0.1"\nuser = "admin"\n')
    assert (exc.section, exc.key) == ("isapi", "password") and "missing secret" in exc.problem


def test_secret_file_must_be_0600(tmp_path: Path) -> None:
    secret = tmp_path / "mqtt.secret"
    secret.write_text("pw-from-file\n", encoding="utf-8")
    text = (
        '[orders]\nurl = "mqtt://127.0.0.1:1883"\nstation = "s"\n'
        'username = "u"\npassword_file = "mqtt.secret"\n'
    )
    secret.chmod(0o644)
    exc = error(tmp_path, text)
    assert (exc.section, exc.key) == ("orders", "password_file")
    assert "mode 0644" in exc.problem and "chmod 600" in exc.problem
    secret.chmod(0o600)
    config = load_bridges(write(tmp_path, text))
    assert config.orders is not None
    assert (config.orders.link.username, config.orders.link.password) == ("u", "pw-from-file")
    (tmp_path / "mqtt.secret").unlink()
    exc = error(tmp_path, text)
    assert exc.key == "password_file" and "cannot read" in exc.problem


def test_gat1400_peers_and_uplink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SB_TEST_PEER", "peer-pw")
    monkeypatch.setenv("SB_TEST_UP", "up-pw")
    text = (
        '[gat1400]\nlisten_port = 0\nplatform_url = "http://127.0.0.1:9"\ndevice_id = "D1"\n'
        'password_env = "SB_TEST_UP"\n[gat1400.peers.P1]\npassword_env = "SB_TEST_PEER"\n'
    )
    g = load_bridges(write(tmp_path, text)).gat1400
    assert g is not None and g.listen is not None and g.listen.port == 0
    assert dict(g.peers) == {"P1": "peer-pw"} and g.password == "up-pw" and g.device_id == "D1"
