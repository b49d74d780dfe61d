"""Refilling a live table without redoing it: cells are updated in place, and only when they changed.

Replacing every `QTableWidgetItem` of a table whose header sizes its columns to their contents makes Qt
measure every row again for each new item: 40 guards × 6 columns took ~0.5 s of the UI thread, once a
second (issue 17). `fill` keeps the items, sets only changed texts and colours, and fits the columns once,
when anything changed; tables filled this way use `FITTED` (Interactive) columns.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

FITTED = QHeaderView.ResizeMode.Interactive
"""The header mode for tables filled here: widths come from `fill`'s one fit, the user may still drag."""


def set_cell(table: QTableWidget, row: int, column: int, text: str, key: str, colour: QColor | None) -> bool:
    """One cell's text, `key` (Qt.UserRole, what a selection reports) and text colour; whether it changed."""
    item = table.item(row, column)
    changed = False
    if item is None:
        item = QTableWidgetItem(text)
        table.setItem(row, column, item)
        changed = True
    elif item.text() != text:
        item.setText(text)
        changed = True
    if item.data(Qt.ItemDataRole.UserRole) != key:
        item.setData(Qt.ItemDataRole.UserRole, key)
    brush = QBrush(colour) if colour is not None else QBrush()
    if item.foreground() != brush:
        item.setForeground(brush)
    return changed


def fill(
    table: QTableWidget,
    rows: Sequence[Sequence[str]],
    key: int = 0,
    colours: Sequence[Sequence[QColor | None]] | None = None,
) -> bool:
    """Make the table show `rows` (texts; `key` is the column whose text each row's cells carry as
    UserRole); `colours`, when given, one text colour (or None) per cell. Whether anything changed."""
    changed = table.rowCount() != len(rows)
    table.setRowCount(len(rows))
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            colour = colours[r][c] if colours is not None else None
            changed |= set_cell(table, r, c, text, texts[key], colour)
    if changed:
        table.resizeColumnsToContents()
    return changed
