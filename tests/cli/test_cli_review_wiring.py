"""The review commands through the `annotator` command itself, and `export --gold`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.demo import build_demo
from tests.cli_runner import invoke, one_error_line


def test_agreement_adjudicate_and_export_gold(tmp_path: Path) -> None:
    project = tmp_path / "demo.annotator"
    build_demo(project)
    runner = CliRunner()
    result = runner.invoke(cli, ["agreement", str(project), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["annotators"] == ["omar", "sara"]
    result = runner.invoke(cli, ["adjudicate", str(project), "--strategy", "unanimous"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "gold.jsonl"
    result = runner.invoke(
        cli, ["export", str(project), "--format", "jsonl", "--output", str(out), "--gold"]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    gold = [a for r in records for a in r["annotations"]]
    assert gold and {a["annotator"] for a in gold} == {"gold"}
    # both annotators tagged these in the water summit article, so they are unanimous
    assert {"عمّان", "وزير المياه", "البنك الدولي"} <= {a["text"] for a in gold}


def test_gold_and_annotator_together_are_refused(tmp_path: Path) -> None:
    project = tmp_path / "demo.annotator"
    build_demo(project)
    result = CliRunner().invoke(
        cli,
        [
            "export",
            str(project),
            "--format",
            "jsonl",
            "-o",
            str(tmp_path / "x.jsonl"),
            "--gold",
            "--annotator",
            "sara",
        ],
    )
    assert result.exit_code == 2 and "not both" in result.stderr


def test_an_unknown_annotator_is_one_line_naming_the_project(tmp_path: Path) -> None:
    project = tmp_path / "demo.annotator"
    build_demo(project)
    for command in (["agreement"], ["adjudicate", "--strategy", "majority"]):
        status, _, err = invoke(*command, project, "--annotators", "sara,zed")
        assert status == 2
        one_error_line(err, project)
        assert "no annotations by zed" in err
