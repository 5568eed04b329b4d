"""Full-text search on a server project, with the file's Arabic rules (core/textsearch.py).

The index holds what the file's holds: the light stems of each document's name and text,
as a tsvector of the 'simple' configuration (which keeps words as they are), under a GIN
index. A query's terms become a tsquery whose stems must all occur (a prefix as ``:*``);
a phrase's words are then checked in order here, on the few documents found, as the
file's FTS5 phrases do.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.textsearch import Query, find_matches, index_text

INSERT = "INSERT INTO documents_search (document_id, words) VALUES (?, to_tsvector('simple', ?))"
_RANKED = "WHERE s.words @@ q ORDER BY ts_rank(s.words, q) DESC, s.document_id"
FIND_IDS = f"SELECT s.document_id FROM documents_search s, to_tsquery('simple', ?) q {_RANKED}"
# With the name and text, whose phrases are checked here.
FIND_TEXTS = (
    "SELECT d.id, d.name, d.text FROM documents_search s "
    f"JOIN documents d ON d.id = s.document_id, to_tsquery('simple', ?) q {_RANKED}"
)


def index_rows(documents: Iterable[tuple[int, str, str]]) -> Iterable[tuple[int, str]]:
    """(id, name, text) -> the index's row for that document, for INSERT."""
    return ((i, index_text(name) + "\n" + index_text(text)) for i, name, text in documents)


def tsquery(query: Query) -> str:
    """Every stem of every term required; stems hold letters and digits only, so quoting
    them needs no escapes."""
    parts = []
    for term in query.terms:
        for k, stem in enumerate(term.stems):
            prefix = term.prefix and k == len(term.stems) - 1
            parts.append(f"'{stem}'" + (":*" if prefix else ""))
    return " & ".join(parts)


def has_phrases(query: Query) -> bool:
    return any(len(term.stems) > 1 for term in query.terms)


def holds_phrases(name: str, text: str, query: Query) -> bool:
    """Whether every phrase of ``query`` occurs, its words in order, in the name or text."""
    for term in query.terms:
        if len(term.stems) > 1:
            one = Query((term,))
            if not (find_matches(name, one) or find_matches(text, one)):
                return False
    return True
