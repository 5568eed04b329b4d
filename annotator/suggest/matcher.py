"""Finding the spans that lists of names and patterns propose in one text.

Matching runs on the folded text (``core/arabic.py``: no harakat or tatweel, one alef,
ta marbuta as ha, alef maqsura as ya, Latin lowercased) and maps back to the stored
text's code points. A match must start and end on word edges of the stored text, so a
name is never found inside a longer word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from annotator.core.arabic import Folded, fold
from annotator.core.errors import UserError
from annotator.core.offsets import Boundaries
from annotator.suggest.rules import PatternRule, Rule

# Words (letters, marks, digits) and single other signs: names and texts alike are
# compared as such tokens, whatever the spaces between them.
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+|(?:(?![\p{L}\p{M}\p{N}\s])\X)")
# A catastrophic pattern (nested quantifiers) gives up after this long on one document.
PATTERN_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    label: str
    rule: Rule


class Gazetteer:
    """Names as sequences of folded tokens; a pass over a text's tokens looks up, at each
    token, the longest name starting there (a dictionary lookup per length, so a list of
    100,000 names costs no more per document than a list of ten)."""

    def __init__(self, rules: Sequence[Rule]):
        self.names: dict[tuple[str, ...], Rule] = {}
        for rule in rules:
            key = tuple(_TOKEN.findall(fold(rule.text).text))
            if key:
                self.names.setdefault(key, rule)
        self.longest = max(map(len, self.names), default=0)

    def find(self, folded: str) -> list[tuple[int, int, Rule]]:
        """(start, end, rule) of each name in ``folded``, offsets into it."""
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded)]
        words = [t[2] for t in tokens]
        found = []
        i = 0
        while i < len(tokens):
            for n in range(min(self.longest, len(tokens) - i), 0, -1):
                rule = self.names.get(tuple(words[i : i + n]))
                if rule is not None:
                    found.append((tokens[i][0], tokens[i + n - 1][1], rule))
                    i += n
                    break
            else:
                i += 1
        return found


def suggest(
    text: str,
    gazetteer: Gazetteer,
    patterns: Sequence[PatternRule],
    document: str = "",
    timeout: float = PATTERN_TIMEOUT_S,
) -> list[Suggestion]:
    """Spans of ``text`` that the names and patterns propose, in reading order; the
    same span and label proposed twice is given once."""
    folded = fold(text)
    bounds = Boundaries(text)
    found: dict[tuple[int, int, str], Suggestion] = {}

    def add(start: int, end: int, rule: Rule) -> None:
        s, e = folded.origin[start], folded.origin[end]
        if s < e and bounds.snap_to_words(s, e) == (s, e):
            found.setdefault((s, e, rule.label), Suggestion(s, e, rule.label, rule))

    for start, end, rule in gazetteer.find(folded.text):
        add(start, end, rule)
    for p in patterns:
        for start, end in _pattern_matches(p, folded, document, timeout):
            add(start, end, p.rule)
    return sorted(found.values(), key=lambda s: (s.start, -s.end, s.label))


def _pattern_matches(
    p: PatternRule, folded: Folded, document: str, timeout: float
) -> list[tuple[int, int]]:
    try:
        return [m.span() for m in p.pattern.finditer(folded.text, timeout=timeout)]
    except TimeoutError:
        raise UserError(
            f"the pattern took longer than {timeout:g} s on document {document!r}; "
            "simplify it (nested repeats such as (a+)+ try every split)",
            p.rule.path,
            p.rule.line,
        ) from None
