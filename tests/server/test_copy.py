"""`annotator copy`: a project from a file to a server and back, losslessly."""

from __future__ import annotations

from pathlib import Path

from annotator.demo import build_demo
from annotator.review.adjudicate import adjudicate, parse_strategy
from annotator.storage.locations import copy_project
from annotator.storage.postgres.server import add_user
from annotator.storage.project import Project
from tests.cli_runner import invoke, one_error_line
from tests.pg_server import PgServer
from tests.server.conftest import PASSWORD


def exported(project: Path | str, out: Path, *options: str) -> str:
    code, _, err = invoke("export", project, "--format", "jsonl", "--output", out, *options)
    assert code == 0, err
    return out.read_text(encoding="utf-8")


def test_a_file_to_a_server_and_back_changes_nothing(pg_server: PgServer, tmp_path: Path) -> None:
    demo = tmp_path / "demo.annotator"
    build_demo(demo)
    with Project.open(demo) as project:  # gold and settings come along too
        assert adjudicate(project, parse_strategy("unanimous")).spans > 0
        project.set_setting(Project.BLIND, "1")
    url = pg_server.url(project="copied")
    code, out, err = invoke("copy", demo, url)
    assert (code, err) == (0, "")
    assert out == f"copied {demo} to {pg_server.url(password=None, project='copied')}\n"
    back = tmp_path / "back.annotator"
    copy_project(url, back)
    for options in [(), ("--gold",)]:
        original = exported(demo, tmp_path / "a.jsonl", *options)
        assert original.count("\n") >= 3
        assert exported(url, tmp_path / "b.jsonl", *options) == original
        assert exported(back, tmp_path / "c.jsonl", *options) == original
    with Project.open(demo) as a, Project.open(url) as b, Project.open(back) as c:
        assert a.identity() == b.identity() == c.identity()
        assert a.schema() == b.schema() == c.schema()
        assert b.blind and c.blind
        assert [h.document.name for h in a.search("الحكومة")] == [
            h.document.name for h in c.search("الحكومة")
        ]
        assert {d.document.name for d in a.search("الحكومة")} == {
            d.document.name for d in b.search("الحكومة")
        }


def test_a_copy_onto_an_existing_project_is_refused(pg_server: PgServer, tmp_path: Path) -> None:
    demo = tmp_path / "demo.annotator"
    build_demo(demo)
    url = pg_server.url(project="twice")
    assert invoke("copy", demo, url)[0] == 0
    code, _, err = invoke("copy", demo, url)
    assert code == 2 and "already exists" in err
    code, _, err = invoke("copy", url, demo)
    assert code == 2 and "already exists" in err


def test_merge_brings_a_server_projects_work_into_a_file_and_back(
    pg_server: PgServer, tmp_path: Path
) -> None:
    demo = tmp_path / "demo.annotator"
    build_demo(demo)
    url = pg_server.url(project="merged")
    code, _, err = invoke("new", url)
    assert (code, err) == (0, "")
    code, _, err = invoke("merge", url, demo)
    assert (code, err) == (0, "")
    assert exported(url, tmp_path / "a.jsonl") == exported(demo, tmp_path / "b.jsonl")
    mine = tmp_path / "mine.annotator"
    assert invoke("new", mine)[0] == 0
    code, _, err = invoke("merge", mine, url)
    assert (code, err) == (0, "")
    assert exported(mine, tmp_path / "c.jsonl") == exported(demo, tmp_path / "b.jsonl")


def test_a_server_projects_backup_is_a_project_file(pg_server: PgServer, tmp_path: Path) -> None:
    demo = tmp_path / "demo.annotator"
    build_demo(demo)
    url = pg_server.url(project="backedup")
    assert invoke("copy", demo, url)[0] == 0
    code, out, err = invoke("backup", url)
    assert (code, err) == (0, "")
    made = Path(out.removeprefix("backup written to ").strip())
    assert made.suffix == ".annotator"
    assert exported(made, tmp_path / "a.jsonl") == exported(url, tmp_path / "b.jsonl")
    # a backup file does not replace a server project: one line saying what to do instead
    code, _, err = invoke("backup", url, "--restore", made)
    assert code == 2
    one_error_line(err, pg_server.url(password=None, project="backedup"))
    assert "annotator copy BACKUP URL" in err


def test_an_annotator_merges_her_copy_of_a_curated_project_back(
    pg_server: PgServer, tmp_path: Path
) -> None:
    """sara took a copy of the server project (with gold the curator had decided) to work
    offline; merging it back was refused whole, "sara may not change the gold layer",
    though its gold was the server's own: the gold's provenance was written again."""
    demo = tmp_path / "demo.annotator"
    build_demo(demo)
    url = pg_server.url(project="offline")
    with Project.open(demo) as project:
        assert adjudicate(project, parse_strategy("unanimous")).spans > 0
    assert invoke("copy", demo, url)[0] == 0
    add_user(url, "sara", PASSWORD, curator=False)
    sara = pg_server.url("sara", PASSWORD, project="offline")
    mine = tmp_path / "mine.annotator"
    assert invoke("copy", sara, mine)[0] == 0
    before = exported(url, tmp_path / "a.jsonl")
    code, _, err = invoke("merge", sara, mine)
    assert (code, err) == (0, "")
    assert exported(url, tmp_path / "b.jsonl") == before
