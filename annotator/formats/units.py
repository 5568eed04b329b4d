"""The unit a format counts offsets in, and the conversion to and from our code points.

UTF-16 goes through ``Utf16Map`` (the one place that converts it); grapheme clusters,
doccano's other mode, through the cluster boundaries of ``Boundaries``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from enum import StrEnum

from annotator.core.offsets import Boundaries, Utf16Map

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetUnit(StrEnum):
    CODEPOINT = "codepoint"
    UTF16 = "utf16"
    GRAPHEME = "grapheme"


class UnitMap:
    """Offsets into one text: code points to ``unit`` and back.

    ``from_unit`` raises ValueError for a position that splits a character (a surrogate
    pair); ``to_unit`` for a code point that splits a grapheme cluster.
    """

    def __init__(self, text: str, unit: OffsetUnit):
        self.unit = unit
        # Most texts have no character outside the BMP: then UTF-16 units are code points.
        astral = unit is OffsetUnit.UTF16 and _ASTRAL.search(text) is not None
        self._utf16 = Utf16Map(text) if astral else None
        self._graphemes = Boundaries(text).graphemes if unit is OffsetUnit.GRAPHEME else None
        self.length = len(text)

    def to_unit(self, index: int) -> int:
        if self._utf16 is not None:
            return self._utf16.to_utf16(index)
        if self._graphemes is not None:
            k = bisect_left(self._graphemes, index)
            if k == len(self._graphemes) or self._graphemes[k] != index:
                raise ValueError(f"offset {index} falls inside a grapheme cluster")
            return k
        return index

    def from_unit(self, position: int) -> int:
        if self._utf16 is not None:
            if not 0 <= position <= self._utf16.utf16_length:
                raise ValueError(f"position {position} is beyond the text")
            return self._utf16.from_utf16(position)
        if self._graphemes is not None:
            if not 0 <= position < len(self._graphemes):
                raise ValueError(f"position {position} is beyond the text")
            return self._graphemes[position]
        if not 0 <= position <= self.length:
            raise ValueError(f"position {position} is beyond the text")
        return position
