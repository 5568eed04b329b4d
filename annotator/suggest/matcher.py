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

# Not next to a letter, mark or digit of the folded text (marks are folded away).
_BEFORE = r"(?<![\p{L}\p{M}\p{N}])"
_AFTER = r"(?![\p{L}\p{M}\p{N}])"
# A catastrophic pattern (nested quantifiers) gives up after this long on one document.
PATTERN_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    label: str
    rule: Rule


class Gazetteer:
    """Every name as one alternation, longest first, so a pass over the text finds the
    longest name at each place."""

    def __init__(self, rules: Sequence[Rule]):
        self.by_name: dict[str, Rule] = {}
        for rule in rules:
            self.by_name.setdefault(" ".join(fold(rule.text).text.split()), rule)
        names = sorted((n for n in self.by_name if n), key=len, reverse=True)
        # Spaces inside a name match any run of spaces: articles vary on those too.
        alternatives = [r"\s+".join(regex.escape(w) for w in n.split(" ")) for n in names]
        self.pattern = (
            regex.compile(f"{_BEFORE}(?:{'|'.join(alternatives)}){_AFTER}", regex.V1)
            if alternatives
            else None
        )

    def rule_for(self, matched: str) -> Rule:
        return self.by_name[" ".join(matched.split())]


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

    if gazetteer.pattern is not None:
        for m in gazetteer.pattern.finditer(folded.text):
            add(m.start(), m.end(), gazetteer.rule_for(m.group()))
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
