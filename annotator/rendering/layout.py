"""Cutting a stretch of text into runs that each carry the spans covering them.

Spans overlap and nest; a terminal line or an HTML paragraph can only colour flat runs,
so both views draw these runs.
"""

from __future__ import annotations

from collections.abc import Iterable
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
    """[start, end) cut at every span edge inside it; runs of no span included."""
    inside = [a for a in annotations if a.start < end and a.end > start and a.start < a.end]
    edges = {start, end}
    edges.update(max(a.start, start) for a in inside)
    edges.update(min(a.end, end) for a in inside)
    out: list[Run] = []
    for a, b in pairwise(sorted(edges)):
        covering = [s for s in inside if s.start <= a and s.end >= b]
        covering.sort(key=lambda s: (s.end - s.start, s.start))
        out.append(Run(a, b, tuple(covering)))
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text``, the newline excluded."""
    out: list[tuple[int, int]] = []
    at = 0
    for line in text.split("\n"):
        out.append((at, at + len(line)))
        at += len(line) + 1
    return out
