"""Learning from an annotated corpus imported from another tool (NewsFANE's or Wojood's
CoNLL, brat, …): such files mark no document done, yet every document is annotated
throughout; and --evaluate, which saves nothing, is not given an --output it would
ignore, nor training the options of measuring."""

from __future__ import annotations

from pathlib import Path

from tests.cli_runner import contents, invoke

# Three short documents as a CoNLL corpus has them, each name tagged.
CORPUS = "".join(
    f"-DOCSTART-\tO\n\nقال\tO\n{person}\tB-PER\nفي\tO\n{place}\tB-LOC\n.\tO\n\n"
    for person, place in (("محمد", "عمان"), ("سارة", "بيروت"), ("علي", "دمشق"))
)


def imported(tmp_path: Path) -> Path:
    project = tmp_path / "news.annotator"
    conll = tmp_path / "corpus.conll"
    conll.write_text(CORPUS, encoding="utf-8")
    assert invoke("new", project)[0] == 0
    assert invoke("import", project, conll, "--annotator", "corpus")[0] == 0
    return project


def test_an_imported_corpus_teaches_without_being_marked_done(tmp_path: Path) -> None:
    project = imported(tmp_path)
    model = tmp_path / "corpus.model"
    code, out, err = invoke("learn", project, "--from", "corpus", "--output", model)
    assert (code, err) == (0, "")
    assert out.startswith("learned from 6 spans in 3 documents")
    assert model.exists()
    code, out, _ = invoke("learn", project, "--output", model)  # everyone's, the same
    assert out.startswith("learned from 6 spans in 3 documents")


def test_evaluate_with_an_output_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    project = imported(tmp_path)
    model = tmp_path / "corpus.model"
    before = contents(project)
    code, out, err = invoke("learn", project, "--evaluate", "--folds", "2", "--output", model)
    assert code == 2 and out == ""
    assert err.splitlines()[-1].startswith("Error: --evaluate measures and saves nothing")
    assert not model.exists() and contents(project) == before
    for extra in (("--json",), ("--folds", "2")):  # measuring's options, without it
        code, out, err = invoke("learn", project, *extra, "--output", model)
        assert code == 2 and out == ""
        assert err.splitlines()[-1] == "Error: --folds and --json go with --evaluate"
        assert not model.exists()
