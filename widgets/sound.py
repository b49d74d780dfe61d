"""The alarm tone the desk and the wall play for new alerts (one home for both)."""

from __future__ import annotations

import logging
import struct
import tempfile
import wave
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


class Beeper:
    """A short alarm tone through QSoundEffect when there is an audio device, else the system beep."""

    def __init__(self) -> None:
        self.played = 0
        self._effect: Any = None
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

            if QMediaDevices.audioOutputs():
                effect = QSoundEffect()
                effect.setSource(QUrl.fromLocalFile(str(_tone_file())))
                self._effect = effect
        except (ImportError, OSError):  # no multimedia backend (e.g. no PulseAudio library on a server)
            log.info("no sound device: the wall uses the system beep")

    def play(self, loops: int = 1) -> None:
        """The tone, `loops` times in a row (the desk plays it more often for worse alerts)."""
        self.played += 1
        if self._effect is not None:
            self._effect.setLoopCount(max(1, loops))
            self._effect.play()
        else:
            QApplication.beep()


def _tone_file() -> Path:
    """Two short beeps at 880 Hz as a WAV in the temp folder (no binary asset to ship)."""
    path = Path(tempfile.gettempdir()) / "digital-sandbox-alarm.wav"
    if not path.exists():
        import math

        rate = 22_050
        samples = [
            int(12_000 * math.sin(2 * math.pi * 880 * i / rate)) if (i // (rate // 5)) % 2 == 0 else 0
            for i in range(rate)
        ]
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(rate)
            out.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return path
