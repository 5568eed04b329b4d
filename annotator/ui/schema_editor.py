"""The schema editor: add, rename, recolour and re-key labels and edit their attributes.

Attributes are written on one line as ``name: value|value; name2`` (a name without
values takes free text), which keeps the table to one row per label.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import UserError
from annotator.core.model import AttributeSpec, Label, LabelKind
from annotator.core.schema import Schema, new_colors
from annotator.ui.label_kinds import kind_name

NAME, KIND, COLOUR, SHORTCUT, ATTRIBUTES, DESCRIPTION = range(6)


def stored_colour(typed: str) -> str:
    """A colour as the schema keeps it: #rrggbb as the user typed it (its case kept, so
    that an edit changes nothing the user did not change); any other colour Qt reads (a
    name such as orange, #rgb) as #RRGGBB, how the palette writes colours, which is the
    form every view outside the window reads (rendering/labels.py)."""
    if re.fullmatch(r"#[0-9a-fA-F]{6}", typed):
        return typed
    return QColor(typed).name().upper()


def attributes_to_text(attributes: tuple[AttributeSpec, ...]) -> str:
    return "; ".join(f"{a.name}: {'|'.join(a.values)}" if a.values else a.name for a in attributes)


def attributes_from_text(text: str, old: tuple[AttributeSpec, ...]) -> tuple[AttributeSpec, ...]:
    """Parse the one-line form; defaults and descriptions of unchanged names are kept."""
    known = {a.name: a for a in old}
    out = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        name, _, values = part.partition(":")
        name = name.strip()
        choices = tuple(v.strip() for v in values.split("|") if v.strip())
        previous = known.get(name)
        default = previous.default if previous and previous.default in choices else None
        out.append(AttributeSpec(name, choices, default, previous.description if previous else ""))
    return tuple(out)


class _LeftToRight(QStyledItemDelegate):
    """A colour's code reads left to right, in the Arabic window too (it read D55E00#)."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.direction = Qt.LayoutDirection.LeftToRight

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        editor.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        return editor


class SchemaEditor(QDialog):
    def __init__(self, schema: Schema, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Schema"))
        self.original = schema
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Colour"),
                self.tr("Shortcut"),
                self.tr("Attributes"),
                self.tr("Description"),
            ]
        )
        self.table.cellDoubleClicked.connect(self._cell_double_clicked)
        self.table.setItemDelegateForColumn(COLOUR, _LeftToRight(self.table))
        for label in schema.labels:
            self._add_row(label, label.name)
        add = QPushButton(self.tr("Add label"))
        add.clicked.connect(self.add_label)
        remove = QPushButton(self.tr("Remove label"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.resize(820, 380)

    def _add_row(self, label: Label, original_name: str | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(label.name)
        # The name the label had, so that an edited name is a rename, not a new label.
        name.setData(Qt.ItemDataRole.UserRole, original_name)
        self.table.setItem(row, NAME, name)
        kind = QComboBox()
        for k in LabelKind:  # shown in the interface's language, kept as the core's value
            kind.addItem(kind_name(k), k.value)
        kind.setCurrentIndex(kind.findData(label.kind.value))
        self.table.setCellWidget(row, KIND, kind)
        colour = QTableWidgetItem(label.color)
        colour.setBackground(QColor(label.color))
        self.table.setItem(row, COLOUR, colour)
        self.table.setItem(row, SHORTCUT, QTableWidgetItem(label.shortcut))
        self.table.setItem(row, ATTRIBUTES, QTableWidgetItem(attributes_to_text(label.attributes)))
        self.table.setItem(row, DESCRIPTION, QTableWidgetItem(label.description))

    def add_label(self) -> None:
        n = self.table.rowCount()
        used = [self._text(row, COLOUR) for row in range(n)]
        self._add_row(Label(f"LABEL{n + 1}", LabelKind.ENTITY, new_colors(used, 1)[0]), None)

    def _cell_double_clicked(self, row: int, column: int) -> None:
        if column != COLOUR:
            return
        item = self.table.item(row, COLOUR)
        if item is None:
            return
        colour = QColorDialog.getColor(QColor(item.text()), self)
        if colour.isValid():
            item.setText(colour.name().upper())
            item.setBackground(colour)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def renames(self) -> dict[str, str]:
        """{old name: new name} for the labels whose name was edited."""
        out = {}
        for row in range(self.table.rowCount()):
            item = self.table.item(row, NAME)
            original = item.data(Qt.ItemDataRole.UserRole) if item else None
            if original and original != self._text(row, NAME):
                out[original] = self._text(row, NAME)
        return out

    def schema(self) -> Schema:
        """The edited schema; raises UserError for a nameless label or a bad colour."""
        labels = []
        for row in range(self.table.rowCount()):
            name = self._text(row, NAME)
            if not name:
                raise UserError(self.tr("label %1 has no name").replace("%1", str(row + 1)))
            colour = self._text(row, COLOUR)
            if not QColor.isValidColorName(colour):
                raise UserError(
                    self.tr("label %1: %2 is not a colour")
                    .replace("%1", f"\u2068{name}\u2069")
                    .replace("%2", f"\u2068{colour}\u2069")
                )
            kind = self.table.cellWidget(row, KIND)
            assert isinstance(kind, QComboBox)
            item = self.table.item(row, NAME)
            original = item.data(Qt.ItemDataRole.UserRole) if item else None
            old = self.original.label(original) if original else None
            labels.append(
                Label(
                    name,
                    LabelKind(kind.currentData()),
                    stored_colour(colour),
                    self._text(row, SHORTCUT),
                    self._text(row, DESCRIPTION),
                    attributes_from_text(
                        self._text(row, ATTRIBUTES), old.attributes if old else ()
                    ),
                )
            )
        return Schema(tuple(labels), self.original.relation_types)
