"""What recommenders learn from and propose: texts with labelled spans, cut into
sequences of tokens.

A sequence is a sentence of the project's tokenizer (``core/tokens.py``), or several when
a span runs across a sentence's end (claims and quotes often do), so that no span is ever
cut in two.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.core.tokens import Token, sentences, tokenize
from annotator.review.study import Span  # the span as agreement compares it: one type

__all__ = ["Example", "Span", "sequences", "token_spans_of"]


@dataclass(frozen=True)
class Example:
    """A text and its spans (offsets are code points into ``text``)."""

    text: str
    spans: tuple[Span, ...] = ()


def sequences(text: str, spans: Iterable[Span] = ()) -> list[tuple[Token, ...]]:
    """The text's tokens, a tuple per sentence; sentences that a span joins are one."""
    tokens = tokenize(text)
    if not tokens:
        return []
    bounds = sentences(text, tokens)
    # A sentence boundary at offset b is kept unless a span starts before b and ends after.
    crossing = sorted((s.start, s.end) for s in spans)
    out: list[list[Token]] = []
    ti = 0
    for _, s_end in bounds:
        group: list[Token] = []
        while ti < len(tokens) and tokens[ti].start < s_end:
            group.append(tokens[ti])
            ti += 1
        joined = bool(out) and bool(group) and any(a < group[0].start < b for a, b in crossing)
        if joined:
            out[-1].extend(group)
        elif group:
            out.append(group)
    return [tuple(g) for g in out]


def token_spans_of(tokens: Sequence[Token], spans: Iterable[Span]) -> list[tuple[int, int, str]]:
    """Spans as (first token, last token + 1, label): the tokens they overlap. Spans that
    overlap one already placed (nested in the same layer) are left out, longer first."""
    taken = [False] * len(tokens)
    out: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        idx = [i for i, t in enumerate(tokens) if t.start < span.end and t.end > span.start]
        if not idx or any(taken[i] for i in idx):
            continue
        for i in idx:
            taken[i] = True
        out.append((idx[0], idx[-1] + 1, span.label))
    return sorted(out)
