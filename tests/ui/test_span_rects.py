"""Span rectangles found line by line (DocumentView.run_rects) against their plain
definition, QTextLayout.glyphRuns over each line's part of the span (which walks every
line from the paragraph's first: quadratic on a long paragraph): the same rectangles,
and a render that is the same pixel for pixel, in right-to-left, left-to-right and mixed
lines, with spans crossing lines and changes of direction."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QTextBlock

from annotator.storage.project import Project
from annotator.ui import render
from annotator.ui.docview import DocumentView
from annotator.ui.render import render_document
from tests.ui.conftest import ME

RTL = " ".join(
    f"قال أحمد {n} إن «الحصار مستمر» في Gaza City وفي غزة 2026 👍🏽 mid-Latin run here وعاد"
    for n in range(12)
)
LTR = " ".join(
    f"The minister {n} said «المياه أولا» at the UN summit in الرباط, 3.5% more 🇲🇦"
    for n in range(12)
)
TEXT = f"{RTL}\n{LTR}\nسطر قصير"


def reference_rects(
    view: DocumentView, block: QTextBlock, start: int, length: int, origin: QPointF
) -> list[QRectF]:
    """The rectangles by the layout's own glyphRuns, asked for each line's part."""
    layout = block.layout()
    starts = [layout.lineAt(i).textStart() for i in range(layout.lineCount())]
    rects = []
    for i in range(max(0, bisect_right(starts, start) - 1), len(starts)):
        line = layout.lineAt(i)
        s = max(start, line.textStart())
        e = min(start + length, line.textStart() + line.textLength())
        if line.textStart() >= start + length:
            break
        if s >= e:
            continue
        for run in layout.glyphRuns(s, e - s):
            r = run.boundingRect()
            if r.width() > 0:
                rects.append(
                    QRectF(r.left() + origin.x(), line.y() + origin.y(), r.width(), line.height())
                )
    return rects


def word_spans(text: str) -> list[tuple[int, int]]:
    """Spans of 1 to 13 words starting at every third word: many cross a line, a change
    of direction or both."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == " "]
    return [
        (starts[k], starts[min(k + 1 + k % 13, len(starts) - 1)] - 1)
        for k in range(0, len(starts) - 1, 3)
    ]


@pytest.fixture
def project_path(make_project: Callable[[dict[str, str]], Path]) -> Path:
    path = make_project({"mixed": TEXT})
    with Project.open(path) as project:
        for k, (start, end) in enumerate(word_spans(TEXT)):
            label = ("PER", "QUOTE", "ORG")[k % 3]
            project.add_annotation(1, ME, label, start, end)
    return path


def test_span_rectangles_match_the_layouts_own(project_path: Path) -> None:
    with Project.open(project_path, readonly=True) as project:
        view = render._full_height_view(TEXT, project, 1, None)
    try:
        block = view.document().firstBlock()
        compared = crossing = 0
        while block.isValid():
            view._ensure_aligned(block)
            layout = block.layout()
            origin = QPointF(3, 7)
            n = block.length() - 1
            # Every start on a grid of the paragraph, at lengths from one unit to past
            # the next line.
            for start in range(0, n, 5):
                for length in (1, 2, 7, 40, 130, n):
                    length = min(length, n - start)
                    got = view.run_rects(block, start, length, origin)
                    want = reference_rects(view, block, start, length, origin)
                    assert sorted(map(rect_key, got)) == sorted(map(rect_key, want)), (
                        block.blockNumber(),
                        start,
                        length,
                    )
                    compared += 1
                    lines = {
                        layout.lineForTextPosition(p).lineNumber()
                        for p in (start, start + length - 1)
                    }
                    crossing += len(lines) > 1
            block = block.next()
        assert view.document().blockCount() == 3
        assert compared > 1000 and crossing > 300
    finally:
        view.deleteLater()


def rect_key(r: QRectF) -> tuple[float, float, float, float]:
    return (r.left(), r.top(), r.width(), r.height())


def test_the_render_is_the_same_pixel_for_pixel(
    project_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    swept = render_document(project_path, "mixed", tmp_path / "swept.png")
    monkeypatch.setattr(DocumentView, "run_rects", reference_rects)
    plain = render_document(project_path, "mixed", tmp_path / "plain.png")
    image = QImage(str(swept[0]))
    assert image.height() > 20 * 30  # some twenty lines of text
    assert image == QImage(str(plain[0]))
