"""The project's schema: its labels (and the ids annotations refer to them by) and its
relation types."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from annotator.core.errors import UserError
from annotator.core.model import AttributeSpec, Label, LabelKind, RelationType
from annotator.core.schema import Schema, name_problem_of, new_colors
from annotator.storage.cells import json_cell
from annotator.storage.engine import Engine, Write


def _attributes(cell: Any, what: str, where: str) -> tuple[AttributeSpec, ...]:
    specs = json_cell(cell, what, where, list)
    try:
        return tuple(AttributeSpec.from_json(spec) for spec in specs)
    except (TypeError, KeyError, AttributeError):  # not the objects the program writes
        raise UserError(
            f"{what}: its attributes {str(cell)[:40]!r} are not what annotator writes; "
            "was the file changed by another program?",
            where,
        ) from None


class SchemaStore:
    """Reached as ``project.schema_store``."""

    def __init__(self, engine: Engine, write: Write) -> None:
        self._engine = engine
        self._write = write
        self._label_ids: dict[str, int] | None = None

    def schema(self) -> Schema:
        where = self._engine.location
        labels = tuple(
            Label(
                name=name,
                kind=LabelKind(kind),
                color=color,
                shortcut=shortcut,
                description=description,
                attributes=_attributes(attributes, f"label {name!r}", where),
            )
            for name, kind, color, shortcut, description, attributes in self._engine.execute(
                "SELECT name, kind, color, shortcut, description, attributes FROM labels "
                "ORDER BY position, id"
            )
        )
        relation_types = tuple(
            RelationType(
                name=name,
                from_kinds=tuple(
                    LabelKind(k) for k in json_cell(from_kinds, f"relation type {name!r}", where)
                ),
                to_kinds=tuple(
                    LabelKind(k) for k in json_cell(to_kinds, f"relation type {name!r}", where)
                ),
                description=description,
            )
            for name, from_kinds, to_kinds, description in self._engine.execute(
                "SELECT name, from_kinds, to_kinds, description FROM relation_types ORDER BY rowid"
            )
        )
        return Schema(labels, relation_types)

    def set_schema(self, schema: Schema) -> None:
        """Replace the schema. Labels still in use may not disappear."""
        problem = name_problem_of(schema)
        if problem:
            raise UserError(problem)
        keep = {lb.name for lb in schema.labels}
        in_use = [
            r[0]
            for r in self._engine.execute(
                "SELECT DISTINCT l.name FROM labels l JOIN annotations a ON a.label_id = l.id"
            )
            if r[0] not in keep
        ]
        if in_use:
            raise UserError(
                "the new schema drops labels that annotations use: " + ", ".join(sorted(in_use))
            )
        with self._write():
            self.write_schema(schema)

    def write_schema(self, schema: Schema) -> None:
        """Store ``schema`` as it is, inside the caller's write."""
        existing = [r[0] for r in self._engine.execute("SELECT name FROM labels").fetchall()]
        self._engine.executemany(
            "INSERT INTO labels (name, kind, color, shortcut, description, attributes, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, "
            "color = excluded.color, shortcut = excluded.shortcut, "
            "description = excluded.description, attributes = excluded.attributes, "
            "position = excluded.position",
            [
                (
                    lb.name,
                    lb.kind.value,
                    lb.color,
                    lb.shortcut,
                    lb.description,
                    json.dumps([a.to_json() for a in lb.attributes], ensure_ascii=False),
                    position,
                )
                for position, lb in enumerate(schema.labels)
            ],
        )
        gone = [(n,) for n in existing if schema.label(n) is None]
        self._engine.executemany("DELETE FROM labels WHERE name = ?", gone)
        used_types = {r[0] for r in self._engine.execute("SELECT DISTINCT type FROM relations")}
        keep_types = used_types | {rt.name for rt in schema.relation_types}
        unused = [
            (name,)
            for (name,) in self._engine.execute("SELECT name FROM relation_types").fetchall()
            if name not in keep_types
        ]
        self._engine.executemany("DELETE FROM relation_types WHERE name = ?", unused)
        self._engine.executemany(
            "INSERT INTO relation_types (name, from_kinds, to_kinds, description) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
            "from_kinds = excluded.from_kinds, to_kinds = excluded.to_kinds, "
            "description = excluded.description",
            [
                (
                    rt.name,
                    json.dumps([k.value for k in rt.from_kinds]),
                    json.dumps([k.value for k in rt.to_kinds]),
                    rt.description,
                )
                for rt in schema.relation_types
            ],
        )
        self._label_ids = None

    def add_labels(self, names: Iterable[str], kind: LabelKind = LabelKind.ENTITY) -> list[str]:
        """Add labels that the schema lacks (entity by default); returns those added."""
        schema = self.schema()
        new = [n for n in dict.fromkeys(names) if schema.label(n) is None]
        if new:
            colors = new_colors((lb.color for lb in schema.labels), len(new))
            extra = tuple(Label(name, kind, c) for name, c in zip(new, colors, strict=True))
            with self._write():
                self.write_schema(Schema(schema.labels + extra, schema.relation_types))
        return new

    def add_relation_types(self, names: Iterable[str]) -> list[str]:
        schema = self.schema()
        new = [n for n in dict.fromkeys(names) if schema.relation_type(n) is None]
        if new:
            extra = tuple(RelationType(n, (), ()) for n in new)
            with self._write():
                self.write_schema(Schema(schema.labels, schema.relation_types + extra))
        return new

    def rename_label(self, old: str, new: str) -> None:
        """Rename a label; its annotations follow, since they refer to it by id."""
        if not new or new != new.strip():
            raise UserError(f"invalid label name {new!r}")
        if old == new:
            return
        labels = self.label_ids()
        if old not in labels:
            raise UserError(f"unknown label {old!r}")
        if new in labels:
            raise UserError(f"there is already a label named {new!r}")
        with self._write():
            self._engine.execute("UPDATE labels SET name = ? WHERE name = ?", (new, old))
        self._label_ids = None

    def label_ids(self) -> dict[str, int]:
        if self._label_ids is None:
            self._label_ids = {
                r[1]: r[0] for r in self._engine.execute("SELECT id, name FROM labels")
            }
        return self._label_ids

    def label_id(self, label: str) -> int:
        try:
            return self.label_ids()[label]
        except KeyError:
            raise UserError(f"unknown label {label!r}") from None

    def forget(self) -> None:
        """Drop the cached ids: the transaction that changed the labels was rolled back."""
        self._label_ids = None
