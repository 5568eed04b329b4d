"""Issue 13, the input side: each way a hostile file broke the command line, as a user
meets it. A refusal is exit status 2, one line naming the file (and place), no traceback,
and the project exactly as it was; an acceptance passes `check`.

Rule 1: every input is bounded before it is read (annotator/core/inputs.py).
Rule 2: one rule for what a document may contain (annotator/core/content.py).
Rule 5: import refuses what `check` flags, in the same words (annotator/storage/validate.py).
Rule 6: foreseeable errors are one line; the rest a short message and a traceback file.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
from pathlib import Path

import pytest

from annotator.core.model import Annotation, NewDocument, Relation
from annotator.storage.project import Project
from tests.cli_runner import contents, invoke, one_error_line

TEXT = "قال الرئيس محمد إن الاقتصاد بخير"  # محمد at 11-15, الرئيس at 4-10


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project holding work already, so that a refusal can be seen to change nothing."""
    path = tmp_path / "p.annotator"
    with Project.create(path) as p:
        p.add_documents([NewDocument("existing", "نص موجود من قبل في المشروع")])
        p.add_annotation(1, "sara", "PER", 0, 2)
    return path


def refused(project: Path, *args: str | Path, names: Path | str, says: str) -> None:
    """The command is refused in one line naming ``names``, saying ``says``, and nothing
    else (no report of nothing done), and the project is unchanged."""
    before = contents(project)
    code, out, err = invoke(*args)
    assert (code, out) == (2, ""), err
    line = r"(, line \d+)?" if ", line" not in str(names) else ""
    assert re.fullmatch(rf"annotator: error: {re.escape(str(names))}{line}: [^\n]+\n", err), err
    assert says in err, err
    assert contents(project) == before


def passes_check(project: Path) -> None:
    assert invoke("check", project)[:2] == (0, "ok\n")


def jsonl(path: Path, *records: object) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


# ----- rule 1: inputs bounded before they are read ---------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize(
    "command",
    [
        ("import", "{p}", "{f}"),
        ("import", "{p}", "{f}", "--format", "jsonl"),
        ("schema", "{p}", "--import", "{f}"),
        ("suggest", "{p}", "--gazetteer", "{f}"),
        ("suggest", "{p}", "--patterns", "{f}"),
        ("merge", "{p}", "{f}"),
    ],
    ids=["import", "import-jsonl", "schema", "gazetteer", "patterns", "merge"],
)
def test_a_fifo_is_refused_at_once(project: Path, tmp_path: Path, command: tuple[str]) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # no writer: reading it would block for ever
    args = [a.format(p=project, f=fifo) for a in command]
    refused(project, *args, names=fifo, says="is a named pipe (FIFO), not a regular file")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_for_the_schema_of_a_new_project(tmp_path: Path) -> None:
    code, _, err = invoke("new", tmp_path / "n.annotator", "--schema", "/dev/zero")
    assert code == 2
    one_error_line(err, "/dev/zero")
    assert "is a character device, not a regular file" in err
    assert not (tmp_path / "n.annotator").exists()


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    project: Path, tmp_path: Path
) -> None:
    huge = tmp_path / "huge.jsonl"
    with huge.open("wb") as f:
        f.truncate(1100 * 1024 * 1024)  # sparse: 1.1 GB that costs no disk
    refused(
        project,
        "import",
        project,
        huge,
        names=huge,
        says="is 1,153 MB; a file can be at most 1,000 MB",
    )


def test_a_webanno_offset_of_ten_billion_is_refused_before_it_is_used(
    project: Path, tmp_path: Path
) -> None:
    tsv = tmp_path / "far.tsv"
    tsv.write_text(
        "#FORMAT=WebAnno TSV 3.3\n\n\n#Text=نص\n1-1\t10000000000-10000000002\tنص\t\n",
        encoding="utf-8",
    )
    refused(
        project,
        "import",
        project,
        tsv,
        "--format",
        "webanno",
        names=f"{tsv}, line 5",
        says="offset 10,000,000,000 is beyond the longest article",
    )


HUGE = "9" * 5000


