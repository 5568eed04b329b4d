"""`annotator adjudicate`, paired with tests/review/test_adjudicate.py."""

from click.testing import CliRunner

from annotator.cli.review import adjudicate_command
from annotator.core.model import GOLD
from annotator.storage.project import Project
from tests.review.conftest import ProjectBuilder, word


def invoke(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(adjudicate_command, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_adjudicate_reports_what_it_merged_and_left(
    project: Project, build: ProjectBuilder
) -> None:
    d = build.doc("مقال")
    build.spans(d, "a", ("PER", *word(0)), ("LOC", *word(2)))
    build.spans(d, "b", ("PER", *word(0)), ("ORG", *word(2)))
    project.close()
    code, out, _ = invoke(project.path, "--strategy", "unanimous")
    assert code == 0
    assert "merged 1 span and 0 relations into gold in 1 document" in out
    assert "left for a person: 1 place in 1 document" in out and "مقال: 1" in out
    with Project.open(project.path) as p:
        assert len(p.annotations(annotator=GOLD)) == 1


def test_a_bad_strategy_is_one_line_exit_2(project: Project) -> None:
    project.close()
    code, _, err = invoke(project.path, "--strategy", "most")
    assert code == 2 and err.startswith("annotator: error: unknown strategy 'most'")
