"""brat standoff: a folder of ``NAME.txt`` (the text) and ``NAME.ann`` (the annotations).

    T1<TAB>Organization 418 426<TAB>Citibank          a span; "0 5;16 23" is discontinuous
    R1<TAB>Origin Arg1:T6 Arg2:T7                      a relation from Arg1 to Arg2
    A1<TAB>Negation T1 / A2<TAB>Confidence T1 High     a binary / valued attribute
    #1<TAB>AnnotatorNotes T1<TAB>free text             a note

Offsets are code points, end-exclusive. brat means to count them after CRLF became LF
and keeps a BOM as a character, but files from other writers differ, so the reading
that agrees with every T line's text is taken. brat cannot hold a newline in a span:
the export splits such a span into one fragment per line, as brat itself does, and the
import keeps a discontinuous span as one span covering its fragments, with a warning.
Events (E), equivalences (*) and normalisations (N) have no counterpart here and are
reported, not kept. A note becomes the attribute ``AnnotatorNotes``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

from annotator.core.content import split_lines
from annotator.core.errors import UserError
from annotator.core.inputs import parse_count, read_input
from annotator.core.model import Annotation, NewDocument, Relation
from annotator.core.output import OutputFolder, open_output
from annotator.formats.base import ExportedDocument, ExportOptions, ExportReport, ImportOptions
from annotator.formats.common import (
    Losses,
    SourceText,
    annotator_for,
    count,
    failing,
    make_annotation,
    spaceless,
)
from annotator.formats.text import decode

CONF = "annotation.conf"
NOTE = "AnnotatorNotes"
# Offsets are checked by parse_count: \d here takes any script's digits, which it refuses.
_T_LINE = re.compile(r"(\S+) (\d+ \d+(?:;\d+ \d+)*)$")
# brat's own grammar: a type or attribute name, or an attribute value, has no spaces.
_NAME = re.compile(r"\S+")


def read(path: Path, name: str, options: ImportOptions) -> list[NewDocument]:
    txt, ann = path.with_suffix(".txt"), path.with_suffix(".ann")
    if not txt.exists():
        raise UserError(f"has no text file {txt.name} beside it", ann)
    text, encoding = decode(read_input(txt), txt)
    ann_bytes = read_input(ann) if ann.exists() else b""
    lines = split_lines(decode(ann_bytes, ann)[0]) if ann_bytes.strip() else []
    entries = _parse(lines, ann)
    source = _source(text, encoding, entries, ann)
    annotator = annotator_for(None, options, failing(ann)) if entries.spans else ""
    warnings: list[str] = []
    annotations: dict[str, Annotation] = {}
    for ident, (line, label, fragments, _) in entries.spans.items():
        if len(fragments) > 1:
            warnings.append(
                f"{ident}: a discontinuous span ({';'.join(f'{s} {e}' for s, e in fragments)}) "
                "was kept as one span covering its fragments"
            )
        # _source() has checked every T line's text against these offsets.
        annotations[ident] = make_annotation(
            source,
            fragments[0][0],
            fragments[-1][1],
            label,
            annotator,
            failing(ann, line),
            ident=ident,
        )
    relations = []
    for ident, (rtype, arg1, arg2) in entries.relations.items():
        missing = next((a for a in (arg1, arg2) if a not in entries.ids), None)
        if missing is not None:
            raise UserError(
                f"{ident}: relation {rtype} refers to a missing annotation {missing!r}",
                ann,
                entries.ids[ident],
            )
        if arg1 not in annotations or arg2 not in annotations:
            warnings.append(
                f"{ident}: relation {rtype} not kept (it links an event or a "
                "relation, which have no counterpart here)"
            )
            continue
        relations.append(Relation(ident, arg1, arg2, rtype))
    for target, attrs in entries.attributes.items():
        if target in annotations:
            a = annotations[target]
            annotations[target] = Annotation(
                a.id, 0, a.annotator, a.label, a.start, a.end, a.text, {**a.attributes, **attrs}
            )
        else:
            warnings.append(f"attributes of {target} not kept: {', '.join(attrs)}")
    warnings += [f"{n} {kind} not kept (no counterpart here)" for kind, n in entries.unkept.items()]
    meta: dict[str, Any] = {"encoding": encoding}
    if warnings:
        meta["import_warnings"] = warnings
    return [
        NewDocument(
            name, source.text, str(txt), meta, tuple(annotations.values()), tuple(relations)
        )
    ]


class _Entries:
    def __init__(self) -> None:
        # T: id -> (line, label, fragments, text)
        self.spans: dict[str, tuple[int, str, list[tuple[int, int]], str]] = {}
        self.relations: dict[str, tuple[str, str, str]] = {}  # R: id -> (type, arg1, arg2)
        self.attributes: dict[str, dict[str, Any]] = {}
        self.unkept: Counter[str] = Counter()
        self.ids: dict[str, int] = {}  # every line's id -> its line


def _parse(lines: list[str], path: Path) -> _Entries:
    out = _Entries()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        fail = failing(path, number)
        ident, _, rest = line.partition("\t")
        fields = rest.split("\t")
        kind = ident[:1]
        if ident in out.ids:
            raise fail(f"the id {ident} is given twice (first on line {out.ids[ident]})")
        out.ids[ident] = number
        if kind == "T":
            m = _T_LINE.match(fields[0])
            if not m or len(fields) < 2:
                raise fail("a T line must read ID<TAB>TYPE START END<TAB>TEXT")
            fragments = [
                (parse_count(s, fail, "offset"), parse_count(e, fail, "offset"))
                for s, e in (f.split() for f in m.group(2).split(";"))
            ]
            if any(s >= e for s, e in fragments) or any(
                a[1] > b[0] for a, b in pairwise(fragments)
            ):
                raise fail(f"{ident}: fragments must be ordered, non-empty and apart")
            out.spans[ident] = (number, m.group(1), fragments, "\t".join(fields[1:]))
        elif kind == "R":
            parts = fields[0].split()
            args = dict(p.split(":", 1) for p in parts[1:] if ":" in p)
            if len(parts) != 3 or set(args) != {"Arg1", "Arg2"}:
                raise fail(f"{ident}: a relation must read TYPE Arg1:ID Arg2:ID")
            out.relations[ident] = (parts[0], args["Arg1"], args["Arg2"])
        elif kind in "AM":
            parts = fields[0].split()
            if len(parts) not in (2, 3):
                raise fail(f"{ident}: an attribute must read NAME ID [VALUE]")
            out.attributes.setdefault(parts[1], {})[parts[0]] = (
                parts[2] if len(parts) == 3 else True
            )
        elif kind == "#":
            parts = fields[0].split()
            if len(parts) != 2:
                raise fail(f"{ident}: a note must read TYPE ID<TAB>TEXT")
            out.attributes.setdefault(parts[1], {})[parts[0]] = "\t".join(fields[1:])
        else:
            out.unkept[
                {"E": "events", "*": "equivalences", "N": "normalisations"}.get(
                    kind, f"{kind} lines"
                )
            ] += 1
    return out


def _source(text: str, encoding: str, entries: _Entries, path: Path) -> SourceText:
    """The reading of the text whose offsets agree with every T line's text."""
    bom = "\ufeff" if encoding == "utf-8-sig" else ""
    readings = dict.fromkeys(
        [
            bom + text.replace("\r\n", "\n"),
            text.replace("\r\n", "\n"),
            bom + text,
            text,
        ]
    )
    for raw in readings:
        if all(
            " ".join(raw[s:e] for s, e in frags) == expected
            for _, _, frags, expected in entries.spans.values()
        ):
            return SourceText(raw)
    ident, (line, _, frags, expected) = next(
        (k, v) for k, v in entries.spans.items() if " ".join(text[s:e] for s, e in v[2]) != v[3]
    )
    raise UserError(
        f"{ident}: the text at {frags[0][0]}-{frags[-1][1]} is "
        f"{' '.join(text[s:e] for s, e in frags)!r}, not {expected!r}",
        path,
        line,
    )


