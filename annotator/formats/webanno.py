"""WebAnno TSV 3.3, as INCEpTION reads and writes it: a file per document.

    #FORMAT=WebAnno TSV 3.3
    #T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value
    #T_RL=webanno.custom.Relation|label|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity


    #Text=قال الرئيس 😊 .
    1-1	0-3	قال	_	_	_
    1-2	4-10	الرئيس	PER	_	_
    1-3	11-13	😊	*	_	_

Offsets count UTF-16 units (the emoji is 2) into the whole document. A span is written
on the tokens of ``annotator.core.tokens`` (reported when widened or left out), with a
``[n]`` id when it covers several tokens or is stacked with another; a relation sits on
its target's first token and names its source token in the last column.

Reading takes every span layer: the label is its ``value`` feature (else its first
feature, else the layer's name), other features become attributes. Sub-token rows
(``1-2.1``) give exact offsets. Relations between spans of a read layer are kept;
chains and relations over tokens are reported. The text is rebuilt from the ``#Text``
lines at their offsets; what lay between sentences is unknown to the format, and is
filled with a line break and spaces.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import UserError
from annotator.core.inputs import parse_count, read_input
from annotator.core.model import MAX_DOCUMENT_CHARS, Annotation, NewDocument, Relation
from annotator.core.offsets import Utf16Map, utf16_len
from annotator.core.output import OutputFolder, open_output
from annotator.formats.base import ExportedDocument, ExportOptions, ExportReport, ImportOptions
from annotator.formats.common import (
    Losses,
    SourceText,
    annotator_for,
    count,
    failing,
    make_annotation,
)
from annotator.formats.text import decode
from annotator.formats.tokens_io import TokenDocument, TokenSpan, token_document

FORMAT = "#FORMAT=WebAnno TSV 3.3"
NE_LAYER = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
RELATION_LAYER = "webanno.custom.Relation"
LABEL_FEATURE = "value"

_ESCAPED = re.compile(r"\\(.)")
_UNESCAPE = {"t": "\t", "n": "\n", "r": "\r"}
_VALUE_SPECIALS = re.compile(r"(->|[\\\[\]|_;*])")
# Numbers of 0-9 only, and short: \d takes any script's digits, and int() of 5,000 of
# them fails (see annotator.core.inputs).
_ITEM = re.compile(r"(.*?)(?:\[([0-9]{1,12})\])?", re.DOTALL)
_ROW = re.compile(r"(\d+)-(\d+)(?:\.(\d+))?$")  # parse_count refuses other scripts' digits
_N = "([0-9]{1,12})"
_SOURCE = re.compile(rf"{_N}-{_N}(?:\.{_N})?(?:\[{_N}_{_N}\])?")
_MAX_UNITS = 2 * MAX_DOCUMENT_CHARS  # UTF-16 units: at most two a character


def unescape(value: str) -> str:
    return _ESCAPED.sub(lambda m: _UNESCAPE.get(m.group(1), m.group(1)), value)


def escape_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r")


def escape_value(value: str) -> str:
    escaped = _VALUE_SPECIALS.sub(r"\\\1", value)
    return escaped.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _item(item: str) -> tuple[str, str | None]:
    """An item's value and its ``[n]`` id, if any."""
    m = _ITEM.fullmatch(item)
    return (m.group(1), m.group(2)) if m else (item, None)


def _split_items(cell: str) -> list[str]:
    """A cell's stacked items: split at ``|`` that is not escaped."""
    return re.split(r"(?<!\\)\|", cell)


# ----- reading ---------------------------------------------------------------------------


@dataclass
class _Layer:
    kind: str  # SP, CH or RL
    name: str
    features: list[str]
    base: str = ""  # RL: the layer its relations link
    first_column: int = 0

    @property
    def short(self) -> str:
        return self.name.rsplit(".", 1)[-1]

    @property
    def width(self) -> int:
        if self.kind == "SP":
            return max(1, len(self.features))
        return len(self.features) + 1 if self.kind == "RL" else 2


@dataclass
class _Row:
    line: int
    sentence: int
    token: int
    sub: int | None
    begin: int
    end: int
    form: str
    cells: list[str]


@dataclass
class _Parsed:
    layers: list[_Layer] = field(default_factory=list)
    sentences: list[tuple[str, list[_Row]]] = field(default_factory=list)


