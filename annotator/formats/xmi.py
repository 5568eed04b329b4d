"""UIMA CAS XMI, INCEpTION's own format: read through dkpro-cassis, written by
``xmi_writer`` (the same bytes cassis writes, in linear time).

UIMA counts offsets in UTF-16 units; cassis and the writer convert them to and from code
points. The export writes a folder of ``NAME.xmi`` files and the ``TypeSystem.xml`` they
use: DKPro Core's Token, Sentence and NamedEntity (its ``value`` is the label), and
``webanno.custom.Relation`` (Governor, Dependent, label) for relations. Spans keep their
exact offsets: XMI is not bound to tokens.

The import reads a ``TypeSystem.xml`` beside the file when there is one (INCEpTION puts
it in its exports), else the types above. NamedEntity and INCEpTION's custom span layers
(``webanno.custom.*``) become spans: the label is the ``value`` or ``label`` feature
(else the type's name) and other features become attributes. Types with a Governor and
a Dependent become relations. Everything else (and types missing from the type system)
is reported, not kept.
"""

from __future__ import annotations

import io
import warnings
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import cassis

from annotator.core.errors import UserError
from annotator.core.inputs import MAX_LIST_BYTES, read_input
from annotator.core.model import Annotation, NewDocument, Relation
from annotator.core.output import OutputFolder, open_output
from annotator.core.tokens import sentences, tokenize
from annotator.formats.base import ExportedDocument, ExportOptions, ExportReport, ImportOptions
from annotator.formats.common import (
    Losses,
    SourceText,
    annotator_for,
    count,
    failing,
    make_annotation,
)
from annotator.formats.xmi_writer import (
    METADATA,
    NAMED_ENTITY,
    RELATION,
    SENTENCE,
    TOKEN,
    Entity,
    Link,
    NotXmlError,
    write_xmi,
)

CUSTOM = "webanno.custom."
TYPESYSTEM_FILE = "TypeSystem.xml"
_STRUCTURE = {TOKEN, SENTENCE, METADATA, "uima.tcas.DocumentAnnotation"}
_LABEL_FEATURES = ("value", "label")
_STRING = "uima.cas.String"


def typesystem() -> cassis.TypeSystem:
    """The types this tool reads and writes when no TypeSystem.xml is given."""
    ts = cassis.TypeSystem()
    meta = ts.create_type(METADATA, "uima.tcas.DocumentAnnotation")
    for feature in (
        "documentTitle",
        "documentId",
        "documentUri",
        "documentBaseUri",
        "collectionId",
    ):
        ts.create_feature(meta, feature, _STRING)
    ts.create_feature(meta, "isLastSegment", "uima.cas.Boolean")
    ts.create_type(TOKEN)
    ts.create_type(SENTENCE)
    entity = ts.create_type(NAMED_ENTITY)
    ts.create_feature(entity, "value", _STRING)
    ts.create_feature(entity, "identifier", _STRING)
    relation = ts.create_type(RELATION)
    ts.create_feature(relation, "Governor", NAMED_ENTITY)
    ts.create_feature(relation, "Dependent", NAMED_ENTITY)
    ts.create_feature(relation, "label", _STRING)
    return ts


