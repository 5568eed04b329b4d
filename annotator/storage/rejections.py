"""Suggestions a person rejected, kept in the project so that no recommender proposes
the same text with the same label again, in any document.

The text is kept folded (``core/arabic.py``) with its spaces made single, so a rejection
holds whatever the spelling's harakat, tatweel or alef. The table is made the first time
something is rejected: project files from before it stay as they are until then.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.arabic import fold_text
from annotator.storage.edits import Changes
from annotator.storage.engine import Rows
from annotator.storage.project import Project
from annotator.storage.stamps import now
from annotator.storage.tables import SUGGESTION_REJECTED

_TABLE = SUGGESTION_REJECTED.name


def _create(project: Project) -> str:
    return SUGGESTION_REJECTED.create(project.engine.dialect, if_missing=True)


def rejection_key(text: str) -> str:
    return " ".join(fold_text(text).split())


def rejected(project: Project, by: str | None = None) -> set[tuple[str, str]]:
    """(folded text, label) of every rejected suggestion, or of those ``by`` rejected."""
    if not project.engine.has_table(_TABLE):
        return set()
    if by is None:
        rows = project.engine.execute(f"SELECT text, label FROM {_TABLE}")
    else:
        rows = project.engine.execute(
            f"SELECT text, label FROM {_TABLE} WHERE annotator = ?", (by,)
        )
    return {(text, label) for text, label in rows}


def reject(
    project: Project, text: str, label: str, annotator: str, decided: str | None = None
) -> None:
    with project.write():
        project.engine.execute(_create(project))
        project.engine.execute(
            f"INSERT INTO {_TABLE} (text, label, annotator, decided) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (text, label) DO UPDATE SET annotator = excluded.annotator, "
            "decided = excluded.decided",
            (rejection_key(text), label, annotator, decided or now()),
        )


def unreject(project: Project, text: str, label: str) -> None:
    """Undo a rejection."""
    with project.write():
        project.engine.execute(_create(project))
        project.engine.execute(
            f"DELETE FROM {_TABLE} WHERE text = ? AND label = ?", (rejection_key(text), label)
        )


def lift(project: Project, text: str, label: str, annotator: str) -> Rows:
    """Take back ``annotator``'s own rejection of ``text`` as ``label`` (there is one:
    the table is there); the rows deleted (their time of decision, for undo)."""
    with project.write():
        return project.engine.execute(
            f"DELETE FROM {_TABLE} WHERE text = ? AND label = ? AND annotator = ? "
            "RETURNING decided",
            (rejection_key(text), label, annotator),
        )


@dataclass
class RejectSuggestion:
    """Rejecting a suggestion as an undoable edit (storage/edits.py's protocol)."""

    text: str
    label: str
    annotator: str
    description: str = "reject suggestion"

    def apply(self, project: Project) -> Changes:
        reject(project, self.text, self.label, self.annotator)
        return Changes(rejections=True)

    def revert(self, project: Project) -> Changes:
        unreject(project, self.text, self.label)
        return Changes(rejections=True)


@dataclass
class LiftRejection:
    """A person tagging a text by hand with a label they had rejected for it: their
    rejection is taken back, so the text is proposed again; undo puts it back as it was.
    A colleague's rejection stays (on a server only its author may take it back)."""

    text: str
    label: str
    annotator: str
    description: str = "add span"
    _lifted: Rows | None = None

    def apply(self, project: Project) -> Changes:
        self._lifted = lift(project, self.text, self.label, self.annotator)
        return Changes(rejections=True)

    def revert(self, project: Project) -> Changes:
        for (decided,) in self._lifted.fetchall() if self._lifted is not None else []:
            reject(project, self.text, self.label, self.annotator, decided)
        return Changes(rejections=True)
