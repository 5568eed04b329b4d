"""Spans and token tags, both ways, for the token formats (CoNLL, WebAnno, spaCy, HF).

Export: the document is cut into the tokens and sentences of ``annotator.core.tokens``
(the tokens agreement counts), each span is placed on the tokens it covers, and every
span that cannot be placed as it is gets reported by label, document and offsets with
what was done to it: widened to whole tokens, or left out. A sentence never cuts a span
in two: sentences a span crosses are joined. Nested spans go to further tag columns;
a flat format keeps the first of overlapping spans and reports the others.

Import: a tag column in IOB1, IOB2, BIOES or BILOU becomes spans of tokens.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from annotator.core.model import Annotation
from annotator.core.tokens import Token, sentences, tokenize
from annotator.formats.base import ExportedDocument, ExportReport
from annotator.formats.common import Losses

TAG = re.compile(r"(?:O|[BIESLU]-.+)")


@dataclass(frozen=True)
class TokenSpan:
    first: int  # index of the first token
    end: int  # index after the last token
    label: str
    annotation: Annotation


@dataclass(frozen=True)
class TokenDocument:
    tokens: list[Token]
    sentences: list[tuple[int, int]]  # token index ranges [first, end)
    layers: list[list[TokenSpan]]  # layer 0 holds the outermost spans; none overlap within one

    @property
    def written(self) -> int:
        """How many spans the layers hold (fewer than the annotations when some were
        left out, or were the same span by several annotators)."""
        return sum(len(layer) for layer in self.layers)

    def tags(self, layer: int) -> list[str]:
        """IOB2 tags of every token in one layer (all O past the last layer)."""
        out = ["O"] * len(self.tokens)
        for s in self.layers[layer] if layer < len(self.layers) else ():
            out[s.first] = "B-" + s.label
            out[s.first + 1 : s.end] = ["I-" + s.label] * (s.end - s.first - 1)
        return out


def token_document(
    doc: ExportedDocument,
    policy: str,
    report: ExportReport,
    losses: Losses,
    *,
    flat: bool,
    format_title: str,
) -> TokenDocument:
    """The document's tokens, sentences and spans placed on them (see the module doc)."""
    text, name = doc.document.text, doc.document.name
    tokens = tokenize(text)
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    placed: list[TokenSpan] = []
    seen: set[tuple[int, int, str]] = set()
    for a in doc.annotations:
        # The same span by two annotators is one span here: these formats name no one.
        if (a.start, a.end, a.label) in seen:
            continue
        seen.add((a.start, a.end, a.label))
        first = bisect_right(ends, a.start)  # the first token ending after the span starts
        end = bisect_left(starts, a.end)  # tokens starting before the span ends
        where = f"{a.label} span at {a.start}-{a.end} {a.text!r} in {name!r}"
        if first >= end:
            report.warnings.append(f"{where} covers no token; left out")
            continue
        if tokens[first].start != a.start or tokens[end - 1].end != a.end:
            widened = text[tokens[first].start : tokens[end - 1].end]
            if policy == "drop":
                report.warnings.append(f"{where} does not fall on token boundaries; left out")
                continue
            report.warnings.append(
                f"{where} does not fall on token boundaries; widened to "
                f"{tokens[first].start}-{tokens[end - 1].end} {widened!r}"
            )
        placed.append(TokenSpan(first, end, a.label, a))
    layers = _layers(placed)
    if flat and len(layers) > 1:
        for lost in (s for layer in layers[1:] for s in layer):
            a = lost.annotation
            report.warnings.append(
                f"{a.label} span at {a.start}-{a.end} {a.text!r} in {name!r} overlaps another "
                "span, and this format holds one label per token; left out"
            )
        layers = layers[:1]
    losses.multiple_annotators(doc, format_title)
    return TokenDocument(tokens, _sentences(text, tokens, placed), layers)


def _layers(spans: list[TokenSpan]) -> list[list[TokenSpan]]:
    """Spans spread over layers so that none overlaps another in its layer, the outer
    (longer) ones first, as nested CoNLL columns write them."""
    layers: list[list[TokenSpan]] = []
    for s in sorted(spans, key=lambda s: (s.first, -s.end)):
        for layer in layers:
            if layer[-1].end <= s.first:
                layer.append(s)
                break
        else:
            layers.append([s])
    return layers


def _sentences(text: str, tokens: list[Token], spans: list[TokenSpan]) -> list[tuple[int, int]]:
    if not tokens:
        return []
    starts = [t.start for t in tokens]
    bounds = [bisect_left(starts, s) for s, _ in sentences(text, tokens)[1:]]
    # A sentence boundary inside a span is dropped, so the span stays whole.
    inside = {b for s in spans for b in range(s.first + 1, s.end)}
    cuts = [0, *(b for b in bounds if b not in inside), len(tokens)]
    return list(pairwise(cuts))


def decode_tags(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, end, label) spans of one tag column in IOB1, IOB2, BIOES or BILOU.

    Tolerant, as real files need: an ``I-`` that does not continue a span of its label
    starts one (IOB1, or IOB2 written carelessly), and a bare ``PER`` is read as ``I-PER``.
    """
    spans: list[tuple[int, int, str]] = []
    open_label: str | None = None
    open_first = 0

    def close(end: int) -> None:
        nonlocal open_label
        if open_label is not None:
            spans.append((open_first, end, open_label))
            open_label = None

    for i, tag in enumerate(tags):
        if tag in ("O", "_", ""):
            close(i)
            continue
        prefix, label = (tag[0], tag[2:]) if TAG.fullmatch(tag) else ("I", tag)
        continues = open_label == label and prefix in "IEL"
        if not continues:
            close(i)
            open_label, open_first = label, i
        if prefix in "ESLU":
            close(i + 1)
    close(len(tags))
    return spans
