"""`annotator import --min-score`: predictions under a score are left out, with their
relations; unscored spans and other documents are untouched."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.formats.base import ImportOptions
from annotator.formats.importer import import_paths
from annotator.storage.project import Project

TEXT = "قال الوزير أحمد إن الوزارة في عمان ستعلن الخطة"


def span(ident: str, words: str, label: str, score: float | None) -> dict[str, object]:
    start = TEXT.index(words)
    attributes = {} if score is None else {"score": score}
    return {"id": ident, "start": start, "end": start + len(words), "label": label,
            "text": words, "attributes": attributes}  # fmt: skip


def test_min_score_leaves_out_low_predictions_and_their_relations(tmp_path: Path) -> None:
    predictions = tmp_path / "camel.jsonl"
    line = {
        "name": "article",
        "text": TEXT,
        "annotations": [
            span("p1", "أحمد", "PER", 0.93),
            span("p2", "عمان", "LOC", 0.41),
            span("p3", "الوزارة", "ORG", None),
            span("q1", "الوزارة في عمان ستعلن الخطة", "QUOTE", 0.2),
        ],
        "relations": [{"from": "q1", "to": "p1", "type": "speaker"}],
    }
    predictions.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    project = tmp_path / "p.annotator"
    Project.create(project).close()
    result = CliRunner().invoke(
        cli,
        ["import", str(project), str(predictions), "--annotator", "model:camel-ner",
         "--min-score", "0.5"],
        catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "left out 2 predictions scored under 0.5" in result.stdout
    with Project.open(project, readonly=True) as p:
        kept = sorted((a.text, a.annotator, a.attributes.get("score")) for a in p.annotations())
        assert kept == [("أحمد", "model:camel-ner", 0.93), ("الوزارة", "model:camel-ner", None)]
        assert p.relations() == []


def test_label_studio_prediction_scores_filter_too(tmp_path: Path) -> None:
    def result(ident: str, words: str, label: str, score: float) -> dict[str, object]:
        start = TEXT.index(words)
        value = {"start": start, "end": start + len(words), "text": words, "labels": [label],
                 "score": score}  # fmt: skip
        return {"id": ident, "from_name": "label", "to_name": "text", "type": "labels",
                "value": value}  # fmt: skip

    tasks = [
        {
            "data": {"text": TEXT},
            "predictions": [
                {
                    "model_version": "camel",
                    "result": [result("r1", "أحمد", "PER", 0.9), result("r2", "عمان", "LOC", 0.1)],
                }
            ],
        }
    ]
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    project = tmp_path / "p.annotator"
    Project.create(project).close()
    args = ["import", str(project), str(path), "--format", "labelstudio", "--min-score", "0.5"]
    outcome = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert outcome.exit_code == 0, outcome.output
    with Project.open(project, readonly=True) as p:
        assert [(a.text, a.label) for a in p.annotations()] == [("أحمد", "PER")]


def test_a_refused_file_counts_none_of_its_predictions(tmp_path: Path) -> None:
    """A file refused (here for a label the schema lacks) is reported in its one line
    only: neither the API's count nor the command's output speaks of what it left out."""
    predictions = tmp_path / "camel.jsonl"
    line = {"name": "article", "text": TEXT, "annotations": [
        span("p1", "أحمد", "PERSON", 0.93), span("p2", "عمان", "LOC", 0.41)]}  # fmt: skip
    predictions.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    project = tmp_path / "p.annotator"
    Project.create(project).close()
    with Project.open(project) as p:
        result = import_paths(p, [predictions], options=ImportOptions("model", min_score=0.5))
        assert (result.files, result.below_min_score) == (0, 0)
        assert "unknown label 'PERSON'" in str(result.errors[0])
    result2 = CliRunner().invoke(
        cli,
        ["import", str(project), str(predictions), "--annotator", "model", "--min-score", "0.5"],
        catch_exceptions=False,
    )
    assert (result2.exit_code, result2.stdout) == (2, "")
    assert result2.stderr.startswith(f"annotator: error: {predictions}, line 1: ")
    assert result2.stderr.count("\n") == 1
