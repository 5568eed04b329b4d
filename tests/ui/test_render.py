"""Rendering a document to PNG and PDF without a window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from annotator.core.errors import UserError
from annotator.storage.project import Project
from annotator.ui.render import WIDTH, render_document
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
