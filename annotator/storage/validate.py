"""One validator for what a project may hold: `check` reports what it finds, and import
and merge refuse a document that has it, in the same words.

A problem is (where, what): ``document 'x', relation r1`` and ``speaker goes from PER to
PER, which the schema does not allow``. The character rules are those of
``annotator.core.content``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from annotator.core.content import name_problem, text_problem, value_problem
from annotator.core.model import Annotation, Label, LabelKind, NewDocument, Relation, RelationType
from annotator.core.schema import Schema


@dataclass(frozen=True)
class Problem:
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@dataclass(frozen=True)
class Contents:
    """What a document brings: its stored text and everything attached to it."""

    name: str
    text: str
    meta: Mapping[str, Any]
    annotations: Iterable[Annotation]
    relations: Iterable[Relation]
    annotators: Iterable[str] = ()  # those with a status, besides the spans' own


def document_problems(doc: Contents, schema: Schema) -> Iterator[Problem]:
    """Every problem of ``doc`` under ``schema``, in the document's order."""
    where = f"document {doc.name!r}"
    for problem in (
        name_problem(doc.name.replace("\n", " ").replace("\t", " "), "document name"),
        text_problem(doc.text) and f"its text {text_problem(doc.text)}",
        value_problem(dict(doc.meta), "its metadata"),
        *(name_problem(who, "annotator name") for who in doc.annotators),
    ):
        if problem:
            yield Problem(where, problem)
    annotations: dict[str, Annotation] = {}
    for a in doc.annotations:
        at = f"{where}, annotation {a.id}"
        if a.id in annotations:
            yield Problem(at, "its id appears twice")
        annotations[a.id] = a
        yield from (Problem(at, p) for p in _annotation_problems(a, doc.text, schema))
    for r in doc.relations:
        problem = _relation_problem(r, annotations, schema)
        if problem:
            yield Problem(f"{where}, relation {r.id}", problem)


def first_problem(doc: NewDocument, schema: Schema) -> Problem | None:
    """The first problem of a document about to be added (by import or merge), if any."""
    contents = Contents(doc.name, doc.text, doc.meta, doc.annotations, doc.relations, doc.status)
    return next(document_problems(contents, schema), None)


def with_additions(
    schema: Schema, label_kinds: Mapping[str, LabelKind], relation_types: Iterable[str]
) -> Schema:
    """``schema`` as it will be once an import or merge has added the labels (of the
    kinds given) and relation types (linking any kinds) that it lacks."""
    labels = tuple(
        Label(name, kind, "#000000") for name, kind in label_kinds.items() if not schema.label(name)
    )
    types = tuple(
        RelationType(t, (), ())
        for t in dict.fromkeys(relation_types)
        if not schema.relation_type(t)
    )
    return Schema(schema.labels + labels, schema.relation_types + types)


def _annotation_problems(a: Annotation, text: str, schema: Schema) -> Iterator[str]:
    for problem in (
        name_problem(a.id, "id"),
        name_problem(a.annotator, "annotator name"),
        name_problem(a.label, "label"),
    ):
        if problem:
            yield problem
            return
    if not 0 <= a.start < a.end <= len(text):
        yield f"offsets {a.start}-{a.end} are out of range"
    elif text[a.start : a.end] != a.text:
        yield f"text {a.text!r} is not the document's {a.start}-{a.end}"
    label = schema.label(a.label)
    if label is None:
        yield f"its label {a.label!r} is not in the schema"
        return
    for key, value in a.attributes.items():
        spec = label.attribute(key)
        problem = name_problem(key, "attribute name") or value_problem(value, f"attribute {key!r}")
        if problem:
            yield problem
        elif spec is not None and spec.values and value not in spec.values:
            yield f"attribute {key!r} has {value!r}, not one of {spec.values}"


def _relation_problem(
    r: Relation, annotations: Mapping[str, Annotation], schema: Schema
) -> str | None:
    problem = name_problem(r.id, "id") or name_problem(r.type, "relation type")
    if problem:
        return problem
    source, target = annotations.get(r.from_id), annotations.get(r.to_id)
    if source is None or target is None:
        return "links a span of another document"
    if source.annotator != target.annotator:
        return "links spans of two annotators"
    rtype = schema.relation_type(r.type)
    if rtype is None:
        return f"its type {r.type!r} is not in the schema"
    from_label, to_label = schema.label(source.label), schema.label(target.label)
    if from_label is None or to_label is None:
        return None  # the span's own problem says so
    if (rtype.from_kinds and from_label.kind not in rtype.from_kinds) or (
        rtype.to_kinds and to_label.kind not in rtype.to_kinds
    ):
        return (
            f"{r.type} goes from {source.label} to {target.label}, which the schema does not allow"
        )
    return None
