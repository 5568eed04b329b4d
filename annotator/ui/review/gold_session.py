"""The annotation session, working on the gold layer for a curator.

The view shows gold spans through the ordinary session, so selecting a gold span and
moving its edges use the very keys and code of the annotation window. What differs is
what an edit means: a span tagged on a text selection is a gold span the curator added,
changing a gold span is the curator's edit (its provenance says so), and deleting one
rejects that version. Each becomes one ``GoldChange`` on the
session's undo stack, next to the accepts and rejects the review window runs.
"""

from __future__ import annotations

from annotator.core.model import GOLD
from annotator.review.gold import add_gold
from annotator.review.gold_change import GoldChange
from annotator.storage.edits import AddAnnotation, DeleteAnnotation, Edit, UpdateAnnotation
from annotator.storage.project import Project
from annotator.ui.docview import DocumentView
from annotator.ui.session import Session


class GoldSession(Session):
    def __init__(self, project: Project, curator: str, view: DocumentView):
        super().__init__(project, GOLD, view)
        self.curator = curator

    def run(self, edit: Edit, document_id: int | None) -> bool:
        return super().run(self._as_gold(edit), document_id)

    def _as_gold(self, edit: Edit) -> Edit:
        if isinstance(edit, AddAnnotation):
            add = edit
            return GoldChange(
                add.document_id,
                lambda p: add_gold(
                    p,
                    add.document_id,
                    add.label,
                    add.start,
                    add.end,
                    curated_by=self.curator,
                    attributes=add.attributes,
                ),
                "add gold span",
            )
        if isinstance(edit, UpdateAnnotation):
            update = edit
            ann = self.project.annotation(update.id)
            return GoldChange(
                ann.document_id,
                lambda p: p.gold.edit(
                    update.id,
                    self.curator,
                    label=update.label,
                    start=update.start,
                    end=update.end,
                    attributes=update.attributes,
                ),
                update.description,
            )
        if isinstance(edit, DeleteAnnotation):
            ann = self.project.annotation(edit.id)
            span = (ann.label, ann.start, ann.end)
            return GoldChange(
                ann.document_id,
                lambda p: p.gold.reject(ann.document_id, span, self.curator),
                "reject",
            )
        return edit  # relations: gold's like any other annotator's
