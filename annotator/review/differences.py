"""An annotator's version beside gold: the spans only one side has, for the side by side
comparison."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import GOLD, Annotation
from annotator.review.gold import key
from annotator.storage.project import Project


@dataclass(frozen=True)
class Differences:
    """Spans only one side has (same label and edges count as the same span)."""

    only_annotator: list[Annotation]
    only_gold: list[Annotation]


def differences(project: Project, document_id: int, annotator: str) -> Differences:
    return differences_of(
        project.annotations(document_id, annotator), project.annotations(document_id, GOLD)
    )


def differences_of(mine: list[Annotation], gold: list[Annotation]) -> Differences:
    """What differs between an annotator's spans and gold's, of one document."""
    mine_keys = {key(a) for a in mine}
    gold_keys = {key(g) for g in gold}
    return Differences(
        [a for a in mine if key(a) not in gold_keys],
        [g for g in gold if key(g) not in mine_keys],
    )
