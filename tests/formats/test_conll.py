from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli.main import cli
from annotator.core.bidi import BIDI_MARKS
from annotator.core.errors import UserError
from annotator.core.tokens import tokenize
from annotator.formats import conll
from annotator.storage.project import Project
from tests.formats.interop_helpers import (
    ann,
    arabic_documents,
    do_export,
    do_import,
    doc,
    exported_and_back,
    generated_project,
    project_with,
    spans,
    texts,
)

NEWSFANE = "conll/NewsFANE_Gold_2014_excerpt_first500sent.txt"
WOJOOD = "conll/wojood_sample_test.txt"


def begin_tags(path: Path) -> int:
    """How many entities the file holds: every one starts with a B- tag (IOB2)."""
    return sum(
        f.startswith("B-")
        for line in path.read_text(encoding="utf-8-sig").splitlines()
        for f in line.split()[1:]
    )


def tokens_of(text: str) -> str:
    return " ".join(t.text for t in tokenize(text))


def labelled(p: Project) -> list[tuple[str, str]]:
    """Spans as token formats can compare them: label and tokens (spacing is rebuilt)."""
    return sorted((s[2], tokens_of(s[5])) for s in spans(p))


def test_newsfane_bom_crlf_lrm_and_tab_lines(interop: Path, tmp_path: Path) -> None:
    p, _ = do_import(interop / NEWSFANE, "conll", tmp_path, annotator="sara")
    (text,) = texts(p).values()
    assert not text.startswith("\ufeff") and "\r" not in text
    assert text.count("\n") == 499  # 500 sentences, one per line
    got = spans(p)
    assert len(got) == begin_tags(interop / NEWSFANE) == 1341
    assert ("Population-Center", "فرانكفورت") in {(s[2], s[5]) for s in got}
    for *_, start, end, span_text in got:
        assert text[start:end] == span_text
        assert span_text[0] not in BIDI_MARKS and span_text[-1] not in BIDI_MARKS
    # The LRM before every Arabic token stays in the text, only out of the spans.
    assert text.startswith("\u200eفرانكفورت")


def test_newsfane_spans_agree_with_the_file_tokens(interop: Path, tmp_path: Path) -> None:
    expected = []
    current: list[str] = []
    label = ""
    for line in (interop / NEWSFANE).read_text(encoding="utf-8-sig").splitlines():
        token, _, tag = line.partition("\t")
        if current and not tag.startswith("I-"):
            expected.append((label, " ".join(current)))
            current = []
        if tag.startswith("B-"):
            current, label = [token.strip("\u200e")], tag[2:]
        elif tag.startswith("I-"):
            current.append(token)
    p, _ = do_import(interop / NEWSFANE, "conll", tmp_path, annotator="sara")
    assert sorted((s[2], s[5]) for s in spans(p)) == sorted(expected)


def test_wojood_nested_columns(interop: Path, tmp_path: Path) -> None:
    p, _ = do_import(interop / WOJOOD, "conll", tmp_path, annotator="sara")
    got = spans(p)
    assert len(got) == begin_tags(interop / WOJOOD) == 870
    pairs = {(s[2], s[5]) for s in got}
    assert ("ORG", "البنك العربي الفلسطيني للاستثمار") in pairs
    (text,) = texts(p).values()
    assert "لـ" in text and "١٩٣١" in text and "\ufe81" in text  # kept as written
    # A nested span lies inside its outer one.
    inner = [s for s in got if any(o is not s and o[3] <= s[3] and s[4] <= o[4] for o in got)]
    assert inner


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["a I-PER", "b I-PER", "c B-PER", "d O"], [("PER", "a b"), ("PER", "c")]),  # IOB1
        (
            ["a S-ORG", "b B-LOC", "c E-LOC", "d U-PER"],
            [("LOC", "b c"), ("ORG", "a"), ("PER", "d")],
        ),
        (["a B-LOC", "b L-LOC"], [("LOC", "a b")]),  # BILOU
    ],
)
def test_reads_iob1_bioes_bilou(
    tmp_path: Path, lines: list[str], expected: list[tuple[str, str]]
) -> None:
    f = tmp_path / "in.conll"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    p, _ = do_import(f, "conll", tmp_path, annotator="sara")
    assert sorted((s[2], s[5]) for s in spans(p)) == expected


def test_reads_spacy_and_doccano_samples(interop: Path, tmp_path: Path) -> None:
    p, _ = do_import(interop / "spacy/ner-token-per-line.iob", "conll", tmp_path, annotator="sara")
    assert ("PERSON", "Sebastian Thrun") in {(s[2], s[5]) for s in spans(p)}
    q, _ = do_import(
        interop / "doccano/import_example.conll", "conll", tmp_path, "q.annotator", annotator="sara"
    )
    assert sorted((s[2], s[5]) for s in spans(q)) == [("LOC", "JAPAN"), ("PER", "Nadim Ladki")]


def test_label_studio_columns_keep_the_last_and_say_so(tmp_path: Path) -> None:
    f = tmp_path / "ls.conll"
    f.write_text(
        "-DOCSTART- -X- O\nقال -X- _ O\nالرئيس -X- _ B-PER\n\n-DOCSTART- -X- O\nمصر -X- _ B-LOC\n",
        encoding="utf-8",
    )
    p, result = do_import(f, "conll", tmp_path, annotator="sara")
    assert spans(p) == [
        ("ls 1", "sara", "PER", 4, 10, "الرئيس"),
        ("ls 2", "sara", "LOC", 0, 3, "مصر"),
    ]
    assert "only the last column" in result.warnings[0]
    with pytest.raises(UserError, match="names no annotator"):
        do_import(f, "conll", tmp_path, "b.annotator")


