"""The annotation schema (labels and relation types), its default and its JSON form."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.content import name_problem, value_problem
from annotator.core.errors import UserError
from annotator.core.inputs import MAX_LIST_BYTES, parse_json, read_input
from annotator.core.model import AttributeSpec, Label, LabelKind, RelationType
from annotator.core.output import write_text

# Okabe–Ito, the palette designed to stay distinguishable under the common forms of
# colour blindness; the claim/quote colours are the two most separated of it.
# A label the schema does not have, or a colour that cannot be parsed, is drawn in the
# palette's grey in every view.
UNKNOWN_COLOR = "#999999"

PALETTE = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#999999",
)

# Paul Tol's "muted" scheme, also made for colour-blind readers: the colours of labels
# added once every Okabe–Ito colour is taken (the news schema's eight labels take them).
MORE_COLORS = (
    "#CC6677",
    "#332288",
    "#DDCC77",
    "#117733",
    "#88CCEE",
    "#882255",
    "#44AA99",
    "#999933",
    "#AA4499",
)


def new_colors(used: Iterable[str], count: int) -> list[str]:
    """Colours for ``count`` new labels beside labels of the colours ``used``: first
    those of the two palettes that no label has, then the palettes over again."""
    taken = {c.upper() for c in used}
    every = PALETTE + MORE_COLORS
    order = [c for c in every if c not in taken] + [c for c in every if c in taken]
    return [order[i % len(order)] for i in range(count)]


@dataclass(frozen=True)
class Schema:
    labels: tuple[Label, ...]
    relation_types: tuple[RelationType, ...] = field(default=())

    def label(self, name: str) -> Label | None:
        return next((lb for lb in self.labels if lb.name == name), None)

    def relation_type(self, name: str) -> RelationType | None:
        return next((rt for rt in self.relation_types if rt.name == name), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "labels": [
                {
                    "name": lb.name,
                    "kind": lb.kind.value,
                    "color": lb.color,
                    "shortcut": lb.shortcut,
                    "description": lb.description,
                    "attributes": [a.to_json() for a in lb.attributes],
                }
                for lb in self.labels
            ],
            "relation_types": [
                {
                    "name": rt.name,
                    "from_kinds": [k.value for k in rt.from_kinds],
                    "to_kinds": [k.value for k in rt.to_kinds],
                    "description": rt.description,
                }
                for rt in self.relation_types
            ],
        }


def default_schema() -> Schema:
    """The schema for news used when a project is created without one."""
    entity = LabelKind.ENTITY
    labels = (
        Label(
            "CLAIM",
            LabelKind.CLAIM,
            "#D55E00",
            "1",
            "A checkable statement of fact",
            (
                AttributeSpec(
                    "checkworthy",
                    ("yes", "no", "unsure"),
                    None,
                    "Is the claim worth checking?",
                ),
            ),
        ),
        Label(
            "QUOTE",
            LabelKind.QUOTE,
            "#0072B2",
            "2",
            "Words attributed to a speaker",
            (AttributeSpec("type", ("direct", "indirect"), "direct", "Direct or reported speech"),),
        ),
        Label("PER", entity, "#E69F00", "3", "Person"),
        Label("ORG", entity, "#56B4E9", "4", "Organisation"),
        Label("LOC", entity, "#009E73", "5", "Place"),
        Label("EVENT", entity, "#CC79A7", "6", "Event"),
        Label("DATE", entity, "#F0E442", "7", "Date or time"),
        Label("MISC", entity, "#999999", "8", "Other named thing"),
    )
    relation_types = (
        RelationType("speaker", (LabelKind.QUOTE,), (entity,), "Who said the quote"),
        RelationType("source", (LabelKind.CLAIM,), (entity,), "Who made the claim"),
    )
    return Schema(labels, relation_types)


def schema_from_json(data: Any, path: str | Path | None = None) -> Schema:
    """Build a schema from its JSON form; every problem names the file and the label."""

    def fail(message: str) -> UserError:
        return UserError(message, path)

    if not isinstance(data, dict) or not isinstance(data.get("labels"), list):
        raise fail('a schema is a JSON object with a "labels" list')
    problem = value_problem(data, "the schema")
    if problem:
        raise fail(problem)
    labels: list[Label] = []
    for i, raw in enumerate(data["labels"], 1):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"]:
            raise fail(f"label {i} has no name")
        name = raw["name"]
        problem = name_problem(name, "label")
        if problem:
            raise fail(problem)
        try:
            kind = LabelKind(raw.get("kind", "entity"))
        except ValueError:
            raise fail(
                f"label {name!r}: kind must be entity, claim or quote, not {raw.get('kind')!r}"
            ) from None
        try:
            attributes = tuple(AttributeSpec.from_json(a) for a in raw.get("attributes", ()))
        except (KeyError, TypeError, AttributeError):
            raise fail(f"label {name!r}: each attribute needs a name") from None
        labels.append(
            Label(
                name=name,
                kind=kind,
                color=str(raw.get("color") or PALETTE[(i - 1) % len(PALETTE)]),
                shortcut=str(raw.get("shortcut", "")),
                description=str(raw.get("description", "")),
                attributes=attributes,
            )
        )
    names = [lb.name for lb in labels]
    if len(set(names)) != len(names):
        dup = next(n for n in names if names.count(n) > 1)
        raise fail(f"label {dup!r} is defined twice")
    relation_types: list[RelationType] = []
    raw_types = data.get("relation_types") or []
    if not isinstance(raw_types, list):
        raise fail('"relation_types" must be a list')
    for raw in raw_types:
        try:
            relation_types.append(
                RelationType(
                    name=str(raw["name"]),
                    from_kinds=tuple(LabelKind(k) for k in raw.get("from_kinds", ())),
                    to_kinds=tuple(LabelKind(k) for k in raw.get("to_kinds", ())),
                    description=str(raw.get("description", "")),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            raise fail(f"relation type {raw!r} is malformed") from None
        problem = name_problem(relation_types[-1].name, "relation type")
        if problem:
            raise fail(problem)
    return Schema(tuple(labels), tuple(relation_types))


def name_problem_of(schema: Schema) -> str | None:
    """The first label, attribute or relation type name that the content rule refuses
    (``annotator.core.content``), for schemas edited in the window as well as read."""
    named = [(lb.name, "label") for lb in schema.labels]
    named += [(a.name, "attribute name") for lb in schema.labels for a in lb.attributes]
    named += [(rt.name, "relation type") for rt in schema.relation_types]
    return next((p for p in (name_problem(n, what) for n, what in named) if p), None)


def load_schema(path: str | Path) -> Schema:
    try:
        content = read_input(Path(path), MAX_LIST_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"is not UTF-8 text (bad byte at offset {exc.start})", path) from None
    return schema_from_json(parse_json(content, Path(path)), path)


def save_schema(schema: Schema, path: str | Path) -> None:
    write_text(Path(path), json.dumps(schema.to_json(), ensure_ascii=False, indent=2) + "\n")
