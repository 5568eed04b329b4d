"""The annotator command, paired with the API tests: exit codes and one-line errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from annotator.launcher import cli
from tests.cli_runner import invoke
from tests.paths import ROOT, SHARED


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.annotator"
    assert invoke("new", path)[0] == 0
    return path


def test_new_import_list_stats_check_export(project: Path, tmp_path: Path) -> None:
    code, out, _ = invoke("import", project, SHARED / "corpus")
    assert code == 0
    assert "imported 3 documents" in out and "(utf-8)" in out
    code, out, _ = invoke("list", project)
    assert code == 0 and "000_855d37cbd7c6786c\t3591" in out
    code, out, _ = invoke("stats", project, "--json")
    assert json.loads(out)["documents"] == 3
    assert invoke("check", project)[:2] == (0, "ok\n")
    code, out, _ = invoke("export", project, "--format", "jsonl", "--output", tmp_path / "o.jsonl")
    assert code == 0 and "exported 3 documents" in out
    assert len((tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_importing_the_same_text_twice_reports_a_duplicate(project: Path) -> None:
    article = SHARED / "corpus" / "000_855d37cbd7c6786c.txt"
    invoke("import", project, article)
    code, out, _ = invoke("import", project, article)
    assert code == 0 and "duplicate: 000_855d37cbd7c6786c" in out


def test_a_bad_file_is_one_line_naming_it_and_exit_2(project: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "نص"}\n{"text": \n', encoding="utf-8")
    code, _, err = invoke("import", project, bad)
    assert code == 2
    assert re.fullmatch(
        rf"annotator: error: {re.escape(str(bad))}, line 2: malformed JSON.*\n", err
    )
    assert "Traceback" not in err


def test_a_file_that_is_not_a_project_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "x.annotator"
    other.write_text("not a project")
    for command in (["list"], ["stats"], ["check"], ["import"], ["schema"]):
        args: list[str | Path] = [*command, other]
        args += [SHARED / "corpus"] if command == ["import"] else []
        code, _, err = invoke(*args)
        assert code == 2 and "is not an annotator project" in err


def test_new_refuses_an_existing_file(project: Path) -> None:
    code, _, err = invoke("new", project)
    assert code == 2 and "already exists" in err


def test_check_finds_a_tampered_span_and_exits_1(project: Path) -> None:
    invoke("import", project, SHARED / "corpus" / "000_855d37cbd7c6786c.txt")
    import sqlite3

    from annotator.storage.project import Project

    with Project.open(project) as p:
        p.add_annotation(1, "sara", "ORG", 11, 20)
    raw = sqlite3.connect(project)
    raw.execute("UPDATE annotations SET text = 'wrong'")
    raw.commit()
    raw.close()
    code, out, _ = invoke("check", project)
    assert code == 1 and "is not the document's 11-20" in out


def test_schema_export_and_import(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "schema.json"
    assert invoke("schema", project, "--export", path)[0] == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    data["labels"].append({"name": "HASHTAG", "kind": "entity"})
    path.write_text(json.dumps(data), encoding="utf-8")
    assert invoke("schema", project, "--import", path)[0] == 0
    code, out, _ = invoke("schema", project)
    assert code == 0 and "HASHTAG\tentity" in out


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ctx = click.Context(cli)
    names = cli.list_commands(ctx)
    assert {"new", "import", "export", "merge", "agreement", "show"} <= set(names)
    for name in names:
        command = cli.get_command(ctx, name)
        assert command is not None and command.help, f"`annotator {name}` has no help text"
        assert f"annotator {name}" in readme, f"README does not document `annotator {name}`"


def test_the_command_line_imports_neither_qt_nor_the_heavy_libraries(project: Path) -> None:
    probe = (
        "import sys; from annotator.launcher import main; "
        f"sys.argv = ['annotator', 'list', {str(project)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'PySide6', 'sqlite_utils', 'trafilatura', 'matplotlib', 'rich', 'psycopg'}\n"
        "assert not heavy & set(sys.modules), heavy & set(sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_offset_unit_choices_are_the_units_the_formats_count_in() -> None:
    """The command line names them without importing formats/units.py (start-up time)."""
    from annotator.formats.units import OffsetUnit

    for name in ("import", "export"):
        command = cli.commands[name]
        option = next(p for p in command.params if p.name == "offset_unit")
        assert isinstance(option.type, click.Choice)
        assert list(option.type.choices) == [unit.value for unit in OffsetUnit]
