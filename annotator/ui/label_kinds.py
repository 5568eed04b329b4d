"""A label's kind (entity, claim, quote) as the interface names it: the core's
LabelKind values are English words, and the core imports no Qt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.model import LabelKind


def kind_name(kind: LabelKind) -> str:
    names = {
        LabelKind.ENTITY: QCoreApplication.translate("LabelKinds", "entity"),
        LabelKind.CLAIM: QCoreApplication.translate("LabelKinds", "claim"),
        LabelKind.QUOTE: QCoreApplication.translate("LabelKinds", "quote"),
    }
    return names[kind]
