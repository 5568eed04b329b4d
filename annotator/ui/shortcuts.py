"""Every keyboard shortcut of the annotation and review windows, spelled out.

Not Qt's standard keys: Qt expands those per desktop, so that on X11 Delete also takes
Ctrl+D (the Emacs key of line editors, which then clashes with "mark done") and Redo
loses Ctrl+Y. Spelled out, a key is the same on every desktop (Ctrl is Command on
macOS) and the guide's table holds everywhere.

Window managers take Alt+Shift+arrows (openbox, XFCE: move the window to another
desktop), so each edge move also has a Ctrl key that desktops leave alone: U and I
move the start edge left and right, J and K the end edge, as the keys lie. Those come
first, so that the menus show a key that works on every desktop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

Keys = tuple[str, ...]

NEW_PROJECT: Keys = ("Ctrl+N",)
OPEN_PROJECT: Keys = ("Ctrl+O",)
QUIT: Keys = ("Ctrl+Q",)
UNDO: Keys = ("Ctrl+Z",)
REDO: Keys = ("Ctrl+Shift+Z", "Ctrl+Y")
FIND: Keys = ("Ctrl+F",)
FIND_NEXT: Keys = ("F3", "Ctrl+G")
FIND_PREVIOUS: Keys = ("Shift+F3", "Ctrl+Shift+G")
# Backspace too: a Mac keyboard's Delete key sends it.
DELETE_SPAN: Keys = ("Del", "Backspace")
LINK: Keys = ("Ctrl+L",)
CANCEL: Keys = ("Esc",)
EXACT_SPANS: Keys = ("Ctrl+E",)
ANNOTATE_ALL: Keys = ("Ctrl+Shift+A",)
ZOOM_IN: Keys = ("Ctrl+=", "Ctrl++")
ZOOM_OUT: Keys = ("Ctrl+-",)
LABEL_TAGS: Keys = ("Ctrl+T",)
# The file managers' and editors' key for their side panel (Nautilus, gedit, Dolphin).
SIDE_PANELS: Keys = ("F9",)
NEXT_DOCUMENT: Keys = ("Ctrl+PgDown",)
PREVIOUS_DOCUMENT: Keys = ("Ctrl+PgUp",)
MARK_DONE: Keys = ("Ctrl+D",)
REVIEW: Keys = ("Ctrl+R",)
# Suggestions (annotator/ui/suggestions.py). The decisions are keys of the article only,
# so that Return still opens a document from the list.
TRAIN_SUGGESTIONS: Keys = ("Ctrl+Shift+T",)
ACCEPT_SUGGESTION: Keys = ("Return", "Enter")
REJECT_SUGGESTION: Keys = ("Shift+Return", "Shift+Enter")
ACCEPT_ALL_SUGGESTIONS: Keys = ("Ctrl+Return", "Ctrl+Enter")
NEXT_SUGGESTION: Keys = ("F8",)
PREVIOUS_SUGGESTION: Keys = ("Shift+F8",)


def edge_moves() -> list[tuple[str, str, bool, Keys]]:
    """The four moves of a selected span's edges, for the Span edges menus of both
    windows: (menu text, edge, rightwards on screen, keys)."""

    translate = QCoreApplication.translate
    return [
        (translate("SpanEdges", "Start edge right"), "start", True, ("Ctrl+I", "Alt+Right")),
        (translate("SpanEdges", "Start edge left"), "start", False, ("Ctrl+U", "Alt+Left")),
        (translate("SpanEdges", "End edge right"), "end", True, ("Ctrl+K", "Alt+Shift+Right")),
        (translate("SpanEdges", "End edge left"), "end", False, ("Ctrl+J", "Alt+Shift+Left")),
    ]


def sequences(keys: Keys) -> list[QKeySequence]:
    return [QKeySequence(k) for k in keys]
