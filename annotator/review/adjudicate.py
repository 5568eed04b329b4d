"""Pre-merging into gold what the annotators agree on, by a strategy; the rest is left
for a person (the window's review mode)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from annotator.core.errors import UserError
from annotator.core.model import GOLD, Annotation, LabelKind
from annotator.review.gold import key
from annotator.review.units import (
    ReviewUnit,
    build_units,
    check_known,
    chosen_annotations,
    taking_part,
)
from annotator.storage.gold import Key, Provenance
from annotator.storage.project import Project
from annotator.storage.stamps import now


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
    if not project.curator:  # said before reading: blind, they would see nothing to merge
        raise UserError(
            f"{project.login} may not change the gold layer (only curators can)", project.path
        )
    check_known(project, annotators or [])
    kinds = {lb.name: lb.kind for lb in project.schema().labels}
    report = AdjudicationReport()
    with project.write():
        for info in project.documents():
            doc = _Document.read(project, info.id, annotators, kinds)
            merged = _merge_spans(project, doc, strategy)
            merged_relations = _merge_relations(project, doc, strategy)
            if merged:
                report.documents += 1
                project.gold.start_curation(info.id, None)
            report.spans += merged
            report.relations += merged_relations
            units = build_units(
                info.id,
                doc.annotations,
                doc.taking_part,
                kinds,
                project.gold.annotations(info.id),
                doc.rejected,
            )
            left = sum(1 for u in units if u.open_versions)
            if left:
                report.left[info.name] = left
    return report


@dataclass(frozen=True)
class _Document:
    id: int
    annotations: list[Annotation]
    taking_part: set[str]
    rejected: set[Key]
    units: list[ReviewUnit]

    @classmethod
    def read(
        cls,
        project: Project,
        document_id: int,
        annotators: list[str] | None,
        kinds: dict[str, LabelKind],
    ) -> _Document:
        annotations = chosen_annotations(project, document_id, annotators)
        people = taking_part(project, document_id, annotations, annotators)
        no = project.gold.rejected(document_id)
        gold = project.gold.annotations(document_id)
        units = build_units(document_id, annotations, people, kinds, gold, no)
        return cls(document_id, annotations, people, no, units)


def _merge_spans(project: Project, doc: _Document, strategy: Strategy) -> int:
    attributes = {a.id: a.attributes for a in doc.annotations}
    merged = 0
    for unit in doc.units:
        if unit.gold:
            continue
        for v in unit.versions:
            voters = tuple(dict.fromkeys(v.annotators))
            if v.key in unit.rejected or not strategy.accepts(len(voters), len(doc.taking_part)):
                continue
            provenance = Provenance(voters[:1], voters[1:], None, str(strategy), now())
            project.gold.add(
                doc.id, v.key, provenance, attributes[v.annotation_ids[0]], curate=False
            )
            merged += 1
    return merged


def _merge_relations(project: Project, doc: _Document, strategy: Strategy) -> int:
    """Relations whose type and both ends' spans meet the strategy, between gold spans."""
    by_id = {a.id: a for a in doc.annotations}
    voters: defaultdict[tuple[str, Key, Key], set[str]] = defaultdict(set)
    for r in project.relations(doc.id):
        if r.from_id in by_id and r.to_id in by_id:
            k = (r.type, key(by_id[r.from_id]), key(by_id[r.to_id]))
            voters[k].add(by_id[r.from_id].annotator)
    gold = {key(g): g.id for g in project.gold.annotations(doc.id)}
    existing = {(r.type, r.from_id, r.to_id) for r in project.relations(doc.id, GOLD)}
    added = 0
    for (rtype, source, target), who in voters.items():
        source_id, target_id = gold.get(source), gold.get(target)
        if source_id is None or target_id is None:
            continue
        if strategy.accepts(len(who), len(doc.taking_part)) and (
            (rtype, source_id, target_id) not in existing
        ):
            project.add_relation(source_id, target_id, rtype)
            added += 1
    return added
