"""What a project teaches: the gold layer, or chosen annotators' spans in the documents
they marked done (a document in progress would teach that its unmarked names are not
names), and in the documents imported with their spans from another tool, which
marks none done (a corpus such as NewsFANE's CoNLL is annotated throughout)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.errors import UserError
from annotator.core.model import GOLD, Document, Status, is_machine
from annotator.learn.examples import Example, Span
from annotator.storage.project import Project


@dataclass(frozen=True)
class TrainingData:
    examples: list[Example]
    layer_of: dict[str, str]  # label -> its kind: entity, claim or quote

    def spans(self) -> int:
        return sum(len(e.spans) for e in self.examples)


def training_data(
    project: Project,
    annotators: Sequence[str] = (),
    gold: bool = False,
    labels: Sequence[str] = (),
    in_progress_of: str | None = None,
) -> TrainingData:
    """The examples of ``annotators`` (every annotator but the gold layer and
    suggestions when none is named) or of the gold layer, with ``labels`` only when
    given. The gold layer counts a document once curated (or, uncurated, once it holds
    a gold span). ``in_progress_of`` names an annotator whose documents in progress
    count too: the window learns from the work under way as well."""
    schema = project.schema()
    layer_of = {lab.name: lab.kind.value for lab in schema.labels}
    for name in labels:
        if name not in layer_of:
            raise UserError(f"no label named {name!r} in the schema", project.path)
    if labels:
        layer_of = {k: v for k, v in layer_of.items() if k in labels}
    if gold and annotators:
        raise UserError("train from the gold layer or from annotators, not both")
    known = project.annotators()
    for name in annotators:
        if name not in known:
            raise UserError(f"no annotator named {name!r} in the project", project.path)
    for name in [GOLD] if gold else annotators:
        if project.hidden_from_me(name):
            whose = "the gold layer" if name == GOLD else f"{name}'s work"
            raise UserError(
                f"the project is blind: {project.login} sees only their own work, not {whose}",
                project.path,
            )
    chosen = (
        [GOLD]
        if gold
        else list(annotators) or [a for a in known if a != GOLD and not is_machine(a)]
    )
    spans: dict[tuple[int, str], list[Span]] = {}
    for ann in project.iter_annotations(chosen, list(layer_of)):
        spans.setdefault((ann.document_id, ann.annotator), []).append(
            Span(ann.start, ann.end, ann.label)
        )
    done: dict[str, set[int]] = {}
    if gold:
        curated = project.gold.curation_statuses()
        done[GOLD] = {d for d, state in curated.items() if state.status is Status.DONE}
        done[GOLD] |= {d for d, _ in spans}
    else:
        for name in chosen:
            counted = {Status.DONE, Status.IN_PROGRESS} if name == in_progress_of else {Status.DONE}
            statuses = project.statuses_of(name)
            done[name] = {d for d, s in statuses.items() if s in counted}
            # A span made in the window or by a command puts its document in progress;
            # spans with no status at all came in from another tool's file, finished,
            # as an uncurated document's gold spans count for the gold layer.
            done[name] |= {d for d, who in spans if who == name and d not in statuses}
    texts: dict[int, Document] = {}
    examples = []
    for name in chosen:
        for doc_id in sorted(done[name]):
            if doc_id not in texts:
                texts[doc_id] = project.document(doc_id)
            doc = texts[doc_id]
            examples.append(Example(doc.text, tuple(spans.get((doc_id, name), ()))))
    return TrainingData(examples, layer_of)
