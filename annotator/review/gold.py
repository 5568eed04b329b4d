"""The gold layer: the adjudicated version of each document, kept as the annotations of
a reserved annotator, with who proposed, agreed with and curated each span.

The window's review mode calls these one per user action; each is one transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from annotator.core.model import GOLD, Annotation, Status
from annotator.storage.project import Project, now

CURATOR = "curator"  # the strategy recorded for a person's decision


@dataclass(frozen=True)
class Provenance:
    proposed_by: tuple[str, ...]  # whose version the gold span is
    agreed_by: tuple[str, ...]  # the other annotators who had the same span
    curated_by: str | None  # the curator who accepted or edited it; None if merged
    strategy: str  # unanimous, majority, min-votes=N, or curator
    decided: str


@dataclass(frozen=True)
class CurationState:
    status: Status
    curator: str | None = None
    modified: str = ""


Key = tuple[str, int, int]  # label, start, end


def key(a: Annotation) -> Key:
    return (a.label, a.start, a.end)


def provenance(project: Project, annotation_id: str) -> Provenance | None:
    row = project.conn.execute(
        "SELECT proposed_by, agreed_by, curated_by, strategy, decided FROM gold_provenance "
        "WHERE annotation_id = ?",
        (annotation_id,),
    ).fetchone()
    if row is None:
        return None
    return Provenance(tuple(json.loads(row[0])), tuple(json.loads(row[1])), *row[2:])


def gold_annotations(project: Project, document_id: int) -> list[Annotation]:
    return project.annotations(document_id, GOLD)


def add_gold(
    project: Project,
    document_id: int,
    label: str,
    start: int,
    end: int,
    *,
    proposed_by: tuple[str, ...] = (),
    curated_by: str | None,
    strategy: str = CURATOR,
    attributes: dict[str, Any] | None = None,
) -> Annotation:
    """A gold span, with its provenance; the annotators who had the same span agreed."""
    same = {
        a.annotator
        for a in project.annotations(document_id)
        if (a.label, a.start, a.end) == (label, start, end) and a.annotator != GOLD
    }
    provenance = Provenance(
        proposed_by, tuple(sorted(same - set(proposed_by))), curated_by, strategy, now()
    )
    with project.write():
        ann = insert_gold(project, document_id, (label, start, end), provenance, attributes)
        start_curation(project, document_id, curated_by)
    return ann


def insert_gold(
    project: Project,
    document_id: int,
    span: Key,
    provenance: Provenance,
    attributes: dict[str, Any] | None = None,
) -> Annotation:
    """The gold span and its provenance, lifting any rejection of it (no curation status:
    callers deciding many spans set it once)."""
    with project.write():
        ann = project.add_annotation(document_id, GOLD, *span, attributes)
        record_provenance(project, ann.id, provenance)
        project.conn.execute(
            "DELETE FROM gold_rejected WHERE document_id = ? AND label = ? AND start = ? "
            'AND "end" = ?',
            (document_id, *span),
        )
    return ann


def record_provenance(project: Project, annotation_id: str, provenance: Provenance) -> None:
    """Store a gold span's provenance unless it has one already."""
    project.conn.execute(
        "INSERT OR IGNORE INTO gold_provenance (annotation_id, proposed_by, agreed_by, "
        "curated_by, strategy, decided) VALUES (?, ?, ?, ?, ?, ?)",
        (
            annotation_id,
            json.dumps(list(provenance.proposed_by), ensure_ascii=False),
            json.dumps(list(provenance.agreed_by), ensure_ascii=False),
            provenance.curated_by,
            provenance.strategy,
            provenance.decided,
        ),
    )


def accept(project: Project, annotation_id: str, curator: str) -> Annotation:
    """Put an annotator's span into gold, replacing the gold spans of its layer that it
    overlaps, and carry over its relations whose other end is in gold too."""
    source = project.annotation(annotation_id)
    kinds = {lb.name: lb.kind for lb in project.schema().labels}
    with project.write():
        for g in gold_annotations(project, source.document_id):
            overlaps = g.start < source.end and source.start < g.end
            if overlaps and kinds[g.label] is kinds[source.label]:
                project.delete_annotation(g.id)
        gold = add_gold(
            project,
            source.document_id,
            source.label,
            source.start,
            source.end,
            proposed_by=(source.annotator,),
            curated_by=curator,
            attributes=source.attributes,
        )
        _carry_relations(project, source, gold)
    return gold


