"""`annotator export --format html`: standalone pages checked by their content."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.cli.main import cli
from annotator.core.model import Annotation, Document, NewDocument, Relation
from annotator.core.schema import default_schema
from annotator.rendering.html_page import render_html
from annotator.storage.project import Project
from tests.rendering.conftest import MIXED, span


class Page(HTMLParser):
    """What a reader gets from a page: the article's text, each marked run with its
    hover title and style, and the text of the legend and relations sections."""

    def __init__(self, html: str):
        super().__init__()
        self.root: dict[str, str] = {}
        self.article: list[str] = []
        self.marked: list[tuple[str, str, str]] = []  # (text, title, style)
        self.sections: dict[str, str] = {}
        self.tags: list[str] = []
        self._stack: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        if tag == "html":
            self.root = a
        if tag == "p" and self._inside("article") and self.article:
            self.article.append("\n")
        if tag == "span" and a.get("class", "").startswith("m") and self._inside("article"):
            self.marked.append(("", a["title"], a["style"]))
        if tag == "section":
            self.sections[a["class"]] = ""
        self._stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        while self._stack and self._stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self._inside("article") and self._inside("p"):
            self.article.append(data)
            if self._stack[-1][0] == "span":
                text, title, style = self.marked[-1]
                self.marked[-1] = (text + data, title, style)
        for tag, a in self._stack:
            if tag == "section":
                self.sections[a["class"]] += data

    def _inside(self, tag: str) -> bool:
        return any(t == tag for t, _ in self._stack)


def test_a_page_is_rtl_with_every_span_titled_and_the_text_intact() -> None:
    doc = Document(1, "mixed", MIXED + "\nسطر ثان", "")
    spans = [
        span("sara", "PER", "الرئيس", "per"),
        span("sara", "ORG", "Acme Corp", "org"),
        span("sara", "QUOTE", "شركة Acme Corp ستفتح مكتبا في دبي", "quote"),
    ]
    relations = [Relation("r", "sara-quote", "sara-per", "speaker")]
    page = Page(render_html(doc, spans, relations, default_schema()))
    assert page.root == {"lang": "ar", "dir": "rtl"}
    assert "".join(page.article) == doc.text
    assert "script" not in page.tags
    marked = {text: (title, style) for text, title, style in page.marked}
    assert marked["الرئيس"] == ("PER (sara)", "background:#e69f00;color:#000000")
    # Overlap: the entity's background under the quote's underline; both in the title.
    title, style = marked["Acme Corp"]
    assert title == "ORG (sara)\nQUOTE (sara)"
    assert "background:#56b4e9" in style and "text-decoration-color:#0072b2" in style
    assert marked["شركة "] == ("QUOTE (sara)", "text-decoration-color:#0072b2")
    assert "PER entity: 1" in page.sections["legend"]
    assert "QUOTE quote: 1" in page.sections["legend"]
    assert "«الرئيس»" in page.sections["relations"] and "speaker" in page.sections["relations"]


def test_everything_from_the_project_is_escaped() -> None:
    text = '<script>alert("x")</script> & نص'
    doc = Document(1, '<img src=x onerror="alert(1)">', text, "")
    ann = Annotation("a", 1, 'o"><b>', "<i>", 0, 8, "<script>")
    html = render_html(doc, [ann], [], default_schema())
    page = Page(html)
    assert "".join(page.article) == text
    assert "script" not in page.tags and "img" not in page.tags and "i" not in page.tags
    assert page.marked[0][1] == '<i> (o"><b>)'


def test_export_writes_a_page_per_document_and_an_index(tmp_path: Path) -> None:
    project = tmp_path / "p.annotator"
    with Project.create(project) as p:
        p.add_documents(
            [
                NewDocument("../../escape", "نص أول", "", {}),
                NewDocument("index", "نص ثان", "", {}),
                NewDocument("mixed", MIXED, "", {}, (span("sara", "PER", "الرئيس", "per"),)),
            ]
        )
    out = tmp_path / "pages"
    result = CliRunner().invoke(
        cli, ["export", str(project), "--format", "html", "-o", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert "exported 3 documents, 1 annotation," in result.stdout
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert pages == ["escape.html", "index-2.html", "index.html", "mixed.html"]
    assert not (tmp_path / "escape.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="mixed.html"' in index and 'href="index-2.html"' in index
    mixed = Page((out / "mixed.html").read_text(encoding="utf-8"))
    assert mixed.marked == [("الرئيس", "PER (sara)", "background:#e69f00;color:#000000")]


def test_export_into_a_file_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "p.annotator"
    Project.create(project).close()
    target = tmp_path / "file.html"
    target.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["export", str(project), "--format", "html", "-o", str(target)]
    )
    assert result.exit_code == 2 and "writes a folder" in result.stderr


@settings(max_examples=150)
@given(
    text=st.text(alphabet="قال <b>&\"' abc\n👍🏽\u200f", min_size=1, max_size=80),
    cuts=st.lists(st.tuples(st.integers(0, 80), st.integers(1, 20)), max_size=6),
)
def test_any_article_comes_back_whole_from_its_page(text: str, cuts: list[tuple[int, int]]) -> None:
    spans = [
        Annotation(f"a{k}", 1, "<x>", label, s, min(s + n, len(text)), "")
        for k, ((s, n), label) in enumerate(zip(cuts, ["PER", "QUOTE", "<i>"] * 2, strict=False))
        if s < len(text)
    ]
    page = Page(render_html(Document(1, "<d>", text, ""), spans, [], default_schema()))
    # Paragraphs are lines; empty lines are dropped.
    assert "".join(page.article) == "\n".join(line for line in text.split("\n") if line)
    assert set(page.tags) <= {"html", "head", "meta", "title", "style", "body", "h1", "p",
                              "article", "span", "section", "h2", "ul", "li", "b"}  # fmt: skip
