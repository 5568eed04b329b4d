"""Project files written by released versions stay readable: one fixture per schema version."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from annotator.core.errors import NotAProjectError
from annotator.storage.check import check_project
from annotator.storage.project import Project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "projects"


def test_every_old_project_file_opens_and_checks_clean(tmp_path: Path) -> None:
    olds = sorted(FIXTURES.glob("schema*.annotator"))
    assert olds, "keep a project file of every schema version in tests/fixtures/projects"
    for old in olds:
        copy = tmp_path / old.name
        shutil.copy(old, copy)
        with Project.open(copy) as p:
            assert check_project(p) == []
            assert p.document_count() == 3
            assert len(p.annotations()) == 33


def test_an_upgrade_writes_a_backup_first_and_runs_in_one_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a (pretend) schema 2, opening a schema-1 file backs it up, then migrates."""
    from annotator.storage import project as project_module

    def add_column(db: Any) -> None:
        db.execute("ALTER TABLE documents ADD COLUMN language TEXT")

    def broken(db: Any) -> None:
        db.execute("ALTER TABLE documents ADD COLUMN language TEXT")
        raise RuntimeError("migration bug")

    old = FIXTURES / "schema1-demo.annotator"
    for migration, ok in ((broken, False), (add_column, True)):
        copy = tmp_path / f"{migration.__name__}.annotator"
        shutil.copy(old, copy)
        monkeypatch.setattr(project_module, "SCHEMA_VERSION", 2)
        monkeypatch.setattr(project_module, "MIGRATIONS", [*project_module.MIGRATIONS, migration])
        if ok:
            with Project.open(copy) as p:
                assert p.conn.execute("PRAGMA user_version").fetchone()[0] == 2
                assert "language" in p.db.table("documents").columns_dict
        else:
            with pytest.raises(NotAProjectError, match=r"could not be upgraded.*unchanged"):
                Project.open(copy)
        backup = copy.with_name(copy.name + ".schema1.bak")
        assert backup.exists()
        monkeypatch.undo()
        if not ok:  # the failed upgrade left the file as it was
            with Project.open(copy) as p:
                assert p.conn.execute("PRAGMA user_version").fetchone()[0] == 1
                assert "language" not in p.db.table("documents").columns_dict
