"""Domain dataclasses and enums (一标三实). No I/O here."""
