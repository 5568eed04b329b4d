"""Project files written by released versions stay readable: one fixture per schema version."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.errors import NotAProjectError
from annotator.storage.check import check_project
from annotator.storage.project import Project
from annotator.storage.schema_sql import MIGRATIONS, SCHEMA_VERSION

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
    """With a (pretend) next schema, opening a schema-1 file backs it up, then migrates
    through every version in one transaction."""
    from annotator.storage import sqlite_engine

    def add_column(db: Any) -> None:
        db.execute("ALTER TABLE documents ADD COLUMN language TEXT")

    def broken(db: Any) -> None:
        db.execute("ALTER TABLE documents ADD COLUMN language TEXT")
        raise RuntimeError("migration bug")

    old = FIXTURES / "schema1-demo.annotator"
    for migration, ok in ((broken, False), (add_column, True)):
        copy = tmp_path / f"{migration.__name__}.annotator"
        shutil.copy(old, copy)
        monkeypatch.setattr(sqlite_engine, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
        monkeypatch.setattr(sqlite_engine, "MIGRATIONS", [*MIGRATIONS, migration])
        if ok:
            with Project.open(copy) as p:
                assert p.engine.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
                columns = [row[1] for row in p.engine.execute("PRAGMA table_info(documents)")]
                assert "language" in columns
        else:
            with pytest.raises(NotAProjectError, match=r"could not be upgraded.*unchanged"):
                Project.open(copy)
        backup = copy.with_name(copy.name + ".schema1.bak")
        assert backup.exists()
        monkeypatch.undo()
        if not ok:  # the failed upgrade left the file as it was
            raw = sqlite3.connect(copy)
            assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
            columns = [row[1] for row in raw.execute("PRAGMA table_info(documents)")]
            assert "language" not in columns
            assert raw.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == 3
            raw.close()


def test_schema_2_gives_each_project_its_own_identity(tmp_path: Path) -> None:
    """Two copies of one schema-1 file become two projects once upgraded; a new project
    has an identity from the start; the identity survives a rename."""
    ids = []
    for name in ("a.annotator", "b.annotator"):
        copy = tmp_path / name
        shutil.copy(FIXTURES / "schema1-demo.annotator", copy)
        with Project.open(copy) as p:
            ids.append(p.identity())
        moved = copy.rename(tmp_path / f"moved-{name}")
        with Project.open(moved) as p:
            assert p.identity() == ids[-1]
    with Project.create(tmp_path / "new.annotator") as p:
        ids.append(p.identity())
    assert len(set(ids)) == 3 and all(re.fullmatch("[0-9a-f]{32}", i) for i in ids)


def test_reading_an_older_project_from_the_command_line_upgrades_it_first(
    tmp_path: Path,
) -> None:
    copy = tmp_path / "old.annotator"
    shutil.copy(FIXTURES / "schema1-demo.annotator", copy)
    result = CliRunner().invoke(cli, ["list", str(copy)])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 4
    with Project.open(copy, readonly=True) as p:
        assert p.engine.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert copy.with_name(copy.name + ".schema1.bak").exists()


def test_an_upgraded_schema_1_file_finds_arabic_however_it_is_written(tmp_path: Path) -> None:
    """Schema 3 replaced the raw full-text index with one of light stems."""
    copy = tmp_path / "old.annotator"
    shutil.copy(FIXTURES / "schema1-demo.annotator", copy)
    with Project.open(copy) as p:
        word = p.documents()[0].name
        tables = {r[0] for r in p.engine.execute("SELECT name FROM sqlite_master")}
        assert "documents_fts" not in tables and "documents_ai" not in tables
        text = p.document(p.documents()[0].id).text
        first_word = next(w for w in text.split() if len(w) > 3 and w.isalpha())
        assert p.documents()[0].id in {h.document.id for h in p.search("و" + first_word)}
        assert {h.document.name for h in p.search(word)} >= {word}
