"""Project files written by released versions stay readable: one fixture per schema version."""

from __future__ import annotations

import shutil
from pathlib import Path

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
