"""Export in any of the core's formats: the format, whose spans, and where."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from annotator.core.errors import UserError
from annotator.formats.base import ExportOptions, ExportReport, ExportSelection
from annotator.formats.export import export
from annotator.formats.registry import FORMATS
from annotator.storage.project import Project
from annotator.ui.error_texts import error_text
from annotator.ui.format_texts import format_description, format_title


class ExportDialog(QDialog):
    def __init__(self, project: Project, annotator: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self.setWindowTitle(self.tr("Export"))
        self.format = QComboBox()
        for fmt in FORMATS.values():
            if fmt.can_export:
                self.format.addItem(format_title(fmt.name), fmt.name)
        self.description = QLabel()
        self.description.setWordWrap(True)
        # Room at the sides: a wrapped right-to-left line is placed with the space it
        # breaks at, so its last letter (an Arabic final nun's bowl, «دون» read «دور»)
        # reached past the label's edge and was cut off.
        room = self.description.fontMetrics().horizontalAdvance(" ") + 2
        self.description.setContentsMargins(room, 0, room, 0)
        self.only_mine = QCheckBox(self.tr("Only my spans"))
        self.output = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.output)
        where.addWidget(browse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)  # until it is said where to
        self.output.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        self.report: ExportReport | None = None
        form = QFormLayout(self)
        form.addRow(self.tr("Format"), self.format)
        form.addRow("", self.description)
        form.addRow("", self.only_mine)
        form.addRow(self.tr("Output"), where)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._describe)
        self._describe()

    def _describe(self) -> None:
        self.description.setText(format_description(self.format.currentData()))
        # A top-level window does not grow by itself for a wrapped label's new height:
        # a longer description would be cut off.
        self.adjustSize()

    def _browse(self) -> None:
        if FORMATS[self.format.currentData()].exports_folder:
            path = QFileDialog.getExistingDirectory(self, self.tr("Export to"))
        else:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"))
        if path:
            self.output.setText(path)

    def accept(self) -> None:
        """Export; a place or a selection the export refuses is said, and the dialog
        stays open with its choices to correct."""
        try:
            self.report = self.run_export()
        except UserError as exc:
            QMessageBox.warning(self, "annotator", error_text(exc))
            return
        super().accept()

    def run_export(self) -> ExportReport:
        """Export with the dialog's choices (raises UserError as the core does)."""
        who = (self.annotator,) if self.only_mine.isChecked() else ()
        options = ExportOptions(selection=ExportSelection(annotators=who))
        return export(self.project, self.format.currentData(), Path(self.output.text()), options)
