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
from annotator.storage.project import Project
from annotator.storage.stamps import now
from annotator.storage.tables import SUGGESTION_REJECTED

_TABLE = SUGGESTION_REJECTED.name


def _create(project: Project) -> str:
    return SUGGESTION_REJECTED.create(project.engine.dialect, if_missing=True)


def rejection_key(text: str) -> str:
    return " ".join(fold_text(text).split())


def rejected(project: Project) -> set[tuple[str, str]]:
    """(folded text, label) of every rejected suggestion."""
    if not project.engine.has_table(_TABLE):
        return set()
    rows = project.engine.execute(f"SELECT text, label FROM {_TABLE}")
    return {(text, label) for text, label in rows}


def reject(project: Project, text: str, label: str, annotator: str) -> None:
    with project.write():
        project.engine.execute(_create(project))
        project.engine.execute(
            f"INSERT INTO {_TABLE} (text, label, annotator, decided) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (text, label) DO UPDATE SET annotator = excluded.annotator, "
            "decided = excluded.decided",
            (rejection_key(text), label, annotator, now()),
        )


def unreject(project: Project, text: str, label: str) -> None:
    """Undo a rejection."""
    with project.write():
        project.engine.execute(_create(project))
        project.engine.execute(
            f"DELETE FROM {_TABLE} WHERE text = ? AND label = ?", (rejection_key(text), label)
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
        return Changes()

    def revert(self, project: Project) -> Changes:
        unreject(project, self.text, self.label)
        return Changes()