@pytest.mark.parametrize(
    ("fmt", "name", "content", "says"),
    [
        ("brat", "d.ann", f"T1\tPER 0 {HUGE}\tنص\n", "is too large (5,000 digits)"),
        ("brat", "d.ann", "T1\tPER 0 ²\tنص\n", "a T line must read"),
        ("brat", "d.ann", "T1\tPER 0 ٣\tنص\n", "is not a whole number in the digits 0-9"),
        (
            "webanno",
            "d.tsv",
            f"#FORMAT=WebAnno TSV 3.3\n\n\n#Text=نص\n1-1\t0-{HUGE}\tنص\t\n",
            "is too large (5,000 digits)",
        ),
        (
            "webanno",
            "d.tsv",
            "#FORMAT=WebAnno TSV 3.3\n\n\n#Text=نص\n1-1\t0-²\tنص\t\n",
            "is not a whole number in the digits 0-9",
        ),
        (
            "labelstudio",
            "d.json",
            '[{"data": {"text": "نص"}, "id": ' + HUGE + "}]",
            "malformed JSON (Exceeds the limit (4300 digits)",
        ),
        (
            "labelstudio",
            "d.json",
            '[{"data": {"text": "نص"}, "annotations": [{"result": [{"type": "labels", '
            '"value": {"start": 0, "end": "²", "labels": ["PER"]}}]}]}]',
            "start and end must be whole numbers",
        ),
    ],
    ids=["brat-5000", "brat-superscript", "brat-arabic-digit", "webanno-5000",
         "webanno-superscript", "labelstudio-5000", "labelstudio-superscript"],
)  # fmt: skip
def test_huge_and_foreign_numbers_are_refused(
    project: Path, tmp_path: Path, fmt: str, name: str, content: str, says: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    path.with_suffix(".txt").write_text("نص", encoding="utf-8")  # brat's text
    refused(project, "import", project, path, "--format", fmt, "--annotator", "x",
            names=path, says=says)  # fmt: skip


# ----- rule 2: one rule for what a document may contain -----------------------------------


@pytest.mark.parametrize(
    ("record", "says"),
    [
        ({"text": "نص \u001b[31m أحمر"}, "U+001B (ESCAPE) at character 4"),
        ({"text": "سطر\u0085آخر"}, "U+0085 (NEXT LINE)"),
        ({"text": "نص\u0000"}, "U+0000 (NUL)"),
        ({"text": "نص\ud800"}, "U+D800 (a lone surrogate)"),
        ({"text": "نص", "name": "اسم\ud800"}, "the document name"),
        ({"text": "نص", "meta": {"k": "\ud800"}}, "its metadata['k'] contains U+D800"),
        ({"text": "نص", "meta": {"\u001b": 1}}, "a key of its metadata contains U+001B"),
        (
            {"text": "نص", "annotations": [{"start": 0, "end": 2, "label": "PER\ud800"}]},
            "the label 'PER\\ud800' contains U+D800",
        ),
        (
            {"text": "نص", "annotations": [{"start": 0, "end": 2, "label": "PER",
                                            "annotator": "x\u0007"}]},
            "the annotator name 'x\\x07' contains U+0007",
        ),
    ],
    ids=["escape", "next-line", "nul", "surrogate-text", "surrogate-name", "surrogate-meta",
         "control-meta-key", "surrogate-label", "control-annotator"],
)  # fmt: skip
def test_json_escapes_obey_the_same_rule_as_a_text_file(
    project: Path, tmp_path: Path, record: dict[str, object], says: str
) -> None:
    path = jsonl(tmp_path / "d.jsonl", record)
    # --add-labels: not stopped sooner by an unknown label
    refused(project, "import", project, path, "--annotator", "x", "--add-labels",
            names=f"{path}, line 1", says=says)  # fmt: skip
    # merge takes the same file the same way (--as would rename a bad annotator away)
    named = "annotator" in json.dumps(record)
    as_x = [] if named else ["--as", "x"]
    refused(project, "merge", project, path, *as_x, names=f"{path}, line 1", says=says)


def test_a_text_file_with_a_form_feed_is_refused_with_its_place(
    project: Path, tmp_path: Path
) -> None:
    path = tmp_path / "pages.txt"
    path.write_text("الصفحة الأولى\n\fالصفحة الثانية", encoding="utf-8")
    refused(project, "import", project, path, names=path,
            says="U+000C (FORM FEED) at line 2, column 1")  # fmt: skip


@pytest.mark.parametrize(
    "meta", ['{"n": NaN}', '{"n": Infinity}', '{"n": -Infinity}'], ids=["nan", "inf", "-inf"]
)
def test_nan_and_infinity_in_metadata_are_refused(project: Path, tmp_path: Path, meta: str) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "نص", "meta": ' + meta + "}\n", encoding="utf-8")
    refused(project, "import", project, path, names=f"{path}, line 1", says="is not a JSON number")


def test_a_schema_with_a_lone_surrogate_is_refused(project: Path, tmp_path: Path) -> None:
    schema = tmp_path / "s.json"
    schema.write_text('{"labels": [{"name": "PER\\ud800"}]}', encoding="utf-8")
    refused(project, "schema", project, "--import", schema, names=schema, says="U+D800")
    code, _, err = invoke("new", tmp_path / "n.annotator", "--schema", schema)
    assert code == 2 and "U+D800" in err


SEPARATORS = "قال\u2028الرئيس\u2029محمد\u0085"  # U+0085 refused: only in the merge check


def test_line_and_paragraph_separators_survive_every_round_trip(tmp_path: Path) -> None:
    text = "قال الرئيس\u2028محمد إن\u2029الاقتصاد بخير"
    source = tmp_path / "a.txt"
    source.write_text(text, encoding="utf-8")
    first = tmp_path / "first.annotator"
    invoke("new", first)
    assert invoke("import", first, source)[0] == 0
    with Project.open(first) as p:
        p.add_annotation(1, "sara", "PER", 4, 15)  # crosses the U+2028
    out = tmp_path / "out.jsonl"
    assert invoke("export", first, "--format", "jsonl", "-o", out)[0] == 0
    raw = out.read_text(encoding="utf-8")
    assert "\u2028" not in raw and "\\u2028" in raw and "\\u2029" in raw
    assert len(raw.splitlines()) == 1  # even for readers that split at U+2028
    second = tmp_path / "second.annotator"
    invoke("new", second)
    assert invoke("import", second, out)[0] == 0
    assert invoke("merge", first, out)[0] == 0
    brat = tmp_path / "brat"
    assert invoke("export", first, "--format", "brat", "-o", brat)[0] == 0
    third = tmp_path / "third.annotator"
    invoke("new", third)
    assert invoke("import", third, brat, "--format", "brat", "--annotator", "sara")[0] == 0
    for path in (second, third):
        with Project.open(path) as p:
            assert p.document(1).text == text
            assert [(a.start, a.end, a.text) for a in p.annotations()] == [
                (4, 15, "الرئيس\u2028محمد")
            ]
        passes_check(path)
    passes_check(first)


def test_other_controls_are_escaped_in_json_exports(tmp_path: Path) -> None:
    """A project from before the rule (or edited by another program) still exports JSON
    that every reader of JSON lines reads back."""
    path = tmp_path / "old.annotator"
    with Project.create(path) as p:
        p.add_documents([NewDocument("old", "سطر\u0085آخر\u007f")])
    for fmt in ("jsonl", "doccano"):
        out = tmp_path / f"out.{fmt}"
        assert invoke("export", path, "--format", fmt, "-o", out)[0] == 0
        raw = out.read_text(encoding="utf-8")
        assert "\\u0085" in raw and "\\u007f" in raw and len(raw.splitlines()) == 1


def test_xmi_export_of_a_form_feed_from_an_older_project_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "old.annotator"
    with Project.create(path) as p:
        p.add_documents([NewDocument("old", "صفحة\fصفحة")])
    code, _, err = invoke("export", path, "--format", "xmi", "-o", tmp_path / "x")
    assert code == 2
    one_error_line(err, tmp_path / "x")
    assert "document 'old' holds characters XML cannot hold" in err
    code, out, _ = invoke("check", path)
    assert code == 1 and "document 'old': its text contains U+000C (FORM FEED)" in out


def test_show_never_prints_a_terminal_escape(tmp_path: Path) -> None:
    path = tmp_path / "old.annotator"
    with Project.create(path) as p:
        p.add_documents([NewDocument("old\x1b]0;owned\x07", "قال \x1b[2J\x1b[31mالرئيس")])
        p.add_annotation(1, "sara", "PER", 13, 19)
    for flags in (["--no-bidi"], []):
        code, out, _ = invoke("show", path, "old\x1b]0;owned\x07", "--no-color", *flags)
        assert code == 0
        assert "\x1b" not in out and "\x07" not in out and "\ufffd[31m" in out


# ----- rule 5: import refuses what check flags, in the same words -------------------------


@pytest.mark.parametrize(
    ("ann", "says"),
    [
        ("T1\tPER 11 15\tمحمد\nT1\tPER 4 10\tالرئيس\n",
         "the id T1 is given twice (first on line 1)"),
        ("T1\tPER 11 15\tمحمد\nR1\tspeaker Arg1:T9 Arg2:T1\n",
         "R1: relation speaker refers to a missing annotation 'T9'"),
    ],
    ids=["duplicate-t", "relation-to-missing-t"],
)  # fmt: skip
def test_brat_refuses_what_it_used_to_drop(
    project: Path, tmp_path: Path, ann: str, says: str
) -> None:
    (tmp_path / "d.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "d.ann"
    path.write_text(ann, encoding="utf-8")
    refused(project, "import", project, path, "--annotator", "x", names=f"{path}, line 2",
            says=says)  # fmt: skip


def _doc_with_relation(two_annotators: bool) -> NewDocument:
    return NewDocument(
        "d",
        TEXT,
        annotations=(
            Annotation("a", 0, "sara", "PER", 4, 10, "الرئيس"),
            Annotation("b", 0, "omar" if two_annotators else "sara", "PER", 11, 15, "محمد"),
        ),
        relations=(Relation("r", "a", "b", "speaker"),),
    )


@pytest.mark.parametrize(
    ("two_annotators", "says"),
    [
        (False, "document 'd', relation r: speaker goes from PER to PER, which the schema "
                "does not allow"),
        (True, "document 'd', relation r: links spans of two annotators"),
    ],
    ids=["per-to-per", "two-annotators"],
)  # fmt: skip
def test_import_refuses_a_relation_check_flags_in_checks_words(
    project: Path, tmp_path: Path, two_annotators: bool, says: str
) -> None:
    doc = _doc_with_relation(two_annotators)
    # What check says of such a relation in a project that holds it (written past the
    # validator, as an older version or another program could)...
    flagged = tmp_path / "flagged.annotator"
    with Project.create(flagged) as p:
        p.add_documents([doc])
    code, out, _ = invoke("check", flagged)
    assert code == 1 and out.splitlines()[0] == says
    # ...is what import says, refusing it, for the project's own export
    exported = tmp_path / "e.jsonl"
    assert invoke("export", flagged, "--format", "jsonl", "-o", exported)[0] == 0
    refused(project, "import", project, exported, names=f"{exported}, line 1", says=says)
    refused(project, "merge", project, exported, names=f"{exported}, line 1", says=says)
    refused(project, "merge", project, flagged, names=flagged, says=says)


def test_the_name_gold_is_no_name_for_others_spans(project: Path, tmp_path: Path) -> None:
    """Unnamed spans, or a colleague's, do not become gold by a name given on the command
    line; a file's own gold layer does come in as gold (tests/cli/test_gold_round_trip.py)."""
    source = jsonl(tmp_path / "d.jsonl", {"text": TEXT, "annotations": [
        {"start": 11, "end": 15, "label": "PER"}]})  # fmt: skip
    before = contents(project)
    for args in (("import", project, source, "--annotator", "gold"),
                 ("merge", project, source, "--as", "gold")):  # fmt: skip
        code, out, err = invoke(*args)
        assert (code, out) == (2, "") and err.count("\n") == 1
        assert "the annotator name 'gold' is reserved for the adjudicated layer" in err
    assert contents(project) == before


# ----- rule 6: one line for every foreseeable error ----------------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux only")
def test_a_file_name_that_is_not_utf8_is_named_and_the_others_imported(
    project: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    bad = os.path.join(os.fsencode(folder), b"bad\xff.txt")
    with open(bad, "wb") as f:
        f.write("نص آخر".encode())
    code, out, err = invoke("import", project, folder)
    assert code == 2 and "imported 1 document," in out
    assert err == (
        f"annotator: error: {folder}/bad\\xff.txt: the file's name is not valid UTF-8 text; "
        "rename the file; nothing of it was imported\n"
    )
    passes_check(project)


def test_a_folder_whose_files_cannot_be_opened_is_named_and_the_rest_imported(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sub-folder one may list but not enter (mode r--): its files are listed, opening
    them fails. As root nothing is refused, so the refusal is the system's, simulated."""
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    (folder / "locked" / "x.txt").write_text("نص مقفل", encoding="utf-8")
    real_open = os.open

    def guarded(path: str | Path, *args: int) -> int:
        if "locked" in str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args)

    monkeypatch.setattr("annotator.core.inputs.os.open", guarded)
    code, out, err = invoke("import", project, folder)
    assert code == 2 and "imported 1 document," in out
    one_error_line(err.replace("; nothing of it was imported", ""), folder / "locked" / "x.txt")
    assert "cannot be read (Permission denied)" in err


@pytest.mark.parametrize(
    ("fmt", "content", "says"),
    [
        ("labelstudio", '[{"data": {"text": "نص"}, "annotations": 5}]',
         '"annotations" must be a list of objects'),
        ("labelstudio", '[{"data": {"text": "نص"}, "predictions": ["x"]}]',
         '"predictions" must be a list of objects'),
        ("labelstudio", '[{"data": {"text": "نص"}, "annotations": [{"result": [{"type": '
         '"relation", "from_id": 1, "to_id": 1, "labels": {"a": 1}}]}]}]',
         "a relation refers to a region that is not a labelled span"),
        ("doccano", '{"text": "نص", "relations": 7}', '"relations" must be a list'),
        ("doccano", '{"text": "نص", "entities": [{"id": [1], "start_offset": 0, '
         '"end_offset": 2, "label": "PER"}]}', "its id must be a number or text"),
        ("doccano", '{"text": "نص", "label": [[0, 2, "PER"]], "relations": [{"from_id": [1], '
         '"to_id": 1, "type": "x"}]}', "relation 1 refers to a missing entity"),
    ],
    ids=["ls-annotations-int", "ls-predictions-str", "ls-relation-labels-object",
         "doccano-relations-int", "doccano-id-list", "doccano-from-id-list"],
)  # fmt: skip
def test_wrong_json_types_are_one_line(
    project: Path, tmp_path: Path, fmt: str, content: str, says: str
) -> None:
    path = tmp_path / "d.json"
    path.write_text(content, encoding="utf-8")
    before = contents(project)
    code, _, err = invoke("import", project, path, "--format", fmt, "--annotator", "x")
    assert code == 2 and err.count("\n") == 1 and str(path) in err and says in err, err
    assert contents(project) == before


def test_a_malformed_json_cell_is_one_line_for_check_export_and_show(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    with Project.create(path) as p:
        p.add_documents([NewDocument("d", TEXT)])
    conn = sqlite3.connect(path)
    conn.execute("UPDATE documents SET meta = '{not json'")
    conn.commit()
    conn.close()
    says = "document 'd': a cell holds '{not json', which is not valid JSON"
    code, out, _ = invoke("check", path)
    assert code == 1 and out.startswith(f"database: {says}")
    for args in (("export", path, "--format", "jsonl", "-o", tmp_path / "o.jsonl"),
                 ("show", path, "d")):  # fmt: skip
        code, _, err = invoke(*args)
        assert code == 2
        one_error_line(err, path)
        assert "not valid JSON" in err


def test_an_unforeseen_error_is_a_short_message_and_a_traceback_file(
    project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from annotator import launcher

    def broken(*args: object) -> None:
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr("annotator.storage.stats.project_counts", broken)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(sys, "argv", ["annotator", "stats", str(project)])
    with pytest.raises(SystemExit) as exit_:
        launcher.main()
    assert exit_.value.code == 3
    err = capsys.readouterr().err
    m = re.fullmatch(
        r"annotator: internal error \(RuntimeError: something nobody foresaw\); this is a "
        r"bug in annotator; the full traceback is in (\S+)\n",
        err,
    )
    assert m, err
    report = Path(m.group(1)).read_text(encoding="utf-8")
    assert "Traceback" in report and "something nobody foresaw" in report
    assert Path(m.group(1)).is_relative_to(tmp_path / "state")


# ----- smaller -----------------------------------------------------------------------------


def test_a_csv_cell_over_131072_characters_imports(project: Path, tmp_path: Path) -> None:
    long_text = "كلمة " * 40_000  # 200,000 characters
    path = tmp_path / "t.csv"
    path.write_text(f'name,text\nshort,نص قصير\nlong,"{long_text}"\n', encoding="utf-8")
    code, out, err = invoke("import", project, path)
    assert code == 0 and "imported 2 documents" in out, err
    with Project.open(project) as p:
        assert p.document("long").text == long_text
    passes_check(project)


def test_list_keeps_one_document_a_line(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    with Project.create(path) as p:
        p.add_documents([NewDocument("title\nwith\ttab\\", TEXT)])
    code, out, _ = invoke("list", path)
    assert code == 0
    assert out.splitlines() == ["document\tcharacters", "title\\nwith\\ttab\\\\\t32"]


def test_a_schema_edited_in_the_window_obeys_the_same_rule(project: Path) -> None:
    """The window's schema editor saves through Project.set_schema, like `schema --import`."""
    from dataclasses import replace

    from annotator.core.errors import UserError

    before = contents(project)
    with Project.open(project) as p:
        schema = p.schema()
        first = replace(schema.labels[0], name="CLAIM\x1b[2J")
        renamed = replace(schema, labels=(first, *schema.labels[1:]))
        with pytest.raises(UserError, match=r"the label 'CLAIM\\x1b\[2J' contains U\+001B"):
            p.set_schema(renamed)
    assert contents(project) == before
