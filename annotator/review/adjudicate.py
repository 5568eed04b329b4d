"""Pre-merging into gold what the annotators agree on, by a strategy; the rest is left
for a person (the window's review mode)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from annotator.core.errors import UserError
from annotator.core.model import Annotation
from annotator.review.gold import GOLD, Key, add_gold, gold_annotations, key
from annotator.review.units import participants, review_units
from annotator.storage.project import Project


@dataclass(frozen=True)
class Strategy:
    """unanimous: everyone taking part has the span; majority: more than half of them;
    min-votes=N: at least N annotators."""

    name: str
    min_votes: int = 0

    def accepts(self, votes: int, taking_part: int) -> bool:
        if self.name == "unanimous":
            return taking_part >= 2 and votes == taking_part
        if self.name == "majority":
            return taking_part >= 2 and 2 * votes > taking_part
        return votes >= self.min_votes

    def __str__(self) -> str:
        return f"min-votes={self.min_votes}" if self.name == "min-votes" else self.name


def parse_strategy(text: str) -> Strategy:
    if text in ("unanimous", "majority"):
        return Strategy(text)
    m = re.fullmatch(r"min-votes=(\d+)", text)
    if m and int(m.group(1)) >= 1:
        return Strategy("min-votes", int(m.group(1)))
    raise UserError(f"unknown strategy {text!r}; use unanimous, majority or min-votes=N (N ≥ 1)")


@dataclass
class AdjudicationReport:
    spans: int = 0  # merged into gold
    relations: int = 0
    documents: int = 0  # documents where something was merged
    left: dict[str, int] = field(default_factory=dict)  # document: units left for a person


def adjudicate(
    project: Project, strategy: Strategy, annotators: list[str] | None = None
) -> AdjudicationReport:
    """Merge into gold every span and relation that meets ``strategy``, in units where
    gold holds nothing yet (a person's decisions are never overridden). Running it again
    changes nothing."""
    known = project.annotators()
    unknown = [a for a in annotators or () if a not in known]
    if unknown:
        raise UserError("no annotations by " + ", ".join(unknown) + " in the project")
    report = AdjudicationReport()
    with project.write():
        for info in project.documents():
            merged = _adjudicate_document(project, info.id, strategy, annotators, report)
            report.documents += merged > 0
            left = sum(
                1 for u in review_units(project, info.id, annotators) if u.open_versions
            )
            if left:
                report.left[info.name] = left
    return report


def _adjudicate_document(
    project: Project,
    document_id: int,
    strategy: Strategy,
    annotators: list[str] | None,
    report: AdjudicationReport,
) -> int:
    annotations = [
        a
        for a in project.annotations(document_id)
        if a.annotator != GOLD and (annotators is None or a.annotator in annotators)
    ]
    taking_part = participants(project, document_id, annotations)
    if annotators is not None:
        taking_part &= set(annotators)
    merged = 0
    for unit in review_units(project, document_id, annotators):
        if unit.gold:
            continue
        for v in unit.versions:
            if strategy.accepts(len(set(v.annotators)), len(taking_part)) and (
                v.key not in unit.rejected
            ):
                add_gold(
                    project,
                    document_id,
                    *v.key,
                    proposed_by=v.annotators[:1],
                    curated_by=None,
                    strategy=str(strategy),
                    attributes=project.annotation(v.annotation_ids[0]).attributes,
                )
                merged += 1
    report.spans += merged
    report.relations += _merge_relations(project, document_id, annotations, taking_part, strategy)
    return merged


def _merge_relations(
    project: Project,
    document_id: int,
    annotations: list[Annotation],
    taking_part: set[str],
    strategy: Strategy,
) -> int:
    """Relations whose type and both ends' spans meet the strategy, between gold spans."""
    by_id = {a.id: a for a in annotations}
    voters: defaultdict[tuple[str, Key, Key], set[str]] = defaultdict(set)
    for r in project.relations(document_id):
        if r.from_id in by_id and r.to_id in by_id:
            k = (r.type, key(by_id[r.from_id]), key(by_id[r.to_id]))
            voters[k].add(by_id[r.from_id].annotator)
    gold = {key(g): g.id for g in gold_annotations(project, document_id)}
    existing = {(r.type, r.from_id, r.to_id) for r in project.relations(document_id, GOLD)}
    added = 0
    for (rtype, source, target), who in voters.items():
        source_id, target_id = gold.get(source), gold.get(target)
        if source_id is None or target_id is None:
            continue
        if strategy.accepts(len(who), len(taking_part)) and (
            (rtype, source_id, target_id) not in existing
        ):
            project.add_relation(source_id, target_id, rtype)
            added += 1
    return added
