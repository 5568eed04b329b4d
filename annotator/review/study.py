"""What agreement is computed on: the chosen annotators' spans, per document, with who
took part in each document. Read from a project once, then handed to the measures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from annotator.core.errors import UserError
from annotator.core.model import LabelKind, Status
from annotator.core.tokens import token_spans
from annotator.review.gold import GOLD
from annotator.storage.project import Project


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
    unknown = [a for a in chosen if a not in known]
    if unknown:
        raise UserError("no annotations by " + ", ".join(unknown) + " in the project")
    if len(chosen) < 2:
        raise UserError("agreement needs at least two annotators")
    schema = project.schema()
    kinds = {lb.name: lb.kind for lb in schema.labels}
    if labels:
        missing = [lb for lb in labels if lb not in kinds]
        if missing:
            raise UserError("unknown label: " + ", ".join(missing))
        kinds = {lb: kinds[lb] for lb in labels}

    spans_by_id: dict[str, Span] = {}
    annotated: defaultdict[int, set[str]] = defaultdict(set)
    spans: defaultdict[tuple[int, str], list[Span]] = defaultdict(list)
    owner: dict[str, tuple[int, str]] = {}
    chosen_set = set(chosen)
    for a in project.annotations():
        if a.annotator not in chosen_set:
            continue
        annotated[a.document_id].add(a.annotator)
        if a.label in kinds:
            span = Span(a.start, a.end, a.label)
            spans_by_id[a.id] = span
            owner[a.id] = (a.document_id, a.annotator)
            spans[a.document_id, a.annotator].append(span)
    relations: defaultdict[tuple[int, str], list[RelationKey]] = defaultdict(list)
    for r in project.relations():
        if r.from_id in spans_by_id and r.to_id in spans_by_id:
            key = RelationKey(r.type, spans_by_id[r.from_id], spans_by_id[r.to_id])
            relations[owner[r.from_id]].append(key)

    documents = []
    for info in project.documents():
        done = {a for a, s in project.statuses(info.id).items() if s is Status.DONE}
        participants = frozenset((annotated[info.id] | done) & chosen_set)
        if len(participants) < 2:
            continue
        documents.append(
            DocumentStudy(
                info.id,
                info.name,
                project.document(info.id).text,
                participants,
                {a: spans[info.id, a] for a in participants},
                {a: relations[info.id, a] for a in participants},
            )
        )
    return Study(chosen, kinds, documents)
