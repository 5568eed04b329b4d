"""A real full disk (a 512 KiB tmpfs, mounted when the tests run as root and skipped
cleanly otherwise): every command says so in one line naming the file, leaves no partial
file behind, and the project stays sound and is never called damaged.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import NewDocument
from annotator.storage.check import check_project
from annotator.storage.project import Project
from tests.cli_runner import invoke
from tests.learn.corpus import newsroom
from tests.paths import SHARED


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """An empty 512 KiB file system of its own."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def fill(disk: Path) -> Path:
    """Fill the disk to the last byte; the filler file is returned for freeing space."""
    filler = disk / f"filler-{uuid.uuid4().hex}"
    with filler.open("wb", buffering=0) as out:
        for size in (4096, 512, 1):
            try:
                while True:
                    out.write(b"\0" * size)
            except OSError:
                pass
    return filler


def leftovers(folder: Path) -> list[str]:
    return sorted(
        p.name
        for p in folder.rglob("*")
        if p.name.startswith(".annotator-") or ".partial" in p.name
    )


def project_on(disk: Path) -> Path:
    path = disk / "news.annotator"
    with Project.create(path) as p:
        p.add_documents(
            [
                NewDocument(f.stem, f.read_text(encoding="utf-8"))
                for f in sorted((SHARED / "corpus").glob("0*.txt"))
            ]
        )
    return path


def sound(path: Path, annotations: int) -> None:
    with Project.open(path, readonly=True) as p:
        assert check_project(p) == []
        assert len(p.annotations()) == annotations


def test_new_on_a_full_disk_leaves_nothing_and_the_next_new_works(disk: Path) -> None:
    filler = fill(disk)
    path = disk / "news.annotator"
    code, _, err = invoke("new", path)
    assert code == 2
    assert err == f"annotator: error: {path}: the disk is full: no project was made\n"
    assert sorted(p.name for p in disk.iterdir()) == [filler.name]
    filler.unlink()
    assert invoke("new", path)[0] == 0
    sound(path, 0)


def test_suggest_on_a_full_disk_changes_nothing(disk: Path, tmp_path: Path) -> None:
    path = project_on(disk)
    gazetteer = tmp_path / "names.tsv"
    gazetteer.write_text("شركة\tORG\nإكس\tORG\nفي\tMISC\nمن\tMISC\n", encoding="utf-8")
    filler = fill(disk)
    code, _, err = invoke("suggest", path, "--gazetteer", gazetteer)
    assert code == 2, err
    assert err.startswith(f"annotator: error: {path}: ") and "disk is full" in err
    assert err.count("\n") == 1 and "savepoint" not in err
    filler.unlink()
    sound(path, 0)


def test_a_sound_project_on_a_full_disk_is_not_called_damaged(disk: Path, tmp_path: Path) -> None:
    path = project_on(disk)
    fill(disk)
    code, _, err = invoke("import", path, SHARED / "corpus" / "README.md")
    assert code == 2
    assert "is damaged" not in err and "disk is full" in err
    # Reading needs no space: list, check and an export to another disk still work.
    assert invoke("list", path)[0] == 0
    assert invoke("check", path)[:2] == (0, "ok\n")
    out = tmp_path / "out.jsonl"
    assert invoke("export", path, "--format", "jsonl", "-o", out)[0] == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_export_onto_a_full_disk_writes_nothing(disk: Path, tmp_path: Path) -> None:
    path = make_elsewhere(tmp_path)
    fill(disk)
    for format_name, out in (("jsonl", disk / "out.jsonl"), ("brat", disk / "brat")):
        code, _, err = invoke("export", path, "--format", format_name, "-o", out)
        assert code == 2, err
        assert err.count("\n") == 1 and "the disk is full" in err and str(disk) in err
    assert leftovers(disk) == []
    assert not (disk / "out.jsonl").exists()


def test_a_model_onto_a_full_disk_leaves_nothing_and_keeps_the_old_one(
    disk: Path, tmp_path: Path
) -> None:
    """The model was written in place by zipfile: a full disk left a truncated zip where
    the previous model had been."""
    path = tmp_path / "news.annotator"
    newsroom(path).close()
    old = disk / "m.model"
    old.write_bytes(b"the model of yesterday")
    fill(disk)
    code, out, err = invoke("learn", path, "--output", old)
    assert (code, out) == (2, "")
    assert err == f"annotator: error: {old}: the disk is full: nothing was written\n"
    assert old.read_bytes() == b"the model of yesterday"
    assert leftovers(disk) == []


def test_backup_onto_a_full_disk_leaves_no_partial_file(
    disk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(disk))
    path = make_elsewhere(tmp_path)
    fill(disk)
    code, _, err = invoke("backup", path)
    assert code == 2
    assert err.count("\n") == 1 and "the disk is full: no copy was made" in err
    assert leftovers(disk) == []
    assert not list(disk.rglob("*.annotator"))
    sound(path, 1)


def make_elsewhere(tmp_path: Path) -> Path:
    path = tmp_path / "news.annotator"
    with Project.create(path) as p:
        p.add_documents([NewDocument("d", "محمد في بيروت " * 2000)])
        p.add_annotation(1, "sara", "PER", 0, 4)
    return path


def test_the_disk_fixture_is_a_small_file_system(disk: Path) -> None:
    stats = os.statvfs(disk)
    assert stats.f_blocks * stats.f_frsize <= 512 * 1024
