"""`annotator render`: the command line over annotator.ui.render, paired with its API test."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from annotator.demo import build_demo
from annotator.launcher import cli


def test_render_writes_a_png_and_names_a_missing_document(tmp_path: Path) -> None:
    project = tmp_path / "demo.annotator"
    build_demo(project)
    out = tmp_path / "doc.png"
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "render",
            str(project),
            "--document",
            "01-water-summit",
            "--output",
            str(out),
            "--annotator",
            "sara",
        ],
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\x89PNG")
    result = runner.invoke(
        cli, ["render", str(project), "--document", "nope", "--output", str(out)]
    )
    assert result.exit_code == 2
    assert "no document named 'nope'" in result.stderr