def test_export_reports_spans_inside_a_clitic_token(tmp_path: Path) -> None:
    text = "زار الوفد وبيروت أمس"
    p = project_with(
        tmp_path / "p.annotator", [doc("d", text, ann(11, 16, "LOC"), ann(4, 9, "ORG"))]
    )
    out = tmp_path / "out.conll"
    report = do_export(p, "conll", out)
    assert report.warnings == [
        "LOC span at 11-16 'بيروت' in 'd' does not fall on token boundaries; "
        "widened to 10-16 'وبيروت'"
    ]
    assert out.read_text(encoding="utf-8").splitlines()[2:6] == [
        "زار\tO",
        "الوفد\tB-ORG",
        "وبيروت\tB-LOC",
        "أمس\tO",
    ]
    report = do_export(p, "conll", out, token_spans="drop")
    assert "'بيروت' in 'd' does not fall on token boundaries; left out" in report.warnings[0]
    assert "وبيروت\tO" in out.read_text(encoding="utf-8")


def test_export_writes_nested_spans_in_columns_and_keeps_spans_whole(tmp_path: Path) -> None:
    text = "جريدة فلسطين. اليوم"
    p = project_with(
        tmp_path / "p.annotator",
        [doc("d", text, ann(0, 19, "ORG"), ann(6, 12, "GPE"), ann(14, 19, "DATE"))],
    )
    out = tmp_path / "out.conll"
    do_export(p, "conll", out)
    assert out.read_text(encoding="utf-8").split("\n")[2:8] == [
        "جريدة\tB-ORG\tO",
        "فلسطين\tI-ORG\tB-GPE",
        ".\tI-ORG\tO",
        "اليوم\tI-ORG\tB-DATE",
        "",
        "",
    ]
    q, _ = do_import(out, "conll", tmp_path, annotator="sara")
    assert labelled(q) == labelled(p)


@pytest.mark.parametrize("sample", [NEWSFANE, WOJOOD])  # Wojood's spans are nested
def test_real_files_round_trip(interop: Path, tmp_path: Path, sample: str) -> None:
    p, _ = do_import(interop / sample, "conll", tmp_path, annotator="sara")
    report = do_export(p, "conll", tmp_path / "out.conll")
    q, _ = do_import(tmp_path / "out.conll", "conll", tmp_path, "q.annotator", annotator="sara")
    assert labelled(q) == labelled(p)
    assert not [w for w in report.warnings if "token boundaries" in w]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=arabic_documents())
def test_round_trip(
    tmp_path_factory: pytest.TempPathFactory, data: tuple[str, list[tuple[int, int, str]]]
) -> None:
    tmp, p = generated_project(tmp_path_factory, data)
    text = data[0]
    q = exported_and_back(p, "conll", tmp / "out.conll")
    assert labelled(q) == labelled(p)
    assert tokens_of(next(iter(texts(q).values()))) == tokens_of(text)


def test_label_with_spaces_is_written_with_underscores_and_reported(tmp_path: Path) -> None:
    p = project_with(tmp_path / "p.annotator", [doc("d", "قال الرئيس", ann(4, 10, "Other PER"))])
    report = do_export(p, "conll", tmp_path / "out.conll")
    assert "الرئيس\tB-Other_PER" in (tmp_path / "out.conll").read_text(encoding="utf-8")
    assert report.warnings == [
        "CoNLL cannot hold white space in a label; written with _: 1 (first in 'Other PER')"
    ]


def test_the_same_span_by_two_annotators_is_written_once(tmp_path: Path) -> None:
    p = project_with(
        tmp_path / "p.annotator",
        [doc("d", "قال الرئيس", ann(4, 10, "PER"), ann(4, 10, "PER", "omar"))],
    )
    report = do_export(p, "conll", tmp_path / "out.conll")
    assert "الرئيس\tB-PER\n" in (tmp_path / "out.conll").read_text(encoding="utf-8")
    assert report.warnings == [
        "CoNLL has no annotator field: spans of several annotators were merged "
        "(choose one with --annotator): 1 (first in 'd': omar, sara)"
    ]


def test_a_conll_file_named_txt_is_imported_as_conll_from_the_command_line(
    interop: Path, tmp_path: Path
) -> None:
    project = tmp_path / "p.annotator"
    runner = CliRunner()
    assert runner.invoke(cli, ["new", str(project)]).exit_code == 0
    args = ["import", str(project), str(interop / WOJOOD), "--annotator", "sara", "--add-labels"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    with Project.open(project, readonly=True) as p:
        (text,) = texts(p).values()
        assert "B-PERS" not in text  # the tags are spans, not words
        assert len(spans(p)) == begin_tags(interop / WOJOOD) == 870


def test_prose_named_txt_stays_prose_and_txt_can_be_forced(interop: Path, tmp_path: Path) -> None:
    prose = tmp_path / "article.txt"
    prose.write_text("قال الرئيس\nإن الوضع O\nجيد B-PER\nجدا I-PER\n", encoding="utf-8")
    p, _ = do_import(prose, "auto", tmp_path, annotator="sara")
    assert list(texts(p).values()) == [prose.read_text(encoding="utf-8")]
    q, _ = do_import(interop / WOJOOD, "txt", tmp_path, "q.annotator", annotator="sara")
    (text,) = texts(q).values()
    assert "B-PERS" in text and not spans(q)


@given(st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\t"), max_size=300))
@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_text_with_no_tag_is_never_taken_for_conll(tmp_path: Path, text: str) -> None:
    # Lines that end with a word, never a tag (no tab: a line with one splits at tabs).
    f = tmp_path / "t.txt"
    f.write_text("\n".join(f"{line} كلمة" for line in text.splitlines() or [text]), "utf-8")
    assert not conll.looks_like(f)
