"""File → Share document as HTML / PDF: the current document with my spans."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.storage.project import Project
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.ui.conftest import ME, show_active
from tests.ui.test_render import LONG, pdf_text

ARTICLE = "قال محمد إن «الحصار مستمر» في غزة."


@pytest.fixture
def window(qtbot: QtBot, make_project: Callable[[dict[str, str]], Path]) -> Iterator[MainWindow]:
    path = make_project({"article": ARTICLE})
    with Project.open(path) as project:
        project.add_annotation(1, ME, "PER", 4, 8)
        project.add_annotation(1, "someone else", "LOC", 30, 33)
    win = MainWindow(Project.open(path), ME, Settings())
    show_active(qtbot, win)
    yield win
    win.project.close()


def trigger(win: MainWindow, text: str) -> None:
    matches = [a for a in win.actions() if isinstance(a, QAction) and a.text() == text]
    assert len(matches) == 1, text
    matches[0].trigger()


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def fake(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(str(args[1]))
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    monkeypatch.setattr(
        QMessageBox, "warning", lambda *a: pytest.fail(f"unexpected warning {a[2]}")
    )
    return asked


def test_share_as_html_writes_the_page_with_my_spans(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = save_to(monkeypatch, tmp_path / "shared")  # the suffix is added
    trigger(window, "Share document as &HTML…")
    assert asked == ["Share document as HTML"]
    page = (tmp_path / "shared.html").read_text(encoding="utf-8")
    assert "<!DOCTYPE html>" in page
    assert "محمد" in page and "غزة" in page
    assert "PER" in page  # my span's label
    assert "LOC" not in page  # not someone else's
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".shared")]


def test_share_as_pdf(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_to(monkeypatch, tmp_path / "shared.pdf")
    trigger(window, "Share document as P&DF…")
    assert (tmp_path / "shared.pdf").read_bytes().startswith(b"%PDF")


def test_cancelled_writes_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    trigger(window, "Share document as &HTML…")
    trigger(window, "Share document as P&DF…")
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".html", ".pdf")] == []


def test_share_as_pdf_draws_every_paragraph(
    qtbot: QtBot,
    make_project: Callable[[dict[str, str]], Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    win = MainWindow(Project.open(make_project({"long": LONG})), ME, Settings())
    show_active(qtbot, win)
    save_to(monkeypatch, tmp_path / "long.pdf")
    trigger(win, "Share document as P&DF…")
    text = pdf_text(tmp_path / "long.pdf")
    assert [n for n in range(1, 41) if f"marker{n:02d}" not in text] == []
    win.project.close()
