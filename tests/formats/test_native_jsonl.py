"""The native JSONL format: lossless round trips, and every bad input refused whole."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import GOLD, NewDocument, Status
from annotator.formats.base import ExportOptions, ExportSelection, ImportOptions
from annotator.formats.export import export
from annotator.formats.importer import import_paths
from annotator.review.adjudicate import adjudicate, parse_strategy
from annotator.storage.project import Project

TEXT = "قال 👀 إيلون ماسك: “this was a hard decision” #تويتر 🇵🇸 فَتْحٌ"


def line(**fields: Any) -> str:
    record = {"name": "d", "text": TEXT, **fields}
    return json.dumps(record, ensure_ascii=False)


def span(
    ident: str, text: str, label: str = "PER", who: str = "sara", **extra: Any
) -> dict[str, Any]:
    start = TEXT.index(text)
    return {
        "id": ident,
        "start": start,
        "end": start + len(text),
        "label": label,
        "text": text,
        "annotator": who,
        **extra,
    }


def snapshot(p: Project) -> list[Any]:
    """Everything a project holds that an export must carry, ids and times included."""
    out = []
    for info in p.documents():
        doc = p.document(info.id)
        out.append(
            (
                doc.name,
                doc.text,
                doc.source,
                doc.meta,
                p.statuses(doc.id),
                p.annotations(doc.id),
                p.relations(doc.id),
            )
        )
    return out


def write_jsonl(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_export_then_import_gives_back_the_same_project(tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "in.jsonl",
        line(
            meta={"site": "example"},
            status={"sara": "done"},
            annotations=[
                span("a1", "إيلون ماسك"),
                span("a2", "“this was a hard decision”", "QUOTE", attributes={"type": "direct"}),
                span("a3", "#تويتر", "MISC", who="omar"),
            ],
            relations=[{"from": "a2", "to": "a1", "type": "speaker"}],
        ),
        json.dumps({"name": "second", "text": "خبر ثان"}, ensure_ascii=False),
    )
    with Project.create(tmp_path / "a.annotator") as a:
        result = import_paths(a, [source])
        assert not result.errors
        assert a.status(1, "sara") is Status.DONE
        export(a, "jsonl", tmp_path / "out.jsonl", ExportOptions())
        with Project.create(tmp_path / "b.annotator") as b:
            import_paths(b, [tmp_path / "out.jsonl"])
            assert snapshot(b) == snapshot(a)
    # exporting the re-imported project writes the very same file
    with Project.open(tmp_path / "b.annotator") as b:
        export(b, "jsonl", tmp_path / "again.jsonl", ExportOptions())
    assert (tmp_path / "again.jsonl").read_bytes() == (tmp_path / "out.jsonl").read_bytes()


def test_export_selects_annotators_and_labels(tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "in.jsonl",
        line(annotations=[span("a1", "إيلون ماسك"), span("a3", "#تويتر", "MISC", who="omar")]),
    )
    with Project.create(tmp_path / "a.annotator") as a:
        import_paths(a, [source])
        out = tmp_path / "o.jsonl"
        export(a, "jsonl", out, ExportOptions(ExportSelection(annotators=("omar",))))
        record = json.loads(out.read_text(encoding="utf-8"))
        assert [x["text"] for x in record["annotations"]] == ["#تويتر"]
        export(a, "jsonl", out, ExportOptions(ExportSelection(labels=("PER",))))
        record = json.loads(out.read_text(encoding="utf-8"))
        assert [x["label"] for x in record["annotations"]] == ["PER"]


def test_default_annotator_and_added_labels(tmp_path: Path) -> None:
    ann = span("a1", "إيلون ماسك", "PERSON")
    del ann["annotator"]
    source = write_jsonl(tmp_path / "in.jsonl", line(annotations=[ann]))
    with Project.create(tmp_path / "a.annotator") as a:
        result = import_paths(a, [source], options=ImportOptions(annotator="model"))
        assert "unknown label 'PERSON'" in str(result.errors[0])
        result = import_paths(
            a, [source], options=ImportOptions(annotator="model", add_labels=True)
        )
        assert result.added_labels == ["PERSON"]
        assert [(x.annotator, x.label) for x in a.annotations()] == [("model", "PERSON")]


def test_crlf_texts_are_stored_with_lf_and_offsets_moved(tmp_path: Path) -> None:
    text = "سطر أول\r\nقال ماسك\r\nنهاية"
    start = text.index("ماسك")
    record = {
        "name": "crlf",
        "text": text,
        "annotations": [{"start": start, "end": start + 4, "label": "PER", "annotator": "sara"}],
    }
    source = write_jsonl(tmp_path / "in.jsonl", json.dumps(record, ensure_ascii=False))
    with Project.create(tmp_path / "a.annotator") as a:
        import_paths(a, [source])
        [ann] = a.annotations()
        assert a.document("crlf").text == "سطر أول\nقال ماسك\nنهاية"
        assert ann.text == "ماسك"


BAD_LINES = [
    ("{not json", "malformed JSON"),
    ("[1, 2]", "must be a JSON object"),
    (json.dumps({"name": "x"}), '"text" must be a non-empty string'),
    ("[" * 100000 + "]" * 100000, "nested too deeply"),
    (line(annotations=[{**span("a1", "ماسك"), "end": 999}]), "out of range"),
    (line(annotations=[{**span("a1", "ماسك"), "start": 9, "end": 4}]), "out of range"),
    (line(annotations=[{**span("a1", "ماسك"), "start": "4"}]), "whole numbers"),
    (line(annotations=[{**span("a1", "ماسك"), "text": "مسك"}]), "does not match"),
    (line(annotations=[span("a1", "ماسك", "NOPE")]), "unknown label 'NOPE'"),
    (line(annotations=[span("a1", "ماسك"), span("a1", "إيلون")]), "appears twice"),
    (
        line(
            annotations=[span("a1", "ماسك")],
            relations=[{"from": "a1", "to": "zz", "type": "speaker"}],
        ),
        "missing annotation 'zz'",
    ),
    (
        line(annotations=[{k: v for k, v in span("a1", "ماسك").items() if k != "annotator"}]),
        "names no annotator",
    ),
    (line(status={"sara": "finished"}), "status of 'sara'"),
]


@pytest.mark.parametrize(("bad", "message"), BAD_LINES)
def test_a_bad_line_rejects_the_whole_file_and_changes_nothing(
    tmp_path: Path, bad: str, message: str
) -> None:
    good = json.dumps({"name": "good", "text": "نص سليم"}, ensure_ascii=False)
    source = write_jsonl(tmp_path / "bad.jsonl", good, bad)
    with Project.create(tmp_path / "a.annotator") as a:
        a.add_documents([NewDocument("existing", "نص موجود")])
        before = snapshot(a)
        result = import_paths(a, [source])
        assert len(result.errors) == 1
        error = result.errors[0]
        assert message in str(error)
        assert (error.path, error.line) == (str(source), 2)
        assert snapshot(a) == before


arabic = (
    st.lists(
        st.sampled_from(
            [
                *"ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإةى ـًٌٍَُِّْ،؟\n",
                "👀",
                "👨‍👩‍👧",
                "🇵🇸",
                "a",
                "Z",
                "٣",
                "\u200f",
            ]
        ),
        min_size=1,
        max_size=40,
    )
    .map("".join)
    .filter(lambda s: s.strip() != "")
)


@settings(
    max_examples=40,
    deadline=None,  # timings are not what is tested
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=arabic, cuts=st.lists(st.tuples(st.integers(0, 80), st.integers(1, 20)), max_size=6))
def test_round_trip_of_generated_arabic(
    tmp_path_factory: Any, text: str, cuts: list[tuple[int, int]]
) -> None:
    tmp = tmp_path_factory.mktemp("rt")
    spans = []
    for k, (start, length) in enumerate(cuts):
        start = start % len(text)
        end = min(len(text), start + length)
        spans.append(
            {
                "id": f"s{k}",
                "start": start,
                "end": end,
                "label": "PER",
                "annotator": "sara",
                "text": text[start:end],
            }
        )
    source = write_jsonl(
        tmp / "in.jsonl", json.dumps({"name": "g", "text": text, "annotations": spans})
    )
    with Project.create(tmp / "a.annotator") as a:
        assert not import_paths(a, [source]).errors
        export(a, "jsonl", tmp / "out.jsonl", ExportOptions())
        with Project.create(tmp / "b.annotator") as b:
            assert not import_paths(b, [tmp / "out.jsonl"]).errors
            assert snapshot(b) == snapshot(a)
            for ann in b.annotations():
                assert b.document(ann.document_id).text[ann.start : ann.end] == ann.text


def test_a_projects_gold_layer_comes_back_as_gold(tmp_path: Path) -> None:
    """The export holds gold's spans, relations and status like anyone's: importing it
    into a project file (where anyone may write gold) gives them back as gold."""
    quote = span("s2", "“this was a hard decision”", "QUOTE")
    source = line(
        annotations=[span("s1", "إيلون ماسك"), quote],
        relations=[{"from": "s2", "to": "s1", "type": "speaker"}],
    )
    with Project.create(tmp_path / "a.annotator") as a:
        import_paths(a, [write_jsonl(tmp_path / "in.jsonl", source)])
        adjudicate(a, parse_strategy("min-votes=1"))
        a.set_status(1, GOLD, Status.DONE)
        export(a, "jsonl", tmp_path / "out.jsonl", ExportOptions())
        with Project.create(tmp_path / "b.annotator") as b:
            result = import_paths(b, [tmp_path / "out.jsonl"])
            assert not result.errors
            assert snapshot(b) == snapshot(a)
            gold = b.annotations(1, GOLD)
            assert sorted(g.text for g in gold) == ["إيلون ماسك", quote["text"]]
            assert [r.type for r in b.relations(1, GOLD)] == ["speaker"]
            assert b.status(1, GOLD) is Status.DONE
