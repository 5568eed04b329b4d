"""`annotator show`: a known rendering, colours on the right characters, wrapping."""

from __future__ import annotations

from pathlib import Path

import pytest
from bidi import get_display
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from annotator.cli.main import cli
from annotator.core.model import Annotation, Document, Relation
from annotator.core.schema import default_schema
from annotator.rendering.terminal import View, render, wrap
from annotator.rendering.visual import display_line, shape, shape_runs, visual_order
from tests.rendering.conftest import MIXED, span

GOLDEN = Path(__file__).parent / "golden"


def show(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["show", *map(str, args)], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("width", [40, 80])
def test_show_matches_the_known_rendering(mixed_project: Path, width: int) -> None:
    code, out, _ = show(
        mixed_project, "mixed", "--annotator", "sara", "--no-color", "--width", str(width)
    )
    assert code == 0
    assert out == (GOLDEN / f"show_{width}.txt").read_text(encoding="utf-8")


def test_no_bidi_prints_logical_order_wrapped_at_spaces(mixed_project: Path) -> None:
    code, out, _ = show(mixed_project, "mixed", "--no-bidi", "--no-color", "--width", "40")
    assert code == 0
    lines = out.splitlines()
    assert lines[1:3] == [
        "قال الرئيس إن شركة Acme Corp ستفتح مكتبا",
        "في دبي يوم 12 مارس (رسميا) #عاجل",
    ]
    assert " DATE  entity: 1" in lines  # omar's span too: no --annotator means everyone


def test_an_arabic_document_name_is_shaped_too() -> None:
    doc = Document(1, "مقال الرياضة", "نص", "")
    bidi = render(doc, [], default_schema(), View(40))
    assert bidi[0].plain == display_line("مقال الرياضة")
    assert render(doc, [], default_schema(), View(40, bidi=False))[0].plain == "مقال الرياضة"


def test_unknown_annotator_or_document_is_exit_2(mixed_project: Path) -> None:
    code, _, err = show(mixed_project, "mixed", "--annotator", "nobody")
    assert code == 2 and "no annotator named nobody" in err
    code, _, err = show(mixed_project, "missing")
    assert code == 2 and "no document named 'missing'" in err


def styles_by_text(line: Text) -> dict[str, Style]:
    return {line.plain[s.start : s.end]: Style.parse(str(s.style)) for s in line.spans}


def test_colours_land_on_the_reordered_span_text() -> None:
    schema = default_schema()
    spans = [
        span("sara", "PER", "الرئيس", "p"),
        span("sara", "ORG", "Acme Corp", "o"),
        span("sara", "QUOTE", "شركة Acme Corp ستفتح مكتبا في دبي", "q"),
    ]
    lines = render(Document(1, "d", MIXED, ""), spans, schema, View(200))
    assert lines[0].plain == "d"
    styles = styles_by_text(lines[1])
    per = styles[display_line("الرئيس")]
    assert per.bgcolor is not None and per.bgcolor.name == "#e69f00" and not per.underline
    # An entity inside a quote: its background, and the quote's underline.
    assert styles["Acme Corp"].bgcolor is not None and styles["Acme Corp"].underline
    quote = styles[display_line("ستفتح مكتبا في دبي") + " "]
    assert quote.underline and quote.color is not None and quote.color.name == "#0072b2"
    assert styles[" " + display_line("شركة")].underline


@pytest.mark.parametrize("width", [1, 3, 7, 12, 25])
def test_wrapped_lines_fit_and_keep_every_word(width: int) -> None:
    text = "أعلنت الوزارة 💧 عن خطة supercalifragilistic جديدة"
    lines = [text[a:b] for a, b in wrap(text, 0, len(text), width)]
    assert all(cell_len(line) <= max(width, 2) for line in lines)  # an emoji is 2 cells
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert not any(line.startswith(" ") or line.endswith(" ") for line in lines)


def test_indentation_stays_with_the_first_word_only() -> None:
    text = "  أول ثان ثالث"
    assert [text[a:b] for a, b in wrap(text, 0, len(text), 7)] == ["  أول", "ثان", "ثالث"]


def test_a_line_of_spaces_or_nothing_is_one_empty_line() -> None:
    assert wrap("", 0, 0, 10) == [(0, 0)]
    assert wrap("a\n\nb", 2, 2, 10) == [(2, 2)]


def test_visual_order_agrees_with_python_bidi_and_mirrors_brackets() -> None:
    line = shape("قال الرئيس إن Acme Corp ستفتح 12 مكتبا #عاجل")
    assert visual_order(line, rtl=True)[0] == get_display(line, base_dir="R")
    # L4: a bracket in a right-to-left run is drawn mirrored, so it still encloses.
    assert display_line("(رسميا)") == "(" + shape("رسميا")[::-1] + ")"


def test_runs_shaped_apart_still_join_across_their_edges() -> None:
    runs = shape_runs([("الرئ", 1), ("يس", 2), (" قال", 3)])
    assert "".join(text for text, _ in runs) == shape("الرئيس قال")
    assert [style for _, style in runs] == [1, 2, 3]


def test_the_legend_counts_labels_in_schema_order() -> None:
    anns = [
        Annotation("a", 1, "x", "LOC", 0, 3, "قال"),
        Annotation("b", 1, "x", "PER", 4, 10, "الرئيس"),
        Annotation("c", 1, "x", "PER", 4, 10, "الرئيس"),
    ]
    lines = render(Document(1, "d", MIXED, ""), anns, default_schema(), View(200, bidi=False))
    assert [line.plain for line in lines[-2:]] == [" PER  entity: 2", " LOC  entity: 1"]


def test_emoji_sequences_and_isolates_survive_reordering() -> None:
    shown = display_line("\u2067نص\u2069 👩\u200d💻 👍🏽 (كلمة)")
    assert "👩\u200d💻" in shown and "👍🏽" in shown  # whole, in order, joiner kept
    assert "\u2067" not in shown and "\u2069" not in shown
    assert shown == "(" + shape("كلمة")[::-1] + ") 👍🏽 👩\u200d💻 " + shape("نص")[::-1]


@settings(max_examples=500)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs", "Zl", "Zp", "Cc"])))
def test_visual_order_never_fails_and_keeps_each_character_once(text: str) -> None:
    for rtl in (False, True):
        display, order = visual_order(text, rtl)
        assert len(display) == len(order) == len(set(order))
        assert all(0 <= i < len(text) for i in order)


# Pieces of real articles, emoji sequences and isolates whole (a joiner alone between
# an Arabic letter and an emoji is no text anyone writes).
PIECES = [
    *"قال الرئيس لا مُحَمَّد عمّـان abc 12 ٣٤ ()«»#_%.:،\n",
    "👍🏽",
    "👩\u200d💻",
    "\u2067",
    "\u2069",
    "\u200f",
]


@settings(max_examples=200)
@given(
    text=st.lists(st.sampled_from(PIECES), min_size=1, max_size=120).map("".join),
    cuts=st.lists(st.tuples(st.integers(0, 120), st.integers(1, 30)), max_size=6),
    width=st.integers(1, 50),
)
def test_any_article_renders_within_the_width(
    text: str, cuts: list[tuple[int, int]], width: int
) -> None:
    spans = [
        Annotation(f"a{k}", 1, "x", label, s, min(s + n, len(text)), "")
        for k, ((s, n), label) in enumerate(zip(cuts, ["PER", "QUOTE", "ORG"] * 2, strict=False))
        if s < len(text)
    ]
    legend = len({a.label for a in spans})
    for bidi in (True, False):
        lines = render(Document(1, "d", text, ""), spans, default_schema(), View(width, bidi))
        article = lines[1 : len(lines) - legend]  # the title and legend are not wrapped
        assert all(line.cell_len <= max(width, 2) for line in article)  # an emoji is 2 wide


def test_relations_are_listed_with_both_ends_in_their_colours() -> None:
    per = span("sara", "PER", "الرئيس", "p")
    quote = span("sara", "QUOTE", "ستفتح مكتبا", "q")
    relation = Relation("r", quote.id, per.id, "speaker")
    lines = render(
        Document(1, "d", MIXED, ""), [per, quote], default_schema(), View(200), [relation]
    )
    (listed,) = [line for line in lines if "speaker" in line.plain]
    assert listed.plain.strip() == display_line("«ستفتح مكتبا» — speaker: «الرئيس»")
    styles = styles_by_text(listed)
    assert styles[display_line("الرئيس")].bgcolor is not None
    assert styles[display_line("ستفتح مكتبا")].underline


def test_a_wrapped_line_keeps_the_levels_of_its_paragraph() -> None:
    # After Arabic letters, 50% is an Arabic number with its sign on the left (rule W2)
    # even when the wrap puts it alone on the next line; alone it would read 50%.
    lines = render(Document(1, "d", "نص 50%", ""), [], default_schema(), View(4))
    assert [line.plain for line in lines[1:3]] == ["  " + display_line("نص"), " %50"]
    assert display_line("50%", rtl=True) == "50%"


def test_a_relation_to_a_span_across_paragraphs_stays_on_its_lines() -> None:
    text = "قال الوزير\nإن الخطة جاهزة"
    per = Annotation("p", 1, "x", "PER", 4, 10, "الوزير")
    quote = Annotation("q", 1, "x", "QUOTE", 4, 19, text[4:19])
    lines = render(
        Document(1, "d", text, ""), [per, quote], default_schema(), View(80, bidi=False),
        [Relation("r", "q", "p", "speaker")],
    )  # fmt: skip
    assert "«الوزير إن الخطة» — speaker: «الوزير»" in [line.plain for line in lines]
