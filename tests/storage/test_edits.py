"""Undoable edits, applied and reverted on a real project file, without Qt."""

from pathlib import Path

import pytest

from annotator.core.errors import UserError
from annotator.core.model import NewDocument
from annotator.storage.edits import (
    AddAnnotation,
    AddRelation,
    Bulk,
    DeleteAnnotation,
    DeleteRelation,
    UpdateAnnotation,
)
from annotator.storage.project import Project
from tests.conftest import reopen_project

TEXT = "قال محمد إن غزة تحت الحصار"
ME = "huda"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = Project.create(tmp_path / "p.annotator")
    p.add_documents([NewDocument("d", TEXT)])
    return p


def spans(project: Project) -> list[tuple[str, int, int]]:
    fresh = reopen_project(project.path)
    try:
        return [(a.label, a.start, a.end) for a in fresh.annotations(1, ME)]
    finally:
        fresh.close()


def test_add_then_revert_then_reapply_keeps_the_id(project: Project) -> None:
    edit = AddAnnotation(1, ME, "PER", 4, 8)
    changes = edit.apply(project)
    assert [a.text for a in changes.annotations] == ["محمد"]
    assert spans(project) == [("PER", 4, 8)]
    assert edit.revert(project).removed == [edit.id]
    assert spans(project) == []
    edit.apply(project)
    assert project.annotation(edit.id).start == 4


def quote_and_speaker(project: Project) -> tuple[AddAnnotation, AddRelation]:
    """A quote and who said it (a relation between them); the speaker's edit and the link."""
    quote = AddAnnotation(1, ME, "QUOTE", 12, 26)
    speaker = AddAnnotation(1, ME, "PER", 4, 8)
    quote.apply(project)
    speaker.apply(project)
    link = AddRelation(quote.id, speaker.id, "speaker")
    link.apply(project)
    return speaker, link


def test_delete_restores_relations(project: Project) -> None:
    speaker, link = quote_and_speaker(project)
    delete = DeleteAnnotation(speaker.id)
    assert delete.apply(project).relations
    assert project.relations(1) == []
    delete.revert(project)
    assert [r.id for r in project.relations(1)] == [link.id]


def test_update_and_revert(project: Project) -> None:
    add = AddAnnotation(1, ME, "PER", 4, 8)
    add.apply(project)
    edit = UpdateAnnotation(add.id, label="ORG", start=3, attributes={"x": "y"})
    assert edit.apply(project).annotations[0].text == " محمد"
    assert spans(project) == [("ORG", 3, 8)]
    edit.revert(project)
    ann = project.annotation(add.id)
    assert (ann.label, ann.start, ann.end, ann.attributes) == ("PER", 4, 8, {})


def test_relations_delete_and_revert(project: Project) -> None:
    _, link = quote_and_speaker(project)
    unlink = DeleteRelation(link.id)
    unlink.apply(project)
    assert project.relations(1) == []
    unlink.revert(project)
    assert project.relations(1)[0].type == "speaker"
    link.revert(project)
    assert project.relations(1) == []


def test_unlinking_what_is_no_longer_linked_is_refused_by_name(project: Project) -> None:
    _, link = quote_and_speaker(project)
    assert project.delete_relation(link.id).type == "speaker"
    with pytest.raises(UserError, match=f"no relation with id {link.id!r}"):
        project.delete_relation(link.id)


def test_bulk_is_one_transaction_and_reverts_in_reverse(project: Project) -> None:
    first = AddAnnotation(1, ME, "LOC", 12, 15)
    bulk = Bulk([first, AddAnnotation(1, ME, "PER", 4, 8), UpdateAnnotation(first.id, label="ORG")])
    changes = bulk.apply(project)
    assert sorted(a.label for a in changes.annotations) == ["ORG", "PER"]
    assert spans(project) == [("PER", 4, 8), ("ORG", 12, 15)]
    changes = bulk.revert(project)
    second = bulk.edits[1]
    assert isinstance(second, AddAnnotation)
    assert sorted(changes.removed) == sorted([first.id, second.id])
    assert changes.annotations == []
    assert spans(project) == []


def test_failing_bulk_leaves_nothing(project: Project) -> None:
    bulk = Bulk([AddAnnotation(1, ME, "PER", 4, 8), AddAnnotation(1, ME, "NOPE", 0, 3)])
    with pytest.raises(Exception, match="unknown label"):
        bulk.apply(project)
    assert spans(project) == []
