"""What the review window needs beyond the review core, free of Qt.

- ``GoldChange``: a curator's decision as an undoable edit (``storage.edits.Edit``). The
  gold functions touch several tables at once (spans, provenance, rejections, curation
  status), so rather than invert each one, an edit snapshots the document's whole gold
  state before and after and restores the one it needs.
- ``differences``: what an annotator's version and gold disagree on, for the side by side
  comparison.
- ``activity``: counts the statistics view draws that ``project_stats`` lacks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import Annotation, Relation
from annotator.review.gold import GOLD, key
from annotator.storage.edits import Changes
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


def _changes(before: GoldSnapshot, after: GoldSnapshot) -> Changes:
    kept = {a.id for a in after.annotations}
    return Changes(
        annotations=list(after.annotations),
        removed=[a.id for a in before.annotations if a.id not in kept],
        relations=before.relations != after.relations,
    )


@dataclass
class GoldChange:
    """One curator's decision in one document, e.g. ``lambda p: accept(p, id, me)``.

    Applied the first time by running ``action``; redone and undone by restoring the
    snapshots, so that redo brings back the very same ids."""

    document_id: int
    action: Callable[[Project], object]
    description: str
    _before: GoldSnapshot | None = None
    _after: GoldSnapshot | None = field(default=None, repr=False)

    def apply(self, project: Project) -> Changes:
        if self._after is None:
            self._before = snapshot(project, self.document_id)
            with project.write():
                self.action(project)
            self._after = snapshot(project, self.document_id)
        else:
            restore(project, self.document_id, self._after)
        assert self._before is not None
        return _changes(self._before, self._after)

    def revert(self, project: Project) -> Changes:
        assert self._before is not None and self._after is not None, "revert before apply"
        restore(project, self.document_id, self._before)
        return _changes(self._after, self._before)


# ----- an annotator beside gold ----------------------------------------------------------


@dataclass(frozen=True)
class Differences:
    """Spans only one side has (same label and edges count as the same span)."""

    only_annotator: list[Annotation]
    only_gold: list[Annotation]


def differences(project: Project, document_id: int, annotator: str) -> Differences:
    mine = project.annotations(document_id, annotator)
    gold = project.annotations(document_id, GOLD)
    mine_keys = {key(a) for a in mine}
    gold_keys = {key(g) for g in gold}
    return Differences(
        [a for a in mine if key(a) not in gold_keys],
        [g for g in gold if key(g) not in mine_keys],
    )


# ----- statistics beyond project_stats ----------------------------------------------------


@dataclass(frozen=True)
class Activity:
    per_day: dict[str, int]  # YYYY-MM-DD of creation -> annotations, in date order
    labels_per_document: dict[str, dict[str, int]]  # document name -> label -> count


def activity(project: Project) -> Activity:
    """Annotations per creation day and per document and label, gold left out."""
    q = project.conn.execute
    per_day: Counter[str] = Counter()
    gold_clause = "an.name != ?"
    for day, n in q(
        "SELECT substr(a.created, 1, 10), count(*) FROM annotations a "
        f"JOIN annotators an ON an.id = a.annotator_id WHERE {gold_clause} GROUP BY 1",
        (GOLD,),
    ):
        per_day[day] = n
    per_doc: dict[str, dict[str, int]] = {}
    for doc, label, n in q(
        "SELECT d.name, l.name, count(*) FROM annotations a JOIN documents d "
        "ON d.id = a.document_id JOIN labels l ON l.id = a.label_id JOIN annotators an "
        f"ON an.id = a.annotator_id WHERE {gold_clause} GROUP BY d.id, l.id "
        "ORDER BY d.id, l.position",
        (GOLD,),
    ):
        per_doc.setdefault(doc, {})[label] = n
    return Activity(dict(sorted(per_day.items())), per_doc)
