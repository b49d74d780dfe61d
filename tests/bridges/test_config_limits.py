"""The bridges file after the attack review (issue 14): a secret in a URL's query string is refused like
any other plain secret, and the servers' caps and GA/T 1400 authentication settings are read and checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox_app.bridges.config import BridgeConfigError, BridgesConfig, load_bridges


def _load(tmp_path: Path, text: str) -> BridgesConfig:
    path = tmp_path / "bridges.toml"
    path.write_text(text, encoding="utf-8")
    return load_bridges(path)


@pytest.mark.parametrize(
    "url",
    [
        "https://platform.example/api/events?token=abc123",
        "https://platform.example/api/events?since=0&access_token=abc123",
        "https://platform.example/api/events?apiKey=abc123",
        "http://127.0.0.1/events?sign=ff00&appSecret=x",
        "https://platform.example/api/events?password=",
    ],
)
def test_a_secret_in_the_url_query_is_refused(tmp_path: Path, url: str) -> None:
    with pytest.raises(BridgeConfigError) as info:
        _load(tmp_path, f'[http_pull]\nurl = "{url}"\n')
    assert (info.value.section, info.value.key) == ("http_pull", "url")
    assert "secret in plain text" in info.value.problem and "abc123" not in str(info.value)


def test_a_plain_query_is_fine(tmp_path: Path) -> None:
    config = _load(tmp_path, '[http_pull]\nurl = "https://platform.example/api/events?since=0&limit=100"\n')
    assert config.http_pull is not None


def test_server_caps_and_gat1400_auth_settings(tmp_path: Path) -> None:
    config = _load(
        tmp_path,
        "[osmand]\nmax_connections = 50\nidle_timeout_s = 20\n"
        "[gat1400]\nlisten_port = 0\nrequire_digest_each_request = true\nmax_body_bytes = 1048576\n"
        "max_connections = 8\nidle_timeout_s = 10\n",
    )
    osmand, gat = config.osmand, config.gat1400
    assert osmand is not None and gat is not None and gat.listen is not None
    assert osmand.max_connections == 50 and osmand.idle_timeout_s == 20
    assert gat.require_digest_each_request and gat.require_session_token and gat.max_body_bytes == 1048576
    assert gat.listen.max_connections == 8 and gat.listen.idle_timeout_s == 10
    defaults = _load(tmp_path, "[gat1400]\nlisten_port = 0\n").gat1400
    assert defaults is not None and defaults.listen is not None
    assert not defaults.require_digest_each_request and defaults.max_body_bytes == 4 * 1024 * 1024
    assert defaults.listen.max_connections == 32 and defaults.listen.idle_timeout_s == 30


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[jt808]\nmax_connections = 0\n", "max_connections"),
        ("[gat1400]\nlisten_port = 0\nmax_body_bytes = -5\n", "max_body_bytes"),
        ('[gat1400]\nlisten_port = 0\nrequire_digest_each_request = "yes"\n', "require_digest_each_request"),
    ],
)
def test_bad_caps_are_named(tmp_path: Path, text: str, key: str) -> None:
    with pytest.raises(BridgeConfigError) as info:
        _load(tmp_path, text)
    assert info.value.key == key
