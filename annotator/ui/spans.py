"""The spans of one document, indexed by paragraph for painting and hit-testing.

Qt-free on purpose: the view asks it for the pieces of the paragraphs on screen, in the
UTF-16 units Qt counts, and it converts from our code points through Utf16Map only.
Entities are painted as fills; claims and quotes as bands under the text, each in a
lane so that overlapping bands stay apart. Every update costs only the paragraphs the
span touches, so that adding a span to a long document stays instant.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

from annotator.core.model import Annotation, LabelKind
from annotator.core.offsets import Utf16Map
from annotator.core.schema import UNKNOWN_COLOR, Schema

OrderKey = tuple[int, int, str]

# A span over more paragraphs than this is indexed as long (see SpanIndex._long).
LONG_SPAN_PARAGRAPHS = 64


def order_key(ann: Annotation) -> OrderKey:
    """Reading order: by start, the longer first when two start together."""
    return (ann.start, -ann.end, ann.id)


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
    """``mapped`` limits the UTF-16 map to the text's first characters: mapping a long
    text takes longer than showing it, so the view maps its first screen, paints, and
    then calls ``map_all``."""

    def __init__(self, text: str, schema: Schema, mapped: int | None = None):
        self.text = text
        self.map = Utf16Map(text if mapped is None else text[:mapped])
        self._para_starts = [0]
        at = text.find("\n")
        while at >= 0:
            self._para_starts.append(at + 1)
            at = text.find("\n", at + 1)
        self._by_id: dict[str, Annotation] = {}
        self._by_para: dict[int, set[str]] = {}
        # Spans over many paragraphs (a whole article, say) are kept aside, so that
        # adding or removing one does not touch every paragraph it covers.
        self._long: set[str] = set()
        self._longest = 0  # the length of the longest span ever held (not long ones)
        self._order: list[OrderKey] = []
        self._lanes: dict[str, int] = {}
        self.set_schema(schema)

    def map_all(self) -> None:
        if self.map.length < len(self.text):
            self.map = Utf16Map(self.text)

    def set_schema(self, schema: Schema) -> None:
        self.schema = schema
        self._kinds = {lb.name: lb.kind for lb in schema.labels}
        self._colors = {lb.name: lb.color for lb in schema.labels}

    # ----- contents ------------------------------------------------------------------

    def reset(self, annotations: list[Annotation]) -> None:
        self._by_id = {}
        self._by_para = {}
        self._long = set()
        for ann in annotations:
            self._insert(ann)
        self._order = sorted(order_key(a) for a in self._by_id.values())
        self._assign_all_lanes()

    def upsert(self, ann: Annotation) -> None:
        old = self._by_id.get(ann.id)
        if old is not None:
            self._drop(old)
        self._insert(ann)
        insort(self._order, order_key(ann))
        if self._is_band(ann):
            self._assign_lane(ann)

    def remove(self, annotation_id: str) -> None:
        old = self._by_id.get(annotation_id)
        if old is not None:
            self._drop(old)

    def get(self, annotation_id: str) -> Annotation | None:
        return self._by_id.get(annotation_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def in_order(self) -> list[Annotation]:
        by_id = self._by_id
        return [by_id[k[2]] for k in self._order]

    def kind(self, ann: Annotation) -> LabelKind:
        return self._kinds.get(ann.label, LabelKind.ENTITY)

    def color(self, ann: Annotation) -> str:
        return self._colors.get(ann.label, UNKNOWN_COLOR)

    def _is_band(self, ann: Annotation) -> bool:
        return self.kind(ann) is not LabelKind.ENTITY

    # ----- queries -------------------------------------------------------------------

    def paragraph_of(self, offset: int) -> int:
        return bisect_right(self._para_starts, offset) - 1

    def paragraphs_around(self, start: int, end: int) -> tuple[int, int]:
        """The code-point range of the whole paragraphs that [start, end) touches."""
        first = self._para_starts[self.paragraph_of(start)]
        last = self.paragraph_of(max(start, end - 1))
        after = self._para_starts[last + 1] - 1 if last + 1 < len(self._para_starts) else None
        return first, len(self.text) if after is None else after

    def step_from(self, annotation_id: str | None, caret: int, direction: int) -> Annotation | None:
        """The span after (direction 1) or before (-1) the given one in reading order,
        or, with none given, the first one from the caret on (or the last before it);
        wraps around at the ends."""
        if not self._order:
            return None
        ann = self._by_id.get(annotation_id) if annotation_id else None
        if ann is not None:
            at = bisect_left(self._order, order_key(ann)) + direction
        else:
            after = bisect_left(self._order, (caret, -len(self.text) - 1, ""))
            at = after if direction > 0 else after - 1
        return self._by_id[self._order[at % len(self._order)][2]]

    def pieces(self, paragraph: int, window: tuple[int, int] | None = None) -> list[Piece]:
        """The paragraph's pieces, bands before fills, longer before shorter; with a
        ``window`` (UTF-16 units from the paragraph's start), only those that reach into
        it: what one screen or page of a long paragraph shows."""
        p_start = self._para_starts[paragraph]
        p_start, p_end = self.paragraphs_around(p_start, p_start)
        base = self.map.to_utf16(p_start)
        ids: Iterable[str] = chain(self._by_para.get(paragraph, ()), self._long)
        if window is not None:
            ids = self._overlapping(
                self.map.from_utf16(base + window[0], snap=True),
                self.map.from_utf16(base + window[1], snap=True) + 1,
            )
        out = []
        for ann_id in ids:
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

    def _overlapping(self, start: int, end: int) -> list[str]:
        """Ids of the spans that overlap [start, end), found by bisection in reading
        order: no span starts before ``start`` minus the longest span's length (the long
        spans, kept aside, are looked at one by one)."""
        lo = bisect_left(self._order, (start - self._longest, -len(self.text) - 1, ""))
        hi = bisect_left(self._order, (max(end, start + 1), -len(self.text) - 1, ""))
        found = [k[2] for k in self._order[lo:hi] if -k[1] > start and k[2] not in self._long]
        by_id = self._by_id
        found.extend(i for i in self._long if by_id[i].start < end and by_id[i].end > start)
        return found

    # ----- internals -----------------------------------------------------------------

    def _paragraphs(self, ann: Annotation) -> range:
        return range(self.paragraph_of(ann.start), self.paragraph_of(max(ann.end - 1, 0)) + 1)

    def _insert(self, ann: Annotation) -> None:
        self._by_id[ann.id] = ann
        paragraphs = self._paragraphs(ann)
        if len(paragraphs) > LONG_SPAN_PARAGRAPHS:
            self._long.add(ann.id)
            return
        # Only grows (a removal leaves it): a bound for _overlapping, never too small.
        self._longest = max(self._longest, ann.end - ann.start)
        for p in paragraphs:
            self._by_para.setdefault(p, set()).add(ann.id)

    def _drop(self, ann: Annotation) -> None:
        del self._by_id[ann.id]
        self._order.pop(bisect_left(self._order, order_key(ann)))
        self._lanes.pop(ann.id, None)
        if ann.id in self._long:
            self._long.discard(ann.id)
            return
        for p in self._paragraphs(ann):
            self._by_para[p].discard(ann.id)

    def _assign_all_lanes(self) -> None:
        """Each band takes the lowest lane free of the bands it overlaps (claims first, so
        that a claim and the quote inside it keep the same lanes across the document)."""
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

    def _assign_lane(self, ann: Annotation) -> None:
        """A new band takes the lowest lane its neighbours leave free; the others keep
        theirs, so nothing on screen jumps."""
        paragraphs = self._paragraphs(ann)
        near: Iterable[str] = (
            self._lanes  # every band: fewer than the spans of that many paragraphs
            if len(paragraphs) > LONG_SPAN_PARAGRAPHS
            else chain(
                chain.from_iterable(self._by_para.get(p, ()) for p in paragraphs), self._long
            )
        )
        lanes, by_id = self._lanes, self._by_id
        taken = set()
        for i in near:
            lane = lanes.get(i)
            if lane is not None and i != ann.id:
                other = by_id[i]
                if other.start < ann.end and ann.start < other.end:
                    taken.add(lane)
        self._lanes[ann.id] = next(i for i in range(len(taken) + 1) if i not in taken)
