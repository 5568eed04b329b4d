"""What agreement is computed on: the chosen annotators' spans, per document, with who
took part in each document. Read from a project once, then handed to the measures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from annotator.core.errors import UserError
from annotator.core.model import GOLD, LabelKind, Status
from annotator.core.tokens import token_spans
from annotator.review.units import check_known
from annotator.storage.project import Project
from annotator.storage.whole_project import (
    document_texts,
    relation_ends,
    span_rows,
    status_rows,
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class RelationKey:
    """A relation as agreement compares it: its type and both ends' positions and labels."""

    type: str
    source: Span
    target: Span


@dataclass
class DocumentStudy:
    id: int
    name: str
    text: str
    # Annotators who marked the document done or annotated anything in it.
    participants: frozenset[str]
    spans: dict[str, list[Span]] = field(default_factory=dict)
    relations: dict[str, list[RelationKey]] = field(default_factory=dict)

    @cached_property
    def tokens(self) -> list[tuple[int, int]]:
        return token_spans(self.text)


@dataclass
class Study:
    annotators: list[str]
    labels: dict[str, LabelKind]  # the labels compared, with the layer each belongs to
    documents: list[DocumentStudy]

    def shared(self, *annotators: str) -> list[DocumentStudy]:
        """The documents in which all of ``annotators`` take part."""
        return [d for d in self.documents if d.participants.issuperset(annotators)]


def load_study(
    project: Project, annotators: list[str] | None = None, labels: list[str] | None = None
) -> Study:
    """The spans of ``annotators`` (default: everyone but the gold layer) restricted to
    ``labels`` (default: all). Only documents in which two or more of them take part are
    kept, since nothing can be compared in the others."""
    known = project.annotators()
    chosen = list(dict.fromkeys(annotators)) if annotators else [a for a in known if a != GOLD]
    check_known(project, chosen)
    # On a blind server project an annotator compares only the layers they may see.
    seen = project.visible_to_me(chosen)
    hidden = [a for a in chosen if a not in seen]
    if hidden and (annotators or len(chosen) - len(hidden) < 2):
        whose = f"{hidden[0]}'s" if annotators else "their colleagues'"
        raise UserError(
            f"the project is blind: {project.login} sees only their own work, not {whose}; "
            "a curator measures the agreement",
            project.path,
        )
    chosen = [a for a in chosen if a not in hidden]
    if len(chosen) < 2:
        raise UserError("agreement needs at least two annotators")
    schema = project.schema()
    kinds = {lb.name: lb.kind for lb in schema.labels}
    if labels:
        missing = [lb for lb in labels if lb not in kinds]
        if missing:
            raise UserError("unknown label: " + ", ".join(missing))
        kinds = {lb: kinds[lb] for lb in labels}

    chosen_set = set(chosen)
    spans_by_id: dict[str, Span] = {}
    owner: dict[str, tuple[int, str]] = {}
    annotated: defaultdict[int, set[str]] = defaultdict(set)
    spans: defaultdict[tuple[int, str], list[Span]] = defaultdict(list)
    # Plain rows rather than Project.annotations(): agreement reads every span of every
    # document, and building full Annotation records took most of its time.
    for ann_id, doc_id, annotator, label, start, end in span_rows(project):
        if annotator not in chosen_set:
            continue
        annotated[doc_id].add(annotator)
        if label in kinds:
            span = Span(start, end, label)
            spans_by_id[ann_id] = span
            owner[ann_id] = (doc_id, annotator)
            spans[doc_id, annotator].append(span)
    relations: defaultdict[tuple[int, str], list[RelationKey]] = defaultdict(list)
    for from_id, to_id, rtype in relation_ends(project):
        if from_id in spans_by_id and to_id in spans_by_id:
            key = RelationKey(rtype, spans_by_id[from_id], spans_by_id[to_id])
            relations[owner[from_id]].append(key)
    done: defaultdict[int, set[str]] = defaultdict(set)
    for doc_id, annotator, _ in status_rows(project, Status.DONE):
        done[doc_id].add(annotator)

    documents = []
    for doc_id, name, text in document_texts(project):
        participants = frozenset((annotated[doc_id] | done[doc_id]) & chosen_set)
        if len(participants) < 2:
            continue
        documents.append(
            DocumentStudy(
                doc_id,
                name,
                text,
                participants,
                {a: spans[doc_id, a] for a in participants},
                {a: relations[doc_id, a] for a in participants},
            )
        )
    return Study(chosen, kinds, documents)
