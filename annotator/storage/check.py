"""Integrity check of a project file: the database itself, offsets, texts, relations, schema."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import text_sha256
from annotator.storage.project import Project


@dataclass(frozen=True)
class Problem:
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def check_project(project: Project) -> list[Problem]:
    problems = [
        Problem("database", str(row[0]))
        for row in project.conn.execute("PRAGMA integrity_check")
        if row[0] != "ok"
    ]
    problems += [
        Problem("database", f"table {row[0]} row {row[1]} refers to a missing {row[2]} row")
        for row in project.conn.execute("PRAGMA foreign_key_check")
    ]
    if problems:
        return problems  # the rest would read a damaged file
    schema = project.schema()
    labels = {lb.name: lb for lb in schema.labels}
    for info in project.documents():
        doc = project.document(info.id)
        where = f"document {doc.name!r}"
        if text_sha256(doc.text) != doc.sha256:
            problems.append(Problem(where, "its text no longer matches its sha256"))
        if info.length != len(doc.text):
            problems.append(Problem(where, f"its recorded length {info.length} is not its text's"))
        annotations = {}
        for a in project.annotations(doc.id):
            annotations[a.id] = a
            at = f"{where}, annotation {a.id}"
            if not 0 <= a.start < a.end <= len(doc.text):
                problems.append(Problem(at, f"offsets {a.start}-{a.end} are out of range"))
            elif doc.text[a.start : a.end] != a.text:
                problems.append(
                    Problem(at, f"text {a.text!r} is not the document's {a.start}-{a.end}")
                )
            label = labels[a.label]
            for key, value in a.attributes.items():
                spec = label.attribute(key)
                if spec is None:
                    problems.append(Problem(at, f"label {a.label} has no attribute {key!r}"))
                elif spec.values and value not in spec.values:
                    problems.append(
                        Problem(at, f"attribute {key!r} has {value!r}, not one of {spec.values}")
                    )
        for r in project.relations(doc.id):
            at = f"{where}, relation {r.id}"
            source, target = annotations.get(r.from_id), annotations.get(r.to_id)
            if source is None or target is None:
                problems.append(Problem(at, "links a span of another document"))
                continue
            if source.annotator != target.annotator:
                problems.append(Problem(at, "links spans of two annotators"))
            rtype = schema.relation_type(r.type)
            if rtype is None:
                problems.append(Problem(at, f"its type {r.type!r} is not in the schema"))
                continue
            kinds = (labels[source.label].kind, labels[target.label].kind)
            if (rtype.from_kinds and kinds[0] not in rtype.from_kinds) or (
                rtype.to_kinds and kinds[1] not in rtype.to_kinds
            ):
                problems.append(
                    Problem(
                        at,
                        f"{r.type} goes from {source.label} to {target.label}, "
                        "which the schema does not allow",
                    )
                )
    return problems
