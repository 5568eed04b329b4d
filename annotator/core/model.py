"""Typed records of the data model. Offsets are code points, end-exclusive."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

# The window shows a 1 MB article instantly; ten times that is a book, not an article.
MAX_DOCUMENT_CHARS = 10_000_000
# The reserved annotator whose annotations are the adjudicated gold layer (storage/gold.py).
GOLD = "gold"
# Adjudication and review write under it, with each span's provenance. It is no name to
# give others' spans (import --annotator, merge --as refuse it); a file's own gold layer
# (a native export's) comes back as gold, where whoever imports may write gold.
GOLD_RESERVED = (
    f"the annotator name {GOLD!r} is reserved for the adjudicated layer "
    "(see `annotator adjudicate`); choose another name"
)


def is_machine(annotator: str) -> bool:
    """Suggestions and imported predictions are filed under names such as
    ``suggest:gazetteer`` or ``model:crf``: they are not a person's work."""
    return ":" in annotator


def personal_layer(layer: str, person: str) -> str:
    """A machine's layer as one person's own (``model:crf@alice``): on a server an
    annotator may write only under their own name, and under these (the database's rule,
    storage/postgres/ddl.py ``is_my_name``). A person's name, and a layer that already
    names its person, are kept as they are."""
    if not is_machine(layer) or "@" in layer:
        return layer
    return f"{layer}@{person}"


def layer_owner(annotator: str) -> str:
    """Whose a layer is: the person a personal layer names, else the name itself."""
    machine, at, person = annotator.partition("@")
    return person if at and is_machine(machine) else annotator


class LabelKind(StrEnum):
    ENTITY = "entity"
    CLAIM = "claim"
    QUOTE = "quote"


class Status(StrEnum):
    """An annotator's progress on one document."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


@dataclass(frozen=True)
class AttributeSpec:
    """An attribute a label accepts; ``values`` empty means free text, else a choice."""

    name: str
    values: tuple[str, ...] = ()
    default: str | None = None
    description: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name}
        if self.values:
            out["values"] = list(self.values)
        if self.default is not None:
            out["default"] = self.default
        if self.description:
            out["description"] = self.description
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AttributeSpec:
        return cls(
            name=str(data["name"]),
            values=tuple(str(v) for v in data.get("values", ())),
            default=data.get("default"),
            description=str(data.get("description", "")),
        )


@dataclass(frozen=True)
class Label:
    name: str
    kind: LabelKind
    color: str
    shortcut: str = ""
    description: str = ""
    attributes: tuple[AttributeSpec, ...] = ()

    def attribute(self, name: str) -> AttributeSpec | None:
        return next((a for a in self.attributes if a.name == name), None)


@dataclass(frozen=True)
class RelationType:
    """A relation from a span of one of ``from_kinds`` to one of ``to_kinds``."""

    name: str
    from_kinds: tuple[LabelKind, ...]
    to_kinds: tuple[LabelKind, ...]
    description: str = ""


@dataclass(frozen=True)
class Document:
    id: int
    name: str
    text: str
    sha256: str
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Annotation:
    id: str
    document_id: int
    annotator: str
    label: str
    start: int
    end: int
    text: str
    attributes: dict[str, Any] = field(default_factory=dict)
    created: str = ""
    modified: str = ""


@dataclass(frozen=True)
class Relation:
    id: str
    from_id: str
    to_id: str
    type: str


_ANNOTATION_FIELDS = tuple(f.name for f in fields(Annotation))


@dataclass(frozen=True)
class DocumentInfo:
    """A document without its text: what lists and counts need."""

    id: int
    name: str
    length: int
    sha256: str
    source: str


@dataclass(frozen=True)
class NewDocument:
    """A document about to be added, with annotations whose offsets are already checked."""

    name: str
    text: str
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    annotations: tuple[Annotation, ...] = ()
    relations: tuple[Relation, ...] = ()
    status: dict[str, Status] = field(default_factory=dict)
    line: int | None = None  # where it starts in the file it came from, for messages


@dataclass
class AddReport:
    added: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (new name, existing name)
    annotations: int = 0
    relations: int = 0
    skipped_annotations: int = 0  # already present, identical


def annotation_from_values(values: tuple[Any, ...]) -> Annotation:
    """An Annotation from its field values in order, for hot paths (imports and exports
    build hundreds of thousands): the frozen dataclass's __init__ sets each field through
    object.__setattr__, and skipping it is 3x faster. The caller has checked the values."""
    ann = object.__new__(Annotation)
    ann.__dict__.update(zip(_ANNOTATION_FIELDS, values, strict=True))
    return ann


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
