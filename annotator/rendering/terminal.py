"""The article in a terminal: coloured spans, a legend, Arabic shaped and reordered.

Each paragraph is shaped (its spans one by one, see ``visual.py``), wrapped at spaces to
the width in logical order, so a narrow terminal breaks between the same words a reader
expects, and only then is each line put in visual order (with the levels of the whole
paragraph), right-aligned when the paragraph is right-to-left. Without bidi (for
terminals that do it themselves) text is wrapped the same way and stays logical.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from annotator.core.model import Annotation, Document, LabelKind, Relation
from annotator.core.schema import Schema
from annotator.rendering import labels, layout
from annotator.rendering.layout import paragraphs
from annotator.rendering.visual import display_line, is_rtl, visual_paragraph

_WORD = re.compile(r"\S+")
_GRAPHEME = regex.compile(r"\X", regex.DOTALL)


@dataclass(frozen=True)
class View:
    width: int = 80
    bidi: bool = True  # shape and reorder for terminals that do neither


def wrap(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Lines of ``text[start:end]`` at most ``width`` cells wide, broken at spaces (the
    spaces at a break dropped), a word wider than a line cut between graphemes."""
    lines: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    used = 0
    for m in _WORD.finditer(text, start, end):
        word_start, word_end = m.span()
        if current is None and not lines:
            word_start = start  # the paragraph's indentation stays with its first word
        word = cell_len(text[word_start:word_end])
        if current is not None:
            gap = cell_len(text[current[1] : word_start])
            if used + gap + word <= width:
                current, used = (current[0], word_end), used + gap + word
                continue
            lines.append(current)
        while word > width:
            cut = _fit(text, word_start, word_end, width)
            if cut == word_end:
                break  # one grapheme wider than the line (an emoji in 1 column)
            lines.append((word_start, cut))
            word_start, word = cut, cell_len(text[cut:word_end])
        current, used = (word_start, word_end), word
    lines.append(current or (start, start))
    return lines


def _fit(text: str, start: int, end: int, width: int) -> int:
    """The end of the longest run of whole graphemes from ``start`` within ``width``
    (at least one grapheme, so that wrapping always advances)."""
    at, used = start, 0
    for g in _GRAPHEME.finditer(text, start, end):
        w = cell_len(g.group())
        if used + w > width and at > start:
            break
        at, used = g.end(), used + w
    return at


class _Styles:
    """Entities as a background in their label's colour, claims and quotes underlined in
    theirs; where spans overlap, the innermost of each sort."""

    def __init__(self, schema: Schema):
        self.schema = schema
        # By the covering spans' labels, shortest first (all the style depends on): a
        # long text has few distinct ones and hundreds of thousands of runs.
        self._styles: dict[tuple[str, ...], Style] = {}

    def of(self, spans: Sequence[Annotation]) -> Style:
        key = tuple(a.label for a in spans)
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = self._style(spans)
        return style

    def _style(self, spans: Sequence[Annotation]) -> Style:
        entity, marked = labels.innermost(self.schema, spans)
        if entity is not None:
            background = labels.color(self.schema, entity.label)
            return Style(
                bgcolor=background, color=labels.contrast(background), underline=bool(marked)
            )
        if marked is not None:
            return Style(color=labels.color(self.schema, marked.label), underline=True)
        return Style()

    def swatch(self, label: str) -> Style:
        color = labels.color(self.schema, label)
        if labels.kind(self.schema, label) is LabelKind.ENTITY:
            return Style(bgcolor=color, color=labels.contrast(color))
        return Style(color=color, underline=True)


def render(
    document: Document,
    annotations: Sequence[Annotation],
    schema: Schema,
    view: View,
    relations: Sequence[Relation] = (),
) -> list[Text]:
    """The document's name, the article's lines, the relations between its spans, then
    the legend; blank lines between."""
    styles = _Styles(schema)
    title = display_line(document.name) if view.bidi else document.name
    lines = [Text(title, style="bold", end="")]
    stretches = paragraphs(document.text)
    for (start, end), inside in zip(
        stretches, layout.by_paragraph(annotations, stretches), strict=True
    ):
        lines += _paragraph(document.text, start, end, inside, styles, view)
    listed = _relations(annotations, relations, styles, view)
    if listed:
        lines += [Text(), *listed]
    return [*lines, Text(), *_legend(annotations, schema, styles, view)]


def _paragraph(
    text: str,
    start: int,
    end: int,
    annotations: Sequence[Annotation],
    styles: _Styles,
    view: View,
) -> list[Text]:
    def runs(a: int, b: int) -> list[tuple[str, Style]]:
        return [(text[p.start : p.end], styles.of(p.spans)) for p in layout.runs(annotations, a, b)]

    if not view.bidi:
        return [Text.assemble(*runs(a, b), end="") for a, b in wrap(text, start, end, view.width)]
    rtl = is_rtl(text[start:end])
    lines = visual_paragraph(
        runs(start, end), rtl, lambda shaped: wrap(shaped, 0, len(shaped), view.width)
    )
    out = []
    for line in lines:
        shown = Text.assemble(*line, end="")
        if rtl:  # right-aligned, as the paragraph reads
            shown.pad_left(max(0, view.width - shown.cell_len))
        out.append(shown)
    return out


def _relations(
    annotations: Sequence[Annotation],
    relations: Sequence[Relation],
    styles: _Styles,
    view: View,
) -> list[Text]:
    """One paragraph per relation, «source» — type: «target», each end in its colours."""
    by_id = {a.id: a for a in annotations}
    out: list[Text] = []
    for r in relations:
        source, target = by_id.get(r.from_id), by_id.get(r.to_id)
        if source is None or target is None:
            continue
        # A span across paragraphs keeps its length but goes on one line here.
        head = f"«{source.text}» — {r.type}: «".replace("\n", " ")
        text = f"{head}{target.text}»".replace("\n", " ")
        ends = [
            replace(source, start=1, end=1 + len(source.text)),
            replace(target, start=len(head), end=len(head) + len(target.text)),
        ]
        out += _paragraph(text, 0, len(text), ends, styles, view)
    return out


def _legend(
    annotations: Sequence[Annotation], schema: Schema, styles: _Styles, view: View
) -> list[Text]:
    out = []
    for name, n in labels.legend(annotations, schema):
        shown = display_line(name, rtl=False) if view.bidi else name
        kind = labels.kind(schema, name).value
        out.append(Text.assemble((f" {shown} ", styles.swatch(name)), f" {kind}: {n}", end=""))
    return out
