"""Issue 13, item 10: a pattern whose compilation alone would take gigabytes
(``a{1000000000}``) is refused by line, from a child process with a memory and a time
limit; the project is unchanged and the command's own memory stays small."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.model import NewDocument
from annotator.storage.project import Project
from tests.cli_runner import contents


@pytest.mark.parametrize("pattern", ["a{1000000000}", "(?:a{1000}){1000}", "[ab]{50000000}"])
def test_a_pattern_too_big_to_compile_is_refused_by_line(tmp_path: Path, pattern: str) -> None:
    project = tmp_path / "p.annotator"
    with Project.create(project) as p:
        p.add_documents([NewDocument("d", "محمد في بيروت aaa")])
    patterns = tmp_path / "patterns.tsv"
    patterns.write_text(f"محمد\tPER\n{pattern}\tMISC\n", encoding="utf-8")
    before = contents(project)
    result = CliRunner().invoke(cli, ["suggest", str(project), "--patterns", str(patterns)])
    assert result.exit_code == 2
    assert re.fullmatch(
        rf"annotator: error: {re.escape(str(patterns))}, line 2: the pattern is too big "
        r"to compile [^\n]+\n",
        result.stderr,
    )
    assert contents(project) == before


def test_ordinary_and_invalid_patterns_are_unaffected(tmp_path: Path) -> None:
    project = tmp_path / "p.annotator"
    with Project.create(project) as p:
        p.add_documents([NewDocument("d", "محمد في بيروت عام 2024")])
    patterns = tmp_path / "patterns.tsv"
    patterns.write_text("\\d{4}\tDATE\nبير\\w{1,100}\tLOC\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["suggest", str(project), "--patterns", str(patterns)])
    assert result.exit_code == 0, result.stderr
    assert "DATE 1" in result.stdout and "LOC 1" in result.stdout
    patterns.write_text("(unclosed\tMISC\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["suggest", str(project), "--patterns", str(patterns)])
    assert result.exit_code == 2 and "line 1: not a valid pattern" in result.stderr
