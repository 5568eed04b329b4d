"""Project files another program changed, given to every command that reads one: a table
or a column dropped, pages overwritten, a trigger added, a folder in its place. Each is
one line naming the file, exit status 2 (`check`: its report, exit 1), never 'a bug in
annotator', and the file as it was."""

from __future__ import annotations

import random
import re
import sqlite3
from pathlib import Path

import pytest

from tests.cli_runner import invoke
from tests.learn.corpus import newsroom

# Every command that opens a project, with what else it needs ({d}: a scratch folder).
READERS = [
    ("list", "{p}"),
    ("show", "{p}", "new"),
    ("stats", "{p}"),
    ("search", "{p}", "محمد"),
    ("export", "{p}", "--format", "jsonl", "-o", "{d}/out.jsonl"),
    ("learn", "{p}", "--output", "{d}/out.model"),
    ("learn", "{p}", "--evaluate", "--folds", "2"),
    ("suggest", "{p}", "--patterns", "{d}/patterns.tsv"),
    ("agreement", "{p}", "--annotators", "sara,omar"),
    ("adjudicate", "{p}", "--strategy", "majority"),
    ("schema", "{p}"),
    ("copy", "{p}", "{d}/copy.annotator"),
    ("merge", "{d}/other.annotator", "{p}"),
]
IDS = [" ".join(c[:1] + c[2:3]).replace("{d}/", "") for c in READERS]


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sound") / "news.annotator"
    newsroom(path).close()
    return path


def damaged(sound: Path, folder: Path, *statements: str) -> Path:
    path = folder / "damaged.annotator"
    path.write_bytes(sound.read_bytes())
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def one_line_each(path: Path, folder: Path, says: str, every: bool = True) -> None:
    """Each command says ``says`` in one line naming the file (or, unless ``every``, does
    its work where it reads nothing damaged), prints nothing else, and leaves the file as it
    was."""
    (folder / "patterns.tsv").write_text("محمد\tPER\n", encoding="utf-8")
    newsroom(folder / "other.annotator").close()
    before = path.read_bytes()
    refused = 0
    for command in READERS:
        args = [a.format(p=path, d=folder) for a in command]
        code, out, err = invoke(*args)
        if code != 2 and not every:
            assert code == 0 and err == "", (command, err)
            continue
        assert code == 2, (command, err)
        if says not in err and not every:
            continue  # a refusal of its own (agreement: no work by omar to compare)
        assert re.fullmatch(rf"annotator: error: {re.escape(str(path))}: [^\n]+\n", err), err
        assert says in err, (command, err)
        assert out == "", (command, out)  # nothing cut short that looks whole
        refused += 1
    assert refused >= (len(READERS) if every else 1)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("statements", "says"),
    [
        (["DROP TABLE labels"], "is damaged: it has no table 'labels'"),
        (["DROP TABLE relations"], "is damaged: it has no table 'relations'"),
        (["DROP TABLE gold_rejected"], "is damaged: it has no table 'gold_rejected'"),
        (["DROP TABLE documents_search"], "is damaged: it has no table 'documents_search'"),
        (["DROP VIEW annotations_view", "ALTER TABLE documents DROP COLUMN meta"],
         "is damaged: its table 'documents' has no column 'meta'"),
    ],
    ids=["labels", "relations", "gold_rejected", "search-index", "column"],
)  # fmt: skip
def test_a_missing_table_or_column_is_one_line_for_every_command(
    sound: Path, tmp_path: Path, statements: list[str], says: str
) -> None:
    """Each command failed where it first met the table: 'internal error
    (OperationalError: no such table: labels)', exit status 3."""
    path = damaged(sound, tmp_path, "PRAGMA foreign_keys = OFF", *statements)
    one_line_each(path, tmp_path, says)
    assert invoke("check", path)[0] == 2


def test_overwritten_pages_are_one_line_and_check_reports_them(sound: Path, tmp_path: Path) -> None:
    """'database disk image is malformed' met half-way through a command was exit
    status 3 for every command, `check` included."""
    path = tmp_path / "damaged.annotator"
    data = bytearray(sound.read_bytes())
    page = 4096
    data[2 * page : 5 * page] = random.Random(0).randbytes(3 * page)  # the header intact
    path.write_bytes(bytes(data))
    one_line_each(path, tmp_path, "is damaged (database disk image is malformed)", every=False)
    code, out, err = invoke("check", path)
    assert (code, out, err) == (1, "database: database disk image is malformed\n",
                                "1 problem found\n")  # fmt: skip


def test_a_trigger_someone_added_runs_no_unsafe_function(sound: Path, tmp_path: Path) -> None:
    """SQLite runs a project's triggers (it would for any program); with its schema not
    trusted, one calling a function with effects outside plain rows is refused, the
    change with it, in one line."""
    path = damaged(
        sound,
        tmp_path,
        "CREATE TABLE taken (name TEXT)",
        "CREATE TRIGGER steal AFTER INSERT ON annotations BEGIN "
        "INSERT INTO taken SELECT name FROM pragma_table_info('documents'); END",
    )
    patterns = tmp_path / "patterns.tsv"
    patterns.write_text("محمد\tPER\n", encoding="utf-8")
    before = path.read_bytes()
    code, _, err = invoke("suggest", path, "--patterns", patterns)
    assert code == 2 and err.count("\n") == 1, err
    assert "holds a trigger or view that another program added" in err
    assert 'unsafe use of virtual table "pragma_table_info"' in err
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM taken").fetchone() == (0,)
    conn.close()
    assert invoke("list", path)[0] == 0
    assert path.read_bytes() == before


