"""`annotator merge`, paired with tests/review/test_merge.py."""

from pathlib import Path

from click.testing import CliRunner

from annotator.cli.review import merge_command
from annotator.storage.project import Project
from tests.review.conftest import ProjectBuilder, word


def invoke(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(merge_command, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_merge_reports_what_came_in_and_refuses_conflicts(
    project: Project, build: ProjectBuilder, tmp_path: Path
) -> None:
    mine = build.doc("d")
    build.spans(mine, "sara", ("PER", *word(0)))
    with Project.create(tmp_path / "c.annotator") as c:
        colleague = ProjectBuilder(c)
        colleague.spans(colleague.doc("d"), "sara", ("LOC", *word(2)))
        colleague.spans(colleague.doc("new", "نص"), "omar", ("PER", 0, 1))
    project.close()
    code, _, err = invoke(project.path, tmp_path / "c.annotator")
    assert code == 2
    assert err.startswith("annotator: error: ") and "sara annotated differently" in err
    assert err.count("\n") == 1
    code, out, _ = invoke(project.path, tmp_path / "c.annotator", "--as", "sara-2")
    assert code == 0
    assert "1 document added, 1 matched; 2 annotations" in out
    with Project.open(project.path) as p:
        assert {a.annotator for a in p.annotations()} == {"sara", "sara-2"}
