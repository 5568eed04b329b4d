"""Rule 3 of issue 13: every output file is written beside its place and renamed only over a
regular file or nothing, never through a link out of the output folder, with names safe
on every file system and the user's umask; spreadsheet formulas are neutralised in CSV.

Each refusal is checked as a user meets it: exit status 2, one line naming the file, no
traceback, and nothing changed (the project, and whatever the output name pointed at).
"""

from __future__ import annotations

import csv
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import NewDocument
from annotator.storage.project import Project
from tests.cli_runner import contents, invoke, one_error_line
from tests.paths import SHARED

FOLDER_FORMATS = ["brat", "webanno", "html", "xmi"]


def make_project(path: Path, *names: str) -> Path:
    with Project.create(path) as p:
        p.add_documents(
            NewDocument(name, f"نص رقم {i} عن محمد في بيروت.") for i, name in enumerate(names)
        )
        for doc in p.documents():
            p.add_annotation(doc.id, "sara", "PER", 10, 14)
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p.annotator", "one", "two")


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_export_onto_a_symbolic_link_is_refused_and_the_link_and_its_target_kept(
    project: Path, tmp_path: Path
) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    link = tmp_path / "out.jsonl"
    link.symlink_to(target)
    before = contents(project)
    code, _, err = invoke("export", project, "--format", "jsonl", "-o", link)
    assert code == 2
    one_error_line(err, link)
    assert "symbolic link" in err
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "keep me"
    assert contents(project) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".annotator-")]


def test_export_onto_a_pipe_or_device_is_refused_and_left_in_place(
    project: Path, tmp_path: Path
) -> None:
    """As root, the old export renamed its file over /dev/null; a FIFO stands in for it."""
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    code, _, err = invoke("export", project, "--format", "csv", "-o", fifo)
    assert code == 2
    one_error_line(err, fifo)
    assert "not a regular file" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".annotator-")]


