"""Gold decisions as undoable edits, and an annotator against gold."""

import pytest

from annotator.core.errors import UserError
from annotator.core.model import GOLD, Status
from annotator.review.differences import differences
from annotator.review.gold import accept
from annotator.review.gold_change import GoldChange
from annotator.storage.project import Project
from tests.present import present
from tests.review.conftest import ProjectBuilder, word


def gold_state(project: Project, doc: int) -> tuple[object, ...]:
    """The snapshot, each span without its modification time (restoring touches it)."""
    snap = project.gold.snapshot(doc)
    spans = [(a.id, a.label, a.start, a.end, a.created) for a in snap.annotations]
    return spans, snap.relations, snap.provenance, snap.rejected, snap.curation


def test_accept_undone_and_redone_restores_gold_provenance_and_curation(
    project: Project, build: ProjectBuilder
) -> None:
    d = build.doc("d")
    (a_id,) = build.spans(d, "a", ("PER", *word(0)))
    build.spans(d, "b", ("ORG", *word(0)))
    before = gold_state(project, d)
    change = GoldChange(d, lambda p: accept(p, a_id, "cur"), "accept")
    changes = change.apply(project)
    (gold,) = project.gold.annotations(d)
    assert [a.id for a in changes.annotations] == [gold.id] and changes.removed == []
    assert project.gold.curation_status(d).status is Status.IN_PROGRESS
    after = gold_state(project, d)

    undone = change.revert(project)
    assert gold_state(project, d) == before
    assert undone.removed == [gold.id]
    assert project.gold.curation_status(d).status is Status.NOT_STARTED

    change.apply(project)
    assert gold_state(project, d) == after
    assert present(project.gold.provenance(gold.id)).proposed_by == ("a",)


def test_reject_and_edit_are_undone_too(project: Project, build: ProjectBuilder) -> None:
    d = build.doc("d")
    (a_id,) = build.spans(d, "a", ("PER", *word(0, 2)))
    accept(project, a_id, "cur")
    (gold,) = project.gold.annotations(d)
    edit = GoldChange(d, lambda p: p.gold.edit(gold.id, "cur2", end=3), "edit")
    edit.apply(project)
    assert project.gold.annotations(d)[0].end == 3
    assert present(project.gold.provenance(gold.id)).curated_by == "cur2"
    edit.revert(project)
    assert project.gold.annotations(d)[0].end == word(0, 2)[1]
    assert present(project.gold.provenance(gold.id)).curated_by == "cur"

    no = GoldChange(d, lambda p: p.gold.reject(d, ("PER", *word(0, 2)), "cur"), "reject")
    changes = no.apply(project)
    assert project.gold.annotations(d) == [] and changes.removed == [gold.id]
    assert project.gold.rejected(d) == {("PER", *word(0, 2))}
    no.revert(project)
    assert project.gold.rejected(d) == set()
    assert [g.id for g in project.gold.annotations(d)] == [gold.id]


def test_differences_between_an_annotator_and_gold(project: Project, build: ProjectBuilder) -> None:
    d = build.doc("d")
    a_ids = build.spans(d, "a", ("PER", *word(0)), ("LOC", *word(2)))
    build.spans(d, GOLD, ("PER", *word(0)), ("LOC", *word(2, 2)))
    diff = differences(project, d, "a")
    assert [a.id for a in diff.only_annotator] == [a_ids[1]]
    assert [(g.label, g.start, g.end) for g in diff.only_gold] == [("LOC", *word(2, 2))]


def test_a_refused_decision_changes_nothing(project: Project, build: ProjectBuilder) -> None:
    d = build.doc("d")
    (a_id,) = build.spans(d, "a", ("PER", *word(0)))
    before = gold_state(project, d)

    def accept_then_fail(p: Project) -> None:
        accept(p, a_id, "cur")
        raise UserError("refused")

    with pytest.raises(UserError):
        GoldChange(d, accept_then_fail, "accept").apply(project)
    assert gold_state(project, d) == before
