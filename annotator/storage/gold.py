"""The gold layer's store: the gold spans (the annotations of the reserved annotator
``gold``), who proposed, agreed with and curated each, the versions a curator rejected,
and each document's curation status. Reached as ``project.gold``.

What to accept and by which strategy is decided in ``annotator.review``; each decision
it makes is one call here, and one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from annotator.core.model import GOLD, Annotation, Relation, Status
from annotator.storage.engine import Engine
from annotator.storage.stamps import now

CURATOR = "curator"  # the strategy recorded for a person's decision

Key = tuple[str, int, int]  # label, start, end
Attrs = dict[str, Any] | None  # a span's attributes


@dataclass(frozen=True)
class Provenance:
    proposed_by: tuple[str, ...]  # whose version the gold span is
    agreed_by: tuple[str, ...]  # the other annotators who had the same span
    curated_by: str | None  # the curator who accepted or edited it; None if merged
    strategy: str  # unanimous, majority, min-votes=N, or curator
    decided: str


@dataclass(frozen=True)
class CurationState:
    status: Status
    curator: str | None = None
    modified: str = ""


@dataclass(frozen=True)
class Rejection:
    span: Key
    curator: str
    decided: str


@dataclass(frozen=True)
class GoldSnapshot:
    """Everything the gold layer holds for one document, as stored: an undoable gold
    decision (``annotator.review.gold_change``) puts the whole state back instead of
    inverting each of the tables a decision touches."""

    annotations: tuple[Annotation, ...]
    relations: tuple[Relation, ...]
    provenance: tuple[tuple[Any, ...], ...]
    rejected: tuple[tuple[Any, ...], ...]
    curation: tuple[Any, ...] | None


class Spans(Protocol):
    """What the gold store needs of the project: its engine, its transactions and
    its annotations. A protocol, since the project, which imports this module to reach
    its gold store as ``project.gold``, cannot be imported here. (Positional-only, as
    the store calls them.)"""

    @property
    def engine(self) -> Engine: ...

    def write(self) -> AbstractContextManager[None]: ...

    def annotations(self, document: int, annotator: str, /) -> list[Annotation]: ...

    def add_annotation(
        self, document: int, annotator: str, label: str, start: int, end: int, a: Attrs, /
    ) -> Annotation: ...

    def update_annotation(
        self,
        id_: str,
        /,
        *,
        label: str | None,
        start: int | None,
        end: int | None,
        attributes: Attrs,
    ) -> Annotation: ...

    def delete_annotation(self, id_: str, /) -> tuple[Annotation, list[Relation]]: ...

    def restore_annotation(self, ann: Annotation, /) -> None: ...

    def relations(self, document: int, annotator: str, /) -> list[Relation]: ...

    def add_relation(self, from_: str, to: str, type_: str, id_: str | None, /) -> Relation: ...


class GoldStore:
    def __init__(self, project: Spans) -> None:
        self._project = project
        self._engine = project.engine

    # ----- reading -------------------------------------------------------------------

    def annotations(self, document_id: int) -> list[Annotation]:
        return self._project.annotations(document_id, GOLD)

    def provenance(self, annotation_id: str) -> Provenance | None:
        row = self._engine.execute(
            "SELECT proposed_by, agreed_by, curated_by, strategy, decided FROM gold_provenance "
            "WHERE annotation_id = ?",
            (annotation_id,),
        ).fetchone()
        if row is None:
            return None
        return Provenance(tuple(json.loads(row[0])), tuple(json.loads(row[1])), *row[2:])

    def rejections(self, document_id: int) -> list[Rejection]:
        return [
            Rejection((r[0], r[1], r[2]), r[3], r[4])
            for r in self._engine.execute(
                'SELECT label, start, "end", curator, decided FROM gold_rejected '
                'WHERE document_id = ? ORDER BY label, start, "end"',
                (document_id,),
            )
        ]

    def rejected(self, document_id: int) -> set[Key]:
        return {r.span for r in self.rejections(document_id)}

    def curation_status(self, document_id: int) -> CurationState:
        row = self._engine.execute(
            "SELECT status, curator, modified FROM curation_status WHERE document_id = ?",
            (document_id,),
        ).fetchone()
        if row is None:
            return CurationState(Status.NOT_STARTED)
        return CurationState(Status(row[0]), row[1], row[2])

    def curation_statuses(self) -> dict[int, CurationState]:
        """Every document's curation state that has one (the others have not started)."""
        return {
            r[0]: CurationState(Status(r[1]), r[2], r[3])
            for r in self._engine.execute(
                "SELECT document_id, status, curator, modified FROM curation_status"
            )
        }

    # ----- a curator's decisions, each one transaction ---------------------------------

    def add(
        self,
        document_id: int,
        span: Key,
        provenance: Provenance,
        attributes: Attrs = None,
        *,
        replacing: Iterable[str] = (),
        curate: bool = True,
    ) -> Annotation:
        """A gold span with its provenance, in place of the gold spans ``replacing``,
        lifting any rejection of it. ``curate`` puts the document's curation in progress
        (callers deciding many spans at once do that once, themselves)."""
        with self._project.write():
            for annotation_id in replacing:
                self._project.delete_annotation(annotation_id)
            ann = self._project.add_annotation(document_id, GOLD, *span, attributes)
            self.record_provenance(ann.id, provenance)
            self._engine.execute(
                "DELETE FROM gold_rejected WHERE document_id = ? AND label = ? AND start = ? "
                'AND "end" = ?',
                (document_id, *span),
            )
            if curate:
                self.start_curation(document_id, provenance.curated_by)
        return ann

    def edit(
        self,
        annotation_id: str,
        curator: str,
        *,
        label: str | None = None,
        start: int | None = None,
        end: int | None = None,
        attributes: Attrs = None,
    ) -> Annotation:
        """Change a gold span; the curator becomes its curator."""
        with self._project.write():
            ann = self._project.update_annotation(
                annotation_id, label=label, start=start, end=end, attributes=attributes
            )
            self._engine.execute(
                "UPDATE gold_provenance SET curated_by = ?, strategy = ?, decided = ? "
                "WHERE annotation_id = ?",
                (curator, CURATOR, now(), annotation_id),
            )
            self.start_curation(ann.document_id, curator)
        return ann

    def reject(self, document_id: int, span: Key, curator: str) -> None:
        """Record that a version is not gold; drop it from gold if there."""
        with self._project.write():
            for g in self.annotations(document_id):
                if (g.label, g.start, g.end) == span:
                    self._project.delete_annotation(g.id)
            self._engine.execute(
                'INSERT INTO gold_rejected (document_id, label, start, "end", curator, decided) '
                'VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, label, start, "end") '
                "DO UPDATE SET curator = excluded.curator, "
                "decided = excluded.decided",
                (document_id, *span, curator, now()),
            )
            self.start_curation(document_id, curator)

    def set_curation_status(self, document_id: int, status: Status, curator: str | None) -> None:
        with self._project.write():
            self._engine.execute(
                "INSERT INTO curation_status (document_id, status, curator, modified) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (document_id) DO UPDATE SET "
                "status = excluded.status, curator = excluded.curator, "
                "modified = excluded.modified",
                (document_id, Status(status).value, curator, now()),
            )

    def start_curation(self, document_id: int, curator: str | None) -> None:
        """The first decision in a document puts its curation in progress."""
        if self.curation_status(document_id).status is Status.NOT_STARTED:
            self.set_curation_status(document_id, Status.IN_PROGRESS, curator)

    # ----- what another project decided (merging) ---------------------------------------

    def record_provenance(self, annotation_id: str, provenance: Provenance) -> None:
        """Store a gold span's provenance unless it has one already."""
        self._engine.execute(
            "INSERT INTO gold_provenance (annotation_id, proposed_by, agreed_by, curated_by, "
            "strategy, decided) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (
                annotation_id,
                json.dumps(list(provenance.proposed_by), ensure_ascii=False),
                json.dumps(list(provenance.agreed_by), ensure_ascii=False),
                provenance.curated_by,
                provenance.strategy,
                provenance.decided,
            ),
        )

    def record_rejection(self, document_id: int, rejection: Rejection) -> None:
        """Store a rejection as it was decided, unless the version is rejected already."""
        self._engine.execute(
            'INSERT INTO gold_rejected (document_id, label, start, "end", curator, decided) '
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (document_id, *rejection.span, rejection.curator, rejection.decided),
        )

    # ----- undo and redo -------------------------------------------------------------

    def snapshot(self, document_id: int) -> GoldSnapshot:
        q = self._engine.execute
        annotations = tuple(self.annotations(document_id))
        ids = [a.id for a in annotations]
        marks = ",".join("?" * len(ids))
        provenance = tuple(
            tuple(r)
            for r in q(
                "SELECT annotation_id, proposed_by, agreed_by, curated_by, strategy, decided "
                f"FROM gold_provenance WHERE annotation_id IN ({marks}) ORDER BY annotation_id",
                ids,
            )
        )
        rejected = tuple(
            tuple(r)
            for r in q(
                'SELECT document_id, label, start, "end", curator, decided FROM gold_rejected '
                'WHERE document_id = ? ORDER BY label, start, "end"',
                (document_id,),
            )
        )
        curation = q(
            "SELECT document_id, status, curator, modified FROM curation_status "
            "WHERE document_id = ?",
            (document_id,),
        ).fetchone()
        return GoldSnapshot(
            annotations,
            tuple(self._project.relations(document_id, GOLD)),
            provenance,
            rejected,
            tuple(curation) if curation else None,
        )

    def restore(self, document_id: int, state: GoldSnapshot) -> None:
        """Make the document's gold layer exactly ``state`` again, same ids included."""
        q = self._engine.execute
        with self._project.write():
            # Provenance and relations go with their spans (ON DELETE CASCADE).
            for ann in self.annotations(document_id):
                self._project.delete_annotation(ann.id)
            for ann in state.annotations:
                self._project.restore_annotation(ann)
            for r in state.relations:
                self._project.add_relation(r.from_id, r.to_id, r.type, r.id)
            q(
                "DELETE FROM gold_provenance WHERE annotation_id IN "
                "(SELECT a.id FROM annotations a JOIN annotators an ON an.id = a.annotator_id "
                "WHERE a.document_id = ? AND an.name = ?)",
                (document_id, GOLD),
            )
            self._engine.executemany(
                "INSERT INTO gold_provenance (annotation_id, proposed_by, agreed_by, "
                "curated_by, strategy, decided) VALUES (?, ?, ?, ?, ?, ?)",
                state.provenance,
            )
            q("DELETE FROM gold_rejected WHERE document_id = ?", (document_id,))
            self._engine.executemany(
                'INSERT INTO gold_rejected (document_id, label, start, "end", curator, '
                "decided) VALUES (?, ?, ?, ?, ?, ?)",
                state.rejected,
            )
            q("DELETE FROM curation_status WHERE document_id = ?", (document_id,))
            if state.curation is not None:
                q(
                    "INSERT INTO curation_status (document_id, status, curator, modified) "
                    "VALUES (?, ?, ?, ?)",
                    state.curation,
                )