def test_export_onto_an_existing_folder_is_a_clear_error(project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    code, _, err = invoke("export", project, "--format", "jsonl", "-o", folder)
    assert code == 2
    one_error_line(err, folder)
    assert "is a folder" in err and list(folder.iterdir()) == []


def test_schema_export_into_a_missing_folder_is_a_clear_error(
    project: Path, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "schema.json"
    code, _, err = invoke("schema", project, "--export", target)
    assert code == 2
    one_error_line(err, target)
    assert "folder to write into does not exist" in err


def test_a_file_name_over_255_bytes_is_refused_by_export_and_new(
    project: Path, tmp_path: Path
) -> None:
    long_name = "ن" * 130 + ".jsonl"  # 266 bytes in UTF-8
    code, _, err = invoke("export", project, "--format", "jsonl", "-o", tmp_path / long_name)
    assert code == 2
    one_error_line(err, tmp_path / long_name)
    assert "longer than 255 bytes" in err
    new = tmp_path / ("ن" * 130 + ".annotator")
    code, _, err = invoke("new", new)
    assert code == 2
    one_error_line(err, new)
    assert not os.path.lexists(new)


@pytest.mark.usefixtures("umask_022")
def test_exported_files_follow_the_umask(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    assert invoke("export", project, "--format", "jsonl", "-o", out)[0] == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    folder = tmp_path / "brat"
    assert invoke("export", project, "--format", "brat", "-o", folder)[0] == 0
    assert {stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()} == {0o644}
    schema = tmp_path / "schema.json"
    assert invoke("schema", project, "--export", schema)[0] == 0
    assert stat.S_IMODE(schema.stat().st_mode) == 0o644


@pytest.mark.parametrize("format_name", FOLDER_FORMATS)
def test_folder_exports_never_write_through_a_link_out_of_the_folder(
    project: Path, tmp_path: Path, format_name: str
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = tmp_path / "out"
    folder.mkdir()
    suffix = {"brat": ".txt", "webanno": ".tsv", "html": ".html", "xmi": ".xmi"}[format_name]
    (folder / f"one{suffix}").symlink_to(outside / f"one{suffix}")  # a dangling link
    (folder / "sub").symlink_to(outside, target_is_directory=True)
    with Project.open(project) as p:
        p.add_documents([NewDocument("sub/three", "نص ثالث")])
    code, _, err = invoke("export", project, "--format", format_name, "-o", folder)
    assert code == 0, err
    assert list(outside.iterdir()) == []
    assert (folder / f"one{suffix}").is_symlink()  # left as it was
    assert (folder / f"one-2{suffix}").is_file()
    assert (folder / "sub-2" / f"three{suffix}").is_file()
    assert f"one{suffix} is not a regular file" in err


@pytest.mark.parametrize("format_name", FOLDER_FORMATS)
def test_folder_export_names_are_safe_on_every_file_system(
    tmp_path: Path, format_name: str
) -> None:
    """Names over 255 bytes, device names, and a document ``x`` beside ``x.txt/y``."""
    long_name = "ن" * 200
    project = make_project(
        tmp_path / "p.annotator", long_name, "CON", "x", "x.txt/y", "x.tsv/y", "x.html/y"
    )
    folder = tmp_path / "out"
    code, out, err = invoke("export", project, "--format", format_name, "-o", folder)
    assert code == 0, err
    assert "exported 6 documents" in out
    written = [p for p in folder.rglob("*") if p.is_file()]
    assert all(len(os.fsencode(p.name)) <= 255 for p in written)
    assert not any(p.stem.upper() == "CON" for p in written)
    # Every document's text is in the folder (brat: .txt beside .ann; others: in the file).
    assert len([p for p in written if p.suffix in (".txt", ".tsv", ".html", ".xmi")]) >= 6


def test_html_index_links_are_url_encoded(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p.annotator", "a b#c?d", "مقال 1")
    folder = tmp_path / "out"
    assert invoke("export", project, "--format", "html", "-o", folder)[0] == 0
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="a%20b%23c_d.html"' in index
    assert 'href="%D9%85%D9%82%D8%A7%D9%84%201.html"' in index


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    with Project.create(path) as p:
        p.add_documents([NewDocument("=HYPERLINK(1)", '=1+2 @SUM(A1) -3 "ok"')])
        p.add_annotation(1, "+evil", "PER", 0, 4)
        p.add_annotation(1, "sara", "PER", 5, 13)
        p.add_annotation(1, "sara", "PER", 14, 16)
    out = tmp_path / "o.csv"
    assert invoke("export", path, "--format", "csv", "-o", out)[0] == 0
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    cells = {c for row in rows[1:] for c in row}
    assert {"'=HYPERLINK(1)", "'+evil", "'=1+2", "'@SUM(A1)", "'-3"} <= cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_new_does_not_follow_a_dangling_symbolic_link(tmp_path: Path) -> None:
    link = tmp_path / "p.annotator"
    link.symlink_to(tmp_path / "elsewhere.annotator")
    code, _, err = invoke("new", link)
    assert code == 2
    one_error_line(err, link)
    assert "already exists" in err
    assert link.is_symlink() and not (tmp_path / "elsewhere.annotator").exists()


def test_two_new_on_one_path_at_once_one_wins_the_other_is_told(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    command = [sys.executable, "-m", "annotator", "new", str(path)]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = sorted((run.wait(), run.communicate()[1]) for run in runs)
    assert [code for code, _ in results] == [0, 2]
    one_error_line(results[1][1], path)
    assert "already exists" in results[1][1]
    with Project.open(path) as p:
        assert p.document_count() == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.annotator"]


def as_a_normal_user() -> list[str]:
    """The command prefix that runs a command as a user without root's powers (root may
    write a read-only file, which hides what a user meets)."""
    if os.geteuid() != 0:
        return []
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    try:
        tried = subprocess.run([*prefix, sys.executable, "-c", "import annotator"], check=False)
    except FileNotFoundError:
        pytest.skip("needs setpriv to drop root's powers")
    if tried.returncode != 0:
        pytest.skip("user nobody cannot run this checkout's Python")
    return prefix


def test_a_read_only_open_leaves_nothing_that_blocks_writes_later() -> None:
    """Reading a read-only project leaves read-only -wal and -shm files; once the file is
    writable again, writing must work."""
    user = as_a_normal_user()
    folder = Path(tempfile.mkdtemp())
    try:
        folder.chmod(0o777)
        path = folder / "p.annotator"

        def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
            command = [*user, sys.executable, "-m", "annotator", *map(str, args)]
            return subprocess.run(command, capture_output=True, text=True, check=False)

        assert run("new", path).returncode == 0
        path.chmod(0o444)
        assert run("list", path).returncode == 0
        path.chmod(0o644)
        added = run("import", path, SHARED / "corpus" / "README.md")
        assert added.returncode == 0, added.stderr
        with Project.open(path, readonly=True) as p:
            assert p.document_count() == 1
    finally:
        shutil.rmtree(folder)
