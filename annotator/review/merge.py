"""Bringing a colleague's work in: their project file or native JSONL export.

Documents are matched by the sha256 of their text; the ones the project lacks are added.
Annotations and relations keep their annotator, or all take the name given as ``as_name``.
Merging is all or nothing, and merging the same file twice changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.content import name_problem
from annotator.core.errors import UserError
from annotator.core.inputs import cannot_read, require_regular_file
from annotator.core.model import (
    GOLD,
    GOLD_RESERVED,
    Annotation,
    LabelKind,
    NewDocument,
    Status,
    text_sha256,
)
from annotator.formats import jsonl
from annotator.formats.base import ImportOptions
from annotator.review.gold import key
from annotator.storage.gold import CurationState, Key, Provenance, Rejection
from annotator.storage.locations import server_url
from annotator.storage.project import SQLITE_HEADER, Project
from annotator.storage.validate import first_problem, with_additions

_PROGRESS = {Status.NOT_STARTED: 0, Status.IN_PROGRESS: 1, Status.DONE: 2}


@dataclass(frozen=True)
class Conflict:
    """An annotator whose spans in a document differ between the two sides."""

    annotator: str
    document: str


@dataclass
class MergeReport:
    added_documents: list[str] = field(default_factory=list)
    matched_documents: int = 0
    annotations: int = 0
    relations: int = 0
    already_present: int = 0  # annotations both sides had
    annotators: list[str] = field(default_factory=list)  # whose work came in
    added_labels: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)  # when set, nothing changed

    @property
    def changed(self) -> bool:
        return bool(self.added_documents or self.annotations or self.relations)


@dataclass(frozen=True)
class IncomingGold:
    """A document's curation in the other project, beyond its gold spans."""

    provenance: dict[Key, Provenance]  # by the gold span's label and edges
    rejections: list[Rejection]
    curation: CurationState


@dataclass(frozen=True)
class Incoming:
    """What the other file holds, and the kinds of its labels when it says them."""

    documents: list[NewDocument]
    label_kinds: dict[str, LabelKind]
    gold: dict[str, IncomingGold] = field(default_factory=dict)  # by the text's sha256


def read_incoming(path: Path, annotator: str | None = None) -> Incoming:
    """A colleague's project (a file or a server's URL) or native JSONL export;
    ``annotator`` names the JSONL annotations that name none."""
    if server_url(path) is None:
        require_regular_file(path)
        try:
            with path.open("rb") as f:
                is_project = f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
        except OSError as exc:
            raise cannot_read(exc, path) from None
        if not is_project:
            return Incoming(jsonl.read(path, path.stem, ImportOptions(annotator)), {})
    with Project.open(path, readonly=True) as other:
        documents = [other.document(info.id) for info in other.documents()]
        docs = [
            NewDocument(
                doc.name,
                doc.text,
                doc.source,
                doc.meta,
                tuple(other.annotations(doc.id)),
                tuple(other.relations(doc.id)),
                other.statuses(doc.id),
            )
            for doc in documents
        ]
        gold = {doc.sha256: _incoming_gold(other, doc.id) for doc in documents}
        return Incoming(docs, {lb.name: lb.kind for lb in other.schema().labels}, gold)


def _incoming_gold(other: Project, document_id: int) -> IncomingGold:
    provenances = {}
    for g in other.gold.annotations(document_id):
        p = other.gold.provenance(g.id)
        if p is not None:
            provenances[key(g)] = p
    return IncomingGold(
        provenances, other.gold.rejections(document_id), other.gold.curation_status(document_id)
    )


def merge(project: Project, other: Path, as_name: str | None = None) -> MergeReport:
    """Merge ``other`` into ``project``. When an annotator holds different spans in the
    same document on both sides, nothing is changed and the conflicts are reported,
    unless ``as_name`` puts all the incoming work under one name."""
    if as_name is not None:
        problem = name_problem(as_name, "annotator name")
        if problem or not as_name.strip() or as_name != as_name.strip():
            raise UserError(problem or f"invalid annotator name {as_name!r}")
        if as_name == GOLD:
            raise UserError(f"--as {GOLD}: {GOLD_RESERVED}")
    incoming = read_incoming(other, as_name)
    docs = incoming.documents
    if as_name is not None:
        docs = [_renamed(d, as_name) for d in docs]
    _validate(project, other, docs, incoming.label_kinds)
    report = MergeReport(
        annotators=sorted({a.annotator for d in docs for a in d.annotations} | _statused(docs))
    )
    if as_name is None:
        report.conflicts = _conflicts(project, docs)
        if report.conflicts:
            return report
    with project.write(bulk=True):
        report.added_labels = _add_missing_labels(project, docs, incoming.label_kinds)
        project.add_relation_types({r.type for d in docs for r in d.relations})
        added = project.add_documents(_only_advancing_statuses(project, d) for d in docs)
        if as_name is None:  # under another name the gold spans are no longer gold
            for sha, gold in incoming.gold.items():
                _carry_curation(project, sha, gold)
    report.added_documents = added.added
    report.matched_documents = len(added.duplicates)
    report.annotations = added.annotations
    report.relations = added.relations
    report.already_present = added.skipped_annotations
    return report


