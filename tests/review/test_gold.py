"""Review units, a curator's decisions and the gold layer's provenance."""

import pytest

from annotator.core.model import GOLD, LabelKind, Status
from annotator.review.gold import accept, add_gold
from annotator.review.units import UnitState, review_units
from annotator.storage.project import Project
from tests.present import present
from tests.review.conftest import ProjectBuilder, word


def states(project: Project, doc: int) -> list[tuple[LabelKind, UnitState]]:
    return [(u.layer, u.state) for u in review_units(project, doc)]


def test_units_group_overlapping_spans_per_layer_with_their_state(
    project: Project, build: ProjectBuilder
) -> None:
    d = build.doc("d")
    build.spans(
        d, "a", ("PER", *word(0)), ("ORG", *word(2)), ("LOC", *word(4, 2)), ("DATE", *word(8))
    )
    build.spans(d, "b", ("PER", *word(0)), ("LOC", *word(2)), ("LOC", *word(4)))
    build.spans(d, "a", ("CLAIM", *word(0, 6)))
    units = review_units(project, d)
    assert [(u.start, u.layer, u.state) for u in units] == [
        (0, LabelKind.ENTITY, UnitState.AGREE),
        (0, LabelKind.CLAIM, UnitState.INCOMPLETE),
        (8, LabelKind.ENTITY, UnitState.LABEL_DIFFERS),
        (16, LabelKind.ENTITY, UnitState.BOUNDARIES_DIFFER),
        (32, LabelKind.ENTITY, UnitState.INCOMPLETE),
    ]
    boundaries = units[3]
    assert [v.label for v in units[2].versions] == ["LOC", "ORG"]
    assert [(v.start, v.end, v.annotators) for v in boundaries.versions] == [
        (16, 19, ("b",)),
        (16, 23, ("a",)),
    ]
    assert units[0].versions[0].annotators == ("a", "b")


def test_nested_spans_everyone_marked_alike_agree(project: Project, build: ProjectBuilder) -> None:
    d = build.doc("d")
    for name in ("a", "b"):
        build.spans(d, name, ("ORG", *word(0, 3)), ("LOC", *word(2)))
    assert states(project, d) == [(LabelKind.ENTITY, UnitState.AGREE)]


def test_a_document_marked_done_without_the_span_makes_it_incomplete(
    project: Project, build: ProjectBuilder
) -> None:
    d = build.doc("d")
    build.spans(d, "a", ("PER", *word(0)))
    assert states(project, d) == [(LabelKind.ENTITY, UnitState.AGREE)]
    build.done(d, "b")
    assert states(project, d) == [(LabelKind.ENTITY, UnitState.INCOMPLETE)]


def test_accept_copies_a_version_with_provenance_and_replaces_overlapping_gold(
    project: Project, build: ProjectBuilder
) -> None:
    d = build.doc("d")
    (a_id,) = build.spans(d, "a", ("PER", *word(0, 2)))
    (b_id,) = build.spans(d, "b", ("PER", *word(0)))
    build.spans(d, "c", ("PER", *word(0)))
    first = accept(project, a_id, "curator")
    second = accept(project, b_id, "curator")
    assert project.gold.annotations(d) == [project.annotation(second.id)]
    assert project.annotation(second.id).annotator == GOLD
    p = project.gold.provenance(second.id)
    assert p is not None
    assert (p.proposed_by, p.agreed_by, p.curated_by, p.strategy) == (
        ("b",),
        ("c",),
        "curator",
        "curator",
    )
    assert project.gold.provenance(first.id) is None  # deleted with its span
    unit = review_units(project, d)[0]
    assert [g.id for g in unit.gold] == [second.id]
    assert [v.annotators for v in unit.open_versions] == [("a",)]
    assert project.gold.curation_status(d).status is Status.IN_PROGRESS


def test_accept_carries_relations_whose_other_end_is_gold(
    project: Project, build: ProjectBuilder
) -> None:
    d = build.doc("d")
    quote, speaker = build.spans(d, "a", ("QUOTE", *word(0, 3)), ("PER", *word(5)))
    project.add_relation(quote, speaker, "speaker")
    accept(project, quote, "cur")
    assert project.relations(d, GOLD) == []
    gold_speaker = accept(project, speaker, "cur")
    (rel,) = project.relations(d, GOLD)
    assert rel.to_id == gold_speaker.id and rel.type == "speaker"


def test_reject_records_the_version_and_removes_it_from_gold(
    project: Project, build: ProjectBuilder
) -> None:
    d = build.doc("d")
    (a_id,) = build.spans(d, "a", ("PER", *word(0)))
    build.spans(d, "b", ("LOC", *word(0)))
    accept(project, a_id, "cur")
    project.gold.reject(d, ("PER", *word(0)), "cur")
    assert project.gold.annotations(d) == []
    assert project.gold.rejected(d) == {("PER", *word(0))}
    unit = review_units(project, d)[0]
    assert [v.label for v in unit.open_versions] == ["LOC"]
    # Accepting it after all lifts the rejection.
    accept(project, a_id, "cur")
    assert project.gold.rejected(d) == set()


def test_curator_spans_and_edits(project: Project, build: ProjectBuilder) -> None:
    d = build.doc("d")
    build.spans(d, "a", ("ORG", *word(3)))
    g = add_gold(project, d, "ORG", *word(3), curated_by="cur")
    assert present(project.gold.provenance(g.id)).agreed_by == ("a",)
    edited = project.gold.edit(g.id, "boss", label="LOC")
    assert edited.label == "LOC"
    p = project.gold.provenance(g.id)
    assert p is not None
    assert p.curated_by == "boss" and p.agreed_by == ("a",)


def test_curation_status(project: Project, build: ProjectBuilder) -> None:
    d = build.doc("d")
    assert project.gold.curation_status(d).status is Status.NOT_STARTED
    project.gold.set_curation_status(d, Status.DONE, "cur")
    state = project.gold.curation_status(d)
    assert (state.status, state.curator) == (Status.DONE, "cur")
    assert project.gold.curation_statuses() == {d: state}
    with pytest.raises(ValueError):
        project.gold.set_curation_status(d, "finished", "cur")  # type: ignore[arg-type]