def _carry_relations(project: Project, source: Annotation, gold: Annotation) -> None:
    by_key = {key(g): g.id for g in gold_annotations(project, source.document_id)}
    existing = {(r.from_id, r.to_id, r.type) for r in project.relations(source.document_id, GOLD)}
    for r in project.relations_of(source.id):
        outgoing = r.from_id == source.id
        other = project.annotation(r.to_id if outgoing else r.from_id)
        other_gold = by_key.get(key(other))
        if other_gold is None:
            continue
        ends = (gold.id, other_gold) if outgoing else (other_gold, gold.id)
        if (*ends, r.type) not in existing:
            project.add_relation(*ends, r.type)


def reject(project: Project, document_id: int, span: Key, curator: str) -> None:
    """Record that a version (label, start, end) is not gold; drop it from gold if there."""
    with project.write():
        for g in gold_annotations(project, document_id):
            if key(g) == span:
                project.delete_annotation(g.id)
        project.conn.execute(
            'INSERT INTO gold_rejected (document_id, label, start, "end", curator, decided) '
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET curator = excluded.curator, "
            "decided = excluded.decided",
            (document_id, *span, curator, now()),
        )
        start_curation(project, document_id, curator)


@dataclass(frozen=True)
class Rejection:
    span: Key
    curator: str
    decided: str


def rejections(project: Project, document_id: int) -> list[Rejection]:
    return [
        Rejection((r[0], r[1], r[2]), r[3], r[4])
        for r in project.conn.execute(
            'SELECT label, start, "end", curator, decided FROM gold_rejected '
            'WHERE document_id = ? ORDER BY label, start, "end"',
            (document_id,),
        )
    ]


def rejected(project: Project, document_id: int) -> set[Key]:
    return {r.span for r in rejections(project, document_id)}


def record_rejection(project: Project, document_id: int, rejection: Rejection) -> None:
    """Store a rejection as it was decided, unless the version is rejected already."""
    project.conn.execute(
        'INSERT OR IGNORE INTO gold_rejected (document_id, label, start, "end", curator, '
        "decided) VALUES (?, ?, ?, ?, ?, ?)",
        (document_id, *rejection.span, rejection.curator, rejection.decided),
    )


def edit_gold(
    project: Project,
    annotation_id: str,
    curator: str,
    *,
    label: str | None = None,
    start: int | None = None,
    end: int | None = None,
    attributes: dict[str, Any] | None = None,
) -> Annotation:
    """Change a gold span; the curator becomes its curator."""
    with project.write():
        ann = project.update_annotation(
            annotation_id, label=label, start=start, end=end, attributes=attributes
        )
        project.conn.execute(
            "UPDATE gold_provenance SET curated_by = ?, strategy = ?, decided = ? "
            "WHERE annotation_id = ?",
            (curator, CURATOR, now(), annotation_id),
        )
        start_curation(project, ann.document_id, curator)
    return ann


# ----- curation status -----------------------------------------------------------------


def curation_status(project: Project, document_id: int) -> CurationState:
    row = project.conn.execute(
        "SELECT status, curator, modified FROM curation_status WHERE document_id = ?",
        (document_id,),
    ).fetchone()
    return (
        CurationState(Status(row[0]), row[1], row[2]) if row else CurationState(Status.NOT_STARTED)
    )


def curation_statuses(project: Project) -> dict[int, CurationState]:
    """Every document's curation state that has one (the others have not started)."""
    return {
        r[0]: CurationState(Status(r[1]), r[2], r[3])
        for r in project.conn.execute(
            "SELECT document_id, status, curator, modified FROM curation_status"
        )
    }


def set_curation_status(
    project: Project, document_id: int, status: Status, curator: str | None
) -> None:
    with project.write():
        project.conn.execute(
            "INSERT INTO curation_status (document_id, status, curator, modified) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (document_id) DO UPDATE SET "
            "status = excluded.status, curator = excluded.curator, modified = excluded.modified",
            (document_id, Status(status).value, curator, now()),
        )


def start_curation(project: Project, document_id: int, curator: str | None) -> None:
    """The first decision in a document puts its curation in progress."""
    if curation_status(project, document_id).status is Status.NOT_STARTED:
        set_curation_status(project, document_id, Status.IN_PROGRESS, curator)
