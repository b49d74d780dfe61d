"""Bridge credentials by reference: a config file names where a secret is, never the secret itself.

    "env:SANDBOX_MQTT_PASSWORD"     an environment variable (set by the service manager)
    "file:/etc/sandbox/mqtt.pass"   a file readable only by its owner (mode 0600 or stricter), first line

A file that group or others can read is refused, as ssh refuses a private key: a secret that every local
account can read is not one. Resolution happens once, when a bridge is built; the value lives only in memory
(settings fields holding it are excluded from repr, so it never reaches a log).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path


class SecretError(ValueError):
    """A reference that is malformed, points nowhere, or points at a file others can read."""


def resolve_secret(ref: str, environ: Mapping[str, str] | None = None) -> str:
    """The secret named by `ref` ("env:NAME" or "file:PATH")."""
    scheme, _, where = ref.partition(":")
    if not where:
        raise SecretError(f"secret reference {ref[:40]!r} must be env:NAME or file:PATH, not the secret")
    if scheme == "env":
        value = (os.environ if environ is None else environ).get(where)
        if not value:
            raise SecretError(f"environment variable {where} is not set")
        return value
    if scheme == "file":
        return _read_private(Path(where))
    raise SecretError(f"unknown secret scheme {scheme!r}: use env:NAME or file:PATH")


def _read_private(path: Path) -> str:
    try:
        info = path.stat()
    except OSError as exc:
        raise SecretError(f"cannot read secret file {path}: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise SecretError(f"secret file {path} is not a regular file")
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise SecretError(
            f"secret file {path} is readable by others (mode {info.st_mode & 0o777:o}); chmod 600"
        )
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise SecretError(f"secret file {path} belongs to another user")
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0]:
        raise SecretError(f"secret file {path} is empty")
    return lines[0]


def write_secret(path: Path, value: str) -> None:
    """Create (or replace) a secret file with mode 0600 from the start: never briefly world-readable."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        os.fchmod(handle.fileno(), 0o600)
        handle.write(value + "\n")
