"""Undoable changes to a project's annotations, free of Qt.

Each edit is one user action. ``apply`` performs it and ``revert`` takes it back, both
through the Project methods (so each is committed at once), and both return the
``Changes`` a view needs to refresh only what moved. Edits remember the ids they
create, so that redo brings back the very same annotation or relation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from annotator.core.errors import GoneError
from annotator.core.model import Annotation, Relation
from annotator.core.schema import Schema
from annotator.storage.project import Project
from annotator.storage.stamps import new_id


@dataclass
class Changes:
    """What an edit did: annotations added or modified (their new state), annotations
    removed (by id), whether any relation changed, whether the schema did (then
    every span's label may have another name or colour) and whether the suggestions
    someone rejected did."""

    annotations: list[Annotation] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    relations: bool = False
    schema: bool = False
    rejections: bool = False

    def merge(self, other: Changes) -> None:
        gone = set(other.removed)
        self.annotations = [a for a in self.annotations if a.id not in gone]
        updated = {a.id for a in other.annotations}
        self.annotations = [a for a in self.annotations if a.id not in updated]
        self.annotations.extend(other.annotations)
        self.removed.extend(other.removed)
        self.relations = self.relations or other.relations
        self.schema = self.schema or other.schema
        self.rejections = self.rejections or other.rejections


class Edit(Protocol):
    description: str

    def apply(self, project: Project) -> Changes: ...

    def revert(self, project: Project) -> Changes: ...


@dataclass
class AddAnnotation:
    document_id: int
    annotator: str
    label: str
    start: int
    end: int
    attributes: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=new_id)
    description: str = "add span"

    def apply(self, project: Project) -> Changes:
        ann = project.add_annotation(
            self.document_id,
            self.annotator,
            self.label,
            self.start,
            self.end,
            self.attributes,
            annotation_id=self.id,
        )
        return Changes(annotations=[ann])

    def revert(self, project: Project) -> Changes:
        _, relations = project.delete_annotation(self.id)
        return Changes(removed=[self.id], relations=bool(relations))


@dataclass
class DeleteAnnotation:
    id: str
    description: str = "delete span"
    _deleted: tuple[Annotation, list[Relation]] | None = None

    def apply(self, project: Project) -> Changes:
        self._deleted = project.delete_annotation(self.id)
        return Changes(removed=[self.id], relations=bool(self._deleted[1]))

    def revert(self, project: Project) -> Changes:
        assert self._deleted is not None, "revert before apply"
        ann, relations = self._deleted
        project.restore_annotation(ann, relations)
        return Changes(annotations=[project.annotation(ann.id)], relations=bool(relations))


@dataclass
class UpdateAnnotation:
    """A new label, new edges and/or new attributes; None leaves a field as it is.

    Revert puts the span back only if it is as this edit left it: a span another program
    changed since is not overwritten (the revert is refused, with a GoneError)."""

    id: str
    label: str | None = None
    start: int | None = None
    end: int | None = None
    attributes: dict[str, Any] | None = None
    description: str = "change span"
    _before: Annotation | None = None
    _after: Annotation | None = None

    def apply(self, project: Project) -> Changes:
        self._before, ann = project.annotation_store.change(
            self.id, label=self.label, start=self.start, end=self.end, attributes=self.attributes
        )
        self._after = ann
        return Changes(annotations=[ann])

    def revert(self, project: Project) -> Changes:
        assert self._before is not None and self._after is not None, "revert before apply"
        if _state(project.annotation(self.id)) != _state(self._after):
            raise GoneError(f"the span {self._after.text!r} was changed by another program")
        old = self._before
        ann = project.update_annotation(
            self.id, label=old.label, start=old.start, end=old.end, attributes=old.attributes
        )
        return Changes(annotations=[ann])


def _state(ann: Annotation) -> tuple[str, int, int, dict[str, Any]]:
    """What an edit of a span sets: its label, edges and attributes."""
    return ann.label, ann.start, ann.end, ann.attributes


@dataclass
class AddRelation:
    from_id: str
    to_id: str
    type: str
    id: str = field(default_factory=new_id)
    description: str = "link spans"

    def apply(self, project: Project) -> Changes:
        project.add_relation(self.from_id, self.to_id, self.type, relation_id=self.id)
        return Changes(relations=True)

    def revert(self, project: Project) -> Changes:
        project.delete_relation(self.id)
        return Changes(relations=True)


@dataclass
class DeleteRelation:
    id: str
    description: str = "unlink spans"
    _deleted: Relation | None = None

    def apply(self, project: Project) -> Changes:
        self._deleted = project.delete_relation(self.id)
        return Changes(relations=True)

    def revert(self, project: Project) -> Changes:
        assert self._deleted is not None, "revert before apply"
        rel = self._deleted
        project.add_relation(rel.from_id, rel.to_id, rel.type, relation_id=rel.id)
        return Changes(relations=True)


@dataclass
class SetBlind:
    """Turn blind annotation on or off for the project (no span changes)."""

    on: bool
    description: str = "blind annotation"
    _before: str = ""

    def apply(self, project: Project) -> Changes:
        self._before = project.setting(Project.BLIND)
        project.set_setting(Project.BLIND, "1" if self.on else "0")
        return Changes()

    def revert(self, project: Project) -> Changes:
        project.set_setting(Project.BLIND, self._before or "0")
        return Changes()


@dataclass
class Bulk:
    """Several edits as one: applied in one transaction, reverted in reverse order."""

    edits: list[Edit]
    description: str = "bulk change"

    def apply(self, project: Project) -> Changes:
        changes = Changes()
        with project.write():
            for edit in self.edits:
                changes.merge(edit.apply(project))
        return changes

    def revert(self, project: Project) -> Changes:
        changes = Changes()
        with project.write():
            for edit in reversed(self.edits):
                changes.merge(edit.revert(project))
        return changes


@dataclass
class EditSchema:
    """The schema editor's changes as one step: labels renamed (their spans follow),
    then the edited schema stored, in one transaction, so that a refused part (dropping
    a label still in use, a name taken) leaves the project as it was. Revert renames
    back and stores the schema as it was, again all or nothing."""

    renames: dict[str, str]
    schema: Schema
    description: str = "edit schema"
    _before: Schema | None = None

    def apply(self, project: Project) -> Changes:
        before = project.schema()
        with project.write():
            for old, new in self.renames.items():
                project.rename_label(old, new)
            project.set_schema(self.schema)
        self._before = before
        return Changes(schema=True)

    def revert(self, project: Project) -> Changes:
        assert self._before is not None, "revert before apply"
        with project.write():
            for old, new in self.renames.items():
                project.rename_label(new, old)
            project.set_schema(self._before)
        return Changes(schema=True)
