"""Review units: where the annotators' spans of one layer overlap, the versions they
proposed, how they disagree, and what the gold layer holds there."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from annotator.core.errors import UserError
from annotator.core.model import GOLD, Annotation, LabelKind, Status
from annotator.review.gold import key
from annotator.storage.gold import Key
from annotator.storage.project import Project


class UnitState(StrEnum):
    AGREE = "agree"  # everyone taking part has the same span
    LABEL_DIFFERS = "label_differs"  # same edges, different labels
    BOUNDARIES_DIFFER = "boundaries_differ"
    INCOMPLETE = "incomplete"  # only some have it


@dataclass(frozen=True)
class Version:
    """One distinct span (label and edges) and the annotators who proposed it."""

    label: str
    start: int
    end: int
    annotators: tuple[str, ...]
    annotation_ids: tuple[str, ...]  # one per annotator: what `gold.accept` takes

    @property
    def key(self) -> Key:
        return (self.label, self.start, self.end)


@dataclass(frozen=True)
class ReviewUnit:
    document_id: int
    layer: LabelKind
    start: int  # the stretch all its versions cover
    end: int
    versions: tuple[Version, ...]  # most proposed first
    state: UnitState
    gold: tuple[Annotation, ...]  # gold spans of the layer overlapping the stretch
    rejected: frozenset[Key]  # versions the curator rejected

    @property
    def open_versions(self) -> list[Version]:
        """Versions neither in gold nor rejected: what is still left for a person."""
        in_gold = {key(g) for g in self.gold}
        return [v for v in self.versions if v.key not in in_gold and v.key not in self.rejected]


def review_units(
    project: Project, document_id: int, annotators: list[str] | None = None
) -> list[ReviewUnit]:
    """The document's review units in reading order, for ``annotators`` (default: all
    but gold)."""
    annotations = chosen_annotations(project, document_id, annotators)
    return build_units(
        document_id,
        annotations,
        taking_part(project, document_id, annotations, annotators),
        {lb.name: lb.kind for lb in project.schema().labels},
        project.gold.annotations(document_id),
        project.gold.rejected(document_id),
    )


def check_known(project: Project, annotators: list[str]) -> None:
    """Refuse names of annotators the project has no work of, naming the project."""
    known = set(project.annotators())
    unknown = [a for a in annotators if a not in known]
    if unknown:
        raise UserError("no annotations by " + ", ".join(unknown) + " in the project", project.path)


def chosen_annotations(
    project: Project, document_id: int, annotators: list[str] | None
) -> list[Annotation]:
    """The document's spans by ``annotators`` (default: everyone but gold)."""
    return [
        a
        for a in project.annotations(document_id)
        if a.annotator != GOLD and (annotators is None or a.annotator in annotators)
    ]


def taking_part(
    project: Project,
    document_id: int,
    annotations: list[Annotation],
    annotators: list[str] | None,
) -> set[str]:
    """Of ``annotators``, those who marked the document done or annotated in it."""
    done = {a for a, s in project.statuses(document_id).items() if s is Status.DONE}
    people = ({a.annotator for a in annotations} | done) - {GOLD}
    return people if annotators is None else people & set(annotators)


def build_units(
    document_id: int,
    annotations: list[Annotation],
    taking_part: set[str],
    kinds: dict[str, LabelKind],
    gold: list[Annotation],
    rejected: set[Key],
) -> list[ReviewUnit]:
    """Review units from what a document holds, already read."""
    units = []
    for layer in LabelKind:
        layer_spans = [a for a in annotations if kinds[a.label] is layer]
        layer_gold = [g for g in gold if kinds[g.label] is layer]
        for cluster in _overlapping_clusters(layer_spans):
            start = min(a.start for a in cluster)
            end = max(a.end for a in cluster)
            versions = _versions(cluster)
            units.append(
                ReviewUnit(
                    document_id,
                    layer,
                    start,
                    end,
                    versions,
                    _state(versions, taking_part),
                    tuple(g for g in layer_gold if g.start < end and start < g.end),
                    frozenset(k for k in rejected if k[1] < end and start < k[2]),
                )
            )
    return sorted(units, key=lambda u: (u.start, u.end, u.layer.value))


def _overlapping_clusters(spans: list[Annotation]) -> list[list[Annotation]]:
    clusters: list[list[Annotation]] = []
    end = -1
    for a in sorted(spans, key=lambda a: (a.start, a.end)):
        if clusters and a.start < end:
            clusters[-1].append(a)
            end = max(end, a.end)
        else:
            clusters.append([a])
            end = a.end
    return clusters


def _versions(cluster: list[Annotation]) -> tuple[Version, ...]:
    by_key: defaultdict[Key, list[Annotation]] = defaultdict(list)
    for a in cluster:
        by_key[key(a)].append(a)
    versions = [
        Version(
            label,
            start,
            end,
            tuple(a.annotator for a in sorted(anns, key=lambda a: a.annotator)),
            tuple(a.id for a in sorted(anns, key=lambda a: a.annotator)),
        )
        for (label, start, end), anns in by_key.items()
    ]
    return tuple(sorted(versions, key=lambda v: (-len(set(v.annotators)), v.start, v.end, v.label)))


def _state(versions: tuple[Version, ...], taking_part: set[str]) -> UnitState:
    # Everyone having every version is agreement too: nested spans all marked alike.
    if all(set(v.annotators) == taking_part for v in versions):
        return UnitState.AGREE
    if len({(v.start, v.end) for v in versions}) > 1:
        return UnitState.BOUNDARIES_DIFFER
    if len(versions) > 1:
        return UnitState.LABEL_DIFFERS
    return UnitState.INCOMPLETE
