"""Every interchange format from the command line: export, then import back."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator import identity
from annotator.cli.main import cli
from annotator.core.tokens import tokenize
from annotator.formats.registry import FORMATS
from annotator.storage.project import Project
from tests.formats.interop_helpers import ann, doc, project_with

TEXT = "قال الرئيس 👀 إن «الاقتصاد بخير»\nوأضاف وزير المالية"
SPANS = [("PER", "الرئيس"), ("CLAIM", "«الاقتصاد بخير»"), ("PER", "وزير المالية")]


def tokens_of(text: str) -> str:
    return " ".join(t.text for t in tokenize(text))


OUTPUT = {
    "brat": "out",
    "webanno": "out",
    "xmi": "out",
    "spacy": "out.spacy",
    "hf": "out.jsonl",
    "csv": "out.csv",
    "labelstudio": "out.json",
    "conll": "out.conll",
}
INTERCHANGE = ["csv", "doccano", "brat", "conll", "labelstudio", "webanno", "xmi", "hf", "spacy"]


@pytest.mark.parametrize("fmt", INTERCHANGE)
def test_export_and_import_back(tmp_path: Path, fmt: str) -> None:
    if fmt == "spacy":
        pytest.importorskip("spacy")
    anns = [ann(TEXT.index(t), TEXT.index(t) + len(t), label) for label, t in SPANS]
    project_with(tmp_path / "p.annotator", [doc("d", TEXT, *anns)]).close()
    runner = CliRunner()
    out = tmp_path / OUTPUT.get(fmt, "out.jsonl")
    result = runner.invoke(
        cli, ["export", str(tmp_path / "p.annotator"), "--format", fmt, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "exported 1 document, 3 annotations" in result.output
    if not FORMATS[fmt].can_import or fmt == "csv":
        return
    runner.invoke(cli, ["new", str(tmp_path / "q.annotator")])
    result = runner.invoke(
        cli,
        [
            "import",
            str(tmp_path / "q.annotator"),
            str(out),
            "--format",
            fmt,
            "--annotator",
            "sara",
            "--add-labels",
        ],
    )
    assert result.exit_code == 0, result.output
    with Project.open(tmp_path / "q.annotator") as q:
        # CoNLL rebuilds the text from tokens: compare the spans' tokens.
        got = sorted((a.label, tokens_of(a.text)) for a in q.annotations())
        assert got == sorted((label, tokens_of(t)) for label, t in SPANS)


def test_import_without_annotator_and_without_any_name_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(identity, "system_user", lambda: "")
    f = tmp_path / "in.conll"
    f.write_text("قال\tO\nالرئيس\tB-PER\n", encoding="utf-8")
    runner = CliRunner()
    runner.invoke(cli, ["new", str(tmp_path / "q.annotator")])
    result = runner.invoke(
        cli, ["import", str(tmp_path / "q.annotator"), str(f), "--format", "conll", "--add-labels"]
    )
    assert result.exit_code == 2
    assert "names no annotator" in result.output
