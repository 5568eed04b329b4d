"""`annotator agreement`, paired with tests/review/test_agreement.py."""

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli.review import agreement_command
from annotator.storage.project import Project
from tests.review.conftest import ProjectBuilder, word


def invoke(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(agreement_command, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_agreement_json(project: Project, build: ProjectBuilder) -> None:
    d = build.doc("مقال")
    build.spans(d, "omar", ("PER", *word(0)), ("LOC", *word(3)))
    build.spans(d, "sara", ("PER", *word(0)), ("ORG", *word(3)))
    build.spans(d, "zaid", ("PER", *word(0)))
    code, out, _ = invoke(project.path, "--json", "--annotators", "omar,sara")
    assert code == 0
    data = json.loads(out)
    assert data["annotators"] == ["omar", "sara"]
    assert data["documents"] == 1
    assert data["overall"]["f1_exact"] == 0.5
    assert data["pairs"][0]["a"] == "omar"
    assert "مقال" in data["documents_detail"]


def test_agreement_text_report_and_labels_filter(project: Project, build: ProjectBuilder) -> None:
    d = build.doc("d")
    build.spans(d, "omar", ("PER", *word(0)))
    build.spans(d, "sara", ("PER", *word(0)))
    code, out, _ = invoke(project.path, "--labels", "PER")
    assert code == 0
    assert "f1_exact" in out and "omar – sara" in out and "1.000" in out


def test_agreement_user_errors_are_one_line_exit_2(
    project: Project, build: ProjectBuilder, tmp_path: Path
) -> None:
    d = build.doc("d")
    build.spans(d, "omar", ("PER", *word(0)))
    code, _, err = invoke(project.path)
    assert code == 2
    assert err == "annotator: error: agreement needs at least two annotators\n"
    code, _, err = invoke(tmp_path / "missing.annotator")
    assert code == 2 and "no such project file" in err


def test_agreement_per_layer_counts_only_used_layers(
    project: Project, build: ProjectBuilder
) -> None:
    """Paired with tests/review/test_agreement_layers.py: the layers in --json and text."""
    d = build.doc("d")
    build.spans(d, "omar", ("PER", *word(0)), ("CLAIM", *word(2, 4)))
    build.spans(d, "sara", ("PER", *word(0)), ("CLAIM", *word(2, 3)))
    code, out, _ = invoke(project.path, "--json")
    assert code == 0
    data = json.loads(out)
    assert {k: v["units"] for k, v in data["layers"].items()} == {
        "entity": 40,
        "claim": 40,
        "quote": 0,
    }
    assert data["token_units"] == 80
    assert data["layers"]["entity"]["cohen_kappa"] == 1.0
    assert data["layers"]["claim"]["cohen_kappa"] < 1.0
    code, out, _ = invoke(project.path)
    assert code == 0
    assert "layers (token units, cohen_kappa, fleiss_kappa, krippendorff_alpha):" in out
    assert any(line.split()[:2] == ["quote", "0"] for line in out.splitlines())