def read(path: Path, name: str, options: ImportOptions) -> list[NewDocument]:
    content, encoding = decode(read_input(path), path)
    parsed = _parse(content.split("\n"), path)
    raw = _rebuild_text(parsed, path)
    if not raw.strip():
        raise UserError("holds no sentences", path)
    source, u16 = SourceText(raw), Utf16Map(raw)
    annotator = ""
    warnings: list[str] = []
    annotations: list[Annotation] = []
    by_layer: dict[str, dict[tuple[int, int, int | None, int], Annotation]] = {}
    rows = [r for _, sent in parsed.sentences for r in sent]
    for layer in (la for la in parsed.layers if la.kind == "SP"):
        found = _layer_spans(layer, rows)
        if found and not annotator:
            annotator = annotator_for(None, options, failing(path))
        placed = by_layer.setdefault(layer.name, {})
        for (line, begin, end, label, attributes), keys in found:
            if begin == end:
                warnings.append(f"line {line}: a zero-width {layer.short} span at {begin} not kept")
                continue
            fail = failing(path, line)
            try:
                start, stop = u16.from_utf16(begin), u16.from_utf16(end)
            except ValueError as exc:
                raise fail(str(exc)) from None
            a = make_annotation(
                source,
                start,
                stop,
                label,
                annotator,
                fail,
                ident=f"w{len(annotations) + 1}",
                attributes=attributes,
            )
            annotations.append(a)
            for key in keys:
                placed.setdefault(key, a)
    relations, unkept = _relations(parsed, rows, by_layer, path)
    warnings += [f"{n} {what} not kept (no counterpart here)" for what, n in unkept.items()]
    meta: dict[str, Any] = {"encoding": encoding}
    if warnings:
        meta["import_warnings"] = warnings
    return [NewDocument(name, source.text, str(path), meta, tuple(annotations), tuple(relations))]


def _parse(lines: list[str], path: Path) -> _Parsed:
    if not lines or not lines[0].startswith("#FORMAT=WebAnno TSV 3"):
        raise UserError("is not WebAnno TSV 3 (no #FORMAT=WebAnno TSV 3.x first line)", path, 1)
    out = _Parsed()
    column = 3
    text_lines: list[str] = []
    for number, line in enumerate(lines[1:], 2):
        line = line.removesuffix("\r")
        kind = line[3:5] if line.startswith("#T_") else ""
        if kind in ("SP", "CH", "RL"):
            name, *features = line[6:].split("|")
            base = (
                features.pop()[3:]
                if kind == "RL" and features and features[-1].startswith("BT_")
                else ""
            )
            layer = _Layer(kind, name, features, base, column)
            column += layer.width
            out.layers.append(layer)
        elif line.startswith("#Text="):
            if not text_lines:
                out.sentences.append(("", []))
            text_lines.append(unescape(line[6:]))
            out.sentences[-1] = ("\n".join(text_lines), out.sentences[-1][1])
        elif line and not line.startswith("#"):
            fields = line.split("\t")
            m = _ROW.match(fields[0])
            if not m or len(fields) < 3 or not out.sentences:
                raise UserError(
                    "a token row must read SENT-TOK<TAB>BEGIN-END<TAB>FORM", path, number
                )
            fail = failing(path, number)
            begin, _, end = fields[1].partition("-")
            sentence, token, sub = (
                parse_count(n, fail, "token number") if n else None for n in m.groups()
            )
            assert sentence is not None and token is not None  # _ROW requires both
            out.sentences[-1][1].append(
                _Row(
                    number,
                    sentence,
                    token,
                    sub,
                    parse_count(begin, fail, "offset"),
                    parse_count(end, fail, "offset"),
                    unescape(fields[2]),
                    fields,
                )
            )
        elif not line:
            text_lines = []
    return out


def _rebuild_text(parsed: _Parsed, path: Path) -> str:
    """The document text: each sentence's text at its offset, line breaks between."""
    pieces: list[str] = []
    length = 0  # in UTF-16 units
    for text, rows in parsed.sentences:
        tokens = [r for r in rows if r.sub is None]
        if not tokens:
            continue
        first = tokens[0]
        at = text.find(first.form)
        if at < 0:
            raise UserError(
                f"token {first.form!r} is not in its sentence's #Text", path, first.line
            )
        start = first.begin - utf16_len(text[:at])
        gap = start - length
        if gap < 0:
            raise UserError("a sentence overlaps the one before it", path, first.line)
        if start > _MAX_UNITS:  # checked before the gap is filled: no 10 GB string
            raise UserError(
                f"offset {first.begin:,} is beyond the longest article annotator takes "
                f"({MAX_DOCUMENT_CHARS:,} characters)",
                path,
                first.line,
            )
        if gap:
            pieces.append("\n" + " " * (gap - 1))
        pieces.append(text)
        length = start + utf16_len(text)
    raw = "".join(pieces)
    u16 = Utf16Map(raw)
    for _, rows in parsed.sentences:
        for r in rows:
            try:
                form = raw[u16.from_utf16(r.begin) : u16.from_utf16(r.end)]
            except ValueError:
                form = None
            if form != r.form:
                raise UserError(
                    f"token {r.form!r} at {r.begin}-{r.end} does not match the text there "
                    f"({form!r}); offsets count UTF-16 units",
                    path,
                    r.line,
                )
    return raw


