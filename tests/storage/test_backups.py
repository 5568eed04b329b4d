from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.storage import backups
from annotator.storage.project import NewDocument, Project


def test_one_backup_a_day_the_last_seven_kept(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    project_path = tmp_path / "news.annotator"
    for days in range(1, 10):
        day = datetime.now(UTC) - timedelta(days=days)
        (folder / f"news-{day:%Y-%m-%d}.annotator").write_bytes(b"")
    with Project.create(project_path) as p:
        p.add_documents([NewDocument("d", "نص")])
        made = backups.daily_backup(p, folder)
        assert made is not None
        assert backups.daily_backup(p, folder) is None  # once a day
    kept = backups.list_backups(project_path, folder)
    assert len(kept) == backups.KEEP and kept[0].path == made.path
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


def test_cli_backup_list_and_restore(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(backups, "backup_folder", lambda: tmp_path / "b")
    project_path = tmp_path / "news.annotator"
    Project.create(project_path).close()
    runner = CliRunner()
    result = runner.invoke(cli, ["backup", str(project_path)])
    assert result.exit_code == 0 and "backup written" in result.stdout
    result = runner.invoke(cli, ["backup", str(project_path), "--list"])
    assert result.exit_code == 0 and "news-" in result.stdout
    not_a_project = tmp_path / "x.annotator"
    not_a_project.write_text("junk")
    result = runner.invoke(cli, ["backup", str(project_path), "--restore", str(not_a_project)])
    assert result.exit_code == 2 and "not an annotator project" in result.stderr
