"""EditSchema: a schema edit is one transaction, all or nothing, and undoes whole."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core.errors import UserError
from annotator.core.model import NewDocument
from annotator.core.schema import Schema
from annotator.storage.edits import EditSchema
from annotator.storage.project import Project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "p.annotator")
    project.add_documents([NewDocument("a", "قال محمد في غزة")])
    project.add_annotation(1, "huda", "PER", 4, 8)
    return project


def names(project: Project) -> list[str]:
    return [lb.name for lb in project.schema().labels]


def test_a_refused_drop_takes_back_the_rename_made_before_it(project: Project) -> None:
    before = names(project)
    schema = project.schema()
    kept = Schema(tuple(lb for lb in schema.labels if lb.name != "PER"), schema.relation_types)
    with pytest.raises(UserError, match="PER"):
        EditSchema({"ORG": "ORGANISATION"}, kept).apply(project)
    assert names(project) == before
    project.close()


def test_revert_puts_back_names_and_labels(project: Project) -> None:
    before = project.schema()
    renamed = tuple(
        replace(lb, name="PERSON") if lb.name == "PER" else lb
        for lb in before.labels
        if lb.name != "EVENT"
    )
    edit = EditSchema({"PER": "PERSON"}, Schema(renamed, before.relation_types))
    assert edit.apply(project).schema
    assert [a.label for a in project.annotations()] == ["PERSON"]
    assert "EVENT" not in names(project)
    edit.revert(project)
    assert project.schema() == before
    assert [a.label for a in project.annotations()] == ["PER"]
    project.close()
