"""An annotated article as one standalone HTML page, for people without the app.

Right-to-left, the CSS inline and no script: the page opens from a mail attachment or a
USB stick. Entities are a background in their label's colour, claims and quotes an
underline in theirs; hovering shows every label on the text. The browser shapes and
orders the Arabic itself, so the text goes in untouched, in logical order.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from annotator.core.model import Annotation, Document, LabelKind, Relation
from annotator.core.schema import Schema
from annotator.rendering import labels
from annotator.rendering.layout import Run, by_paragraph, paragraphs, runs

# No padding or margin on the marked runs: a box edge inside a word breaks the joining
# of Arabic letters in browsers (w3c/alreq#222), a colour change alone does not.
_CSS = """
body { font-family: "Noto Naskh Arabic", "Amiri", "Segoe UI", Tahoma, sans-serif;
  max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 2.1; color: #1a1a1a;
  background: #fff; }
h1 { font-size: 1.4em; }
.m { border-radius: 2px; }
.u { text-decoration-line: underline; text-decoration-thickness: 2px;
  text-underline-offset: 0.35em; text-decoration-skip-ink: none; }
.legend, .relations { border-top: 1px solid #ccc; margin-top: 2em; font-size: 0.9em; }
.legend ul, .relations ul { list-style: none; padding: 0; }
.chip { display: inline-block; min-width: 4em; text-align: center; border-radius: 3px; }
.meta { color: #555; font-size: 0.9em; }
"""


def _run_html(text: str, run: Run, schema: Schema) -> str:
    body = escape(text[run.start : run.end])
    if not run.spans:
        return body
    entity, marked = labels.innermost(schema, run.spans)
    classes, style = ["m"], []
    if entity is not None:
        background = labels.color(schema, entity.label)
        style += [f"background:{background}", f"color:{labels.contrast(background)}"]
    if marked is not None:
        classes.append("u")
        style.append(f"text-decoration-color:{labels.color(schema, marked.label)}")
    title = "\n".join(f"{s.label} ({s.annotator})" for s in run.spans)
    names = " ".join(sorted({s.label for s in run.spans}))
    return (
        f'<span class="{" ".join(classes)}" style="{";".join(style)}" '
        f'title="{escape(title)}" data-labels="{escape(names)}">{body}</span>'
    )


def _article(document: Document, annotations: Sequence[Annotation], schema: Schema) -> str:
    out = []
    stretches = paragraphs(document.text)
    for (start, end), inside in zip(stretches, by_paragraph(annotations, stretches), strict=True):
        if start == end:
            continue
        inner = "".join(_run_html(document.text, r, schema) for r in runs(inside, start, end))
        # dir="auto": a paragraph in English inside an Arabic article reads left to right.
        out.append(f'<p dir="auto">{inner}</p>')
    return "\n".join(out)


def _chip(schema: Schema, label: str) -> str:
    color = labels.color(schema, label)
    if labels.kind(schema, label) is LabelKind.ENTITY:
        style = f"background:{color};color:{labels.contrast(color)}"
        return f'<span class="chip" style="{style}">{escape(label)}</span>'
    style = f"text-decoration-color:{color}"
    return f'<span class="chip u" style="{style}">{escape(label)}</span>'


def _legend(annotations: Sequence[Annotation], schema: Schema) -> str:
    items = "".join(
        f"<li>{_chip(schema, name)} {escape(labels.kind(schema, name).value)}: {n}</li>"
        for name, n in labels.legend(annotations, schema)
    )
    return f'<section class="legend"><h2>Labels</h2><ul>{items}</ul></section>'


def _relations(
    annotations: Sequence[Annotation], relations: Sequence[Relation], schema: Schema
) -> str:
    by_id = {a.id: a for a in annotations}
    items = []
    for r in relations:
        source, target = by_id.get(r.from_id), by_id.get(r.to_id)
        if source is None or target is None:
            continue
        items.append(
            f"<li>{_chip(schema, source.label)} «{escape(source.text)}» ← "
            f"<b>{escape(r.type)}</b>: {_chip(schema, target.label)} «{escape(target.text)}»</li>"
        )
    if not items:
        return ""
    return f'<section class="relations"><h2>Relations</h2><ul>{"".join(items)}</ul></section>'


def render_html(
    document: Document,
    annotations: Sequence[Annotation],
    relations: Sequence[Relation],
    schema: Schema,
) -> str:
    """A standalone page of ``document`` with its spans, a legend and its relations."""
    who = sorted({a.annotator for a in annotations})
    meta = f"Annotated by {', '.join(who)}" if who else "No annotations"
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(document.name)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<h1 dir="auto">{escape(document.name)}</h1>\n'
        f'<p class="meta" dir="ltr">{escape(meta)}</p>\n'
        f"<article>\n{_article(document, annotations, schema)}\n</article>\n"
        f"{_legend(annotations, schema)}\n{_relations(annotations, relations, schema)}\n"
        "</body>\n</html>\n"
    )
