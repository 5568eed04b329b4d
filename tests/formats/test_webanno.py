from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from annotator.core.errors import UserError
from annotator.core.model import Relation
from annotator.core.tokens import tokenize
from annotator.formats import webanno
from annotator.formats.base import ImportOptions
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

SUITE = "webanno_tsv3"


def test_emoji_file_offsets_are_utf16(interop: Path, tmp_path: Path) -> None:
    p, _ = do_import(
        interop / SUITE / "testSentenceWithEmoji.tsv", "webanno", tmp_path, annotator="sara"
    )
    assert texts(p) == {"testSentenceWithEmoji": "I like it 😊 ."}
    # 😊 is 10-12 in the file (UTF-16), 10-11 in code points; '.' follows at 13-14 / 12-13.
    assert spans(p) == [("testSentenceWithEmoji", "sara", "Span", 10, 11, "😊")]
    out = tmp_path / "out"
    do_export(p, "webanno", out)
    rows = (out / "testSentenceWithEmoji.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[4:10] == [
        "#Text=I like it 😊 .",
        "1-1\t0-1\tI\t_\t",
        "1-2\t2-6\tlike\t_\t",
        "1-3\t7-9\tit\t_\t",
        "1-4\t10-12\t😊\tSpan\t",
        "1-5\t13-14\t.\t_\t",
    ]


def read_one(path: Path) -> list[tuple[str, int, int, str, dict[str, object]]]:
    (d,) = webanno.read(path, path.stem, ImportOptions(annotator="sara"))
    return sorted((a.label, a.start, a.end, a.text, a.attributes) for a in d.annotations)


def test_reads_the_tsv3_suite(interop: Path, tmp_path: Path) -> None:
    suite = interop / SUITE
    # Every token form is checked against the rebuilt text, or the file is refused.
    stacked = read_one(suite / "testMultiTokenStackedSpanWithFeatureValue.tsv")
    assert stacked == [
        ("LOCATION", 0, 16, "This is a test .", {}),
        ("PERSON", 0, 16, "This is a test .", {}),
    ]
    special = read_one(suite / "testTokenBoundedSpanWithSpecialSymbolsValue.tsv")
    assert {s[0] for s in special} == {"#*'\"`´\t:;{}|[ ]()\\§$%?=&_"} and len(special) == 5
    sub = {s[1:4] for s in read_one(suite / "testSubMultiTokenSpanWithFeatureValue.tsv")}
    assert (3, 10, "aaa bbb") in sub and (9, 11, "bb") in sub and len(sub) == 9
    (tab,) = webanno.read(suite / "testSentenceWithTab.tsv", "t", ImportOptions(annotator="s"))
    assert tab.text == "This is\ta test ."
    p, result = do_import(suite, "webanno", tmp_path, annotator="sara")
    assert len(spans(p)) >= 16
    joined = "\n".join(result.warnings)
    assert "3 chain links of SimpleLink not kept" in joined
    assert "1 relations of Relation over Token not kept" in joined
    assert "zero-width Span span at 7 not kept" in joined


def test_refuses_offsets_that_are_not_utf16(tmp_path: Path) -> None:
    f = tmp_path / "d.tsv"
    f.write_text(
        "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n"
        "#Text=I 😊 .\n1-1\t0-1\tI\t_\t\n1-2\t2-3\t😊\t_\t\n1-3\t4-5\t.\t_\t\n",
        encoding="utf-8",
    )
    with pytest.raises(UserError, match="line 7: token '😊' at 2-3 does not match"):
        do_import(f, "webanno", tmp_path, annotator="sara")


def test_export_arabic_stacked_spans_relations_and_sentences(tmp_path: Path) -> None:
    text = "قال الرئيس 👀 إن «الاقتصاد بخير».\nوأضاف وزير المالية"
    p = project_with(
        tmp_path / "p.annotator",
        [
            doc(
                "أخبار/1",
                text,
                ann(4, 10, "PER", ident="s"),
                ann(4, 10, "TITLE", ident="t"),
                ann(16, 31, "CLAIM", ident="c"),
                ann(39, 51, "PER", ident="m"),
                relations=[Relation("r", "c", "s", "source")],
            )
        ],
    )
    out = tmp_path / "out"
    report = do_export(p, "webanno", out)
    content = (out / "أخبار" / "1.tsv").read_text(encoding="utf-8")
    assert "#T_RL=webanno.custom.Relation|label|BT_" in content
    # The relation sits on its target (who made the claim) and names its source token and ids.
    assert "1-2\t4-10\tالرئيس\tPER[1]|TITLE[2]\tsource\t1-5[3_1]\t" in content
    assert "1-3\t11-13\t👀\t_\t_\t_\t" in content  # UTF-16: the emoji is 2 units
    assert not report.warnings
    q, result = do_import(out, "webanno", tmp_path, annotator="sara")
    assert [s[2:] for s in spans(q)] == [s[2:] for s in spans(p)]
    assert [
        (q.annotation(r.from_id).label, r.type, q.annotation(r.to_id).label) for r in q.relations()
    ] == [("CLAIM", "source", "PER")]
    assert not result.warnings


def test_span_inside_a_clitic_is_reported(tmp_path: Path) -> None:
    p = project_with(tmp_path / "p.annotator", [doc("d", "زار وبيروت", ann(5, 10, "LOC"))])
    report = do_export(p, "webanno", tmp_path / "out", token_spans="drop")
    assert report.warnings == [
        "LOC span at 5-10 'بيروت' in 'd' does not fall on token boundaries; left out"
    ]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=arabic_documents())
def test_round_trip(
    tmp_path_factory: pytest.TempPathFactory, data: tuple[str, list[tuple[int, int, str]]]
) -> None:
    tmp, p = generated_project(tmp_path_factory, data)
    text = data[0]
    q = exported_and_back(p, "webanno", tmp / "out")
    assert spans(q) == spans(p)
    # Offsets hold; only what lay between sentences may differ (the format cannot say).
    (back,) = texts(q).values()
    assert [t.text for t in tokenize(back)] == [t.text for t in tokenize(text)]
    assert len(back) == len(text)
