"""How personal values are shortened for display: pure string rules, no roles (those are privacy/mask.py).

They live in the domain because the domain itself keeps some values only masked (a 110 caller's phone in
`domain/incidents.py`); `privacy.mask` applies them per viewer.
"""

from __future__ import annotations


def keep_ends(value: str, head: int, tail: int) -> str:
    """`head` characters and `tail` characters stay, the middle becomes `*` (all of it when too short)."""
    value = value.strip()
    if len(value) <= head + tail:
        return "*" * len(value)
    return value[:head] + "*" * (len(value) - head - tail) + value[len(value) - tail :]


def mask_phone(value: str) -> str:
    """Mobile 138****1234: first 3 and last 4."""
    return keep_ends(value, 3, 4)