def write(docs: Iterator[ExportedDocument], output: Path, options: ExportOptions) -> ExportReport:
    folder = OutputFolder(output, reserved=[CONF])
    report = ExportReport()
    losses = Losses(report)
    # What annotation.conf must declare: "labels", "relations" and each attribute's values.
    types: dict[str, set[str]] = {}
    attributes: dict[str, set[str]] = {}
    for doc in docs:
        txt, ann = folder.files(doc.document.name, (".txt", ".ann"))
        with open_output(txt) as out:
            out.write(doc.document.text)
        with open_output(ann) as out:
            out.write("".join(_ann_lines(doc, losses, types, attributes)))
        count(report, doc)
        losses.multiple_annotators(doc, "brat")
    with open_output(output / CONF) as out:
        out.write(_conf(types.get("labels", set()), types.get("relations", set()), attributes))
    report.warnings += folder.warnings
    losses.finish()
    return report


def _ann_lines(
    doc: ExportedDocument,
    losses: Losses,
    types: dict[str, set[str]],
    attributes: dict[str, set[str]],
) -> Iterator[str]:
    text = doc.document.text
    ids: dict[str, str] = {}
    n_attr = n_note = 0
    for k, a in enumerate(doc.annotations, 1):
        ids[a.id] = tid = f"T{k}"
        fragments = _fragments(text, a.start, a.end)
        where = ";".join(f"{s} {e}" for s, e in fragments)
        label = spaceless(a.label, losses, "brat")
        types.setdefault("labels", set()).add(label)
        yield f"{tid}\t{label} {where}\t{' '.join(text[s:e] for s, e in fragments)}\n"
        for name, value in a.attributes.items():
            if name == NOTE and isinstance(value, str):
                n_note += 1
                yield f"#{n_note}\t{NOTE} {tid}\t{value.replace(chr(10), ' ')}\n"
            elif _NAME.fullmatch(name) and (
                value is True or (isinstance(value, str) and _NAME.fullmatch(value))
            ):
                n_attr += 1
                yield f"A{n_attr}\t{name} {tid}" + ("" if value is True else f" {value}") + "\n"
                attributes.setdefault(name, set()).add("" if value is True else str(value))
            elif value is not False:
                losses.add(
                    "attributes brat cannot hold (a name or value with spaces, or not "
                    "text) were left out",
                    f"{doc.document.name!r}: {name}={value!r}",
                )
    for k, r in enumerate(doc.relations, 1):
        rtype = spaceless(r.type, losses, "brat")
        types.setdefault("relations", set()).add(rtype)
        yield f"R{k}\t{rtype} Arg1:{ids[r.from_id]} Arg2:{ids[r.to_id]}\n"


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut at newlines (brat has no way to hold one), blank pieces left out."""
    if "\n" not in text[start:end]:
        return [(start, end)]
    out = []
    s = start
    for piece in text[start:end].split("\n"):
        e = s + len(piece)
        if piece.strip():
            out.append((s, e))
        s = e + 1
    return out


def _conf(labels: set[str], relation_types: set[str], attributes: dict[str, set[str]]) -> str:
    """An annotation.conf so that brat shows the exported types without complaint."""
    lines = ["[entities]", *sorted(labels), "", "[relations]"]
    lines += [f"{t}\tArg1:<ENTITY>, Arg2:<ENTITY>" for t in sorted(relation_types)]
    lines += ["", "[events]", "", "[attributes]"]
    for name, values in sorted(attributes.items()):
        valued = sorted(v for v in values if v)
        lines.append(f"{name}\tArg:<ENTITY>" + (f", Value:{'|'.join(valued)}" if valued else ""))
    return "\n".join(lines) + "\n"
