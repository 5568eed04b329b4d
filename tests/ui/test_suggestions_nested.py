"""A suggested claim with a suggested name inside it: one key each, the claim then the
name (accepting the claim moved the caret past its end, over the name inside)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.model import Annotation, NewDocument, Status
from annotator.storage.project import Project
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.learn.corpus import MINISTERS, NEW_MINISTER, STATEMENT
from tests.ui.conftest import ME, show_active
from tests.ui.test_suggestions import ghosts, open_new, stored, train

# Two statements: after the first claim comes another suggestion, the second claim.
NEW = STATEMENT.format(NEW_MINISTER) + " " + STATEMENT.format(MINISTERS[0])


def claims(path: Path) -> None:
    """Finished statements, each a CLAIM with its minister a PER inside it, and "new"."""
    docs = []
    for n, name in enumerate(MINISTERS):
        text = STATEMENT.format(name)
        at = text.index(name)
        spans = (
            Annotation(f"c{n}", 0, ME, "CLAIM", 0, len(text) - 1, text[:-1]),
            Annotation(f"p{n}", 0, ME, "PER", at, at + len(name), name),
        )
        done = {ME: Status.DONE}
        docs.append(NewDocument(f"statement {n}", text, annotations=spans, status=done))
    docs.append(NewDocument("new", NEW))
    with Project.create(path) as project:
        project.add_documents(docs)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    claims(tmp_path / "claims.annotator")
    win = MainWindow(Project.open(tmp_path / "claims.annotator"), ME, Settings())
    show_active(qtbot, win)
    yield win
    win.project.close()


def test_return_accepts_a_claim_then_the_name_inside_it(qtbot: QtBot, window: MainWindow) -> None:
    open_new(window)
    train(qtbot, window)
    first = STATEMENT.format(NEW_MINISTER)
    at = NEW.index(NEW_MINISTER)
    claim, name = (0, len(first) - 1, "CLAIM"), (at, at + len(NEW_MINISTER), "PER")
    assert {claim, name} <= ghosts(window)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert set(stored(window)) == {claim}
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert set(stored(window)) == {claim, name}
