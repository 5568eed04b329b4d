"""Counts over a project: what `annotator stats` prints and the statistics view draws."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from annotator.core.model import GOLD
from annotator.storage.project import Project


def project_stats(project: Project) -> dict[str, Any]:
    q = project.conn.execute
    docs, chars = q("SELECT count(*), coalesce(sum(length), 0) FROM documents").fetchone()
    per_annotator: dict[str, dict[str, Any]] = {}
    for name, n, ndocs in q(
        "SELECT an.name, count(a.id), count(DISTINCT a.document_id) FROM annotators an "
        "LEFT JOIN annotations a ON a.annotator_id = an.id GROUP BY an.id ORDER BY an.name"
    ):
        per_annotator[name] = {"annotations": n, "documents_annotated": ndocs, "labels": {}}
        per_annotator[name]["status"] = {"not_started": 0, "in_progress": 0, "done": 0}
    for name, label, n in q(
        "SELECT an.name, l.name, count(*) FROM annotations a "
        "JOIN annotators an ON an.id = a.annotator_id JOIN labels l ON l.id = a.label_id "
        "GROUP BY an.name, l.name ORDER BY an.name, l.position"
    ):
        per_annotator[name]["labels"][label] = n
    for name, status, n in q(
        "SELECT an.name, s.status, count(*) FROM document_status s "
        "JOIN annotators an ON an.id = s.annotator_id GROUP BY an.name, s.status"
    ):
        per_annotator[name]["status"][status] = n
    for entry in per_annotator.values():
        entry["status"]["not_started"] = (
            docs - entry["status"]["in_progress"] - entry["status"]["done"]
        )
    labels = {
        label: n
        for label, n in q(
            "SELECT l.name, count(a.id) FROM labels l LEFT JOIN annotations a "
            "ON a.label_id = l.id GROUP BY l.id ORDER BY l.position"
        )
    }
    return {
        "documents": docs,
        "characters": chars,
        "annotations": sum(labels.values()),
        "relations": q("SELECT count(*) FROM relations").fetchone()[0],
        "labels": labels,
        "annotators": per_annotator,
    }


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
