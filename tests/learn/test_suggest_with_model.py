"""Training from a project and adding a model's suggestions to it: the API and the
command line, in pairs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.errors import UserError
from annotator.core.model import GOLD, Status
from annotator.learn.apply import suggest_documents
from annotator.learn.model_file import load, save
from annotator.learn.project_data import training_data
from annotator.learn.recommender import train
from annotator.storage.project import Project
from annotator.storage.rejections import reject, rejected, unreject
from tests.learn.corpus import article, newsroom


def invoke(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.output


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return newsroom(tmp_path / "news.annotator")


def new_doc_spans(p: Project, annotator: str = "model:crf") -> set[tuple[int, int, str]]:
    doc = next(d for d in p.documents() if d.name == "new")
    return {(a.start, a.end, a.label) for a in p.annotations(doc.id, annotator)}


# ----- what a project teaches ---------------------------------------------------------


def test_only_documents_marked_done_teach(project: Project) -> None:
    data = training_data(project)
    assert len(data.examples) == 10 and data.spans() == 120
    first = project.documents()[0].id
    project.set_status(first, "sara", Status.IN_PROGRESS)
    assert len(training_data(project).examples) == 9


def test_chosen_annotators_labels_and_the_gold_layer(project: Project) -> None:
    doc = project.documents()[0]
    project.add_annotation(doc.id, "omar", "PER", 0, 3)
    project.set_status(doc.id, "omar", Status.DONE)
    omar = training_data(project, ["omar"])
    assert [len(e.spans) for e in omar.examples] == [1]
    places = training_data(project, labels=["LOC"])
    assert {s.label for e in places.examples for s in e.spans} == {"LOC"}
    assert places.layer_of == {"LOC": "entity"}
    assert training_data(project, gold=True).examples == []
    project.add_annotation(doc.id, GOLD, "LOC", 4, 7)
    gold = training_data(project, gold=True)
    assert [[(s.start, s.end) for s in e.spans] for e in gold.examples] == [[(4, 7)]]
    # Suggestions are no one's work: they teach nothing unless named.
    project.add_annotation(doc.id, "suggest:gazetteer", "LOC", 4, 7)
    project.set_status(doc.id, "suggest:gazetteer", Status.DONE)
    everyone = training_data(project)  # sara's 10 documents and omar's one
    assert (len(everyone.examples), everyone.spans()) == (11, 121)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"annotators": ["nobody"]}, "no annotator named 'nobody'"),
        ({"labels": ["PLANET"]}, "no label named 'PLANET'"),
        ({"annotators": ["sara"], "gold": True}, "not both"),
    ],
)
def test_what_cannot_be_learned_from_is_refused(
    project: Project, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(UserError, match=message):
        training_data(project, **kwargs)  # type: ignore[arg-type]


def test_cli_learn_saves_a_model_and_refuses_what_it_cannot_learn_from(
    project: Project, tmp_path: Path
) -> None:
    path = project.path
    code, out = invoke("learn", path, "--from", "sara", "--output", tmp_path / "m.model")
    assert code == 0, out
    assert "learned from 120 spans in 10 documents" in out
    model, info = load(tmp_path / "m.model")
    assert info["spans"] == 120 and info["from"] == ["sara"]
    assert set(model.layers) == {"entity"}
    code, out = invoke("learn", path, "--gold", "--output", tmp_path / "g.model")
    assert code == 2
    assert out.strip().splitlines() == [
        f"annotator: error: {path}: no spans to learn from: the gold layer has no finished "
        "document with spans"
    ]
    assert not (tmp_path / "g.model").exists()
    code, out = invoke("learn", path, "--labels", "PLANET", "--output", tmp_path / "p.model")
    assert code == 2 and "no label named 'PLANET'" in out
    code, out = invoke("learn", path)
    assert code == 2 and "--output" in out


# ----- measuring ----------------------------------------------------------------------


def test_cli_evaluate_prints_per_label_scores_beside_the_baseline(project: Project) -> None:
    code, out = invoke("learn", project.path, "--evaluate", "--folds", "5", "--json")
    assert code == 0, out
    report = json.loads(out)
    assert report["folds"] == 5 and report["documents"] == 10 and report["spans"] == 120
    assert set(report["recommender"]["labels"]) == {"PER", "LOC", "ORG"}
    assert report["recommender"]["micro"]["support"] == 120
    assert report["recommender"]["micro"]["f1"] >= report["strings"]["micro"]["f1"]
    code, out = invoke("learn", project.path, "--evaluate", "--folds", "5")
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0] == "5-fold cross-validation over 10 documents, 120 spans; exact spans"
    assert [line.split()[0] for line in lines[2:]] == ["LOC", "ORG", "PER", "all"]
    code, out = invoke("learn", project.path, "--evaluate", "--folds", "11")
    assert code == 2 and "10 documents cannot be split into 11 folds" in out


# ----- suggesting ---------------------------------------------------------------------


def test_suggestions_go_under_their_own_annotator_once(project: Project, tmp_path: Path) -> None:
    data = training_data(project)
    model = train(data.examples, data.layer_of)
    report = suggest_documents(project, model, documents=["new"])
    expected = set(article(10)[1])
    assert new_doc_spans(project) == expected
    assert report.added.total() == len(expected) and report.documents == 1
    doc = next(d for d in project.documents() if d.name == "new")
    for a in project.annotations(doc.id, "model:crf"):
        assert a.attributes["recommender"] in {"crf", "strings"}
        assert 0 < a.attributes["score"] <= 1
    again = suggest_documents(project, model, documents=["new"])
    assert again.added.total() == 0 and again.already_there == len(expected)
    with pytest.raises(UserError, match="no document named 'old'"):
        suggest_documents(project, model, documents=["old"])


def test_a_rejected_text_and_label_is_not_proposed_again(project: Project) -> None:
    data = training_data(project)
    model = train(data.examples, data.layer_of)
    text = project.document("new").text
    start, end, label = sorted(article(10)[1])[0]
    # Rejected as written elsewhere, with harakat: the same text for a reader.
    reject(project, "مُحَمَّد العَلِيّ" if label == "PER" else text[start:end], label, "sara")
    assert rejected(project)
    suggest_documents(project, model, documents=["new"])
    assert (start, end, label) not in new_doc_spans(project)
    assert text[start:end] == "محمد العلي"
    unreject(project, "محمد العلي", label)
    suggest_documents(project, model, documents=["new"])
    assert (start, end, label) in new_doc_spans(project)


def test_cli_suggest_with_a_model(project: Project, tmp_path: Path) -> None:
    data = training_data(project)
    save(train(data.examples, data.layer_of), tmp_path / "m.model")
    path = project.path
    project.close()
    code, out = invoke(
        "suggest", path, "--model", tmp_path / "m.model", "--document", "new", "--min-score", "0.5"
    )
    assert code == 0, out
    assert out.startswith("suggested 12 spans in 1 document as model:crf (LOC 4, ORG 4, PER 4)")
    with Project.open(path) as p:
        assert new_doc_spans(p) == set(article(10)[1])
    code, out = invoke("suggest", path, "--model", tmp_path / "m.model", "--as", "model:mine")
    assert code == 0 and "as model:mine" in out
    code, out = invoke("suggest", path, "--model", tmp_path / "m.model", "--min-score", "1.5")
    assert code == 2
    (tmp_path / "bad.model").write_bytes(b"PK\x03\x04 not really")
    code, out = invoke("suggest", path, "--model", tmp_path / "bad.model")
    assert code == 2 and out.startswith("annotator: error: ") and "bad.model" in out
    assert len(out.strip().splitlines()) == 1
    code, out = invoke("suggest", path, "--document", "new")
    assert code == 2 and "--model" in out
