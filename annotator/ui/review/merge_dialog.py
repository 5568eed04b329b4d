"""“Import a colleague's project…”: what `annotator merge` does, from the window.

The report is shown in a message box opened without blocking (``open``, not ``exec``).
When the colleague's spans conflict with the ones here under the same name, nothing was
merged; the box lists the conflicts and offers to import under another name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from annotator.core.errors import UserError
from annotator.review.merge import MergeReport, merge
from annotator.storage.project import PROJECT_SUFFIX, Project
from annotator.ui.doclist import isolate
from annotator.ui.error_texts import error_text


def ask_and_merge(parent: QWidget, project: Project, on_merged: Callable[[], None]) -> None:
    """The file dialog, then the merge of the chosen file."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("MergeDialog", "Import a colleague's project"),
        "",
        QCoreApplication.translate(
            "MergeDialog", "Projects and JSONL exports (*%1 *.jsonl);;All files (*)"
        ).replace("%1", PROJECT_SUFFIX),
    )
    if path:
        merge_and_report(parent, project, Path(path), on_merged)


class MergeDialog(QObject):
    """What a merge brought, in the interface's plurals. A class: lupdate files a
    count's text as a plural only in ``self.tr``."""

    def describe(self, report: MergeReport) -> str:
        if report.conflicts:
            return self.tr("Nothing was imported: these annotators' spans differ here and there.")
        return (
            self.tr("%1, %2; %3 and %4 imported")
            .replace("%1", self.tr("%n document(s) added", "", len(report.added_documents)))
            .replace("%2", self.tr("%n matched", "", report.matched_documents))
            .replace("%3", self.tr("%n span(s)", "", report.annotations))
            .replace("%4", self.tr("%n relation(s)", "", report.relations))
        )


def merge_and_report(
    parent: QWidget,
    project: Project,
    path: Path,
    on_merged: Callable[[], None],
    as_name: str | None = None,
) -> QMessageBox:
    """Merge ``path`` and open the box that says what happened; returns the box."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("MergeDialog", "Import a colleague's project"))
    try:
        report = merge(project, path, as_name)
    except UserError as exc:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(error_text(exc))
        box.open()
        return box
    box.setText(MergeDialog().describe(report))
    if report.conflicts:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setDetailedText(
            "\n".join(f"{isolate(c.annotator)} — {isolate(c.document)}" for c in report.conflicts)
        )
        rename = box.addButton(
            QCoreApplication.translate("MergeDialog", "Import under another name…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        rename.clicked.connect(lambda: ask_name(parent, project, path, on_merged, report))
    else:
        box.setIcon(QMessageBox.Icon.Information)
        if report.annotators:
            box.setInformativeText(
                QCoreApplication.translate("MergeDialog", "Work of: %1").replace(
                    "%1", ", ".join(map(isolate, report.annotators))
                )
            )
        box.addButton(QMessageBox.StandardButton.Ok)
        if report.changed:
            on_merged()
    box.open()
    return box


def ask_name(
    parent: QWidget,
    project: Project,
    path: Path,
    on_merged: Callable[[], None],
    report: MergeReport,
) -> QInputDialog:
    """Ask the one name all the incoming work will take, then merge again."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("MergeDialog", "Import under another name"))
    dialog.setLabelText(
        QCoreApplication.translate("MergeDialog", "Name for all the spans in %1:").replace(
            "%1", path.name
        )
    )
    dialog.setTextValue(f"{report.annotators[0]}-2" if report.annotators else path.stem)
    dialog.textValueSelected.connect(
        lambda name: merge_and_report(parent, project, path, on_merged, name.strip())
    )
    dialog.open()
    return dialog
