"""`annotator learn` and `annotator suggest --model` as a red team uses them: model files
that are pipes, folders, links in a loop or of another project; options out of their
range; the output written onto the project itself; suggestions filed as gold or as a
person's work. A refusal is exit status 2, one line naming the file (or click's usage
message for an option), and the project exactly as it was."""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from tests.cli_runner import contents, invoke
from tests.learn.corpus import newsroom


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A newsroom project and a model trained on it (kept as they are: each test copies)."""
    folder = tmp_path_factory.mktemp("trained")
    newsroom(folder / "news.annotator").close()
    assert invoke("learn", folder / "news.annotator", "--output", folder / "m.model")[0] == 0
    return folder / "news.annotator", folder / "m.model"


@pytest.fixture
def project(trained: tuple[Path, Path], tmp_path: Path) -> Path:
    path = tmp_path / "news.annotator"
    path.write_bytes(trained[0].read_bytes())
    return path


@pytest.fixture
def model(trained: tuple[Path, Path]) -> Path:
    return trained[1]


def refused(project: Path, *args: str | Path, names: Path | str, says: str) -> None:
    before = contents(project)
    code, out, err = invoke(*args)
    assert (code, out) == (2, ""), err
    assert re.fullmatch(rf"annotator: error: {re.escape(str(names))}: [^\n]+\n", err), err
    assert says in err, err
    assert contents(project) == before


def usage_error(project: Path, *args: str | Path, says: str) -> None:
    before = contents(project)
    code, out, err = invoke(*args)
    assert (code, out) == (2, "") and says in err, err
    assert contents(project) == before


# ----- the model file ------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_as_the_model_is_refused_at_once(project: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "m.model"
    os.mkfifo(fifo)  # no writer: opening it used to wait for ever
    refused(project, "suggest", project, "--model", fifo, names=fifo,
            says="is a named pipe (FIFO), not a regular file")  # fmt: skip


def test_a_folder_a_missing_file_and_a_link_loop_are_one_line(
    project: Path, tmp_path: Path
) -> None:
    """Click's own check said these in four lines of usage."""
    (tmp_path / "a.model").symlink_to(tmp_path / "b.model")
    (tmp_path / "b.model").symlink_to(tmp_path / "a.model")
    for path, says in [
        (tmp_path, "is a folder, not a regular file"),
        (tmp_path / "none.model", "no such file"),
        (tmp_path / "a.model", "Too many levels of symbolic links"),
    ]:
        refused(project, "suggest", project, "--model", path, names=path, says=says)
        refused(project, "suggest", project, "--gazetteer", path, names=path, says=says)


def test_a_model_with_a_count_of_infinity_is_one_line(
    project: Path, model: Path, tmp_path: Path
) -> None:
    """int(Infinity) raised OverflowError: exit status 3, 'a bug in annotator'."""
    hostile = tmp_path / "h.model"
    with zipfile.ZipFile(model) as z, zipfile.ZipFile(hostile, "w") as out:
        for name in z.namelist():
            data = z.read(name)
            if name == "model.json":
                manifest = json.loads(data)
                manifest["layers"]["entity"]["strings"][0]["seen"] = 1e400  # Infinity
                data = json.dumps(manifest).encode()
            out.writestr(name, data)
    refused(project, "suggest", project, "--model", hostile, names=hostile,
            says="is not a JSON number")  # fmt: skip


def test_a_model_of_another_schema_is_refused(project: Path, model: Path, tmp_path: Path) -> None:
    """It used to suggest nothing and say 'suggested 0 spans', exit status 0."""
    planets = tmp_path / "planets.json"
    planets.write_text(
        json.dumps({"labels": [{"name": "PLANET", "kind": "entity"}]}), encoding="utf-8"
    )
    other = tmp_path / "planets.annotator"
    assert invoke("new", other, "--schema", planets)[0] == 0
    text = tmp_path / "a.txt"
    text.write_text("قال محمد العلي في بيروت", encoding="utf-8")
    assert invoke("import", other, text)[0] == 0
    refused(other, "suggest", other, "--model", model, names=model,
            says="the model knows none of the project's labels (it knows CLAIM, DATE")  # fmt: skip


# ----- options ---------------------------------------------------------------------------


