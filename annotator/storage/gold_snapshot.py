"""Everything the gold layer holds for one document, read at once and put back exactly:
its spans and relations, their provenance, the rejected spans and the curation status.

The gold functions touch all these tables together, so an undoable gold decision
(``annotator.review.gold_change``) snapshots the whole state instead of inverting each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.core.model import GOLD, Annotation, Relation
from annotator.storage.project import Project


@dataclass(frozen=True)
class GoldSnapshot:
    """Everything the gold layer holds for one document."""

    annotations: tuple[Annotation, ...]
    relations: tuple[Relation, ...]
    provenance: tuple[tuple[Any, ...], ...]
    rejected: tuple[tuple[Any, ...], ...]
    curation: tuple[Any, ...] | None


def snapshot(project: Project, document_id: int) -> GoldSnapshot:
    q = project.conn.execute
    annotations = tuple(project.annotations(document_id, GOLD))
    ids = [a.id for a in annotations]
    marks = ",".join("?" * len(ids))
    provenance = tuple(
        tuple(r)
        for r in q(
            "SELECT annotation_id, proposed_by, agreed_by, curated_by, strategy, decided "
            f"FROM gold_provenance WHERE annotation_id IN ({marks}) ORDER BY annotation_id",
            ids,
        )
    )
    rejected = tuple(
        tuple(r)
        for r in q(
            'SELECT document_id, label, start, "end", curator, decided FROM gold_rejected '
            'WHERE document_id = ? ORDER BY label, start, "end"',
            (document_id,),
        )
    )
    curation = q(
        "SELECT document_id, status, curator, modified FROM curation_status WHERE document_id = ?",
        (document_id,),
    ).fetchone()
    return GoldSnapshot(
        annotations,
        tuple(project.relations(document_id, GOLD)),
        provenance,
        rejected,
        tuple(curation) if curation else None,
    )


def restore(project: Project, document_id: int, state: GoldSnapshot) -> None:
    """Make the document's gold layer exactly ``state`` again, same ids included."""
    q = project.conn.execute
    with project.write():
        # Provenance and relations go with their spans (ON DELETE CASCADE).
        for ann in project.annotations(document_id, GOLD):
            project.delete_annotation(ann.id)
        for ann in state.annotations:
            project.restore_annotation(ann)
        for r in state.relations:
            project.add_relation(r.from_id, r.to_id, r.type, relation_id=r.id)
        q(
            "DELETE FROM gold_provenance WHERE annotation_id IN "
            "(SELECT a.id FROM annotations a JOIN annotators an ON an.id = a.annotator_id "
            "WHERE a.document_id = ? AND an.name = ?)",
            (document_id, GOLD),
        )
        project.conn.executemany(
            "INSERT INTO gold_provenance (annotation_id, proposed_by, agreed_by, curated_by, "
            "strategy, decided) VALUES (?, ?, ?, ?, ?, ?)",
            state.provenance,
        )
        q("DELETE FROM gold_rejected WHERE document_id = ?", (document_id,))
        project.conn.executemany(
            'INSERT INTO gold_rejected (document_id, label, start, "end", curator, decided) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            state.rejected,
        )
        q("DELETE FROM curation_status WHERE document_id = ?", (document_id,))
        if state.curation is not None:
            q(
                "INSERT INTO curation_status (document_id, status, curator, modified) "
                "VALUES (?, ?, ?, ?)",
                state.curation,
            )
