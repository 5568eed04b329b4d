"""Full-text search on a server project, with the file's Arabic rules (core/textsearch.py).

The index holds what the file's holds: the light stems of each document's name and text,
as a tsvector of the 'simple' configuration (which keeps words as they are), under a GIN
index. A query's terms become a tsquery whose stems must all occur (a prefix as ``:*``);
a phrase's words are then checked in order here, on the few documents found, as the
file's FTS5 phrases do.

PostgreSQL's tsvector has limits a long document can pass: 1 MB in all, 2 KB a word
(longer ones are left out), positions up to 16,383 (later ones count as that). Positions
matter to nothing here (phrases are checked on the text), so a document whose words
would pass 1 MB is indexed by its distinct words without positions, as many as fit; one
whose words do not all fit, or with a word too long, is marked ``PARTIAL``, and such a
document is found by the mark and its text searched here instead, so that search finds
what the file's finds, only slower for those few.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from annotator.core.textsearch import Query, find_matches, words

TSVECTOR_BYTES = 1_048_575  # PostgreSQL's limit on one tsvector
WORD_BYTES = 2046  # and on one of its words
# Used with a margin: the estimate below counts what PostgreSQL stores, not its padding.
_BUDGET = 900_000
# A word no query can hold (a query's stems are letters and digits only).
PARTIAL = "~partial"
_PARTIAL_VECTOR = f"'{PARTIAL}'"  # as a tsvector's text (a parameter)
_PARTIAL_SQL = "'''" + PARTIAL + "'''"  # that text as an SQL literal

INSERT = (
    "INSERT INTO documents_search (document_id, words) "
    "VALUES (?, to_tsvector('simple', ?) || ?::tsvector)"
)
# A document too big for its positions: its words, taken by PostgreSQL's own parser a
# part of the text at a time, without positions, as many as fit in the budget.
INSERT_WORDS_ONLY = f"""INSERT INTO documents_search (document_id, words)
SELECT ?, array_to_tsvector(coalesce(array_agg(lexeme) FILTER (WHERE upto <= {_BUDGET}),
    '{{}}')) || CASE WHEN ? OR bool_or(upto > {_BUDGET}) THEN {_PARTIAL_SQL}::tsvector
    ELSE ''::tsvector END
FROM (SELECT lexeme, sum(octet_length(lexeme) + 4) OVER (ORDER BY lexeme) AS upto
      FROM (SELECT DISTINCT t.lexeme
            FROM unnest(?::text[]) AS part, unnest(to_tsvector('simple', part)) AS t) AS l
     ) AS sized"""
_FOUND = "(s.words @@ q)"  # false for a document found only by its PARTIAL mark
_WHERE = (
    f"WHERE s.words @@ (q || {_PARTIAL_SQL}::tsquery) "
    "ORDER BY ts_rank(s.words, q) DESC, s.document_id"
)
FIND_IDS = (
    f"SELECT s.document_id, {_FOUND} FROM documents_search s, to_tsquery('simple', ?) q " + _WHERE
)
# With the name and text, whose phrases are checked here.
FIND_TEXTS = (
    f"SELECT d.id, {_FOUND}, d.name, d.text FROM documents_search s "
    f"JOIN documents d ON d.id = s.document_id, to_tsquery('simple', ?) q {_WHERE}"
)
# How many documents are marked: a query's limit is raised by as many.
PARTIAL_COUNT = f"SELECT count(*) FROM documents_search WHERE words @@ {_PARTIAL_SQL}::tsquery"
TEXT_OF = "SELECT name, text FROM documents WHERE id = ?"
# Server schema 1 indexed a document with a word past WORD_BYTES without it, unmarked, so
# nothing found it by that word: such documents marked. Told by their words between
# spaces (a word's stem is never longer), with a margin for the few characters that
# folding lengthens; one marked for nothing is only searched on its text. Such a word has
# a run of at least a quarter as many characters (4 bytes at most each), which a regular
# expression finds ten times faster than the split: only those texts are split.
_LONG_WORD = WORD_BYTES // 2
MARK_LONG_WORDS = f"""UPDATE documents_search s SET words = s.words || {_PARTIAL_SQL}::tsvector
FROM documents d WHERE d.id = s.document_id
AND (d.name || ' ' || d.text) ~ '\\S{{{_LONG_WORD // 4}}}' AND EXISTS (
    SELECT 1 FROM regexp_split_to_table(d.name || ' ' || d.text, '\\s+') AS w
    WHERE octet_length(w) > {_LONG_WORD})"""
_PART_CHARS = 100_000  # a part's tsvector, positions and all, stays well within 1 MB


def index_rows(
    documents: Iterable[tuple[int, str, str]],
) -> tuple[list[tuple[int, str, str]], list[tuple[int, bool, list[str]]]]:
    """(id, name, text) -> the index's rows: those for INSERT, and those too big for
    their positions for INSERT_WORDS_ONLY."""
    whole: list[tuple[int, str, str]] = []
    words_only: list[tuple[int, bool, list[str]]] = []
    for doc_id, name, text in documents:
        stems = words(name) + words(text)
        kept = [s for s in stems if len(s.encode()) <= WORD_BYTES]
        cut = len(kept) < len(stems)
        if _size(kept) <= _BUDGET:
            whole.append((doc_id, " ".join(kept), _PARTIAL_VECTOR if cut else ""))
        else:
            words_only.append((doc_id, cut, _parts(kept)))
    return whole, words_only


def _size(stems: list[str]) -> int:
    """About what a tsvector of ``stems`` with positions takes (at most 256 a word)."""
    return sum(len(s.encode()) + 6 + 2 * min(n, 256) for s, n in Counter(stems).items())


def _parts(stems: list[str]) -> list[str]:
    parts, part, size = [], [], 0
    for s in stems:
        part.append(s)
        size += len(s) + 1
        if size >= _PART_CHARS:
            parts.append(" ".join(part))
            part, size = [], 0
    return [*parts, " ".join(part)] if part else parts


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


def holds(name: str, text: str, query: Query, phrases_only: bool = True) -> bool:
    """Whether every phrase of ``query`` (every term, unless ``phrases_only``) occurs,
    its words in order, in the name or text."""
    for term in query.terms:
        if len(term.stems) > 1 or not phrases_only:
            one = Query((term,))
            if not (find_matches(name, one) or find_matches(text, one)):
                return False
    return True
