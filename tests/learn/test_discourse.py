"""One sense per discourse: a name the model is sure of in one sentence of a document is
proposed wherever else the document has it, by the API and the command line alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.learn.discourse import REPEAT_MIN_SCORE
from annotator.learn.project_data import training_data
from annotator.learn.recommender import Recommender, train
from annotator.storage.project import Project
from tests.learn.corpus import AGAIN, NEW_MINISTER, statements


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Recommender:
    project = statements(tmp_path_factory.mktemp("discourse") / "news.annotator")
    data = training_data(project)
    return train(data.examples, data.layer_of)


def found(model: Recommender, text: str) -> list[tuple[str, str, str]]:
    return [(text[s.start : s.end], s.label, s.source) for s in model.suggest(text)]


def test_a_name_the_model_is_sure_of_is_proposed_where_the_document_repeats_it(
    model: Recommender,
) -> None:
    # Alone, nothing in the sentence tells the model that the words are a name.
    assert found(model, AGAIN) == []
    statement = f"قال الوزير {NEW_MINISTER} إن الاتفاق قريب."
    text = statement + "\n" + AGAIN
    first, again = model.suggest(text)
    assert found(model, text) == [
        (NEW_MINISTER, "PER", "crf"),
        ("كَرِيم الحلبي", "PER", "repeat"),  # harakat and all
    ]
    assert first.score >= REPEAT_MIN_SCORE and again.score == first.score
    # Each sentence its own text (a sentence per document, as bench_learn's sentence
    # benchmark has it): no repeat.
    assert found(model, statement) == [(NEW_MINISTER, "PER", "crf")]


def test_a_name_proposed_in_both_places_is_proposed_once_in_each(model: Recommender) -> None:
    statement = f"قال الوزير {NEW_MINISTER} إن الاتفاق قريب."
    text = statement + "\n" + statement
    assert found(model, text) == [(NEW_MINISTER, "PER", "crf")] * 2


def test_cli_suggest_adds_the_repeats_with_their_source(tmp_path: Path) -> None:
    path = tmp_path / "news.annotator"
    statements(path).close()
    runner = CliRunner()
    result = runner.invoke(cli, ["learn", str(path), "--output", str(tmp_path / "m.model")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        cli, ["suggest", str(path), "--model", str(tmp_path / "m.model"), "--document", "new"]
    )
    assert result.exit_code == 0, result.output
    with Project.open(path) as p:
        doc = p.document("new")
        got = {
            (doc.text[a.start : a.end], a.label, a.attributes["recommender"])
            for a in p.annotations(doc.id, "model:crf")
        }
    assert got == {(NEW_MINISTER, "PER", "crf"), ("كَرِيم الحلبي", "PER", "repeat")}
