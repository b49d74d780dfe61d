"""Incremental multipart/mixed parsing for endless HTTP streams (ISAPI alertStream, MJPEG-like pushes).

A camera's alert stream never ends, so the parser is fed bytes as they arrive and hands back each part as
soon as it is complete. Parts announce their size with Content-Length when the firmware is well behaved;
without it the part ends at the next boundary line. Lenient on line endings (some firmwares send bare LF).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_HEADER_BYTES = 16 * 1024
MAX_PART_BYTES = 16 * 1024 * 1024
"""A larger part (a broken or hostile device) is an error: the stream is reconnected, memory kept bounded."""

_BOUNDARY_RE = re.compile(r'boundary\s*=\s*"?([^";,\s]+)"?', re.IGNORECASE)


class MultipartError(ValueError):
    """The stream is not the multipart it claims to be; the caller drops the connection."""


@dataclass(frozen=True, slots=True)
class Part:
    headers: dict[str, str]
    """Header names lower-cased."""
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def boundary_of(content_type: str) -> str:
    """The boundary parameter of a multipart Content-Type header."""
    match = _BOUNDARY_RE.search(content_type)
    if not content_type.lower().lstrip().startswith("multipart/") or match is None:
        raise MultipartError(f"not a multipart Content-Type with a boundary: {content_type!r}")
    return match.group(1)


class MultipartParser:
    """Feed bytes with `feed`; it returns the parts completed by them, in order."""

    def __init__(self, boundary: str) -> None:
        self._delim = b"--" + boundary.encode("latin-1")
        self._buf = bytearray()
        self._headers: dict[str, str] | None = None
        self._length: int | None = None
        self.closed = False
        """The closing `--boundary--` was seen."""

    @property
    def pending_bytes(self) -> int:
        return len(self._buf)

    def feed(self, data: bytes) -> list[Part]:
        self._buf += data
        parts: list[Part] = []
        while not self.closed:
            part = self._step()
            if part is None:
                break
            parts.append(part)
        return parts

    def _step(self) -> Part | None:
        if self._headers is None and not self._read_headers():
            return None
        assert self._headers is not None
        if self._length is not None:
            if len(self._buf) < self._length:
                return None
            body = bytes(self._buf[: self._length])
            del self._buf[: self._length]
        else:
            end = self._next_delimiter()
            if end < 0:
                if len(self._buf) > MAX_PART_BYTES:
                    raise MultipartError(f"part larger than {MAX_PART_BYTES} bytes without a boundary")
                return None
            cut = end - 1 if end > 0 and self._buf[end - 1] == 0x0D else end
            body = bytes(self._buf[:cut])
            del self._buf[: end + 1]
        part = Part(self._headers, body)
        self._headers = None
        self._length = None
        return part

    def _next_delimiter(self) -> int:
        """Index of the LF before the next boundary line (the boundary followed by CR, LF, "--" or blank)."""
        needle = b"\n" + self._delim
        at = self._buf.find(needle)
        while at >= 0:
            after = bytes(self._buf[at + len(needle) : at + len(needle) + 1])
            if not after:
                return -1  # cannot tell yet
            if after in (b"\r", b"\n", b"-", b" ", b"\t"):
                return at
            at = self._buf.find(needle, at + 1)
        return -1

    def _read_headers(self) -> bool:
        """Skip to the next boundary line and read the part's headers; False until they are all here."""
        start = self._buf.find(self._delim)
        if start < 0:
            keep = len(self._delim)  # a boundary may be split across reads
            if len(self._buf) > keep:
                del self._buf[: len(self._buf) - keep]
            return False
        line_end = self._buf.find(b"\n", start)
        if line_end < 0:
            return False
        if self._buf[start + len(self._delim) : start + len(self._delim) + 2] == b"--":
            self.closed = True
            del self._buf[:]
            return False
        head_end, sep = self._header_end(line_end + 1)
        if head_end < 0:
            if len(self._buf) - line_end > MAX_HEADER_BYTES:
                raise MultipartError("part headers longer than 16 KiB")
            return False
        raw = bytes(self._buf[line_end + 1 : head_end]).decode("latin-1")
        del self._buf[: head_end + sep]
        headers: dict[str, str] = {}
        for line in raw.splitlines():
            name, colon, value = line.partition(":")
            if colon:
                headers[name.strip().lower()] = value.strip()
        self._headers = headers
        self._length = _content_length(headers)
        return True

    def _header_end(self, start: int) -> tuple[int, int]:
        """(index of the blank line, its length); headers may be empty (blank line right away)."""
        if self._buf[start : start + 2] == b"\r\n":
            return start, 2
        if self._buf[start : start + 1] == b"\n":
            return start, 1
        crlf = self._buf.find(b"\r\n\r\n", start)
        lf = self._buf.find(b"\n\n", start)
        if crlf >= 0 and (lf < 0 or crlf + 2 <= lf):
            return crlf + 2, 2
        if lf >= 0:
            return lf + 1, 1
        return -1, 0


def _content_length(headers: dict[str, str]) -> int | None:
    value = headers.get("content-length")
    if value is None:
        return None
    if not value.isdigit():
        raise MultipartError(f"bad Content-Length {value!r}")
    length = int(value)
    if length > MAX_PART_BYTES:
        raise MultipartError(f"part of {length} bytes exceeds {MAX_PART_BYTES}")
    return length
