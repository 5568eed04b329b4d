"""The stores' SQL with ``?`` and ``:name`` as psycopg's ``%s`` and ``%(name)s``."""

from __future__ import annotations

import pytest

from annotator.storage.postgres.dialect import to_psycopg


@pytest.mark.parametrize(
    ("portable", "psycopg"),
    [
        ("SELECT id FROM labels WHERE name = ?", "SELECT id FROM labels WHERE name = %s"),
        ('INSERT INTO t (a, "end") VALUES (?, ?)', 'INSERT INTO t (a, "end") VALUES (%s, %s)'),
        ("SELECT '?' , ? WHERE x LIKE '5%'", "SELECT '?' , %s WHERE x LIKE '5%%'"),
        ("SELECT 'it''s ?', ?", "SELECT 'it''s ?', %s"),
        ('SELECT "a?b" FROM t WHERE v % 2 = ?', 'SELECT "a?b" FROM t WHERE v %% 2 = %s'),
        ("UPDATE t SET a = :a WHERE id = :id", "UPDATE t SET a = %(a)s WHERE id = %(id)s"),
        ("SELECT ':no', x::text FROM t", "SELECT ':no', x::text FROM t"),
        (
            "SELECT a FROM t WHERE id IN () OR 'IN ()' = ?",
            "SELECT a FROM t WHERE id IN (SELECT NULL WHERE false) OR 'IN ()' = %s",
        ),
    ],
)
def test_placeholders_outside_quotes_become_psycopgs(portable: str, psycopg: str) -> None:
    assert to_psycopg(portable) == psycopg
