"""Counts over a project, computed once for every place that shows them: `annotator stats`
(and its --json), the charts of `stats --chart` and the window's statistics view.

The gold layer is the curator's adjudication, not an annotator's work: it is left out of
every count of annotations (per annotator, per label, per day, per document) and of the
relations, so that adjudicating a document does not double its spans; its own size is
``gold_annotations``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import GOLD, Status
from annotator.storage.project import Project


@dataclass
class AnnotatorCounts:
    annotations: int = 0
    documents_annotated: int = 0
    labels: dict[str, int] = field(default_factory=dict)  # in the schema's order, used only
    status: dict[str, int] = field(  # documents in each state
        default_factory=lambda: {s.value: 0 for s in Status}
    )


@dataclass
class ProjectCounts:
    documents: int
    characters: int
    relations: int
    labels: dict[str, int]  # every label of the schema, in its order, even when unused
    annotators: dict[str, AnnotatorCounts]  # by name, sorted
    per_day: dict[str, int]  # YYYY-MM-DD of creation -> annotations, in date order
    labels_per_document: dict[str, dict[str, int]]  # document -> label -> annotations
    gold_annotations: int

    @property
    def annotations(self) -> int:
        return sum(self.labels.values())

    def as_json(self) -> dict[str, Any]:
        """What `annotator stats --json` prints."""
        return {
            "documents": self.documents,
            "characters": self.characters,
            "annotations": self.annotations,
            "relations": self.relations,
            "labels": self.labels,
            "annotators": {
                name: {
                    "annotations": c.annotations,
                    "documents_annotated": c.documents_annotated,
                    "labels": c.labels,
                    "status": c.status,
                }
                for name, c in self.annotators.items()
            },
            "gold": {"annotations": self.gold_annotations},
        }


# The annotations that count: every annotator's but gold's.
_COUNTED = (
    "annotations a JOIN annotators an ON an.id = a.annotator_id AND an.name != ? "
    "JOIN labels l ON l.id = a.label_id"
)


def project_counts(project: Project) -> ProjectCounts:
    q = project.engine.execute
    gold = (GOLD,)  # each query below binds it once
    documents, characters = q("SELECT count(*), coalesce(sum(length), 0) FROM documents").fetchone()
    names = [
        name for (name,) in q("SELECT name FROM annotators WHERE name != ? ORDER BY name", gold)
    ]
    # Not the colleagues a blind server project hides: they would count 0.
    annotators = {name: AnnotatorCounts() for name in project.visible_to_me(names)}
    for name, n, ndocs in q(
        f"SELECT an.name, count(*), count(DISTINCT a.document_id) FROM {_COUNTED} GROUP BY an.id",
        gold,
    ):
        annotators[name].annotations, annotators[name].documents_annotated = n, ndocs
    for name, label, n in q(
        f"SELECT an.name, l.name, count(*) FROM {_COUNTED} "
        "GROUP BY an.id, l.id ORDER BY an.name, l.position",
        gold,
    ):
        annotators[name].labels[label] = n
    for name, status, n in q(
        "SELECT an.name, s.status, count(*) FROM document_status s JOIN annotators an "
        "ON an.id = s.annotator_id WHERE an.name != ? GROUP BY an.id, s.status",
        gold,
    ):
        annotators[name].status[status] = n
    for c in annotators.values():
        started = c.status[Status.IN_PROGRESS.value] + c.status[Status.DONE.value]
        c.status[Status.NOT_STARTED.value] = documents - started
    labels = {name: 0 for (name,) in q("SELECT name FROM labels ORDER BY position")}
    for label, n in q(f"SELECT l.name, count(*) FROM {_COUNTED} GROUP BY l.id", gold):
        labels[label] = n
    per_day = dict(
        q(f"SELECT substr(a.created, 1, 10), count(*) FROM {_COUNTED} GROUP BY 1 ORDER BY 1", gold)
    )
    per_document: dict[str, dict[str, int]] = {}
    for doc, label, n in q(
        f"SELECT d.name, l.name, count(*) FROM {_COUNTED} JOIN documents d "
        "ON d.id = a.document_id GROUP BY d.id, l.id ORDER BY d.id, l.position",
        gold,
    ):
        per_document.setdefault(doc, {})[label] = n
    relations = q(
        "SELECT count(*) FROM relations r JOIN annotations a ON a.id = r.from_id "
        "JOIN annotators an ON an.id = a.annotator_id WHERE an.name != ?",
        gold,
    ).fetchone()[0]
    gold_annotations = q(
        "SELECT count(*) FROM annotations a JOIN annotators an ON an.id = a.annotator_id "
        "WHERE an.name = ?",
        gold,
    ).fetchone()[0]
    return ProjectCounts(
        documents,
        characters,
        relations,
        labels,
        annotators,
        per_day,
        per_document,
        gold_annotations,
    )
