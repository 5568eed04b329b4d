"""Project methods added for the annotation window: rename_label, annotations_in, statuses_of."""

from pathlib import Path

import pytest

from annotator.core.errors import UserError
from annotator.core.model import NewDocument, Status
from annotator.storage.project import Project


def test_rename_label_keeps_annotations(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.annotator") as project:
        project.add_documents([NewDocument("d", "قال محمد")])
        project.add_annotation(1, "huda", "PER", 4, 8)
        project.rename_label("PER", "PERSON")
        assert [a.label for a in project.annotations()] == ["PERSON"]
        assert project.schema().label("PERSON") is not None
        assert project.schema().label("PER") is None
        with pytest.raises(UserError, match="already"):
            project.rename_label("PERSON", "ORG")
        with pytest.raises(UserError, match="unknown"):
            project.rename_label("NOPE", "X")


def test_annotations_in_a_range(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.annotator") as project:
        project.add_documents([NewDocument("d", "قال محمد إن غزة تحت الحصار")])
        for start, end in ((0, 3), (4, 8), (12, 15), (4, 26)):
            project.add_annotation(1, "huda", "PER", start, end)
        project.add_annotation(1, "other", "PER", 4, 8)
        got = [(a.start, a.end) for a in project.annotations_in(1, "huda", 5, 12)]
        assert got == [(4, 26), (4, 8)]


def test_statuses_of_one_annotator(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.annotator") as project:
        project.add_documents([NewDocument("a", "نص أول"), NewDocument("b", "نص ثان")])
        project.set_status(2, "huda", Status.DONE)
        project.set_status(1, "sara", Status.IN_PROGRESS)
        assert project.statuses_of("huda") == {2: Status.DONE}