def read(path: Path, name: str, options: ImportOptions) -> list[NewDocument]:
    ts_path = next(
        (p for p in (path.parent / TYPESYSTEM_FILE, path.parent / "typesystem.xml") if p.exists()),
        None,
    )
    try:
        ts = _load_typesystem(ts_path, ts_path.stat().st_mtime_ns) if ts_path else typesystem()
        # Lenient: a type the type system lacks is skipped with a warning, which we report.
        data = read_input(path)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            cas = cassis.load_cas_from_xmi(io.BytesIO(data), typesystem=ts, lenient=True)
    except UserError:
        raise
    except Exception as exc:  # cassis and lxml raise many kinds for a bad file
        raise UserError(
            f"is not a UIMA CAS XMI file this type system reads ({exc})", path
        ) from None
    notes = sorted({f"{w.message}; its annotations were not kept" for w in caught})
    raw = cas.sofa_string or ""
    if not raw.strip():
        raise UserError("has no text (an empty sofaString)", path)
    source = SourceText(raw)
    fail = failing(path)
    annotations: list[Annotation] = []
    by_fs: dict[int, str] = {}
    links: list[Any] = []
    unkept: Counter[str] = Counter()
    annotator = ""
    for fs in cas.select_all_annotations():
        type_name = fs.type.name
        features = {f.name for f in fs.type.all_features}
        if {"Governor", "Dependent"} <= features:
            links.append(fs)
        elif (type_name == NAMED_ENTITY or type_name.startswith(CUSTOM)) and fs.begin == fs.end:
            unkept[f"zero-width {type_name.rsplit('.', 1)[-1]}"] += 1
        elif type_name == NAMED_ENTITY or type_name.startswith(CUSTOM):
            annotator = annotator or annotator_for(None, options, fail)
            label, attributes = _label_and_attributes(fs)
            a = make_annotation(
                source,
                fs.begin,
                fs.end,
                label,
                annotator,
                fail,
                ident=f"x{fs.xmiID}",
                attributes=attributes,
            )
            by_fs[fs.xmiID] = a.id
            annotations.append(a)
        elif type_name not in _STRUCTURE:
            unkept[type_name.rsplit(".", 1)[-1]] += 1
    relations = []
    for fs in links:
        ends = [by_fs.get(getattr(fs.get(f), "xmiID", -1)) for f in ("Governor", "Dependent")]
        if ends[0] is None or ends[1] is None:
            unkept[f"{fs.type.name.rsplit('.', 1)[-1]} (not between two spans)"] += 1
            continue
        label, _ = _label_and_attributes(fs)
        relations.append(Relation(f"xr{fs.xmiID}", ends[0], ends[1], label))
    notes += [
        f"{n} {kind} annotations not kept (no counterpart here)"
        for kind, n in sorted(unkept.items())
    ]
    meta: dict[str, Any] = {"import_warnings": notes} if notes else {}
    return [NewDocument(name, source.text, str(path), meta, tuple(annotations), tuple(relations))]


@lru_cache(maxsize=4)
def _load_typesystem(path: Path, mtime: int) -> cassis.TypeSystem:
    """A folder's TypeSystem.xml, read once for all its files (``mtime`` keys a change)."""
    return cassis.load_typesystem(io.BytesIO(read_input(path, MAX_LIST_BYTES)))


def _label_and_attributes(fs: Any) -> tuple[str, dict[str, Any]]:
    values = {
        f.name: fs.get(f.name)
        for f in fs.type.all_features
        if f.name not in ("sofa", "begin", "end", "Governor", "Dependent")
        and isinstance(fs.get(f.name), str | int | float | bool)
    }
    key = next((k for k in _LABEL_FEATURES if values.get(k)), None)
    label = str(values.pop(key)) if key else fs.type.name.rsplit(".", 1)[-1]
    return label, values


def write(docs: Iterator[ExportedDocument], output: Path, options: ExportOptions) -> ExportReport:
    folder = OutputFolder(output, reserved=[TYPESYSTEM_FILE])
    report = ExportReport()
    losses = Losses(report)
    for doc in docs:
        name, text = doc.document.name, doc.document.text
        tokens = tokenize(text)
        index = {a.id: k for k, a in enumerate(doc.annotations)}
        try:
            with open_output(folder.file(name, ".xmi")) as out:
                write_xmi(
                    out,
                    name,
                    text,
                    [(t.start, t.end) for t in tokens],
                    sentences(text, tokens),
                    [Entity(a.start, a.end, a.label) for a in doc.annotations],
                    [Link(index[r.from_id], index[r.to_id], r.type) for r in doc.relations],
                )
        except NotXmlError:  # from before the rule on what a document may hold
            raise UserError(
                f"document {name!r} holds characters XML cannot hold "
                "(run `annotator check` to find them); the export stopped there",
                output,
            ) from None
        for a in doc.annotations:
            if a.attributes:
                losses.add(
                    "XMI export carries the label only; attributes not written",
                    f"{name!r}: {a.label}",
                )
        count(report, doc)
        losses.multiple_annotators(doc, "XMI")
    with open_output(output / TYPESYSTEM_FILE) as out:
        out.write(typesystem().to_xml())
    report.warnings += folder.warnings
    losses.finish()
    return report
