"""Importing articles: encodings, line endings, and files that are not text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from annotator.core.errors import UserError
from annotator.formats.base import ImportOptions
from annotator.formats.importer import import_paths
from annotator.formats.text import decode, normalise
from annotator.storage.project import Project
from tests.paths import SHARED

ARTICLE = "قال الرئيس 👀 إن «الاقتصاد ينمو».\r\nوأضاف: “growth is strong” #اقتصاد\r\n"
STORED = ARTICLE.replace("\r\n", "\n")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16"),
    ],
)
def test_unicode_encodings_are_detected(data: bytes, encoding: str) -> None:
    text, found = decode(data, "a.txt")
    assert found == encoding
    assert normalise(text) == STORED


def test_windows_1256_arabic_is_detected() -> None:
    plain = "قال الرئيس إن الاقتصاد ينمو بسرعة، وأضاف أن الحكومة ستواصل دعمها."
    text, found = decode(plain.encode("cp1256"), "a.txt")
    assert (text, found) == (plain, "windows-1256")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"  \n ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Grüße aus Köln, schöne Straße".encode("latin-1"), "not UTF-8"),
        (b"abc\x01def", "control character"),
        (codecs.BOM_UTF8 + b"\xff\xfe bad", "not valid UTF-8"),
    ],
)
def test_files_that_are_not_text_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(UserError, match=message) as err:
        decode(data, "bad.txt")
    assert "bad.txt" in str(err.value)


def test_only_line_endings_and_the_bom_change() -> None:
    text = "\ufeffأ\r\nب\rج\u200e\u0640\u064e\ufb50 x"
    assert normalise(text) == "أ\nب\nج\u200e\u0640\u064e\ufb50 x"


def test_the_corpus_imports_byte_for_byte(tmp_path: Path) -> None:
    corpus = sorted((SHARED / "corpus").glob("*.txt"))
    assert corpus
    with Project.create(tmp_path / "p.annotator") as p:
        result = import_paths(p, corpus)
        assert not result.errors
        for path in corpus:
            stored = p.document(path.stem).text
            original = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
            assert stored.encode("utf-8") == original.encode("utf-8")
            assert p.document(path.stem).meta["encoding"] == "utf-8"


def test_crlf_files_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    with Project.create(tmp_path / "p.annotator") as p:
        import_paths(p, [path])
        doc = p.document("crlf")
        assert doc.text == STORED
        assert doc.meta == {"encoding": "utf-8", "line_endings": "crlf"}


def test_a_folder_imports_recursively_and_reports_duplicates_and_bad_files(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "news"
    (folder / "2024").mkdir(parents=True)
    (folder / "a.txt").write_text("الخبر الأول", encoding="utf-8")
    (folder / "2024" / "b.md").write_text("# الخبر الثاني", encoding="utf-8")
    (folder / "2024" / "copy.txt").write_text("الخبر الأول", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02")
    (folder / "image.png").write_bytes(b"\x89PNG")
    (folder / ".hidden.txt").write_text("سر", encoding="utf-8")
    with Project.create(tmp_path / "p.annotator") as p:
        result = import_paths(p, [folder], options=ImportOptions())
        # Files are read in path order: the first of two equal texts is kept.
        assert sorted(d.name for d in p.documents()) == ["2024/b", "2024/copy"]
        assert result.report.duplicates == [("a", "2024/copy")]
        assert [str(e.path) for e in result.errors] == [str(folder / "bad.txt")]
        assert result.skipped == [folder / "image.png"]


def test_html_keeps_the_article_and_drops_menus_and_scripts(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>عنوان</title><meta charset='utf-8'></head><body>"
        "<nav><a href='/'>الرئيسية</a> <a href='/s'>رياضة</a></nav><article><h1>عنوان الخبر</h1>"
        "<p>قال الرئيس إن الاقتصاد ينمو بسرعة كبيرة هذا العام، وأضاف أن “the economy is "
        "strong” بحسب تعبيره في المؤتمر الصحفي.</p><p>وأكد وزير المالية أن الحكومة ستواصل "
        "دعم القطاع الخاص 👀 #اقتصاد https://example.com/a</p></article>"
        "<footer>جميع الحقوق محفوظة</footer><script>alert('x')</script></body></html>",
        encoding="utf-8",
    )
    with Project.create(tmp_path / "p.annotator") as p:
        result = import_paths(p, [page])
        assert not result.errors
        text = p.document("page").text
    assert "قال الرئيس" in text and "👀 #اقتصاد https://example.com/a" in text
    assert "الرئيسية" not in text and "محفوظة" not in text and "alert" not in text


def test_html_without_an_article_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    with Project.create(tmp_path / "p.annotator") as p:
        result = import_paths(p, [page])
    assert "no article text" in str(result.errors[0])


def test_csv_rows_become_documents(tmp_path: Path) -> None:
    table = tmp_path / "articles.csv"
    table.write_text(
        'name,body,section\nأول,"نص الخبر الأول\nبسطرين",سياسة\nثان,نص الخبر الثاني,\n',
        encoding="utf-8",
    )
    with Project.create(tmp_path / "p.annotator") as p:
        result = import_paths(p, [table], options=ImportOptions(text_column="body"))
        assert not result.errors
        assert p.document("أول").text == "نص الخبر الأول\nبسطرين"
        assert p.document("أول").meta["section"] == "سياسة"
        assert p.document_count() == 2


def test_csv_without_the_text_column_names_the_columns(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("title,body\na,b\n", encoding="utf-8")
    with Project.create(tmp_path / "p.annotator") as p:
        result = import_paths(p, [table])
        assert "no column 'text' (columns: title, body)" in str(result.errors[0])
        assert p.document_count() == 0
