"""What a document may contain: one rule for every importer, merge and the window.

A document's text keeps every character a writer can mean: letters of every script,
marks, emoji, the directional marks and isolates, zero-width joiners, U+2028 LINE
SEPARATOR and U+2029 PARAGRAPH SEPARATOR, the tab and the line break (a carriage return
becomes a line break on import). It refuses what no article holds and what breaks the
formats it goes out to:

- the other control characters (U+0000–U+001F but tab, line feed and carriage return;
  U+007F–U+009F, U+0085 NEXT LINE among them): terminal escapes, NUL, form feeds, which
  XML cannot hold and line-based formats split on;
- lone surrogates (U+D800–U+DFFF), which no encoding can write;
- U+FFFE and U+FFFF, which are not characters (XML refuses them).

Names (of labels, annotators, relation types, attributes, ids) are one line: no control
character but the tab (which INCEpTION's labels may hold). Metadata and attribute values
are JSON whose strings follow the text's rule and whose numbers are finite (NaN and
Infinity are not JSON).
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

_REFUSED_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_REFUSED_IN_NAME = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

# Nested deeper than this, metadata is not a record but an attack on the recursion limit.
MAX_VALUE_DEPTH = 32


def describe(ch: str) -> str:
    """U+001B (ESCAPE): how a refused character is named in messages."""
    if "\ud800" <= ch <= "\udfff":
        what = "a lone surrogate"
    else:
        what = unicodedata.name(ch, "") or {
            "\x85": "NEXT LINE",
            "\x1b": "ESCAPE",
            "\x00": "NUL",
            "\x0c": "FORM FEED",
        }.get(ch, "a control character")
    return f"U+{ord(ch):04X} ({what})"


def _place(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"line {line}, column {column}" if "\n" in text else f"character {index + 1}"


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be a document's text (or None): the first refused character
    and where it is."""
    bad = _REFUSED_IN_TEXT.search(text)
    if bad is None:
        return None
    return f"contains {describe(bad.group())} at {_place(text, bad.start())}"


def name_problem(name: str, what: str) -> str | None:
    """Why ``name`` cannot name a label, an annotator, a type or an id (or None)."""
    bad = _REFUSED_IN_NAME.search(name)
    if bad is None:
        return None
    return f"the {what} {name!r} contains {describe(bad.group())}"


def value_problem(value: Any, what: str, depth: int = 0) -> str | None:
    """Why a metadata or attribute value cannot be stored (or None)."""
    if depth > MAX_VALUE_DEPTH:
        return f"{what} is nested more than {MAX_VALUE_DEPTH} levels deep"
    if isinstance(value, str):
        bad = _REFUSED_IN_TEXT.search(value)
        return f"{what} contains {describe(bad.group())}" if bad else None
    if isinstance(value, float) and not math.isfinite(value):
        return f"{what} is {value}, which is not a JSON number"
    if isinstance(value, dict):
        for key, item in value.items():
            problem = (
                value_problem(key, f"a key of {what}", depth + 1)
                if isinstance(key, str)
                else f"{what} has a key that is not text"
            ) or value_problem(item, f"{what}[{key!r}]", depth + 1)
            if problem:
                return problem
    elif isinstance(value, list | tuple):
        for k, item in enumerate(value):
            problem = value_problem(item, f"{what}[{k}]", depth + 1)
            if problem:
                return problem
    return None


def split_lines(content: str) -> list[str]:
    """A file's lines: split at line feeds (the CR of a CRLF dropped), never at the other
    characters ``str.splitlines`` takes for line ends (U+2028, U+2029, U+0085, form and
    vertical feeds, U+001C–U+001E), which are inside a line's text or refused by the
    rule above."""
    lines = content.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.removesuffix("\r") for line in lines]


def visible(text: str) -> str:
    """``text`` safe to print on a terminal: each refused character (a terminal escape,
    a lone surrogate) becomes U+FFFD, one for one, so offsets into it stay right. For
    projects written before the rule, or changed by another program."""
    return _REFUSED_IN_TEXT.sub("\ufffd", text)
