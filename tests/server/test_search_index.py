"""The server's full-text index finds what the file's finds: Arabic however written."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import NewDocument
from annotator.core.textsearch import parse_query
from annotator.storage.postgres import search
from annotator.storage.postgres.dialect import to_psycopg
from annotator.storage.project import Project
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
    return [str(r[2]) for r in rows if search.holds(str(r[2]), str(r[3]), parsed, bool(r[1]))]


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
                to_psycopg(search.INSERT).encode(), search.index_rows([(i, name, text)])[0]
            )
    assert found(team, query) == names


def test_documents_past_the_index_limits_are_found_as_on_a_file(team: Team, tmp_path: Path) -> None:
    """PostgreSQL keeps at most 1 MB of words a document, 2 KB a word: a document past
    either is still imported, and found by every word and phrase the file finds."""
    many = " ".join(f"w{i:07d}" for i in range(120_000)) + " الخاتمة"  # 1.2 MB of words
    long_word = "قال الوزير " + "ب" * 3000 + " بعد"
    docs = [
        NewDocument("many words", many),
        NewDocument("long word", long_word),
        NewDocument("short", "قال الوزير إن الحكومة ستجتمع"),
    ]
    queries = ["الخاتمة", "w0119999", "w0000001", '"w0119998 w0119999"', "الوزير",
               '"قال الوزير"', "ب" * 3000, "بعد", '"الوزير بعد"', "w01199*"]  # fmt: skip
    found = {}
    Project.create(tmp_path / "news.annotator").close()
    for where in (team.admin_url, tmp_path / "news.annotator"):
        with Project.open(where) as p:
            assert p.add_documents(docs).added == [d.name for d in docs]
            found[str(where)] = [sorted(h.document.name for h in p.search(q)) for q in queries]
    on_server, on_file = found.values()
    assert on_server == on_file
    assert on_file[:4] == [["many words"]] * 4
    assert on_file[4:] == [["long word", "short"]] * 2 + [["long word"]] * 2 + [[], ["many words"]]


def test_the_limit_counts_only_documents_that_hold_the_query(team: Team) -> None:
    """A document indexed in part is checked on its text before it takes a place."""
    many = " ".join(f"w{i:07d}" for i in range(120_000))
    with Project.open(team.admin_url) as p:
        p.add_documents([NewDocument("many words", many)])
        p.add_documents([NewDocument(f"n{i}", f"الحكومة رقم {i}") for i in range(3)])
        assert [h.document.name for h in p.search("الحكومة", limit=2)] == ["n0", "n1"]
