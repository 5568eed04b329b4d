"""What the peer tests share: the sample documents and the commands a user runs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.model import Annotation, NewDocument, Relation

LABEL_STUDIO_VERSION = "1.23.2"
DOCCANO_VERSION = "1.8.4"

# A document with emoji (a ZWJ family, a flag, a skin tone: 1 to 5 code points, 2 to 8
# UTF-16 units each) before its spans and a line break among them, with relations, and
# one without relations; sara's spans do not overlap (doccano drops overlapping spans
# unless the project allows them), omar's overlap hers.
EMOJI_TEXT = (
    "👨‍👩‍👧 🇱🇧 قال الرئيس 👍🏽 إن «الاقتصاد بخير»\nوأضاف وزير المالية في الحكومة في بيروت 😊"
)
PLAIN_TEXT = "أعلنت وزارة الصحة في القاهرة عن حملة تطعيم جديدة."
EMOJI_DOC, PLAIN_DOC = "أخبار/رموز", "أخبار/صحة"
SPANS = {
    EMOJI_DOC: [
        ("sara", "PER", "الرئيس"),
        ("sara", "QUOTE", "«الاقتصاد بخير»"),
        ("sara", "PER", "وزير المالية"),
        ("sara", "LOC", "بيروت"),
        ("omar", "PER", "وزير"),
    ],
    PLAIN_DOC: [("sara", "ORG", "وزارة الصحة"), ("sara", "LOC", "القاهرة")],
}
RELATIONS = {EMOJI_DOC: [("speaker", "«الاقتصاد بخير»", "الرئيس")]}
TEXTS = {EMOJI_DOC: EMOJI_TEXT, PLAIN_DOC: PLAIN_TEXT}

Span = tuple[str, str, str, int, int, str]  # document, annotator, label, start, end, text


def document(name: str) -> NewDocument:
    text = TEXTS[name]
    anns = []
    for k, (who, label, span) in enumerate(SPANS[name]):
        start = text.index(span)
        anns.append(Annotation(f"{who}-{k}", 0, who, label, start, start + len(span), span, {}))
    by_text = {(a.annotator, a.text): a.id for a in anns}
    relations = tuple(
        Relation(f"r{k}", by_text["sara", a], by_text["sara", b], kind)
        for k, (kind, a, b) in enumerate(RELATIONS.get(name, []))
    )
    return NewDocument(name, text, annotations=tuple(anns), relations=relations)


def annotator(*args: str | Path) -> str:
    """Run an ``annotator`` command as a user would; its output (it must succeed)."""
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def spans_of(path: Path) -> list[Span]:
    """Every annotation of a project file, read with SQL as any tool would."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT document, annotator, label, start, end, text FROM annotations_view"
        )
        return sorted(rows)


def relations_of(path: Path) -> list[tuple[str, str, str, str]]:
    """(document, type, from text, to text) of every relation."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT d.name, r.type, a.text, b.text FROM relations r "
            "JOIN annotations a ON a.id = r.from_id JOIN annotations b ON b.id = r.to_id "
            "JOIN documents d ON d.id = a.document_id"
        )
        return sorted(rows)


def import_into_new(tmp: Path, name: str, source: Path, *options: str) -> Path:
    project = tmp / f"{name}.annotator"
    annotator("new", project)
    annotator("import", project, source, "--add-labels", *options)
    return project
