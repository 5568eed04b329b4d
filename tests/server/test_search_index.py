"""The server's full-text index finds what the file's finds: Arabic however written."""

from __future__ import annotations

import pytest

from annotator.core.textsearch import parse_query
from annotator.storage.postgres import search
from annotator.storage.postgres.dialect import to_psycopg
from tests.server.conftest import Team

DOCS = {
    "vocalised": "قال مُحَمَّدٌ إنّ الحكومةَ ستجتمع.",
    "hamza": "التقى أحمد بممثلي الأمم المتحدة",
    "clitics": "وقالت مصادر إن والحكومة بالحكومة تعمل",
    "digits": "وقع الحادث عام ٢٠٢٤ في بيروت",
    "other": "خبر عن الاقتصاد والأسواق في المتحدة وفي الأمم",
}


def found(team: Team, query: str) -> list[str]:
    parsed = parse_query(query)
    with team.sql("alice") as conn:
        query_sql = to_psycopg(search.FIND_TEXTS).encode()
        rows = conn.execute(query_sql, (search.tsquery(parsed),)).fetchall()
    return [str(r[1]) for r in rows if search.holds_phrases(str(r[1]), str(r[2]), parsed)]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("محمد", ["vocalised"]),
        ("الامم", ["hamza", "other"]),
        ("حكومة", ["clitics", "vocalised"]),  # twice in "clitics": ranked first
        ("٢٠٢٤", ["digits"]),
        ('"الأمم المتحدة"', ["hamza"]),  # the words in order, not apart
        ("الأمم المتحدة", ["hamza", "other"]),
        ("اقتصا*", ["other"]),
        ("digits", ["digits"]),  # the name
        ("محمد الاقتصاد", []),
    ],
)
def test_the_index_finds_arabic_however_it_is_written(
    team: Team, query: str, names: list[str]
) -> None:
    with team.sql() as admin:
        admin.execute("DELETE FROM documents")
        for i, (name, text) in enumerate(DOCS.items()):
            admin.execute(
                "INSERT INTO documents (id, name, text, length, sha256, created) "
                "VALUES (%s, %s, %s, %s, %s, 'now')",
                (i, name, text, len(text), str(i)),
            )
            admin.cursor().executemany(
                to_psycopg(search.INSERT).encode(), search.index_rows([(i, name, text)])
            )
    assert found(team, query) == names
