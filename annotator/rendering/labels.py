"""How a label looks in every view outside the window: its colour, its sort, the legend."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from annotator.core.model import Annotation, LabelKind
from annotator.core.schema import UNKNOWN_COLOR, Schema


def color(schema: Schema, label: str) -> str:
    found = schema.label(label)
    if found and re.fullmatch(r"#[0-9a-fA-F]{6}", found.color):
        return found.color.lower()
    return UNKNOWN_COLOR


def kind(schema: Schema, label: str) -> LabelKind:
    found = schema.label(label)
    return found.kind if found else LabelKind.ENTITY


def contrast(background: str) -> str:
    """Black or white text, whichever reads better on ``background`` (#rrggbb)."""
    r, g, b = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 140 else "#ffffff"


def innermost(
    schema: Schema, spans: Sequence[Annotation]
) -> tuple[Annotation | None, Annotation | None]:
    """The innermost entity and the innermost claim or quote among covering ``spans``
    (shortest first): the entity gives the background, the other the underline."""
    entity = next((s for s in spans if kind(schema, s.label) is LabelKind.ENTITY), None)
    marked = next((s for s in spans if kind(schema, s.label) is not LabelKind.ENTITY), None)
    return entity, marked


def legend(annotations: Sequence[Annotation], schema: Schema) -> list[tuple[str, int]]:
    """Each label used, with its count: the schema's order, then unknown labels by name."""
    counts = Counter(a.label for a in annotations)
    known = [lb.name for lb in schema.labels]
    order = [n for n in known if n in counts] + sorted(set(counts) - set(known))
    return [(name, counts[name]) for name in order]
