"""Rendering a document to PNG and PDF without a window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from annotator.core.errors import UserError
from annotator.demo import build_demo
from annotator.storage.project import Project
from annotator.ui import render
from annotator.ui.docview import DocumentView
from annotator.ui.render import WIDTH, page_slices, render_document
from tests.ui.conftest import ME

TEXT = "قال محمد إن «الحصار مستمر» في غزة.\nEnglish line."


@pytest.fixture
def project_path(make_project: Callable[[dict[str, str]], Path]) -> Path:
    path = make_project({"article": TEXT})
    with Project.open(path) as project:
        project.add_annotation(1, ME, "PER", 4, 8)
        project.add_annotation(1, ME, "QUOTE", 12, 26)
    return path


def test_png_shows_the_spans(project_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "doc.png"
    render_document(project_path, "article", out, ME)
    image = QImage(str(out))
    assert image.width() == WIDTH
    colours = {image.pixelColor(x, y).name() for x in range(0, WIDTH, 3) for y in range(0, 60)}
    assert len(colours) > 20  # text, a filled entity and a band, not a blank page


def test_pdf(project_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "doc.pdf"
    render_document(project_path, "article", out)
    assert out.read_bytes().startswith(b"%PDF")


def test_bad_name_and_suffix(project_path: Path, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no document"):
        render_document(project_path, "nope", tmp_path / "x.png")
    with pytest.raises(UserError, match=r"\.png or \.pdf"):
        render_document(project_path, "article", tmp_path / "x.jpg")


LONG = "\n".join(
    f"الفقرة رقم {n} من المقال، وفيها كلام كثير عن القمة والمياه والتمويل marker{n:02d} end."
    for n in range(1, 41)
)


@pytest.fixture
def long_project(make_project: Callable[[dict[str, str]], Path]) -> Path:
    return make_project({"long": LONG})


def test_pdf_draws_every_paragraph_on_as_many_pages_as_needed(
    long_project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "long.pdf"
    render_document(long_project, "long", out)
    assert len(PdfReader(out).pages) > 1
    text = pdf_text(out)
    missing = [n for n in range(1, 41) if f"marker{n:02d}" not in text]
    assert missing == []


def test_png_is_as_tall_as_the_text(long_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "long.png"
    render_document(long_project, "long", out)
    image = QImage(str(out))
    assert image.height() > 40 * 20  # forty paragraphs of at least one line each
    # The last line is drawn: the image's last rows hold text, not only paper.
    rows = range(image.height() - 60, image.height())
    ink = {image.pixelColor(x, y).name() for x in range(0, WIDTH, 2) for y in rows}
    assert len(ink) > 5


def test_the_demo_article_is_drawn_to_its_end(tmp_path: Path) -> None:
    project = tmp_path / "demo.annotator"
    build_demo(project)
    out = tmp_path / "water.pdf"
    render_document(project, "01-water-summit", out, "sara")
    text = pdf_text(out)
    assert "ready to double" in text  # the fourth paragraph
    assert "example.org/water-plan" in text  # the sixth and last


def pdf_text(path: Path) -> str:
    """The PDF's text, its words one space apart (Qt's PDF puts tabs between them)."""
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_pages_end_after_whole_lines() -> None:
    bottoms = [0, 30, 60, 90, 120, 150]
    assert page_slices(bottoms, 100) == [(0, 90), (90, 150)]
    assert page_slices([0, 250], 100) == [(0, 100), (100, 200), (200, 250)]


def test_a_png_too_tall_for_a_viewer_becomes_one_per_page(
    long_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render, "MAX_PNG_HEIGHT", 500)
    written = render_document(long_project, "long", tmp_path / "long.png")
    assert len(written) > 1
    assert [p.name for p in written][:2] == ["long-1.png", "long-2.png"]
    heights = [QImage(str(p)).height() for p in written]
    assert all(0 < h <= render.PAGE_HEIGHT for h in heights)
    assert sum(heights) > 40 * 20


def test_a_long_paragraph_is_drawn_the_same_with_its_glyphs_kept(
    make_project: Callable[[dict[str, str]], Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # One paragraph of some hundred lines, with spans: laid out again to keep its shaped
    # glyphs, it must break and draw every line as Qt's first layout did.
    text = " ".join(f"كلمة{n} word{n} «قول {n}» 👍🏽" for n in range(400))
    path = make_project({"long": text})
    with Project.open(path) as project:
        for n in range(0, 400, 7):
            start = text.index(f"word{n} ")
            project.add_annotation(1, ME, "PER", start, start + len(f"word{n}"))
    kept_before_layout_again: list[bool] = []
    keep = render._keep_shaped_glyphs

    def spy(view: DocumentView) -> None:
        kept_before_layout_again.append(view.document().firstBlock().layout().cacheEnabled())
        keep(view)

    monkeypatch.setattr(render, "_keep_shaped_glyphs", spy)
    kept = render_document(path, "long", tmp_path / "kept.png")
    # Kept from the first layout on: no second layout of the whole paragraph.
    assert kept_before_layout_again == [True]
    monkeypatch.setattr(render, "_keep_shaped_glyphs", lambda view: None)
    monkeypatch.setattr(render, "_keep_long", lambda view, at, added: None)
    fresh = render_document(path, "long", tmp_path / "fresh.png")
    assert QImage(str(kept[0])).height() > 64 * 60  # long enough to be kept (64 lines)
    assert QImage(str(kept[0])) == QImage(str(fresh[0]))
