"""The project file: creating, opening, refusing what is not a project, and writing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import NotAProjectError, UserError
from annotator.core.model import Annotation, NewDocument, Relation, Status
from annotator.core.schema import Schema, default_schema
from annotator.storage.project import Project
from annotator.storage.schema_sql import APPLICATION_ID, SCHEMA_VERSION

TEXT = "قال 👀 إيلون ماسك إن «القرار صعب»."


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = Project.create(tmp_path / "p.annotator")
    p.add_documents([NewDocument("doc", TEXT)])
    return p


def test_a_new_project_is_recognised_by_another_connection(tmp_path: Path) -> None:
    path = tmp_path / "new.annotator"
    Project.create(path)  # left open: its commits may still sit in the WAL
    with Project.open(path) as again:
        assert again.schema() == default_schema()
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_spans_are_code_points_and_the_text_is_the_slice(project: Project) -> None:
    doc = project.document("doc")
    start = TEXT.index("إيلون")
    ann = project.add_annotation(doc.id, "sara", "PER", start, start + len("إيلون ماسك"))
    assert ann.text == "إيلون ماسك" == TEXT[ann.start : ann.end]
    assert project.annotations(doc.id) == [ann]
    assert project.status(doc.id, "sara") is Status.IN_PROGRESS


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (3, 3), (5, 2), (0, len(TEXT) + 1)])
def test_offsets_out_of_range_are_refused(project: Project, start: int, end: int) -> None:
    with pytest.raises(UserError, match=f"span {start}-{end} is outside the document"):
        project.add_annotation(1, "sara", "PER", start, end)
    assert project.annotations() == []
    assert project.status(1, "sara") is Status.NOT_STARTED  # a refused span marks nothing


def test_a_span_in_a_missing_document_is_refused_by_its_id(project: Project) -> None:
    for label in ("PER", "NOPE"):  # the document's problem is told first
        with pytest.raises(UserError, match="no document with id 99"):
            project.add_annotation(99, "sara", label, 0, 3)
    assert project.annotations() == []
    assert project.statuses_of("sara") == {}


def test_unknown_label_is_refused(project: Project) -> None:
    with pytest.raises(UserError, match="unknown label"):
        project.add_annotation(1, "sara", "NOPE", 0, 3)


def test_update_delete_and_restore_keep_relations(project: Project) -> None:
    quote = project.add_annotation(1, "sara", "QUOTE", TEXT.index("«"), len(TEXT) - 1)
    speaker = project.add_annotation(1, "sara", "PER", 6, 16)
    rel = project.add_relation(quote.id, speaker.id, "speaker")
    moved = project.update_annotation(speaker.id, start=6, end=11, label="ORG")
    assert (moved.text, moved.label) == ("إيلون", "ORG")
    ann, rels = project.delete_annotation(speaker.id)
    assert rels == [rel]
    assert project.relations(1) == []
    project.restore_annotation(ann, rels)
    assert project.relations(1) == [rel]
    assert project.annotation(speaker.id).label == "ORG"


def test_relations_stay_within_one_annotator(project: Project) -> None:
    a = project.add_annotation(1, "sara", "QUOTE", 0, 3)
    b = project.add_annotation(1, "omar", "PER", 6, 11)
    with pytest.raises(UserError, match="one annotator"):
        project.add_relation(a.id, b.id, "speaker")


def test_a_failed_write_leaves_nothing_behind(project: Project) -> None:
    with pytest.raises(RuntimeError), project.write():
        project.add_annotation(1, "sara", "PER", 0, 3)
        raise RuntimeError("crash in the middle")
    assert project.annotations() == []


def test_duplicate_text_is_one_document_and_its_new_annotations_are_added(
    project: Project,
) -> None:
    existing = Annotation("x1", 0, "sara", "PER", 6, 11, "")
    new = Annotation("x2", 0, "omar", "PER", 6, 11, "")
    report = project.add_documents([NewDocument("again", TEXT, annotations=(existing,))])
    assert report.duplicates == [("again", "doc")]
    report = project.add_documents([NewDocument("again", TEXT, annotations=(existing, new))])
    assert report.annotations == 1 and report.skipped_annotations == 1
    assert project.document_count() == 1
    assert len(project.annotations(1)) == 2


def test_one_import_holding_a_text_twice_adds_it_once_with_the_spans_of_both(
    project: Project,
) -> None:
    """What an import adds is worked out before it is written (a server writes it in
    bulk): a text twice in one import, spans and statuses given twice, relations in order."""
    text = "أ ب ج د"
    sara = Annotation("s1", 0, "sara", "PER", 0, 1, "")
    omar = Annotation("o1", 0, "omar", "PER", 2, 3, "")
    omar2 = Annotation("o2", 0, "omar", "QUOTE", 4, 5, "")
    links = (Relation("r1", "o2", "o1", "speaker"), Relation("r0", "o1", "o2", "speaker"))
    report = project.add_documents(
        [
            NewDocument("first", text, annotations=(sara,), status={"sara": Status.DONE}),
            NewDocument("doc", "نص آخر", status={"omar": Status.DONE}),
            NewDocument(
                "second",
                text,
                annotations=(sara, omar, omar2),
                relations=links,
                status={"sara": Status.IN_PROGRESS, "omar": Status.DONE},
            ),
        ]
    )
    assert report.added == ["first", "doc (2)"]
    assert report.duplicates == [("second", "first")]
    assert (report.annotations, report.skipped_annotations, report.relations) == (3, 1, 2)
    assert [(d.id, d.name) for d in project.documents()] == [
        (1, "doc"),
        (2, "first"),
        (3, "doc (2)"),
    ]
    assert [(a.id, a.annotator, a.text) for a in project.annotations(2)] == [
        ("s1", "sara", "أ"),
        ("o1", "omar", "ب"),
        ("o2", "omar", "ج"),
    ]
    assert [r.id for r in project.relations(2)] == ["r1", "r0"]
    assert project.status_store.statuses(2) == {"omar": Status.DONE, "sara": Status.IN_PROGRESS}
    assert project.status_store.statuses(3) == {"omar": Status.DONE}
    assert [h.document.name for h in project.search("آخر")] == ["doc (2)"]
    again = project.add_documents(
        [NewDocument("third", text, relations=links[:1], annotations=(omar, omar2))]
    )
    assert (again.annotations, again.skipped_annotations, again.relations) == (0, 2, 0)
    assert project.document_count() == 3


def test_document_names_stay_unique(project: Project) -> None:
    project.add_documents([NewDocument("doc", "نص آخر")])
    assert [d.name for d in project.documents()] == ["doc", "doc (2)"]


def test_imported_ids_are_kept_unless_taken(project: Project) -> None:
    a = Annotation("a1", 0, "sara", "PER", 0, 3, "")
    b = Annotation("a2", 0, "sara", "QUOTE", 4, 5, "")
    project.add_documents(
        [
            NewDocument(
                "d2", "أ ب ج", annotations=(a, b), relations=(Relation("", "a2", "a1", "speaker"),)
            )
        ]
    )
    project.add_documents(
        [
            NewDocument(
                "d3", "د هـ و", annotations=(a, b), relations=(Relation("", "a2", "a1", "speaker"),)
            )
        ]
    )
    ids = [x.id for x in project.annotations()]
    assert "a1" in ids and len(set(ids)) == 4
    for rel in project.relations():
        assert (
            project.annotation(rel.from_id).document_id == project.annotation(rel.to_id).document_id
        )


def test_full_text_search_finds_arabic_words(project: Project) -> None:
    project.add_documents([NewDocument("other", "خبر عن الاقتصاد")])
    assert [h.document.name for h in project.search("ماسك")] == ["doc"]
    assert [h.document.name for h in project.search("الاقتصاد")] == ["other"]
    assert project.search('"') == []


def test_the_view_lists_annotations_with_their_names(project: Project) -> None:
    project.add_annotation(1, "sara", "PER", 6, 16)
    rows = project.engine.execute("SELECT document, annotator, label, text FROM annotations_view")
    assert [d[0] for d in rows.description] == ["document", "annotator", "label", "text"]
    assert rows.fetchall() == [("doc", "sara", "PER", "إيلون ماسك")]


def test_schema_cannot_drop_labels_in_use(project: Project) -> None:
    project.add_annotation(1, "sara", "PER", 6, 11)
    smaller = Schema(
        tuple(lb for lb in default_schema().labels if lb.name != "PER"),
        default_schema().relation_types,
    )
    with pytest.raises(UserError, match="PER"):
        project.set_schema(smaller)
    keep = Schema(
        tuple(lb for lb in default_schema().labels if lb.name != "EVENT"),
        default_schema().relation_types,
    )
    project.set_schema(keep)
    assert project.schema().label("EVENT") is None


# ----- files that are not projects ---------------------------------------------------


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such project file"):
        Project.open(tmp_path / "nothing.annotator")


def test_a_text_file_is_not_a_project(tmp_path: Path) -> None:
    path = tmp_path / "notes.annotator"
    path.write_text("hello")
    with pytest.raises(NotAProjectError, match="not an SQLite file"):
        Project.open(path)
    assert path.read_text() == "hello"


def test_another_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE t (x)")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    with pytest.raises(NotAProjectError, match="not an annotator project"):
        Project.open(path)
    assert path.read_bytes() == before


def test_a_project_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.annotator"
    Project.create(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    with pytest.raises(NotAProjectError, match="newer version"):
        Project.open(path)


def test_a_truncated_project_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.annotator"
    with Project.create(path) as p:
        p.add_documents([NewDocument("d", TEXT * 200)])
        p.engine.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(NotAProjectError, match="damaged"):
        Project.open(path)


def test_a_read_only_file_opens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "ro.annotator"
    with Project.create(path) as p:
        p.add_documents([NewDocument("d", TEXT)])
        p.engine.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with Project.open(path, readonly=True) as p:
        assert p.readonly
        assert p.document("d").text == TEXT
        with pytest.raises(UserError, match="read-only"):
            p.add_annotation(1, "sara", "PER", 0, 3)


def test_changes_by_another_program_are_noticed(tmp_path: Path) -> None:
    path = tmp_path / "shared.annotator"
    with Project.create(path) as mine:
        mine.add_documents([NewDocument("d", TEXT)])
        assert not mine.changed_elsewhere()
        mine.add_annotation(1, "me", "PER", 0, 3)
        assert not mine.changed_elsewhere()  # my own writes are not news
        with Project.open(path) as theirs:
            theirs.add_annotation(1, "them", "ORG", 6, 11)
        assert mine.changed_elsewhere()
        assert not mine.changed_elsewhere()
        assert {a.annotator for a in mine.annotations()} == {"me", "them"}
