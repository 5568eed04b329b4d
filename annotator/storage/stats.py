"""Counts over a project: what `annotator stats` prints and the statistics view draws."""

from __future__ import annotations

from typing import Any

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
