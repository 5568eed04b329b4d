"""The article's right-click menu: the window's own actions for the selected text or the
span under the pointer (the labels, delete, link, annotate all), then Copy and Select all.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from annotator.core.model import LabelKind
from annotator.ui.session import Session


def article_menu(
    session: Session,
    pos: QPoint,
    labels: list[QAction],
    delete: QAction,
    link: QAction,
    text_actions: list[QAction],
) -> QMenu:
    """The menu for a right-click at ``pos`` (viewport coordinates). With no text
    selected, the span under the pointer is selected first, as a left click does, so
    that a label relabels it; ``delete`` is offered only with a span selected, ``link``
    only with a claim or a quote selected, ``text_actions`` only with text selected."""
    view = session.view
    selected_text = view.selection() is not None
    if not selected_text and not session.linking:
        hits = [a.id for a in view.hits(pos)]
        if hits and session.selected_id not in hits:
            session.select(hits[0])
    menu = view.createStandardContextMenu(pos)
    span = session.selected()
    if selected_text:
        ours = labels + text_actions
    elif span is not None:
        ours = [*labels, delete]
        if view.index.kind(span) is not LabelKind.ENTITY:
            ours.append(link)
    else:
        return menu  # nothing to tag
    first = menu.actions()[0]  # Select all, at least
    menu.insertActions(first, ours)
    menu.insertSeparator(first)
    return menu
