"""A new user's first commands: other tools' files import under the window's name,
and the report lines read as English."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator import identity
from annotator.demo import build_demo
from annotator.storage.project import Project
from tests.cli_runner import invoke
from tests.paths import SHARED

INTEROP = SHARED / "interop"


def import_brat(project: Path, *options: str) -> tuple[int, str, str]:
    """`annotator import` of the real brat pair, with ``options``."""
    brat = INTEROP / "brat"
    pair = (brat / "000-introduction.txt", brat / "000-introduction.ann")
    return invoke("import", project, *pair, "--format", "brat", "--add-labels", *options)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.annotator"
    assert invoke("new", path)[0] == 0
    return path


def annotators_of(path: Path) -> set[str]:
    with Project.open(path) as p:
        return {a.annotator for a in p.annotations()}


@pytest.mark.parametrize(
    ("files", "fmt"),
    [
        (["brat/000-introduction.txt", "brat/000-introduction.ann"], "brat"),
        (["conll/wojood_sample_test.txt"], "conll"),
        (["webanno_tsv3/testMultiTokenStackedSpanWithFeatureValue.tsv"], "webanno"),
        (["doccano/export_sequence_labeling.jsonl"], "doccano"),
    ],
)
def test_other_tools_files_import_under_the_windows_name(
    project: Path, files: list[str], fmt: str
) -> None:
    identity.store_name("huda")  # as the window's first start stores it
    code, out, err = invoke(
        "import", project, *(INTEROP / f for f in files), "--format", fmt, "--add-labels"
    )
    assert code == 0, err
    assert annotators_of(project) == {"huda"}
    assert "annotations that name no annotator are huda's" in out


def test_without_a_name_set_the_system_user_name_is_used(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(identity, "system_user", lambda: "login-name")
    code, out, _ = import_brat(project)
    assert code == 0
    assert annotators_of(project) == {"login-name"}
    assert "are login-name's" in out


def test_a_name_given_is_used_and_nothing_more_is_said(project: Path) -> None:
    identity.store_name("huda")
    code, out, _ = import_brat(project, "--annotator", "omar")
    assert code == 0
    assert annotators_of(project) == {"omar"}
    assert "name no annotator" not in out


def test_report_lines_count_in_english(project: Path, tmp_path: Path) -> None:
    article = SHARED / "corpus" / "000_855d37cbd7c6786c.txt"
    code, out, _ = invoke("import", project, article)
    assert code == 0
    assert "imported 1 document, 0 annotations, 0 relations from 1 file" in out
    code, out, _ = invoke("export", project, "--format", "jsonl", "--output", tmp_path / "o.jsonl")
    assert "exported 1 document, 0 annotations, 0 relations" in out


def test_stats_chart_works_after_the_set_up(tmp_path: Path) -> None:
    """dev.py's set-up installs the charts extra: the README's `stats --chart` draws."""
    project = tmp_path / "demo.annotator"
    build_demo(project)
    chart = tmp_path / "chart.png"
    code, _, err = invoke("stats", project, "--chart", chart)
    assert code == 0, err
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_labels_an_import_adds_get_colours_no_label_has(project: Path) -> None:
    """The Wojood sample brings 13 labels to the news schema's 8, which use every colour
    of its palette: ORG, GPE and FAC were all drawn in the same blue."""
    sample = INTEROP / "conll" / "wojood_sample_test.txt"
    code, out, err = invoke("import", project, sample, "--format", "conll", "--add-labels")
    assert code == 0, err
    code, out, err = invoke("schema", project)
    colours = [line.split("\t")[3] for line in out.splitlines()]
    assert len(colours) == 21
    assert len(set(colours[:17])) == 17  # every colour of both palettes once
