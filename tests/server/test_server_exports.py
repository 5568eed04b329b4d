"""The line exports (jsonl, doccano, csv) of a project on a server are the bytes of the
same exports of its file: each engine builds them with its own SQL."""

from __future__ import annotations

from pathlib import Path

from annotator.demo import build_demo
from tests.cli_runner import invoke
from tests.pg_server import PgServer


def exported(project: Path | str, out: Path, *options: str) -> bytes:
    code, _, err = invoke("export", project, "--output", out, *options)
    assert code == 0, err
    return out.read_bytes()


def test_the_line_exports_of_a_server_project_are_those_of_its_file(
    pg_server: PgServer, tmp_path: Path
) -> None:
    demo = tmp_path / "demo.annotator"
    build_demo(demo)
    url = pg_server.url(project="exports")
    assert invoke("copy", demo, url)[0] == 0
    for options in [
        ("--format", "jsonl"),
        ("--format", "doccano"),
        ("--format", "doccano", "--doccano-project", "sequence"),
        ("--format", "doccano", "--offset-unit", "grapheme"),
        ("--format", "csv"),
    ]:
        original = exported(demo, tmp_path / "a", *options)
        assert original.count(b"\n") >= 3
        assert exported(url, tmp_path / "b", *options) == original, options
