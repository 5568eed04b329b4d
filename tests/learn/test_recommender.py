"""The recommender learns from a project's spans and proposes them in new text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from annotator.core.errors import UserError
from annotator.learn.evaluate import BASELINE, RECOMMENDER, baseline_of, cross_validate
from annotator.learn.examples import Example, Span, sequences
from annotator.learn.features import shape, strip_clitics
from annotator.learn.model_file import load, save
from annotator.learn.project_data import training_data
from annotator.learn.recommender import Recommender, train
from annotator.learn.strings import StringTable
from annotator.learn.world import world_tags
from tests.learn.corpus import article, newsroom

ENTITIES = {"PER": "entity", "LOC": "entity", "ORG": "entity"}


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Recommender:
    project = newsroom(tmp_path_factory.mktemp("learn") / "news.annotator")
    data = training_data(project)
    return train(data.examples, data.layer_of)


def found(model: Recommender, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in model.suggest(text)]


def test_an_unseen_article_gets_every_entity_with_its_label(model: Recommender) -> None:
    text, spans = article(10)
    got = {(s.start, s.end, s.label) for s in model.suggest(text)}
    assert got == set(spans)


def test_names_are_found_whatever_their_harakat_and_in_new_sentences(
    model: Recommender,
) -> None:
    text = "وفي حديث مع الصحفيين قال مُحَمَّد العَلِيّ إن الوضع في بيروت هادئ."
    assert found(model, text) == [("مُحَمَّد العَلِيّ", "PER"), ("بيروت", "LOC")]


def test_the_places_of_the_world_are_known_before_the_project_names_them(
    model: Recommender,
) -> None:
    # No article of the project names Benghazi; the CRF learned what a city's name means.
    assert ("بنغازي", "LOC") in found(model, "وصل أحمد حسن إلى بنغازي مساء أمس في زيارة رسمية.")


def test_spans_of_different_layers_may_nest() -> None:
    text = "قال الوزير: «إن القاهرة ستستضيف القمة» ثم غادر."
    quote = Span(text.index("«"), text.index("»") + 1, "QUOTE")
    place = Span(text.index("القاهرة"), text.index("القاهرة") + len("القاهرة"), "LOC")
    examples = [Example(text, (quote, place))] * 3
    model = train(examples, {"QUOTE": "quote", "LOC": "entity"})
    assert {(s.start, s.end, s.label) for s in model.suggest(text)} == {
        (quote.start, quote.end, "QUOTE"),
        (place.start, place.end, "LOC"),
    }


def test_two_names_side_by_side_stay_two_in_a_small_schema_or_when_the_project_knows_them() -> None:
    """A schema of many labels is tagged IO (crf.py): it cannot tell two spans of one label
    that touch from one span; a small schema's B- tags can, and in a large one the project's
    known texts cut the span at their edges."""
    text = "التقى محمد العلي أحمد حسن في الوزارة."
    first = Span(text.index("محمد"), text.index("محمد") + len("محمد العلي"), "PER")
    second = Span(text.index("أحمد"), text.index("أحمد") + len("أحمد حسن"), "PER")
    examples = [Example(text, (first, second))] * 5
    small = train(examples, {"PER": "entity"})
    assert found(small, text) == [("محمد العلي", "PER"), ("أحمد حسن", "PER")]
    # 24 more labels, each on a word of its own sentence.
    others = [f"L{n}" for n in range(24)]
    examples += [Example(f"كلمة{n} هنا.", (Span(0, len(f"كلمة{n}"), f"L{n}"),)) for n in range(24)]
    large = train(examples, {label: "entity" for label in ["PER", *others]})
    assert found(large, text) == [("محمد العلي", "PER"), ("أحمد حسن", "PER")]
    # A known name beside a new one: IO tags cannot tell where the first ends, and the
    # model spreads its belief over the spans from محمد to each of the next words; the
    # likeliest is the known name alone, and no span of the new one is probable enough.
    beside_new = "التقى محمد العلي خالد يوسف في الوزارة."
    assert found(large, beside_new) == [("محمد العلي", "PER")]


def test_a_text_the_project_always_gave_one_label_keeps_it_whatever_its_context() -> None:
    def example(text: str, name: str, label: str) -> Example:
        return Example(text, (Span(text.index(name), text.index(name) + len(name), label),))

    cities = ["باريس", "لندن", "روما", "مدريد", "برلين", "فيينا", "اثينا", "دمشق"]
    examples = [example(f"سافر الوزير الى {c} امس.", c, "LOC") for c in cities]
    examples.append(example("اعلنت نوكيا ارباحها امس.", "نوكيا", "ORG"))
    model = train(examples, {"LOC": "entity", "ORG": "entity"})
    # The context is a city's; the project annotated this text as a company.
    assert found(model, "سافر الوزير الى نوكيا امس.") == [("نوكيا", "ORG")]


def test_a_known_text_is_found_with_a_clitic_glued_to_it() -> None:
    text = "قالت الصين امس ان الصين سترد."
    china = [Span(m, m + len("الصين"), "GPE") for m in (text.index("الصين"), text.rindex("الصين"))]
    strings = train([Example(text, tuple(china))], {"GPE": "entity"}, use_crf=False)
    new = "قدم الوزير الشكر للصين وبالصين."
    assert found(strings, new) == [("للصين", "GPE"), ("وبالصين", "GPE")]
    # The plain string matcher, the baseline, matches texts as written.
    assert baseline_of(strings).suggest(new) == []


def test_the_string_score_is_how_often_a_text_was_annotated_where_it_occurs() -> None:
    words = ["امس", "في", "عمان", "و", "عمان", "و", "عمان", "و", "عمان"]
    table = StringTable.build([(words, [(2, 3, "LOC")])])
    assert table.score(("عمان",), "LOC") == 0.25
    assert [m.first for m in table.find(words, min_score=0.2)] == [2, 4, 6, 8]
    assert table.find(words, min_score=0.5) == []


def test_training_is_pure(model: Recommender, tmp_path: Path) -> None:
    project = newsroom(tmp_path / "again.annotator")
    data = training_data(project)
    again = train(data.examples, data.layer_of)
    text = article(11)[0]
    assert again.suggest(text) == model.suggest(text)


def test_a_span_across_sentences_keeps_them_in_one_sequence() -> None:
    text = "قال: «الأمر انتهى. لن نعود» وغادر. ثم صمت."
    claim = Span(text.index("«"), text.index("»") + 1, "CLAIM")
    seqs = sequences(text, [claim])
    assert len(seqs) == 2
    assert seqs[0][0].start <= claim.start and claim.end <= seqs[0][-1].end


def test_arabic_features() -> None:
    assert strip_clitics("والمانيا") == ("وال", "مانيا")
    assert strip_clitics("بغداد") == ("ب", "غداد")  # a feature, weighed by the CRF
    assert strip_clitics("به") == ("", "به")
    assert shape("#الصحة_أولا") == "#a_a"
    assert shape("2024-05-01") == "d-d-d"
    assert world_tags(["من", "لباريس", "الى", "المملكه", "المتحده"]) == [
        "",
        "B-city",
        "",
        "B-country",
        "I-country",
    ]
    # A place name the project uses as an ordinary word gets no tag.
    assert world_tags(["كان"], frozenset({("كان",)})) == [""]


def test_model_file_round_trip(model: Recommender, tmp_path: Path) -> None:
    path = tmp_path / "m.model"
    save(model, path, {"documents": 10})
    loaded, info = load(path)
    assert info == {"documents": 10}
    text = article(12)[0]
    assert loaded.suggest(text) == model.suggest(text)
    with zipfile.ZipFile(path) as z:
        assert sorted(z.namelist()) == ["entity.crfsuite", "model.json"]


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({}, "the model lacks 'model.json'"),
        ({"model.json": "[]"}, "not a model made by `annotator learn`"),
        ({"model.json": "{"}, "not a valid model file"),
        (
            {"model.json": '{"format": "annotator-recommender", "version": 99}'},
            "model version 99 is not known",
        ),
        (
            {"model.json": '{"format": "annotator-recommender", "version": 1}'},
            "a model of an earlier annotator: train it again",
        ),
    ],
)
def test_a_file_that_is_no_model_is_refused(
    tmp_path: Path, members: dict[str, str], message: str
) -> None:
    path = tmp_path / "m.model"
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    with pytest.raises(UserError, match=r"m\.model") as err:
        load(path)
    assert message in str(err.value)


def test_damaged_weights_and_non_zip_are_refused(model: Recommender, tmp_path: Path) -> None:
    path = tmp_path / "m.model"
    save(model, path)
    damaged = tmp_path / "damaged.model"
    with zipfile.ZipFile(path) as z, zipfile.ZipFile(damaged, "w") as out:
        for name in z.namelist():
            data = z.read(name)
            out.writestr(name, data[:40] if name.endswith(".crfsuite") else data)
    with pytest.raises(UserError, match="weights are damaged"):
        load(damaged)
    text_file = tmp_path / "notes.model"
    text_file.write_text("not a zip", encoding="utf-8")
    with pytest.raises(UserError, match="cannot read the model"):
        load(text_file)


def test_cross_validation_scores_both_recommenders(tmp_path: Path) -> None:
    project = newsroom(tmp_path / "news.annotator")
    data = training_data(project)
    scores = cross_validate(data.examples, data.layer_of, folds=5)
    ours, base = scores[RECOMMENDER], scores[BASELINE]
    assert ours.tp.total() + ours.fn.total() == data.spans() == 120
    assert ours.prf()[2] > 0.95
    assert ours.prf()[2] >= base.prf()[2]
    assert set(base.labels()) == {"PER", "LOC", "ORG"}
