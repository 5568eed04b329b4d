"""The edits' names in the interface's language, for the undo history and the "Not
saved" notices. The core names each edit in English (its ``description``) and imports no
Qt, so the window translates the name where it shows it, the English name as the key."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def edit_name(description: str) -> str:
    """The name shown for an edit; one this table lacks is shown as the core gives it."""
    # Literal calls, not a loop over the keys: pyside6-lupdate extracts only literals.
    names = {
        "add span": QCoreApplication.translate("EditNames", "add span"),
        "delete span": QCoreApplication.translate("EditNames", "delete span"),
        "change span": QCoreApplication.translate("EditNames", "change span"),
        "link spans": QCoreApplication.translate("EditNames", "link spans"),
        "unlink spans": QCoreApplication.translate("EditNames", "unlink spans"),
        "blind annotation": QCoreApplication.translate("EditNames", "blind annotation"),
        "bulk change": QCoreApplication.translate("EditNames", "bulk change"),
        "edit schema": QCoreApplication.translate("EditNames", "edit schema"),
        "reject suggestion": QCoreApplication.translate("EditNames", "reject suggestion"),
        "accept suggestion": QCoreApplication.translate("EditNames", "accept suggestion"),
        "accept suggestions": QCoreApplication.translate("EditNames", "accept suggestions"),
        "relabel": QCoreApplication.translate("EditNames", "relabel"),
        "resize span": QCoreApplication.translate("EditNames", "resize span"),
        "set attribute": QCoreApplication.translate("EditNames", "set attribute"),
        "annotate all": QCoreApplication.translate("EditNames", "annotate all"),
    }
    return names.get(description, description)
