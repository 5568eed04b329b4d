"""An undo never overwrites what another program changed since the edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import UserError
from annotator.core.model import NewDocument
from annotator.storage.edits import UpdateAnnotation
from annotator.storage.project import Project


def test_reverting_a_relabel_of_a_span_another_program_changed_is_refused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p.annotator"
    with Project.create(path) as project:
        project.add_documents([NewDocument("a", "قال محمد في غزة")])
        ann = project.add_annotation(1, "huda", "PER", 4, 8)
        edit = UpdateAnnotation(ann.id, label="ORG")
        edit.apply(project)
        with Project.open(path) as other:
            other.update_annotation(ann.id, start=5)
        with pytest.raises(UserError, match="changed by another program"):
            edit.revert(project)
        span = project.annotation(ann.id)
        assert (span.label, span.start, span.end) == ("ORG", 5, 8)


def test_reverting_a_relabel_nobody_else_touched_restores_it(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.annotator") as project:
        project.add_documents([NewDocument("a", "قال محمد في غزة")])
        ann = project.add_annotation(1, "huda", "PER", 4, 8)
        edit = UpdateAnnotation(ann.id, label="ORG")
        edit.apply(project)
        edit.revert(project)
        assert project.annotation(ann.id).label == "PER"
