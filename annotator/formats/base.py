"""What every format module shares: options in, documents out, and a report of losses.

A format module ``annotator/formats/<name>.py`` offers ``read(path, name, options)``
returning ``list[NewDocument]`` and/or ``write(docs, output, options)`` returning an
``ExportReport``; ``registry.py`` names them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import Annotation, Document, Relation, Status
from annotator.core.schema import Schema


@dataclass(frozen=True)
class ImportOptions:
    annotator: str | None = None  # for annotations that name none
    add_labels: bool = False  # add unknown labels to the schema instead of refusing
    text_column: str = "text"  # csv
    name_column: str = "name"  # csv
    label_column: str | None = None  # doccano: the spans' key when not label/labels/entities
    # doccano, Label Studio: what the file's offsets count (an OffsetUnit value); None
    # means the format's default (doccano UTF-16; Label Studio checked against value.text).
    offset_unit: str | None = None
    # Predictions: spans whose attributes["score"] is under this are left out (with the
    # relations that use them); spans with no score are kept.
    min_score: float | None = None


@dataclass(frozen=True)
class ExportSelection:
    """Empty tuples mean everything."""

    annotators: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExportOptions:
    selection: ExportSelection = ExportSelection()
    offset_unit: str | None = None  # doccano, Label Studio: as in ImportOptions
    # Token formats: a span whose edges fall inside a token is "expand"ed to whole
    # tokens or "drop"ped; either way it is reported.
    token_spans: str = "expand"
    # doccano: the project type the file is for ("sequence" or "relation"); None means
    # relation when any document has relations, else sequence.
    doccano_project: str | None = None
    # The project's schema, which export() fills in: the HTML pages colour labels with it.
    schema: Schema | None = None


@dataclass(frozen=True)
class ExportedDocument:
    document: Document
    annotations: list[Annotation]
    relations: list[Relation]
    statuses: dict[str, Status] = field(default_factory=dict)


@dataclass
class ExportReport:
    documents: int = 0
    annotations: int = 0
    relations: int = 0
    # What the format could not carry as it was: (document, what happened), never silent.
    warnings: list[str] = field(default_factory=list)