def _validate(
    project: Project, path: Path, docs: list[NewDocument], kinds: dict[str, LabelKind]
) -> None:
    """Refuse the other file when a document has anything `check` would flag here."""
    schema = with_additions(
        project.schema(),
        {a.label: kinds.get(a.label, LabelKind.ENTITY) for d in docs for a in d.annotations},
        (r.type for d in docs for r in d.relations),
    )
    for doc in docs:
        problem = first_problem(doc, schema)
        if problem is not None:
            raise UserError(str(problem), path, doc.line)


def _statused(docs: list[NewDocument]) -> set[str]:
    return {a for d in docs for a in d.status}


def _renamed(doc: NewDocument, name: str) -> NewDocument:
    status: dict[str, Status] = {}
    for s in doc.status.values():
        if _PROGRESS[s] >= _PROGRESS[status.get(name, Status.NOT_STARTED)]:
            status[name] = s
    return replace(
        doc, annotations=tuple(replace(a, annotator=name) for a in doc.annotations), status=status
    )


def _span_sets(
    annotations: tuple[Annotation, ...] | list[Annotation],
) -> dict[str, set[tuple[str, int, int]]]:
    out: defaultdict[str, set[tuple[str, int, int]]] = defaultdict(set)
    for a in annotations:
        out[a.annotator].add((a.label, a.start, a.end))
    return out


def _conflicts(project: Project, docs: list[NewDocument]) -> list[Conflict]:
    conflicts = []
    for doc in docs:
        mine = project.document_by_sha(text_sha256(doc.text))
        if mine is None:
            continue
        local = _span_sets(project.annotations(mine.id))
        for annotator, spans in sorted(_span_sets(doc.annotations).items()):
            if local.get(annotator) and local[annotator] != spans:
                conflicts.append(Conflict(annotator, mine.name))
    return conflicts


def _add_missing_labels(
    project: Project, docs: list[NewDocument], kinds: dict[str, LabelKind]
) -> list[str]:
    used = {a.label for d in docs for a in d.annotations}
    missing = sorted(used - {lb.name for lb in project.schema().labels})
    added = []
    for kind in LabelKind:
        # A JSONL file does not say a label's kind: its new labels become entities.
        of_kind = [n for n in missing if kinds.get(n, LabelKind.ENTITY) is kind]
        added += project.add_labels(of_kind, kind)
    return added


def _only_advancing_statuses(project: Project, doc: NewDocument) -> NewDocument:
    """The incoming statuses that move an annotator forward (never back to in progress)."""
    mine = project.document_by_sha(text_sha256(doc.text))
    local = project.statuses(mine.id) if mine else {}
    status = {
        a: s
        for a, s in doc.status.items()
        if _PROGRESS[s] > _PROGRESS[local.get(a, Status.NOT_STARTED)]
    }
    return replace(doc, status=status)


def _carry_curation(project: Project, sha256: str, gold: IncomingGold) -> None:
    """The other side's provenance of the gold spans, its rejections and its curation
    status, where this project has none of its own."""
    doc = project.document_by_sha(sha256)
    if doc is None:
        return
    # Only what is missing is written: on a server an annotator may not write gold, even
    # rows it already holds (merging back her own copy of a curated project).
    for g in project.gold.annotations(doc.id):
        if key(g) in gold.provenance and project.gold.provenance(g.id) is None:
            project.gold.record_provenance(g.id, gold.provenance[key(g)])
    rejected = project.gold.rejected(doc.id)
    for rejection in gold.rejections:
        if rejection.span not in rejected:
            project.gold.record_rejection(doc.id, rejection)
    mine = project.gold.curation_status(doc.id)
    if _PROGRESS[gold.curation.status] > _PROGRESS[mine.status]:
        project.gold.set_curation_status(doc.id, gold.curation.status, gold.curation.curator)
