"""Cutting a stretch of text into runs that each carry the spans covering them.

Spans overlap and nest; a terminal line or an HTML paragraph can only colour flat runs,
so both views draw these runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from annotator.core.model import Annotation


@dataclass(frozen=True)
class Run:
    """A stretch of text that the same spans cover from its first character to its last."""

    start: int
    end: int
    # Covering spans, shortest first: the innermost span wins when colours compete.
    spans: tuple[Annotation, ...] = ()


def runs(annotations: Iterable[Annotation], start: int, end: int) -> list[Run]:
    """[start, end) cut at every span edge inside it; runs of no span included.

    One sweep from left to right keeping the spans open at each edge: time grows with
    the number of runs times the spans open at once, not with the spans squared (a long
    paragraph holds tens of thousands)."""
    inside = sorted(
        (a for a in annotations if a.start < end and a.end > start and a.start < a.end),
        key=lambda a: a.start,
    )
    edges = {start, end}
    edges.update(max(a.start, start) for a in inside)
    edges.update(min(a.end, end) for a in inside)
    out: list[Run] = []
    open_spans: list[Annotation] = []
    waiting = 0
    for a, b in pairwise(sorted(edges)):
        while waiting < len(inside) and inside[waiting].start <= a:
            open_spans.append(inside[waiting])
            waiting += 1
        open_spans = [s for s in open_spans if s.end >= b]
        covering = sorted(open_spans, key=lambda s: (s.end - s.start, s.start))
        out.append(Run(a, b, tuple(covering)))
    return out


def by_paragraph(
    annotations: Iterable[Annotation], stretches: Sequence[tuple[int, int]]
) -> list[list[Annotation]]:
    """For each of ``stretches`` (in text order, as ``paragraphs`` gives them), the spans
    that overlap it, found in one sweep rather than by scanning every span per paragraph."""
    spans = sorted(annotations, key=lambda a: a.start)
    out: list[list[Annotation]] = []
    open_spans: list[Annotation] = []
    waiting = 0
    for start, end in stretches:
        while waiting < len(spans) and spans[waiting].start < max(end, start + 1):
            open_spans.append(spans[waiting])
            waiting += 1
        open_spans = [a for a in open_spans if a.end > start]
        out.append([a for a in open_spans if a.start < end])
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text``, the newline excluded."""
    out: list[tuple[int, int]] = []
    at = 0
    for line in text.split("\n"):
        out.append((at, at + len(line)))
        at += len(line) + 1
    return out
