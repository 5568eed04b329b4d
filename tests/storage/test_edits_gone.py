"""An edit of a span that another person deleted meanwhile is refused by name, whether it
was gone before the edit read it or went between the read and the write."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import GoneError
from annotator.core.model import Annotation, NewDocument
from annotator.storage.project import Project


def test_relabelling_a_span_deleted_between_read_and_write_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.annotator"
    with Project.create(path) as project:
        project.add_documents([NewDocument("a", "قال محمد في غزة")])
        span = project.add_annotation(1, "huda", "PER", 4, 8)
        read = project.annotation_store.annotation

        def read_then_deleted_elsewhere(annotation_id: str) -> Annotation:
            found = read(annotation_id)
            with Project.open(path) as other:
                other.delete_annotation(annotation_id)
            return found

        monkeypatch.setattr(project.annotation_store, "annotation", read_then_deleted_elsewhere)
        with pytest.raises(GoneError, match="'محمد' \\(PER\\) is no longer there"):
            project.update_annotation(span.id, label="ORG")
        monkeypatch.undo()
        assert project.annotations(1) == []


def test_editing_a_span_already_deleted_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    with Project.create(path) as project:
        project.add_documents([NewDocument("a", "قال محمد في غزة")])
        span = project.add_annotation(1, "huda", "PER", 4, 8)
        with Project.open(path) as other:
            other.delete_annotation(span.id)
        with pytest.raises(GoneError, match="another person or program may have deleted it"):
            project.update_annotation(span.id, label="ORG")