def test_a_folder_given_as_the_project_is_one_line(tmp_path: Path) -> None:
    """Click's check said it in four lines of usage."""
    folder = tmp_path / "folder.annotator"
    folder.mkdir()
    for command in READERS:
        args = [a.format(p=folder, d=tmp_path) for a in command]
        if command[0] == "merge":
            continue  # the folder would be the other side, a file to merge from
        code, _, err = invoke(*args)
        assert code == 2 and err == f"annotator: error: {folder}: is a folder, not a project file\n"


@pytest.mark.parametrize(
    "identity", ["../../../escaped", "{outside}", ""], ids=["up", "absolute", "empty"]
)
def test_a_projects_identity_never_steers_its_backups_elsewhere(
    sound: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, identity: str
) -> None:
    """The identity names the project's folder of backups, and the window takes a backup
    on opening: one made '/elsewhere' wrote a copy there and deleted all but the 7 newest
    dated .annotator files it found ('elections-2024-05-01.annotator')."""
    outside = tmp_path / "outside"
    outside.mkdir()
    for day in range(1, 10):
        (outside / f"elections-2024-05-0{day}.annotator").write_bytes(b"someone's project")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    value = identity.format(outside=outside)
    path = damaged(sound, tmp_path, f"UPDATE meta SET value = '{value}' WHERE key = 'project_id'")
    for args in (("backup", path), ("backup", path, "--list")):
        code, out, err = invoke(*args)
        assert (code, out) == (2, ""), err
        assert err == (
            f"annotator: error: {path}: its identity {value[:40]!r} (project_id in its meta table) "
            "is not one annotator makes: another program changed it; no backup is taken\n"
        )
    assert len(list(outside.iterdir())) == 9
    assert not (tmp_path / "escaped").exists()
    assert not list((tmp_path / "data").rglob("*.annotator"))


def test_names_with_terminal_escapes_never_reach_the_terminal(tmp_path: Path) -> None:
    """A label, annotator or document named with escapes by another program went to the
    terminal as it was from stats, agreement, schema and learn --evaluate (show and list
    already kept them out): the title set, the screen cleared."""
    path = tmp_path / "news.annotator"
    with newsroom(path) as p:
        for a in p.annotations():
            p.add_annotation(a.document_id, "omar", a.label, a.start, a.end)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE labels SET name = 'PER\x1b]0;owned\x07\x1b[2J' WHERE name = 'PER'")
    conn.execute("UPDATE annotators SET name = 'omar\x1b[31m' WHERE name = 'omar'")
    conn.commit()
    conn.close()
    for args in (
        ("stats", path),
        ("agreement", path),
        ("schema", path),
        ("learn", path, "--evaluate", "--folds", "2"),
    ):
        code, out, err = invoke(*args)
        assert code == 0, err
        assert "\x1b" not in out and "\x07" not in out and "PER\ufffd]0;owned" in out, args


SOME = "WHERE rowid IN (SELECT rowid FROM annotations LIMIT 3)"


@pytest.mark.parametrize(
    ("statements", "says"),
    [
        (["UPDATE labels SET attributes = '[1, 2]' WHERE name = 'PER'"],
         "label 'PER': its attributes '[1, 2]' are not what annotator writes"),
        ([f"UPDATE annotations SET attributes = '[1]' {SOME}"],
         "a cell holds '[1]', which is not a JSON object"),
        (["UPDATE documents SET meta = '[1]' WHERE id = 1"],
         "document 'article 0': a cell holds '[1]', which is not a JSON object"),
        ([f"UPDATE annotations SET start = 'abc' {SOME}"],
         "a cell holds 'abc', where a whole number belongs"),
        ([f"UPDATE annotations SET start = 1.5 {SOME}"],
         "a cell holds '1.5', where a whole number belongs"),
        (["UPDATE documents SET text = X'FFFE00' WHERE id = 1"], "where text belongs"),
    ],
    ids=["label-attributes-array", "attributes-array", "meta-array", "offset-text",
         "offset-float", "text-bytes"],
)  # fmt: skip
def test_a_cell_of_another_type_is_one_line(
    sound: Path, tmp_path: Path, statements: list[str], says: str
) -> None:
    """SQLite keeps whatever another program writes in a column: an array where an object
    belongs, text or 1.5 in an offset, bytes in a text were TypeError, AttributeError or
    'JSON cannot hold BLOB values' (exit status 3) wherever a command met them. Each
    command now says so in one line, or does its work where it reads nothing wrong."""
    path = damaged(sound, tmp_path, "PRAGMA ignore_check_constraints = ON", *statements)
    newsroom(tmp_path / "other.annotator").close()
    before = path.read_bytes()
    for args in (
        ("show", path, "article 0"),
        ("export", path, "--format", "jsonl", "-o", tmp_path / "o.jsonl"),
        ("export", path, "--format", "brat", "-o", tmp_path / "brat"),
        ("learn", path, "--output", tmp_path / "o.model"),
        ("search", path, "محمد"),
        ("merge", tmp_path / "other.annotator", path),
    ):
        code, _, err = invoke(*args)
        if code == 0 and args[0] != "show":
            continue  # what it reads, it reads as it is (an export's SQL copies JSON over)
        assert code == 2 and err.count("\n") == 1, (args, err)
        assert err.startswith(f"annotator: error: {path}: "), (args, err)
        assert says in err or args[0] != "show", err
        assert "changed by another program" in err or "is damaged" in err, (args, err)
    code, _, err = invoke("check", path)
    assert code in (1, 2) and "internal error" not in err
    assert path.read_bytes() == before
