"""Merging a colleague's project file or JSONL export into the project."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.errors import UserError
from annotator.core.model import GOLD, Label, LabelKind, NewDocument, Status
from annotator.core.schema import Schema, default_schema
from annotator.review.gold import accept
from annotator.review.merge import Conflict, merge
from annotator.storage.project import Project
from tests.review.conftest import WORDS, ProjectBuilder, word


@pytest.fixture
def colleague(tmp_path: Path) -> Iterator[ProjectBuilder]:
    p = Project.create(tmp_path / "colleague.annotator")
    yield ProjectBuilder(p)
    p.close()


def spans_of(project: Project, annotator: str) -> list[tuple[str, int, int]]:
    return sorted((a.label, a.start, a.end) for a in project.annotations(annotator=annotator))


def test_documents_are_matched_by_text_and_missing_ones_added(
    project: Project, build: ProjectBuilder, colleague: ProjectBuilder
) -> None:
    shared = build.doc("shared")
    build.spans(shared, "me", ("PER", *word(0)))
    theirs = colleague.doc("renamed but same text")
    colleague.spans(theirs, "sara", ("ORG", *word(1)))
    new = colleague.doc("new", "نص جديد تماما")
    colleague.spans(new, "sara", ("LOC", 0, 2))
    colleague.done(new, "sara")
    report = merge(project, colleague.project.path)
    assert report.added_documents == ["new"]
    assert report.matched_documents == 1
    assert report.annotations == 2 and report.annotators == ["sara"]
    assert [d.name for d in project.documents()] == ["shared", "new"]
    assert spans_of(project, "sara") == [("LOC", 0, 2), ("ORG", *word(1))]
    assert project.status(project.document("new").id, "sara") is Status.DONE


def test_merging_the_same_file_twice_changes_nothing(
    project: Project, build: ProjectBuilder, colleague: ProjectBuilder
) -> None:
    d = colleague.doc("d")
    ids = colleague.spans(d, "sara", ("QUOTE", *word(0, 3)), ("PER", *word(5)))
    colleague.project.add_relation(ids[0], ids[1], "speaker")
    first = merge(project, colleague.project.path)
    assert first.annotations == 2 and first.relations == 1
    second = merge(project, colleague.project.path)
    assert not second.changed
    assert second.already_present == 2
    assert len(project.annotations()) == 2 and len(project.relations()) == 1


def test_a_differing_annotator_is_a_conflict_and_nothing_changes(
    project: Project, build: ProjectBuilder, colleague: ProjectBuilder
) -> None:
    mine = build.doc("d")
    build.spans(mine, "sara", ("PER", *word(0)))
    theirs = colleague.doc("d")
    colleague.spans(theirs, "sara", ("PER", *word(0)), ("LOC", *word(3)))
    colleague.doc("other", "نص آخر")
    report = merge(project, colleague.project.path)
    assert report.conflicts == [Conflict("sara", "d")]
    assert not report.changed
    assert project.document_count() == 1
    assert spans_of(project, "sara") == [("PER", *word(0))]
    # Under another name the colleague's work comes in beside mine.
    report = merge(project, colleague.project.path, as_name="sara2")
    assert report.conflicts == [] and report.annotations == 2
    assert spans_of(project, "sara2") == [("LOC", *word(3)), ("PER", *word(0))]


def test_as_name_takes_the_most_advanced_status(
    project: Project, build: ProjectBuilder, colleague: ProjectBuilder
) -> None:
    d = colleague.doc("d")
    colleague.spans(d, "a", ("PER", *word(0)))
    colleague.done(d, "b")
    merge(project, colleague.project.path, as_name="team")
    doc = project.document("d").id
    assert project.statuses(doc) == {"team": Status.DONE}
    assert {a.annotator for a in project.annotations()} == {"team"}


def test_statuses_only_move_forward(
    project: Project, build: ProjectBuilder, colleague: ProjectBuilder
) -> None:
    mine = build.doc("d")
    build.spans(mine, "sara", ("PER", *word(0)))
    build.done(mine, "sara")
    theirs = colleague.doc("d")
    colleague.spans(theirs, "sara", ("PER", *word(0)))  # in progress there
    merge(project, colleague.project.path)
    assert project.status(mine, "sara") is Status.DONE


def test_labels_the_project_lacks_are_added_with_their_kind(
    project: Project, build: ProjectBuilder, tmp_path: Path
) -> None:
    schema = default_schema()
    extra = Schema(
        (*schema.labels, Label("RUMOUR", LabelKind.CLAIM, "#000000")), schema.relation_types
    )
    with Project.create(tmp_path / "other.annotator", extra) as other:
        other.add_documents([NewDocument("d", WORDS)])
        other.add_annotation(other.document("d").id, "sara", "RUMOUR", *word(0, 2))
    report = merge(project, tmp_path / "other.annotator")
    assert report.added_labels == ["RUMOUR"]
    rumour = project.schema().label("RUMOUR")
    assert rumour is not None and rumour.kind is LabelKind.CLAIM


def test_a_native_jsonl_export_is_merged(
    project: Project, build: ProjectBuilder, tmp_path: Path
) -> None:
    d = build.doc("d")
    build.spans(d, "me", ("PER", *word(0)))
    record = {
        "name": "d",
        "text": WORDS,
        "status": {"sara": "done"},
        "annotations": [
            {"id": "x1", "start": 0, "end": 3, "label": "PER", "annotator": "sara"},
            {"id": "x2", "start": 8, "end": 11, "label": "ORG", "annotator": "sara"},
        ],
        "relations": [],
    }
    path = tmp_path / "sara.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    report = merge(project, path)
    assert report.matched_documents == 1 and report.annotations == 2
    assert project.status(d, "sara") is Status.DONE
    assert not merge(project, path).changed


def test_a_missing_file_is_a_user_error(project: Project, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such file"):
        merge(project, tmp_path / "nope.annotator")


def test_a_bad_as_name_is_refused(project: Project, colleague: ProjectBuilder) -> None:
    colleague.doc("d")
    with pytest.raises(UserError, match="invalid annotator name"):
        merge(project, colleague.project.path, as_name=" x")


def test_jsonl_annotations_naming_no_annotator_take_the_as_name(
    project: Project, build: ProjectBuilder, tmp_path: Path
) -> None:
    build.doc("d")
    record = {"text": WORDS, "annotations": [{"start": 0, "end": 3, "label": "PER"}]}
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(UserError, match="names no annotator"):
        merge(project, path)
    assert merge(project, path, as_name="layla").annotations == 1
    assert spans_of(project, "layla") == [("PER", 0, 3)]


def test_a_curators_project_brings_gold_with_its_provenance(
    project: Project, build: ProjectBuilder, colleague: ProjectBuilder
) -> None:
    mine = build.doc("d")
    build.spans(mine, "a", ("PER", *word(0)), ("LOC", *word(3)))
    theirs = colleague.doc("d")
    per, _ = colleague.spans(theirs, "a", ("PER", *word(0)), ("LOC", *word(3)))
    accept(colleague.project, per, "cur")
    colleague.project.gold.reject(theirs, ("LOC", *word(3)), "cur")
    colleague.project.gold.set_curation_status(theirs, Status.DONE, "cur")
    merge(project, colleague.project.path)
    (gold,) = project.annotations(mine, GOLD)
    p = project.gold.provenance(gold.id)
    assert p is not None
    assert (p.proposed_by, p.curated_by) == (("a",), "cur")
    assert project.gold.rejected(mine) == {("LOC", *word(3))}
    assert project.gold.curation_status(mine).status is Status.DONE
    assert not merge(project, colleague.project.path).changed
