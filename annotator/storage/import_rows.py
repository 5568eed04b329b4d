"""The rows an import adds (``DocumentStore.add``), table by table, worked out before any
is written, so that each engine writes them its own fastest way: a file with its
INSERTs, a server by COPY into staging tables (storage/postgres/staging.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import Status

# Each table's columns in the order its rows below hold them.
DOCUMENT_COLUMNS = ("id", "name", "text", "length", "sha256", "source", "meta", "created")
ANNOTATION_COLUMNS = (
    "id",
    "document_id",
    "annotator_id",
    "label_id",
    "start",
    '"end"',
    "text",
    "attributes",
    "created",
    "modified",
)
RELATION_COLUMNS = ("id", "from_id", "to_id", "type", "created")
STATUS_COLUMNS = ("document_id", "annotator_id", "status", "modified")
# A status set again replaces the one there.
STATUS_REPLACES = (
    " ON CONFLICT (document_id, annotator_id) "
    "DO UPDATE SET status = excluded.status, modified = excluded.modified"
)


@dataclass
class ImportRows:
    documents: list[tuple[Any, ...]] = field(default_factory=list)
    annotations: list[tuple[Any, ...]] = field(default_factory=list)
    # In the order they were read: relations are listed in the order they were written.
    relations: list[tuple[Any, ...]] = field(default_factory=list)
    # (document id, annotator id) -> (status, modified): the last one given counts.
    statuses: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    # (id, name, text) of the new documents, for the full-text index.
    index: list[tuple[int, str, str]] = field(default_factory=list)

    def status_rows(self) -> list[tuple[int, int, str, str]]:
        return [(d, a, s, m) for (d, a), (s, m) in self.statuses.items()]


# A span as an import tells whether a document already has it: annotator, label, edges.
SpanKey = tuple[str, str, int, int]


@dataclass
class Held:
    """What one document holds, in the project and planned by the import so far (None:
    not read yet), so that a text imported again adds only what it lacks, as when the
    import was written a document at a time."""

    spans: dict[SpanKey, str] | None = None  # their ids
    links: set[tuple[str, str, str]] | None = None  # relations (from id, to id, type)
    statuses: dict[str, Status] | None = None  # by annotator


def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(columns)
    placeholders = ", ".join("?" * len(columns))
    return f"INSERT INTO {table} ({names}) VALUES ({placeholders})"
