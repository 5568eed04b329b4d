"""The selected span: its label, text, attributes (editable) and relations (removable)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Annotation, LabelKind, Relation
from annotator.core.offsets import elide_middle
from annotator.core.schema import Schema
from annotator.ui.label_kinds import kind_name

NO_VALUE = "—"
# Characters of a span's text shown: a span over a whole article must not lay out
# (and make the panel as tall as) the whole article.
SHOWN_TEXT = 400
SHOWN_RELATED = 80


class DetailsPanel(QWidget):
    attributeEdited = Signal(str, str)  # name, value ("" clears it)
    relationRemoved = Signal(str)  # relation id
    linkRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel()
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # a span may hold "<b>"
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.attributes = QFormLayout()
        self.relations = QListWidget()
        self.relations.setMaximumHeight(110)
        self.link_button = QPushButton(self.tr("Link speaker / source"))
        self.link_button.clicked.connect(self.linkRequested)
        self.remove_button = QPushButton(self.tr("Remove link"))
        self.remove_button.clicked.connect(self._remove_relation)
        self.relations.currentItemChanged.connect(
            lambda item: self.remove_button.setEnabled(item is not None)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.text)
        layout.addLayout(self.attributes)
        layout.addWidget(QLabel(self.tr("Relations")))
        layout.addWidget(self.relations)
        layout.addWidget(self.link_button)
        layout.addWidget(self.remove_button)
        layout.addStretch(1)
        self.show_annotation(None, Schema(()), [], {})

    def show_annotation(
        self,
        ann: Annotation | None,
        schema: Schema,
        relations: list[Relation],
        others: dict[str, Annotation],
    ) -> None:
        """Show ``ann``; ``others`` resolves the spans its relations point at."""
        while self.attributes.rowCount():
            self.attributes.removeRow(0)
        self.relations.clear()
        # Each button only when it can act: linking starts from a claim or a quote (an
        # entity is linked to), removing needs a relation (the first is chosen).
        self.relations.setEnabled(ann is not None)
        self.link_button.setEnabled(False)
        self.remove_button.setEnabled(False)
        if ann is None:
            self.label.setText(self.tr("No span selected"))
            self.text.setText("")
            return
        spec = schema.label(ann.label)
        self.link_button.setEnabled(spec is not None and spec.kind is not LabelKind.ENTITY)
        self.label.setText(f"<b>{ann.label}</b> ({kind_name(spec.kind) if spec else '?'})")
        self.text.setText(elide_middle(ann.text, SHOWN_TEXT))
        for attr in spec.attributes if spec else ():
            editor = self._attribute_editor(attr.name, attr.values, ann)
            editor.setAccessibleName(attr.name)
            self.attributes.addRow(attr.name, editor)
        for rel in relations:
            other_id = rel.to_id if rel.from_id == ann.id else rel.from_id
            other = others.get(other_id)
            arrow = "→" if rel.from_id == ann.id else "←"
            shown = elide_middle(other.text, SHOWN_RELATED) if other else other_id
            item = QListWidgetItem(f"{rel.type} {arrow} {shown}")
            item.setData(Qt.ItemDataRole.UserRole, rel.id)
            self.relations.addItem(item)
        if self.relations.count():
            self.relations.setCurrentRow(0)

    def _attribute_editor(self, name: str, values: tuple[str, ...], ann: Annotation) -> QWidget:
        current = str(ann.attributes.get(name, ""))
        if values:
            combo = QComboBox()
            combo.addItems([NO_VALUE, *values])
            combo.setCurrentText(current or NO_VALUE)
            combo.textActivated.connect(
                lambda text: self._edited(name, "" if text == NO_VALUE else text)
            )
            return combo
        line = QLineEdit(current)
        line.editingFinished.connect(lambda: self._edited(name, line.text()))
        return line

    def _edited(self, name: str, value: str) -> None:
        # From the event loop: the edit rebuilds this panel, which must not delete the
        # editor whose signal is still being delivered.
        QTimer.singleShot(0, self, lambda: self.attributeEdited.emit(name, value))

    def _remove_relation(self) -> None:
        item = self.relations.currentItem()
        if item is not None:
            self.relationRemoved.emit(item.data(Qt.ItemDataRole.UserRole))
