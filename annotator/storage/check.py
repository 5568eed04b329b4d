"""Integrity check of a project file: the database itself, offsets, texts, relations, schema.

What a document may hold is decided by ``validate.py``, which import and merge use too:
whatever `check` flags, they refuse, in the same words.
"""

from __future__ import annotations

from annotator.core.errors import UserError
from annotator.core.model import text_sha256
from annotator.storage.project import Project
from annotator.storage.validate import Contents, Problem, document_problems

__all__ = ["Problem", "check_project"]


def check_project(project: Project) -> list[Problem]:
    problems = [Problem("database", p) for p in project.engine.integrity_problems()]
    if problems:
        return problems  # the rest would read a damaged file
    schema = project.schema()
    for info in project.documents():
        where = f"document {info.name!r}"
        try:
            doc = project.document(info.id)
            annotations = project.annotations(doc.id)
        except UserError as exc:  # a cell that is not what the program wrote
            problems.append(Problem("database", exc.message))
            continue
        if text_sha256(doc.text) != doc.sha256:
            problems.append(Problem(where, "its text no longer matches its sha256"))
        if info.length != len(doc.text):
            problems.append(Problem(where, f"its recorded length {info.length} is not its text's"))
        contents = Contents(
            doc.name,
            doc.text,
            doc.meta,
            annotations,
            project.relations(doc.id),
            project.statuses(doc.id),
        )
        problems += document_problems(contents, schema)
    return problems
