"""QUndoStack entries: each wraps one Qt-free edit from annotator.storage.edits."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from annotator.core.errors import UserError
from annotator.storage.edits import Changes, Edit
from annotator.storage.project import Project
from annotator.ui.edit_names import edit_name

# Called after every apply or revert with the document the edit belongs to (None for
# edits across documents) and what changed.
OnChange = Callable[[int | None, Changes], None]
# Called instead when an undo or redo is refused (another program changed what the edit
# touches, or the project cannot be written); nothing was changed.
OnFailure = Callable[[UserError], None]


class EditCommand(QUndoCommand):
    """An edit that has already been applied once when it is pushed: applying it
    before the push lets a refused edit raise to the caller instead of from inside
    QUndoStack.push."""

    def __init__(
        self,
        edit: Edit,
        project: Project,
        document_id: int | None,
        on_change: OnChange,
        on_failure: OnFailure,
        first_changes: Changes,
    ):
        super().__init__(edit_name(edit.description))
        self._edit = edit
        self._project = project
        self._document_id = document_id
        self.on_change = on_change
        self.on_failure = on_failure
        self._first_changes: Changes | None = first_changes

    def redo(self) -> None:
        changes, self._first_changes = self._first_changes, None
        try:
            if changes is None:
                changes = self._edit.apply(self._project)
        except UserError as exc:  # an exception must not reach Qt, which called us
            self.on_failure(exc)
            return
        self.on_change(self._document_id, changes)

    def undo(self) -> None:
        try:
            changes = self._edit.revert(self._project)
        except UserError as exc:
            self.on_failure(exc)
            return
        self.on_change(self._document_id, changes)
