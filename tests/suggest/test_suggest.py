"""Gazetteers and patterns: Arabic-insensitive, on word edges, once, in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.cli.main import cli
from annotator.core.errors import UserError
from annotator.core.model import NewDocument
from annotator.storage.project import Project
from annotator.suggest.apply import suggest_project
from annotator.suggest.matcher import Gazetteer, suggest
from annotator.suggest.rules import Rule, compile_pattern

TEXT = (
    "أعلنت وزارة الصحّة في عمّـان أن الدكتورة فاطمة الزهراء ستزور العمانيين، "
    "وقال مُحَمَّد إن الوزاره سترد عبر #الصحة_أولا يوم 2024-05-01."
)


def rule(text: str, label: str, line: int = 1) -> Rule:
    return Rule(text, label, "list.tsv", line)


def spans(names: list[Rule], patterns: Sequence[Rule] = ()) -> list[tuple[str, str]]:
    found = suggest(TEXT, Gazetteer(names), [compile_pattern(p) for p in patterns])
    return [(TEXT[s.start : s.end], s.label) for s in found]


def test_names_match_whatever_the_harakat_tatweel_alef_and_ta_marbuta() -> None:
    names = [rule("عمان", "LOC"), rule("محمد", "PER"), rule("وزارة الصحة", "ORG")]
    assert spans(names) == [("وزارة الصحّة", "ORG"), ("عمّـان", "LOC"), ("مُحَمَّد", "PER")]
    # The list's own spelling is folded too: written with harakat, found without.
    assert spans([rule("الوزارَة", "ORG")]) == [("الوزاره", "ORG")]


def test_a_name_inside_a_longer_word_is_not_a_match() -> None:
    assert spans([rule("عمان", "LOC")]) == [("عمّـان", "LOC")]  # not in العمانيين
    # A hashtag is one word, as the tokenizer, a double-click and the token formats see
    # it: a name inside it is not proposed (a span there would split a token); the whole
    # hashtag is.
    assert spans([rule("الصحه", "MISC")]) == [("الصحّة", "MISC")]
    assert spans([rule("#الصحة_أولا", "MISC")]) == [("#الصحة_أولا", "MISC")]


def test_the_longest_name_wins_where_names_overlap() -> None:
    names = [rule("فاطمة", "PER"), rule("فاطمة الزهراء", "PER")]
    assert spans(names) == [("فاطمة الزهراء", "PER")]


def test_patterns_match_on_the_folded_text_and_keep_word_edges() -> None:
    patterns = [
        rule(r"\d{4}-\d\d-\d\d", "DATE"),
        rule(r"#\w+", "MISC"),
        rule(r"الدكتورة \w+", "PER"),
    ]
    assert spans([], patterns) == [
        ("الدكتورة فاطمة", "PER"),
        ("#الصحة_أولا", "MISC"),
        ("2024-05-01", "DATE"),
    ]


def test_a_catastrophic_pattern_times_out_with_its_line() -> None:
    slow = compile_pattern(rule("(x+x+)+y", "MISC", line=7))
    with pytest.raises(UserError, match=r"list.tsv, line 7: the pattern took longer"):
        suggest("x" * 5000, Gazetteer([]), [slow], "doc", timeout=0.05)


def test_a_bad_pattern_names_its_line() -> None:
    with pytest.raises(UserError, match=r"line 3: not a valid pattern"):
        compile_pattern(rule("(unclosed", "MISC", line=3))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.annotator"
    with Project.create(path) as p:
        p.add_documents([NewDocument("one", TEXT), NewDocument("two", "لا شيء هنا عن عمان")])
    return path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_suggest_adds_once_and_rerunning_adds_nothing(project: Path, tmp_path: Path) -> None:
    names = write(tmp_path / "names.tsv", "# places\nعمان\tLOC\n\nمحمد\tPER\n")
    patterns = write(tmp_path / "patterns.tsv", "\\d{4}-\\d\\d-\\d\\d\tDATE\n")
    args = ["suggest", str(project), "--gazetteer", str(names), "--patterns", str(patterns)]
    first = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert first.exit_code == 0, first.output
    assert "suggested 4 spans in 2 documents as suggest:gazetteer (DATE 1, LOC 2, PER 1)" in (
        first.stdout
    )
    again = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert "suggested 0 spans in 0 documents" in again.stdout
    assert "4 suggestions were already there" in again.stdout
    with Project.open(project, readonly=True) as p:
        got = sorted((a.text, a.label, a.annotator) for a in p.annotations())
    assert got == [
        ("2024-05-01", "DATE", "suggest:gazetteer"),
        ("عمان", "LOC", "suggest:gazetteer"),
        ("عمّـان", "LOC", "suggest:gazetteer"),
        ("مُحَمَّد", "PER", "suggest:gazetteer"),
    ]


def test_an_unknown_label_adds_nothing_at_all(project: Path, tmp_path: Path) -> None:
    names = write(tmp_path / "names.tsv", "عمان\tLOC\nمحمد\tPERSONNE\n")
    result = CliRunner().invoke(cli, ["suggest", str(project), "--gazetteer", str(names)])
    assert result.exit_code == 2
    assert "names.tsv, line 2: no label named 'PERSONNE'" in result.stderr
    with Project.open(project, readonly=True) as p:
        assert p.annotations() == []
    with Project.open(project) as p:
        report = suggest_project(p, names, None, "suggest:lists", add_labels=True)
        assert report.added_labels == ["PERSONNE"] and report.added.total() == 3
        assert {a.annotator for a in p.annotations()} == {"suggest:lists"}


def test_a_line_without_a_label_is_refused(project: Path, tmp_path: Path) -> None:
    names = write(tmp_path / "names.tsv", "عمان\tLOC\nمحمد\n")
    result = CliRunner().invoke(cli, ["suggest", str(project), "--gazetteer", str(names)])
    assert result.exit_code == 2 and "line 2: expected TEXT, a tab, then a LABEL" in result.stderr


LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
VARIANTS = {"ا": "اأإآ", "ه": "هة", "ي": "يى"}
DECORATIONS = ["", "\u064e", "\u0650", "\u0651", "\u0652", "\u0640"]  # harakat, tatweel


@settings(max_examples=200)
@given(
    word=st.lists(st.sampled_from(LETTERS + "اهي"), min_size=2, max_size=8),
    spelling=st.data(),
)
def test_a_name_is_found_however_it_is_spelled(word: list[str], spelling: st.DataObject) -> None:
    name = "".join(word)
    written = "".join(
        spelling.draw(st.sampled_from(VARIANTS.get(c, c)))
        + spelling.draw(st.sampled_from(DECORATIONS))
        for c in word
    )
    # The frame has no Arabic letter, so it cannot contain the name drawn (an Arabic
    # frame such as "قال … ثم غادر" did whenever the name was "ثم").
    text = f"(Reuters) {written}، 12:30"
    found = suggest(text, Gazetteer([rule(name, "PER")]), [])
    start = text.index(written)
    assert [(s.start, s.end) for s in found] == [(start, start + len(written))]
