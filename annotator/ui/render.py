"""Drawing a document with its spans to PNG or PDF, exactly as the view paints it, with
no window shown (the command line's `annotator render`)."""

from __future__ import annotations

import os
from bisect import bisect_right
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QRect, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QRegion
from PySide6.QtWidgets import QApplication, QFrame

from annotator.core.errors import UserError
from annotator.core.output import open_binary_output, staged_path
from annotator.storage.project import Project
from annotator.ui.docview import LONG_BLOCK_LINES, DocumentView
from annotator.ui.fonts import reading_font
from annotator.ui.png import write_png

WIDTH = 900  # pixels: about the measure of a newspaper column and a half
PDF_RESOLUTION = 96  # dots per inch, so that one widget pixel is one PDF dot
PAGE_HEIGHT = WIDTH * 297 // 210  # A4's proportions at that width
MAX_PNG_HEIGHT = 20 * PAGE_HEIGHT
PAGE_MARGIN = 40  # pixels above and below the text on each PDF page


def render_document(
    project_path: Path, document_name: str, output_path: Path, annotator: str | None = None
) -> list[Path]:
    """Render ``document_name`` with the spans of ``annotator`` (everyone's when None);
    returns the files written."""
    _check_suffix(output_path)
    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QApplication.instance() or QApplication([])
    with Project.open(project_path, readonly=True) as project:
        doc = project.document(document_name)
        return render_project_document(project, doc.id, output_path, annotator)


def _check_suffix(output_path: Path) -> str:
    suffix = output_path.suffix.lower()
    if suffix not in (".png", ".pdf"):
        raise UserError("the output must end in .png or .pdf", output_path)
    return suffix


def render_project_document(
    project: Project, document_id: int, output_path: Path, annotator: str | None = None
) -> list[Path]:
    """Render a document of an open project (the window's "Share as PDF") to PNG or PDF,
    with the spans of ``annotator`` (everyone's when None). Needs a QApplication."""
    suffix = _check_suffix(output_path)
    app = QApplication.instance()
    doc = project.document(document_id)
    view = _full_height_view(doc.text, project, doc.id, annotator)
    try:
        return (_write_png if suffix == ".png" else _write_pdf)(view, output_path)
    finally:
        # Hidden first: a shown view would be painted whole, as tall as the text, into a
        # backing store before it goes (1.6 GB for a 1 MB paragraph).
        view.hide()
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
    # Shown, but never on a screen: a hidden widget's resize waits for it to be shown,
    # and the text would be laid out (and measured) at some other width.
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.resize(WIDTH, PAGE_HEIGHT)
    view.show()
    # Told of the new text before it is laid out, so that a long paragraph keeps its
    # shaped glyphs from its first layout on: laying it out again costs as much.
    view.document().contentsChange.connect(lambda at, _, added: _keep_long(view, at, added))
    view.load(text, project.annotations(document_id, annotator), project.schema())
    view.setCursorWidth(0)
    _keep_shaped_glyphs(view)
    view.resize(WIDTH, _line_bottoms(view)[-1] + int(view.document().documentMargin()) + 1)
    return view


def _keep_shaped_glyphs(view: DocumentView) -> None:
    """Long paragraphs that do not keep their glyphs yet (see _keep_long) laid out
    again, keeping the glyphs shaped for it: by default Qt drops them once the lines
    are broken, and each page drawn would shape its text again (a third of the time of
    a long text's PNG pages)."""
    doc = view.document()
    block = doc.firstBlock()
    while block.isValid():
        if block.layout().lineCount() >= LONG_BLOCK_LINES and not block.layout().cacheEnabled():
            block.layout().setCacheEnabled(True)
            doc.markContentsDirty(block.position(), block.length())
        block = block.next()


def _keep_long(view: DocumentView, at: int, added: int) -> None:
    """Keep the shaped glyphs of the paragraphs just added that are long enough to fill
    LONG_BLOCK_LINES lines (at an eighth of WIDTH a character), before they are laid
    out; _keep_shaped_glyphs lays out again only the long ones this missed."""
    doc = view.document()
    block = doc.findBlock(at)
    while block.isValid() and block.position() <= at + added:
        if block.length() >= LONG_BLOCK_LINES * WIDTH // 8:
            block.layout().setCacheEnabled(True)
        block = block.next()


def _line_bottoms(view: DocumentView) -> list[int]:
    """Where each laid-out line of the view's text ends, in view pixels from its top."""
    layout = view.document().documentLayout()
    margin = view.document().documentMargin()
    bottoms = [int(margin)]
    top = margin
    block = view.document().firstBlock()
    while block.isValid():
        lines = block.layout()
        layout.blockBoundingRect(block)  # lays the block out when it is not yet
        for i in range(lines.lineCount()):
            line = lines.lineAt(i)
            bottoms.append(int(top + line.y() + line.height() + 0.999))
        top += layout.blockBoundingRect(block).height()
        block = block.next()
    return bottoms


def page_slices(bottoms: list[int], page_height: int) -> list[tuple[int, int]]:
    """The view cut into pages of at most ``page_height`` pixels, each ending after a
    whole line (a line taller than a page is cut)."""
    slices = []
    top, end = 0, bottoms[-1]
    while top < end:
        # The last line ending on this page (bottoms ascend): found by bisection, as a
        # scan per page would cost pages × lines on a long text.
        last = bisect_right(bottoms, top + page_height) - 1
        bottom = bottoms[last] if last >= 0 and bottoms[last] > top else min(top + page_height, end)
        slices.append((top, bottom))
        top = bottom
    return slices


def _write_png(view: DocumentView, output_path: Path) -> list[Path]:
    """One PNG as tall as the text; a text taller than MAX_PNG_HEIGHT becomes one PNG per
    page instead (NAME-1.png, NAME-2.png, …), as no viewer shows a strip that long."""
    if view.height() <= MAX_PNG_HEIGHT:
        slices = [(0, view.height())]
        paths = [output_path]
    else:
        slices = page_slices(_line_bottoms(view), PAGE_HEIGHT)
        paths = [
            output_path.with_name(f"{output_path.stem}-{i}{output_path.suffix}")
            for i in range(1, len(slices) + 1)
        ]
    # Painting needs this (the GUI) thread; encoding and writing a page do not, and ISA-L
    # lets go of the interpreter while it deflates: the next page is painted meanwhile.
    # One page in flight at a time keeps the memory to two pages.
    with ThreadPoolExecutor(max_workers=1) as encoder:
        pending: Future[None] | None = None
        for (top, bottom), path in zip(slices, paths, strict=True):
            image = view.grab(QRect(0, top, view.width(), bottom - top)).toImage()
            if pending is not None:
                pending.result()
            pending = encoder.submit(_save_png, image, path)
        if pending is not None:
            pending.result()
    return paths


def _save_png(image: QImage, path: Path) -> None:
    with open_binary_output(path) as out:
        write_png(image, out)


def _write_pdf(view: DocumentView, output_path: Path) -> list[Path]:
    with staged_path(output_path) as staged:
        _paint_pdf(view, staged)
    return [output_path]


def _paint_pdf(view: DocumentView, output_path: Path) -> None:
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
        slices = page_slices(_line_bottoms(view), PAGE_HEIGHT - 2 * PAGE_MARGIN)
        for i, (top, bottom) in enumerate(slices):
            if i:
                writer.newPage()
            # Each page shows the next whole lines of the (full-height) view.
            view.render(
                painter,
                QPoint(0, PAGE_MARGIN - top),
                QRegion(0, top, view.width(), bottom - top),
            )
    finally:
        painter.end()
