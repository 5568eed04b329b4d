"""The spans of one document, indexed by paragraph for painting and hit-testing.

Qt-free on purpose: the view asks it for the pieces of the paragraphs on screen, in the
UTF-16 units Qt counts, and it converts from our code points through Utf16Map only.
Entities are painted as fills; claims and quotes as bands under the text, each in a
lane so that overlapping bands stay apart.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from annotator.core.model import Annotation, LabelKind
from annotator.core.offsets import Utf16Map
from annotator.core.schema import Schema


@dataclass(frozen=True)
class Piece:
    """The part of an annotation inside one paragraph, in that paragraph's UTF-16 units."""

    annotation: Annotation
    start: int
    length: int
    kind: LabelKind
    color: str
    lane: int  # band lane counted from the text's foot; -1 for entities


class SpanIndex:
    def __init__(self, text: str, schema: Schema):
        self.text = text
        self.schema = schema
        self.map = Utf16Map(text)
        self._para_starts = [0]
        self._para_starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
        self._by_id: dict[str, Annotation] = {}
        self._by_para: dict[int, set[str]] = {}
        self._lanes: dict[str, int] = {}

    # ----- contents ------------------------------------------------------------------

    def reset(self, annotations: list[Annotation]) -> None:
        self._by_id.clear()
        self._by_para.clear()
        for ann in annotations:
            self._insert(ann)
        self._assign_lanes()

    def upsert(self, ann: Annotation) -> None:
        old = self._by_id.get(ann.id)
        if old is not None:
            self._drop(old)
        self._insert(ann)
        if self._is_band(ann) or (old is not None and self._is_band(old)):
            self._assign_lanes()

    def remove(self, annotation_id: str) -> None:
        old = self._by_id.get(annotation_id)
        if old is not None:
            self._drop(old)
            if self._is_band(old):
                self._assign_lanes()

    def get(self, annotation_id: str) -> Annotation | None:
        return self._by_id.get(annotation_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def in_order(self) -> list[Annotation]:
        """Reading order: by start, the longer first when two start together."""
        return sorted(self._by_id.values(), key=lambda a: (a.start, -a.end, a.id))

    def kind(self, ann: Annotation) -> LabelKind:
        label = self.schema.label(ann.label)
        return label.kind if label else LabelKind.ENTITY

    def color(self, ann: Annotation) -> str:
        label = self.schema.label(ann.label)
        return label.color if label else "#999999"

    def _is_band(self, ann: Annotation) -> bool:
        return self.kind(ann) is not LabelKind.ENTITY

    def lane_count(self) -> int:
        return max(self._lanes.values(), default=-1) + 1

    # ----- queries -------------------------------------------------------------------

    def paragraph_of(self, offset: int) -> int:
        return bisect_right(self._para_starts, offset) - 1

    def pieces(self, paragraph: int) -> list[Piece]:
        """The paragraph's pieces, bands before fills, longer before shorter."""
        p_start = self._para_starts[paragraph]
        p_end = (
            self._para_starts[paragraph + 1] - 1
            if paragraph + 1 < len(self._para_starts)
            else len(self.text)
        )
        base = self.map.to_utf16(p_start)
        out = []
        for ann_id in self._by_para.get(paragraph, ()):
            ann = self._by_id[ann_id]
            s, e = max(ann.start, p_start), min(ann.end, p_end)
            if s >= e:
                continue
            u_start = self.map.to_utf16(s) - base
            out.append(
                Piece(
                    ann,
                    u_start,
                    self.map.to_utf16(e) - base - u_start,
                    self.kind(ann),
                    self.color(ann),
                    self._lanes.get(ann.id, -1),
                )
            )
        out.sort(key=lambda p: (p.kind is LabelKind.ENTITY, -p.length, p.annotation.id))
        return out

    def at(self, offset: int) -> list[Annotation]:
        """The annotations covering the character at ``offset``, innermost first."""
        ids = self._by_para.get(self.paragraph_of(offset), ())
        hits = [self._by_id[i] for i in ids if self._by_id[i].start <= offset < self._by_id[i].end]
        return sorted(hits, key=lambda a: (a.end - a.start, a.id))

    # ----- internals -----------------------------------------------------------------

    def _paragraphs(self, ann: Annotation) -> range:
        return range(self.paragraph_of(ann.start), self.paragraph_of(max(ann.end - 1, 0)) + 1)

    def _insert(self, ann: Annotation) -> None:
        self._by_id[ann.id] = ann
        for p in self._paragraphs(ann):
            self._by_para.setdefault(p, set()).add(ann.id)

    def _drop(self, ann: Annotation) -> None:
        del self._by_id[ann.id]
        for p in self._paragraphs(ann):
            self._by_para[p].discard(ann.id)

    def _assign_lanes(self) -> None:
        """Each band takes the lowest lane free of the bands it overlaps (claims first, so
        a claim and the quote inside it keep the same lanes across the document)."""
        bands = sorted(
            (a for a in self._by_id.values() if self._is_band(a)),
            key=lambda a: (a.start, self.kind(a) is not LabelKind.CLAIM, -a.end),
        )
        self._lanes = {}
        lane_ends: list[int] = []  # per lane, where its last band ends
        for ann in bands:
            lane = next((i for i, end in enumerate(lane_ends) if end <= ann.start), None)
            if lane is None:
                lane = len(lane_ends)
                lane_ends.append(ann.end)
            else:
                lane_ends[lane] = ann.end
            self._lanes[ann.id] = lane