Found = tuple[tuple[int, int, int, str, dict[str, Any]], list[tuple[int, int, int | None, int]]]


def _layer_spans(layer: _Layer, rows: list[_Row]) -> list[Found]:
    """Each span of a layer: (line, begin, end, label, attributes) and the row keys
    (sentence, token, sub, stack id) it lies on, for relations to find it by."""
    label_at = layer.features.index(LABEL_FEATURE) if LABEL_FEATURE in layer.features else 0
    spans: dict[Any, dict[str, Any]] = {}
    for row in rows:
        columns = row.cells[layer.first_column : layer.first_column + layer.width]
        if not columns or all(c in ("_", "") for c in columns):
            continue
        items_per_column = [_split_items(c) for c in columns]
        for i in range(max(len(items) for items in items_per_column)):
            values, ident = [], None
            for items in items_per_column:
                value, item_id = _item(items[i] if i < len(items) else "_")
                values.append(value)
                ident = ident or item_id
            key = ("id", ident) if ident else ("row", row.line, i)
            entry = spans.setdefault(
                key,
                {
                    "line": row.line,
                    "begin": row.begin,
                    "end": row.end,
                    "values": values,
                    "keys": [],
                },
            )
            entry["begin"], entry["end"] = (
                min(entry["begin"], row.begin),
                max(entry["end"], row.end),
            )
            entry["keys"].append((row.sentence, row.token, row.sub, int(ident or 0)))
    out: list[Found] = []
    for entry in spans.values():
        values = [unescape(v) for v in entry["values"]]
        label = (
            values[label_at] if values and values[label_at] not in ("*", "_", "") else layer.short
        )
        attributes = {
            f: v
            for k, (f, v) in enumerate(zip(layer.features, values, strict=False))
            if k != label_at and v not in ("*", "_", "")
        }
        out.append(
            ((entry["line"], entry["begin"], entry["end"], label, attributes), entry["keys"])
        )
    return out


def _relations(
    parsed: _Parsed,
    rows: list[_Row],
    by_layer: dict[str, dict[tuple[int, int, int | None, int], Annotation]],
    path: Path,
) -> tuple[list[Relation], Counter[str]]:
    relations: list[Relation] = []
    unkept: Counter[str] = Counter()
    for layer in parsed.layers:
        if layer.kind == "CH":
            unkept[f"chain links of {layer.short}"] += sum(
                1
                for r in rows
                if r.cells[layer.first_column + 1 : layer.first_column + 2] not in (["_"], [])
            )
            continue
        if layer.kind != "RL":
            continue
        spans_of = by_layer.get(layer.base)
        label_at = layer.features.index("label") if "label" in layer.features else 0
        for row in rows:
            cells = row.cells[layer.first_column : layer.first_column + layer.width]
            if len(cells) < layer.width or cells[-1] in ("_", ""):
                continue
            labels = _split_items(cells[label_at]) if layer.features else ["*"] * 99
            for k, source_ref in enumerate(_split_items(cells[-1])):
                if spans_of is None:
                    unkept[f"relations of {layer.short} over {layer.base.rsplit('.', 1)[-1]}"] += 1
                    continue
                m = _SOURCE.fullmatch(source_ref)
                if not m:
                    raise UserError(f"bad relation source {source_ref!r}", path, row.line)
                src = _span_at(spans_of, int(m.group(1)), int(m.group(2)), m.group(3), m.group(4))
                tgt = _span_at(spans_of, row.sentence, row.token, row.sub, m.group(5))
                if src is None or tgt is None:
                    raise UserError(
                        f"relation {source_ref!r} does not link two spans", path, row.line
                    )
                rtype = unescape(_item(labels[k])[0]) if k < len(labels) else "*"
                rtype = layer.short if rtype in ("*", "_", "") else rtype
                relations.append(Relation(f"wr{len(relations) + 1}", src.id, tgt.id, rtype))
    return relations, unkept


