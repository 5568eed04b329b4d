"""An edit of a span that another person deleted meanwhile is refused by name and changes
nothing; an edit of a span a colleague changed meanwhile changes only what it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import GoneError, UserError
from annotator.core.model import NewDocument
from annotator.storage.project import Project


def test_a_relabel_keeps_the_edges_a_colleague_moved_meanwhile(tmp_path: Path) -> None:
    """An edit changes only what it names: the span is not read first and written back
    whole, so a colleague's change in between is not overwritten."""
    path = tmp_path / "p.annotator"
    with Project.create(path) as project:
        project.add_documents([NewDocument("a", "قال محمد في غزة")])
        shown = project.add_annotation(1, "huda", "PER", 4, 8)
        with Project.open(path) as other:
            other.update_annotation(shown.id, start=0)
        before, after = project.annotation_store.change(shown.id, label="ORG")
        assert (before.label, before.start, before.text) == ("PER", 0, "قال محمد")
        assert (after.label, after.start, after.end, after.text) == ("ORG", 0, 8, "قال محمد")
        assert project.annotation(shown.id) == after


def test_new_edges_outside_the_document_change_nothing(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.annotator") as project:
        project.add_documents([NewDocument("a", "قال محمد في غزة")])
        span = project.add_annotation(1, "huda", "PER", 4, 8)
        with pytest.raises(UserError, match="span 4-99 is outside the document \\(length 15\\)"):
            project.update_annotation(span.id, end=99, label="ORG")
        with pytest.raises(UserError, match="span 9-8 is outside the document"):
            project.update_annotation(span.id, start=9)
        assert project.annotations(1) == [span]


def test_editing_a_span_already_deleted_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    with Project.create(path) as project:
        project.add_documents([NewDocument("a", "قال محمد في غزة")])
        span = project.add_annotation(1, "huda", "PER", 4, 8)
        with Project.open(path) as other:
            other.delete_annotation(span.id)
        with pytest.raises(GoneError, match="another person or program may have deleted it"):
            project.update_annotation(span.id, label="ORG")


def test_deleting_a_span_already_deleted_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    with Project.create(path) as project:
        project.add_documents([NewDocument("a", "قال محمد في غزة")])
        span = project.add_annotation(1, "huda", "PER", 4, 8)
        kept = project.add_annotation(1, "huda", "LOC", 12, 15)
        with Project.open(path) as other:
            other.delete_annotation(span.id)
        with pytest.raises(GoneError, match="another person or program may have deleted it"):
            project.delete_annotation(span.id)
        assert project.annotations(1) == [kept]
