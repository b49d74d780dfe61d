"""The layer toggle list: a checkbox per layer; it only reports what the user asked for."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget


class LayerList(QListWidget):
    toggled = Signal(str, bool)
    """(layer name, visible)"""

    def __init__(
        self,
        layers: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
        unchecked: Collection[str] = (),
    ) -> None:
        """`layers`: (name, translated title) pairs, top of the list first; `unchecked` start hidden."""
        super().__init__(parent)
        self.setObjectName("layer_list")
        for name, title in layers:
            item = QListWidgetItem(title, self)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if name in unchecked else Qt.CheckState.Checked)
        self.itemChanged.connect(self._changed)
        # Every layer name whole (a narrow splitter share at 1280×720 cut them).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(self.sizeHintForColumn(0) + 2 * self.frameWidth() + 4)

    def _changed(self, item: QListWidgetItem) -> None:
        self.toggled.emit(item.data(Qt.ItemDataRole.UserRole), item.checkState() == Qt.CheckState.Checked)

    def is_checked(self, name: str) -> bool:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                return item.checkState() == Qt.CheckState.Checked
        return False

    def set_checked(self, name: str, checked: bool) -> None:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
