"""A curator's decision as an undoable edit (``storage.edits.Edit``): applied once by
running it, redone and undone by restoring the document's gold snapshot from before or
after, so that redo brings back the very same ids."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from annotator.storage.edits import Changes
from annotator.storage.gold import GoldSnapshot
from annotator.storage.project import Project


def _changes(before: GoldSnapshot, after: GoldSnapshot) -> Changes:
    kept = {a.id for a in after.annotations}
    return Changes(
        annotations=list(after.annotations),
        removed=[a.id for a in before.annotations if a.id not in kept],
        relations=before.relations != after.relations,
    )


@dataclass
class GoldChange:
    """One curator's decision in one document, e.g. ``lambda p: accept(p, id, me)``.

    Applied the first time by running ``action``; redone and undone by restoring the
    snapshots, so that redo brings back the very same ids."""

    document_id: int
    action: Callable[[Project], object]
    description: str
    _before: GoldSnapshot | None = None
    _after: GoldSnapshot | None = field(default=None, repr=False)

    def apply(self, project: Project) -> Changes:
        if self._after is None:
            self._before = project.gold.snapshot(self.document_id)
            with project.write():
                self.action(project)
            self._after = project.gold.snapshot(self.document_id)
        else:
            project.gold.restore(self.document_id, self._after)
        assert self._before is not None
        return _changes(self._before, self._after)

    def revert(self, project: Project) -> Changes:
        assert self._before is not None and self._after is not None, "revert before apply"
        project.gold.restore(self.document_id, self._before)
        return _changes(self._after, self._before)
