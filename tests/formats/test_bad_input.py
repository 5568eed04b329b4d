"""Every kind of bad input gets one clear message naming the file (and the place); nothing
of that file is imported and nothing else changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.model import MAX_DOCUMENT_CHARS, NewDocument
from annotator.formats.base import ImportOptions
from annotator.formats.importer import import_paths
from annotator.storage.project import Project

ARABIC = "قال الرئيس إن الاقتصاد ينمو بسرعة، وأضاف أن الحكومة ستواصل دعمها للقطاع الخاص."


def _record(**extra: object) -> str:
    return json.dumps({"name": "d", "text": ARABIC, **extra}, ensure_ascii=False)


CASES: list[tuple[str, str, bytes, str]] = [
    ("binary", "photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "binary"),
    ("empty", "empty.txt", b"", "is empty"),
    ("NUL bytes", "nul.txt", ARABIC.encode() + b"\x00" + ARABIC.encode(), "NUL"),
    ("invalid UTF-8", "latin.txt", "Grüße aus Köln".encode("latin-1"), "not UTF-8"),
    (
        "mixed encodings",
        "mixed.txt",
        ARABIC.encode() + b"\n" + ARABIC.encode("cp1256"),
        "mixes UTF-8 with another encoding",
    ),
    ("malformed line", "bad.jsonl", (_record() + "\n{oops\n").encode(), "line 2: malformed JSON"),
    (
        "reversed offsets",
        "rev.jsonl",
        _record(annotations=[{"start": 9, "end": 3, "label": "PER", "annotator": "a"}]).encode(),
        "line 1: annotation 'a1': offsets 9-3 are out of range",
    ),
    (
        "out of range",
        "far.jsonl",
        _record(annotations=[{"start": 3, "end": 9999, "label": "PER", "annotator": "a"}]).encode(),
        "out of range",
    ),
    (
        "text mismatch",
        "mismatch.jsonl",
        _record(
            annotations=[{"start": 0, "end": 3, "label": "PER", "annotator": "a", "text": "xyz"}]
        ).encode(),
        "does not match",
    ),
    (
        "unknown label",
        "label.jsonl",
        _record(annotations=[{"start": 0, "end": 3, "label": "SPORT", "annotator": "a"}]).encode(),
        "unknown label 'SPORT'",
    ),
    (
        "duplicate ids",
        "dup.jsonl",
        _record(
            annotations=[
                {"id": "x", "start": 0, "end": 3, "label": "PER", "annotator": "a"},
                {"id": "x", "start": 4, "end": 10, "label": "PER", "annotator": "a"},
            ]
        ).encode(),
        "appears twice",
    ),
    (
        "missing relation end",
        "rel.jsonl",
        _record(
            annotations=[{"id": "x", "start": 0, "end": 3, "label": "QUOTE", "annotator": "a"}],
            relations=[{"from": "x", "to": "y", "type": "speaker"}],
        ).encode(),
        "missing annotation 'y'",
    ),
    (
        "deeply nested",
        "deep.jsonl",
        ('{"text": ' + "[" * 50_000 + "]" * 50_000 + "}").encode(),
        "nested too deeply",
    ),
    (
        "huge number",
        "num.jsonl",
        ('{"text": "نص", "meta": {"n": ' + "9" * 50_000 + "}}").encode(),
        "malformed JSON",
    ),
    (
        "HTML with only a script",
        "script.html",
        b"<html><body><script>fetch('http://example.com')</script></body></html>",
        "no article text",
    ),
    ("CSV rows longer than the header", "rows.csv", "text\nأ,ب\n".encode(), "more cells"),
]


@pytest.mark.parametrize(("case", "name", "data", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_named_and_changes_nothing(
    tmp_path: Path, case: str, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with Project.create(tmp_path / "p.annotator") as p:
        p.add_documents([NewDocument("existing", "نص موجود")])
        p.add_annotation(1, "sara", "PER", 0, 2)
        before = (p.documents(), p.annotations(), p.schema())
        result = import_paths(p, [path], options=ImportOptions(annotator="x"))
        assert len(result.errors) == 1, case
        assert str(path) in str(result.errors[0]) and message in str(result.errors[0])
        assert (p.documents(), p.annotations(), p.schema()) == before


def test_a_single_one_megabyte_line_imports(tmp_path: Path) -> None:
    text = (ARABIC + " ") * (1_000_000 // len(ARABIC))
    path = tmp_path / "long.jsonl"
    path.write_text(
        json.dumps({"name": "long", "text": text}, ensure_ascii=False), encoding="utf-8"
    )
    with Project.create(tmp_path / "p.annotator") as p:
        assert not import_paths(p, [path]).errors
        assert p.document("long").text == text


def test_a_100_megabyte_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(100 * 1024 * 1024)  # sparse: costs no disk
    with Project.create(tmp_path / "p.annotator") as p:
        result = import_paths(p, [path])
        assert "is 105 MB; an article can be at most 40 MB" in str(result.errors[0])
        assert p.document_count() == 0


def test_a_document_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "book.jsonl"
    path.write_text(
        json.dumps({"name": "book", "text": "ا" * (MAX_DOCUMENT_CHARS + 1)}), encoding="utf-8"
    )
    with Project.create(tmp_path / "p.annotator") as p:
        result = import_paths(p, [path])
        assert "line 1: document 'book' has 10,000,001 characters" in str(result.errors[0])
