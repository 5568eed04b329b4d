"""Drawing a document with its spans to PNG or PDF, exactly as the view paints it, with
no window shown (the command line's `annotator render`)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QRegion
from PySide6.QtWidgets import QApplication, QFrame

from annotator.core.errors import UserError
from annotator.core.output import staged_path
from annotator.storage.project import Project
from annotator.ui.docview import DocumentView
from annotator.ui.fonts import reading_font

WIDTH = 900  # pixels: about the measure of a newspaper column and a half
PDF_RESOLUTION = 96  # dots per inch, so that one widget pixel is one PDF dot
PAGE_HEIGHT = WIDTH * 297 // 210  # A4's proportions at that width


def render_document(
    project_path: Path, document_name: str, output_path: Path, annotator: str | None = None
) -> None:
    """Render ``document_name`` with the spans of ``annotator`` (everyone's when None)."""
    _check_suffix(output_path)
    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QApplication.instance() or QApplication([])
    with Project.open(project_path, readonly=True) as project:
        doc = project.document(document_name)
        render_project_document(project, doc.id, output_path, annotator)


def _check_suffix(output_path: Path) -> str:
    suffix = output_path.suffix.lower()
    if suffix not in (".png", ".pdf"):
        raise UserError("the output must end in .png or .pdf", output_path)
    return suffix


def render_project_document(
    project: Project, document_id: int, output_path: Path, annotator: str | None = None
) -> None:
    """Render a document of an open project (the window's "Share as PDF") to PNG or PDF,
    with the spans of ``annotator`` (everyone's when None). Needs a QApplication."""
    suffix = _check_suffix(output_path)
    app = QApplication.instance()
    doc = project.document(document_id)
    view = _full_height_view(doc.text, project, doc.id, annotator)
    try:
        with staged_path(output_path) as staged:
            if suffix == ".png":
                if not view.grab().save(str(staged)):
                    raise UserError("could not be written", output_path)
            else:
                _write_pdf(view, staged)
    finally:
        view.deleteLater()
        if app is not None:
            app.processEvents()


def _full_height_view(
    text: str, project: Project, document_id: int, annotator: str | None
) -> DocumentView:
    view = DocumentView()
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setFont(reading_font())
    view.resize(WIDTH, 100)
    view.load(text, project.annotations(document_id, annotator), project.schema())
    view.setCursorWidth(0)
    layout = view.document().documentLayout()
    height = 0.0
    block = view.document().firstBlock()
    while block.isValid():
        height += layout.blockBoundingRect(block).height()
        block = block.next()
    margin = 2 * (view.document().documentMargin() + view.frameWidth())
    view.resize(WIDTH, int(height + margin) + 1)
    return view


def _write_pdf(view: DocumentView, output_path: Path) -> None:
    writer = QPdfWriter(str(output_path))
    writer.setResolution(PDF_RESOLUTION)
    points = QSizeF(WIDTH * 72 / PDF_RESOLUTION, PAGE_HEIGHT * 72 / PDF_RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(points, QPageSize.Unit.Point),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    painter = QPainter(writer)
    try:
        for top in range(0, view.height(), PAGE_HEIGHT):
            if top:
                writer.newPage()
            # Each page shows the next slice of the (full-height) view.
            view.render(
                painter,
                QPoint(0, -top),
                QRegion(0, top, view.width(), PAGE_HEIGHT),
            )
    finally:
        painter.end()
