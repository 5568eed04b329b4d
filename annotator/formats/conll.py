"""CoNLL: one token per line, its tags after it, a blank line between sentences and
``-DOCSTART-`` between documents.

    جريدة	B-ORG
    فلسطين	I-ORG	B-GPE

Reading is tolerant, as real Arabic files need: TAB or space separated; blank lines
that hold a TAB (NewsFANE); a BOM and CRLF; IOB1, IOB2, BIOES or BILOU. When every
column after the token is a tag, each is a layer of nested spans (Wojood); otherwise
(CoNLL-2003's POS and chunk columns, Label Studio's ``-X- _``) the last column holds the
entity tags and the others are reported as not kept. The text is rebuilt from the
tokens, a space between tokens and a line per sentence. Bidi marks glued to a token
(NewsFANE puts an LRM before every Arabic word) stay in the text but out of the spans.

Writing uses the Arabic-aware tokenizer and IOB2 with TAB separators, one tag column
per layer of nesting. CoNLL has no character offsets, no annotators, no attributes and
no relations; what it cannot hold is reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.core.content import split_lines
from annotator.core.errors import UserError
from annotator.core.inputs import read_input
from annotator.core.model import Annotation, NewDocument
from annotator.core.offsets import trim
from annotator.core.output import open_output
from annotator.formats.base import ExportedDocument, ExportOptions, ExportReport, ImportOptions
from annotator.formats.common import Losses, annotator_for, count, failing, spaceless
from annotator.formats.text import decode
from annotator.formats.tokens_io import TAG, decode_tags, token_document

DOCSTART = "-DOCSTART-"

Row = tuple[int, list[str]]  # (line number, fields: the token, then its columns)


def read(path: Path, name: str, options: ImportOptions) -> list[NewDocument]:
    content, encoding = decode(read_input(path), path)
    documents = _documents(split_lines(content))
    extra = {f for d in documents for s in d for _, fields in s for f in fields[1:]}
    nested = all(TAG.fullmatch(f) or f == "_" for f in extra)
    warnings = (
        []
        if nested
        else [
            "only the last column was read as entity tags; the columns between the token and "
            "it (such as POS and chunk tags) were not kept"
        ]
    )
    out = []
    for k, sents in enumerate(documents, 1):
        if not any(sents):
            continue
        meta: dict[str, object] = {"encoding": encoding}
        if warnings:
            meta["import_warnings"] = warnings
        doc_name = name if len(documents) == 1 else f"{name} {k}"
        text, annotations = _document(sents, nested, path, options)
        out.append(NewDocument(doc_name, text, str(path), meta, tuple(annotations)))
    if not out:
        raise UserError("holds no tokens", path)
    return out


# Shared corpora come as .txt (Wojood's test.txt, NewsFANE's), and read as prose their
# tags became words of the text; so a .txt file whose beginning is CoNLL throughout is
# read as CoNLL (importer.py). Prose ends its lines with words, not tags.
SNIFF_BYTES = 64 * 1024
SNIFF_MIN_ROWS = 3


def looks_like(path: Path) -> bool:
    """Whether the file's beginning reads as CoNLL: at least SNIFF_MIN_ROWS rows, every
    line but blank ones and -DOCSTART- a token and its tags (the last field a tag), some
    tag not O. A file that is no regular file or cannot be read is not looked into: the
    reader it goes to says what is wrong with it."""
    try:
        if not path.is_file():
            return False
        with path.open("rb") as f:
            head = f.read(SNIFF_BYTES)
    except OSError:
        return False
    encoding = "utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    lines = head.decode(encoding, errors="ignore").splitlines()
    if len(head) == SNIFF_BYTES:
        lines.pop()  # perhaps cut short
    rows = [r for r in map(_fields, lines) if r and r[0] != DOCSTART]
    return (
        len(rows) >= SNIFF_MIN_ROWS
        and all(len(r) > 1 and TAG.fullmatch(r[-1]) for r in rows)
        and any(r[-1] != "O" for r in rows)
    )


def _fields(line: str) -> list[str]:
    return [f for f in line.split("\t") if f] if "\t" in line else line.split()


def _documents(lines: list[str]) -> list[list[list[Row]]]:
    """Documents, each a list of sentences, each a list of rows."""
    docs: list[list[list[Row]]] = [[[]]]
    for number, line in enumerate(lines, 1):
        fields = _fields(line)
        if not fields:
            if docs[-1][-1]:
                docs[-1].append([])
        elif fields[0] == DOCSTART:
            docs.append([[]])
        else:
            docs[-1][-1].append((number, fields))
    for d in docs:
        if not d[-1]:
            d.pop()
    return [d for d in docs if d] or [[]]


def _document(
    sents: list[list[Row]], nested: bool, path: Path, options: ImportOptions
) -> tuple[str, list[Annotation]]:
    pieces: list[str] = []
    offsets: list[tuple[int, int]] = []
    columns: list[list[list[str]]] = []  # per sentence, per token: its tags
    pos = 0
    for s, sent in enumerate(sents):
        if s:
            pieces.append("\n")
            pos += 1
        tags_of_sentence = []
        for t, (_, fields) in enumerate(sent):
            if t:
                pieces.append(" ")
                pos += 1
            pieces.append(fields[0])
            offsets.append((pos, pos + len(fields[0])))
            pos += len(fields[0])
            tags_of_sentence.append(
                fields[1:] if nested else fields[-1:] if len(fields) > 1 else []
            )
        columns.append(tags_of_sentence)
    text = "".join(pieces)
    annotations: list[Annotation] = []
    annotator = ""
    first_token = 0
    for sent, tags in zip(sents, columns, strict=True):
        for layer in range(max((len(t) for t in tags), default=0)):
            column = [t[layer] if layer < len(t) else "O" for t in tags]
            for first, end, label in decode_tags(column):
                annotator = annotator or annotator_for(None, options, failing(path, sent[first][0]))
                start, stop = trim(
                    text, offsets[first_token + first][0], offsets[first_token + end - 1][1]
                )
                if start < stop:
                    annotations.append(
                        Annotation(
                            f"t{len(annotations) + 1}",
                            0,
                            annotator,
                            label,
                            start,
                            stop,
                            text[start:stop],
                        )
                    )
        first_token += len(sent)
    return text, annotations


def write(docs: Iterator[ExportedDocument], output: Path, options: ExportOptions) -> ExportReport:
    report = ExportReport()
    losses = Losses(report)
    with open_output(output) as out:
        for doc in docs:
            td = token_document(
                doc, options.token_spans, report, losses, flat=False, format_title="CoNLL"
            )
            safe = {a.label: spaceless(a.label, losses, "CoNLL") for a in doc.annotations}
            tags = [
                [t if t == "O" else t[:2] + safe[t[2:]] for t in td.tags(layer)]
                for layer in range(max(1, len(td.layers)))
            ]
            out.write(f"{DOCSTART}\t" + "\t".join("O" for _ in tags) + "\n\n")
            for first, end in td.sentences:
                out.writelines(
                    td.tokens[i].text + "\t" + "\t".join(col[i] for col in tags) + "\n"
                    for i in range(first, end)
                )
                out.write("\n")
            count(report, doc, relations=False, annotations=td.written)
            losses.labels_only(doc, "CoNLL")
    losses.finish()
    return report
