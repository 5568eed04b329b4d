"""The counts every view shows (`stats`, `stats --json`, the chart, the statistics view)
come from one function; the gold layer is counted in none of them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.model import GOLD, NewDocument, Status
from annotator.storage.project import Project
from annotator.storage.stats import project_counts

TEXT = "قال محمد إن الاحتلال يحاصر غزة، بحسب Reuters."


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def make(path: Path) -> Path:
    with Project.create(path) as p:
        p.add_documents([NewDocument("أ", TEXT), NewDocument("ب", "Gaza غزة")])
        a, b = p.document("أ").id, p.document("ب").id
        per = p.add_annotation(a, "هدى", "PER", *at("محمد"))
        claim = p.add_annotation(a, "هدى", "CLAIM", *at("الاحتلال يحاصر غزة"))
        p.add_relation(claim.id, per.id, "source")
        p.add_annotation(b, "omar", "LOC", 5, 8)
        # The curator adjudicated: gold copies both of huda's spans and her relation.
        gold_per = p.add_annotation(a, GOLD, "PER", *at("محمد"))
        gold_claim = p.add_annotation(a, GOLD, "CLAIM", *at("الاحتلال يحاصر غزة"))
        p.add_relation(gold_claim.id, gold_per.id, "source")
        p.set_status(a, "هدى", Status.DONE)
        p.engine.execute("UPDATE annotations SET created = '2026-01-02T10:00:00' WHERE start = 5")
    return path


def test_gold_is_counted_nowhere_and_each_day_once(tmp_path: Path) -> None:
    with Project.open(make(tmp_path / "p.annotator"), readonly=True) as p:
        counts = project_counts(p)
        today = p.annotations(p.document("أ").id)[0].created[:10]
    assert list(counts.annotators) == ["omar", "هدى"]
    assert counts.annotations == 3 and counts.relations == 1 and counts.gold_annotations == 2
    assert counts.per_day == {"2026-01-02": 1, today: 2}
    assert counts.labels_per_document == {"أ": {"CLAIM": 1, "PER": 1}, "ب": {"LOC": 1}}
    assert list(counts.labels)[:3] == ["CLAIM", "QUOTE", "PER"]  # the schema's order, all
    assert counts.labels["PER"] == 1 and counts.labels["QUOTE"] == 0
    huda = counts.annotators["هدى"]
    assert (huda.annotations, huda.documents_annotated) == (2, 1)
    assert huda.status == {"not_started": 1, "in_progress": 0, "done": 1}


def test_stats_prints_the_same_counts(tmp_path: Path) -> None:
    project = make(tmp_path / "p.annotator")
    result = CliRunner().invoke(cli, ["stats", str(project), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    with Project.open(project, readonly=True) as p:
        assert data == project_counts(p).as_json()
    assert GOLD not in data["annotators"] and data["gold"] == {"annotations": 2}
    assert data["annotations"] == 3
    text = CliRunner().invoke(cli, ["stats", str(project)]).stdout
    assert "هدى: 2 annotations in 1 document; 1 done, 0 in progress" in text
    assert "gold:        2 annotations" in text and "\ngold:" in text