def _span_at(
    spans: dict[tuple[int, int, int | None, int], Annotation],
    sentence: int,
    token: int,
    sub: str | int | None,
    ident: str | None,
) -> Annotation | None:
    sub_n = int(sub) if sub is not None else None
    wanted = int(ident) if ident and ident != "0" else None
    for (s, t, su, i), a in spans.items():
        if (s, t, su) == (sentence, token, sub_n) and (wanted is None or i == wanted):
            return a
    return None


# ----- writing ---------------------------------------------------------------------------


def write(docs: Iterator[ExportedDocument], output: Path, options: ExportOptions) -> ExportReport:
    folder = OutputFolder(output)
    report = ExportReport()
    losses = Losses(report)
    for doc in docs:
        td = token_document(
            doc, options.token_spans, report, losses, flat=False, format_title="WebAnno TSV"
        )
        with open_output(folder.file(doc.document.name, ".tsv")) as out:
            content, relations = _document(doc, td, losses)
            out.write(content)
        count(report, doc, relations=relations, annotations=td.written)
    report.warnings += folder.warnings
    losses.finish()
    return report


def _document(doc: ExportedDocument, td: TokenDocument, losses: Losses) -> tuple[str, int]:
    """The file's text, and how many relations it holds."""
    text = doc.document.text
    u16 = Utf16Map(text)
    spans: list[TokenSpan] = [s for layer in td.layers for s in layer]
    per_token: dict[int, list[TokenSpan]] = {}
    for s in spans:
        for i in range(s.first, s.end):
            per_token.setdefault(i, []).append(s)
    # An id for every span that covers several tokens or shares a token with another.
    ids: dict[str, int] = {}
    for s in sorted(spans, key=lambda s: (s.first, -s.end)):
        if s.end - s.first > 1 or any(len(per_token[i]) > 1 for i in range(s.first, s.end)):
            ids[s.annotation.id] = len(ids) + 1
    placed = {s.annotation.id: s for s in spans}
    sentence_of = {}
    for k, (first, end) in enumerate(td.sentences, 1):
        for i in range(first, end):
            sentence_of[i] = (k, i - first + 1)
    incoming: dict[int, list[tuple[str, str]]] = {}
    for r in doc.relations:
        src, tgt = placed.get(r.from_id), placed.get(r.to_id)
        if src is None or tgt is None:
            losses.add(
                "relations whose span was left out were left out too", repr(doc.document.name)
            )
            continue
        ref = "{}-{}".format(*sentence_of[src.first])
        if r.from_id in ids or r.to_id in ids:
            ref += f"[{ids.get(r.from_id, 0)}_{ids.get(r.to_id, 0)}]"
        incoming.setdefault(tgt.first, []).append((escape_value(r.type), ref))
    for a in doc.annotations:
        if a.attributes:
            losses.add(
                "WebAnno export carries the label only; attributes not written",
                f"{doc.document.name!r}: {a.label}",
            )
    header = [FORMAT, f"#T_SP={NE_LAYER}|{LABEL_FEATURE}"]
    if doc.relations:
        header.append(f"#T_RL={RELATION_LAYER}|label|BT_{NE_LAYER}")
    lines = [*header, "", ""]
    for k, (first, end) in enumerate(td.sentences, 1):
        sentence_text = text[td.tokens[first].start : td.tokens[end - 1].end]
        lines += ["#Text=" + escape_text(part) for part in sentence_text.split("\n")]
        for i in range(first, end):
            tok = td.tokens[i]
            cells = [
                "|".join(
                    escape_value(s.label)
                    + (f"[{ids[s.annotation.id]}]" if s.annotation.id in ids else "")
                    for s in per_token.get(i, [])
                )
                or "_"
            ]
            if doc.relations:
                rels = incoming.get(i, [])
                cells += ["|".join(t for t, _ in rels) or "_", "|".join(r for _, r in rels) or "_"]
            lines.append(
                f"{k}-{i - first + 1}\t{u16.to_utf16(tok.start)}-{u16.to_utf16(tok.end)}\t"
                f"{escape_value(tok.text)}\t" + "\t".join(cells) + "\t"
            )
        lines.append("")
    return "\n".join(lines) + "\n", sum(len(r) for r in incoming.values())
