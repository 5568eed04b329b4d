from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from annotator.core.model import NewDocument
from annotator.storage import backups
from annotator.storage.project import Project
from tests.cli_runner import invoke


def test_one_backup_a_day_the_last_seven_kept(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    project_path = tmp_path / "news.annotator"
    with Project.create(project_path) as p:
        own = folder / p.identity()
        own.mkdir(parents=True)
        for days in range(1, 10):
            day = datetime.now(UTC) - timedelta(days=days)
            shutil.copy(project_path, own / f"news-{day:%Y-%m-%d}.annotator")
        p.add_documents([NewDocument("d", "نص")])
        made = backups.daily_backup(p, folder)
        assert made is not None
        assert backups.daily_backup(p, folder) is None  # once a day
        kept = backups.list_backups(p, folder)
    assert len(kept) == backups.KEEP and kept[0].path == made.path
    assert len(list(own.iterdir())) == backups.KEEP  # nothing partial left beside them
    with Project.open(made.path) as copy:
        assert copy.document("d").text == "نص"


def test_restore_puts_the_backup_back_and_keeps_the_replaced_file(tmp_path: Path) -> None:
    project_path = tmp_path / "news.annotator"
    with Project.create(project_path) as p:
        p.add_documents([NewDocument("d", "نص")])
        made = backups.daily_backup(p, tmp_path / "b")
        assert made is not None
        p.add_annotation(1, "sara", "PER", 0, 2)
    kept = backups.restore(made.path, project_path)
    with Project.open(project_path) as p:
        assert p.annotations() == []
    with Project.open(kept) as p:
        assert len(p.annotations()) == 1


def test_cli_backup_list_and_restore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backups, "backup_folder", lambda: tmp_path / "b")
    project_path = tmp_path / "news.annotator"
    Project.create(project_path).close()
    code, out, _ = invoke("backup", project_path)
    assert code == 0 and "backup written" in out
    code, out, _ = invoke("backup", project_path, "--list")
    assert code == 0 and "news-" in out
    not_a_project = tmp_path / "x.annotator"
    not_a_project.write_text("junk")
    code, _, err = invoke("backup", project_path, "--restore", not_a_project)
    assert code == 2 and "not an annotator project" in err


def test_two_restores_in_one_second_keep_both_replaced_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13, item 1: the second restore used to overwrite the first one's kept copy."""
    monkeypatch.setattr(backups, "backup_folder", lambda: tmp_path / "b")
    project_path = tmp_path / "news.annotator"
    with Project.create(project_path) as p:
        p.add_documents([NewDocument("d", "محمد في بيروت")])
    assert invoke("backup", project_path)[0] == 0
    with Project.open(project_path) as p:
        backup = backups.list_backups(p)[0].path
    frozen = datetime(2026, 11, 29, 12, 0, 0, tzinfo=UTC)

    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz: object = None) -> datetime:  # type: ignore[override]
            return frozen

    monkeypatch.setattr(backups, "datetime", FrozenClock)
    work = []
    for word in ("first", "second"):
        with Project.open(project_path) as p:
            p.add_annotation(1, word, "PER", 0, 4)
        code, out, _ = invoke("backup", project_path, "--restore", backup)
        assert code == 0, out
        work.append(out.rsplit(" ", 1)[-1].strip())
    assert len(set(work)) == 2
    for word, kept in zip(("first", "second"), work, strict=True):
        with Project.open(kept) as p:
            assert [a.annotator for a in p.annotations()] == [word]


def test_two_projects_with_one_file_name_keep_their_own_backups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13, item 2: same file name in two folders shared one backup slot."""
    monkeypatch.setattr(backups, "backup_folder", lambda: tmp_path / "b")
    paths = []
    for folder, text in (("desk", "نص المكتب"), ("home", "نص البيت")):
        (tmp_path / folder).mkdir()
        path = tmp_path / folder / "news.annotator"
        with Project.create(path) as p:
            p.add_documents([NewDocument("d", text)])
        code, out, _ = invoke("backup", path)
        assert code == 0 and "backup written" in out  # not "today's backup exists"
        paths.append(path)
    listed = []
    for path in paths:
        code, out, _ = invoke("backup", path, "--list")
        assert code == 0 and len(out.splitlines()) == 1
        listed.append(Path(out.split("\t")[1].strip()))
    assert listed[0] != listed[1]
    with Project.open(listed[1]) as p:
        assert p.document("d").text == "نص البيت"
    # Restoring the other project's backup is refused, and nothing changes.
    before = paths[0].read_bytes()
    code, _, err = invoke("backup", paths[0], "--restore", listed[1])
    assert code == 2 and "is a backup of another project" in err
    assert err.count("\n") == 1 and str(listed[1]) in err
    assert paths[0].read_bytes() == before
