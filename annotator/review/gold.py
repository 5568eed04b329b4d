"""The curator's decisions on the gold layer: the adjudicated version of each document,
kept as the annotations of a reserved annotator, with who proposed, agreed with and
curated each span. What is stored, and how, is ``project.gold`` (storage/gold.py).

The window's review mode calls these one per user action; each is one transaction.
"""

from __future__ import annotations

from typing import Any

from annotator.core.model import GOLD, Annotation
from annotator.storage.gold import CURATOR, Key, Provenance
from annotator.storage.project import Project
from annotator.storage.stamps import now


def key(a: Annotation) -> Key:
    return (a.label, a.start, a.end)


def add_gold(
    project: Project,
    document_id: int,
    label: str,
    start: int,
    end: int,
    *,
    proposed_by: tuple[str, ...] = (),
    curated_by: str | None,
    strategy: str = CURATOR,
    attributes: dict[str, Any] | None = None,
    replacing: tuple[str, ...] = (),
) -> Annotation:
    """A gold span, with its provenance; the annotators who had the same span agreed."""
    same = {
        a.annotator
        for a in project.annotations(document_id)
        if (a.label, a.start, a.end) == (label, start, end) and a.annotator != GOLD
    }
    provenance = Provenance(
        proposed_by, tuple(sorted(same - set(proposed_by))), curated_by, strategy, now()
    )
    return project.gold.add(
        document_id, (label, start, end), provenance, attributes, replacing=replacing
    )


def accept(project: Project, annotation_id: str, curator: str) -> Annotation:
    """Put an annotator's span into gold, replacing the gold spans of its layer that it
    overlaps, and carry over its relations whose other end is in gold too."""
    source = project.annotation(annotation_id)
    kinds = {lb.name: lb.kind for lb in project.schema().labels}
    overlapped = tuple(
        g.id
        for g in project.gold.annotations(source.document_id)
        if g.start < source.end and source.start < g.end and kinds[g.label] is kinds[source.label]
    )
    with project.write():
        gold = add_gold(
            project,
            source.document_id,
            source.label,
            source.start,
            source.end,
            proposed_by=(source.annotator,),
            curated_by=curator,
            attributes=source.attributes,
            replacing=overlapped,
        )
        _carry_relations(project, source, gold)
    return gold


def _carry_relations(project: Project, source: Annotation, gold: Annotation) -> None:
    by_key = {key(g): g.id for g in project.gold.annotations(source.document_id)}
    existing = {(r.from_id, r.to_id, r.type) for r in project.relations(source.document_id, GOLD)}
    for r in project.relations_of(source.id):
        outgoing = r.from_id == source.id
        other = project.annotation(r.to_id if outgoing else r.from_id)
        other_gold = by_key.get(key(other))
        if other_gold is None:
            continue
        ends = (gold.id, other_gold) if outgoing else (other_gold, gold.id)
        if (*ends, r.type) not in existing:
            project.add_relation(*ends, r.type)
