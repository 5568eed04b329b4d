"""The gold layer: the adjudicated version of each document, kept as the annotations of
a reserved annotator, with who proposed, agreed with and curated each span."""

from __future__ import annotations

GOLD = "gold"