@pytest.mark.parametrize("option", ["suggest", "import"])
def test_a_min_score_of_nan_is_refused(project: Path, model: Path, option: str) -> None:
    """NaN passed click's range (no comparison with NaN fails): suggest then added
    nothing and said so with exit status 0, import kept every prediction."""
    if option == "suggest":
        usage_error(project, "suggest", project, "--model", model, "--min-score", "nan",
                    says="'nan' is not a number")  # fmt: skip
    else:
        usage_error(project, "import", project, model, "--annotator", "m:x",
                    "--min-score", "nan", says="'nan' is not a number")  # fmt: skip


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("gold", "--as gold: the annotator name 'gold' is reserved for the adjudicated layer"),
        ("sara", "--as sara: suggestions go under a name with a colon, such as suggest:sara"),
        ("model:\x1b[2J", "the annotator name 'model:\\x1b[2J' contains U+001B (ESCAPE)"),
    ],
    ids=["gold", "a-person", "escape"],
)
def test_suggestions_go_under_a_machines_name(
    project: Path, model: Path, tmp_path: Path, name: str, says: str
) -> None:
    """--as gold wrote 132 spans straight into the gold layer, --as sara into sara's own
    work (which training and agreement then counted as hers)."""
    names = tmp_path / "names.tsv"
    names.write_text("محمد العلي\tPER\n", encoding="utf-8")
    for source in (("--model", model), ("--gazetteer", names)):
        before = contents(project)
        code, out, err = invoke("suggest", project, *source, "--as", name)
        assert (code, out) == (2, "") and err.startswith(f"annotator: error: {says}"), err
        assert err.count("\n") == 1
        assert contents(project) == before


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--labels", ",", "--output", "m.model"), "--labels names no label"),
        (("--evaluate", "--folds", "1"), "1 is not in the range x>=2"),
        (("--evaluate", "--folds", "-3"), "-3 is not in the range x>=2"),
    ],
    ids=["empty-labels", "one-fold", "negative"],
)
def test_learn_options_that_say_nothing(
    project: Path, tmp_path: Path, args: tuple[str, ...], says: str
) -> None:
    """--labels ',' learned every label, as if none had been given."""
    usage_error(project, "learn", project, *[str(tmp_path / a) if a.endswith(".model") else a
                                             for a in args], says=says)  # fmt: skip
    assert not (tmp_path / "m.model").exists()


def test_too_many_folds_and_nothing_to_learn_name_the_project(
    project: Path, tmp_path: Path
) -> None:
    refused(
        project,
        "learn",
        project,
        "--evaluate",
        "--folds",
        "99999999999999999999",
        names=project,
        says="10 documents cannot be split into 99999999999999999999 folds",
    )
    empty = tmp_path / "empty.annotator"
    assert invoke("new", empty)[0] == 0
    refused(
        empty,
        "learn",
        empty,
        "--output",
        tmp_path / "m.model",
        names=empty,
        says="no spans to learn from: no annotator has a finished document with spans",
    )
    assert not (tmp_path / "m.model").exists()  # fmt: skip


# ----- the output ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ("learn", "{p}", "--output", "{o}"),
        ("export", "{p}", "--format", "jsonl", "-o", "{o}"),
        ("schema", "{p}", "--export", "{o}"),
    ],
    ids=["learn", "export", "schema"],
)
def test_the_output_is_never_the_project_itself(
    project: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """`learn --output` the project replaced the whole project with a model (exit status
    0), and so did `export -o` it with an export; a hard link is the same file."""
    link = tmp_path / "same.annotator"
    os.link(project, link)
    for output in (project, link):
        args = [a.format(p=project, o=output) for a in command]
        refused(project, *args, names=output, says="is the project itself; it is not replaced")
    assert invoke("check", project)[:2] == (0, "ok\n")


def test_an_agreement_report_is_never_written_onto_the_project(tmp_path: Path) -> None:
    path = tmp_path / "two.annotator"
    with newsroom(path) as p:
        for a in p.annotations():
            p.add_annotation(a.document_id, "omar", a.label, a.start, a.end)
    refused(path, "agreement", path, "--report", path, names=path, says="is the project itself")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_model_is_never_written_into_a_pipe_or_through_a_link(
    project: Path, tmp_path: Path
) -> None:
    """zipfile opened the FIFO for writing and waited for a reader for ever."""
    fifo = tmp_path / "pipe.model"
    os.mkfifo(fifo)
    refused(project, "learn", project, "--output", fifo, names=fifo, says="not a regular file")
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    link = tmp_path / "link.model"
    link.symlink_to(target)
    refused(project, "learn", project, "--output", link, names=link, says="symbolic link")
    assert target.read_text(encoding="utf-8") == "keep me"
