"""Importing files and folders off the UI thread, behind a cancellable progress dialog.

The worker opens its own connection to the project (a connection never crosses threads
in use) and calls the same core import the command line uses; that import writes only
at its end, so cancelling while files are read leaves the project untouched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.core.errors import UserError
from annotator.formats.base import ImportOptions
from annotator.formats.importer import ImportResult, import_paths
from annotator.formats.registry import FORMATS
from annotator.storage.project import Project
from annotator.ui.error_texts import error_text
from annotator.ui.format_texts import format_title


class Cancelled(Exception):
    pass


class ImportSignals(QObject):
    progress = Signal(int, int, str)  # files done, files in all, current file
    finished = Signal(object)  # ImportResult
    failed = Signal(str)
    cancelled = Signal()


class ImportJob(QRunnable):
    def __init__(
        self,
        project_path: Path,
        paths: list[Path],
        annotator: str,
        format_name: str = "auto",
        add_labels: bool = False,
    ):
        super().__init__()
        self.project_path = project_path
        self.paths = paths
        self.format_name = format_name
        self.options = ImportOptions(annotator=annotator, add_labels=add_labels)
        self.signals = ImportSignals()
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def _progress(self, done: int, total: int, current: Path) -> None:
        if self._cancel:
            raise Cancelled
        self.signals.progress.emit(done, total, str(current))

    def run(self) -> None:
        try:
            with Project.open(self.project_path) as project:
                result = import_paths(
                    project,
                    self.paths,
                    format_name=self.format_name,
                    options=self.options,
                    progress=self._progress,
                )
        except Cancelled:
            self.signals.cancelled.emit()
        except UserError as exc:
            self.signals.failed.emit(error_text(exc))
        else:
            self.signals.finished.emit(result)


def file_filters() -> list[tuple[str, str]]:
    """(file-dialog filter, format name) for every format the import reads; the first
    ("every file annotator reads") lets each file's extension choose."""
    formats = [f for f in FORMATS.values() if f.can_import]
    every = " ".join(f"*{s}" for f in formats for s in f.suffixes)
    out = [
        (
            QCoreApplication.translate("import", "Every format, by extension (%1)").replace(
                "%1", every
            ),
            "auto",
        )
    ]
    for f in formats:
        patterns = " ".join(f"*{s}" for s in (*f.suffixes, *f.folder_suffixes)) or "*"
        out.append((f"{format_title(f.name)} ({patterns})", f.name))
    return out


def start_import(
    parent: QWidget,
    project_path: Path,
    paths: list[Path],
    annotator: str,
    format_name: str = "auto",
    add_labels: bool = False,
) -> ImportJob:
    """Run an import with a progress dialog; the caller listens to the job's signals."""
    job = ImportJob(project_path, paths, annotator, format_name, add_labels)
    # Not parent.tr: lupdate would file the texts under "parent", Qt under its class.
    dialog = QProgressDialog(
        QCoreApplication.translate("import", "Importing…"),
        QCoreApplication.translate("import", "Cancel"),
        0,
        0,
        parent,
    )
    dialog.setWindowTitle(QCoreApplication.translate("import", "Importing"))
    dialog.setMinimumDuration(300)
    dialog.canceled.connect(job.cancel)

    def progress(done: int, total: int, current: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        dialog.setLabelText(Path(current).name)

    job.signals.progress.connect(progress)
    for signal in (job.signals.finished, job.signals.failed, job.signals.cancelled):
        signal.connect(dialog.close)
    job.setAutoDelete(False)  # the caller keeps it until a signal arrives
    QThreadPool.globalInstance().start(job)
    return job


class ImportSummary(QObject):
    """The status bar's line after an import, its counts in the interface's plurals.
    A class: lupdate files a count's text as a plural only in ``self.tr``."""

    def line(self, result: ImportResult) -> str:
        report = result.report
        text = self.tr("%n document(s) added", "", len(report.added))
        if report.duplicates:
            text += self.tr(", %n already there", "", len(report.duplicates))
        if result.errors:
            text += self.tr(", %n file(s) refused: ", "", len(result.errors))
            text += "; ".join(map(error_text, result.errors))
        return text


def summary(result: ImportResult) -> str:
    return ImportSummary().line(result)
