"""Finding documents by their words, however the Arabic is written.

A text is indexed as the light stems of its words: each word folded (core/arabic.py:
no harakat or tatweel, one alef, ة as ه, ى as ي, one hamza, 0-9 digits, Latin lowercase
without accents), then stripped of the clitics and article in front of it — و ف (and),
ب ك ل (prepositions), ال (the) — one at a time, longest first, for as long as a prefix
leaves at least three letters (two after ال). ``والحكومة``, ``بالحكومة`` and ``حكومة``
are all indexed as ``حكومه``. A query's words are stemmed the same way, so the index
and the query always agree; the stored text itself is never changed.

A query is words (every one must occur, anywhere in the document or its name), quoted
phrases (the words one after the other: "..." «...» “...”) and prefixes (``معلم*``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from annotator.core.arabic import FoldedText, fold_text

# A word of the folded text: letters and digits (folding has removed the marks), once
# "_" is a space (`\w+` on that is twice as fast as `[^\W_]+`).
_WORD = re.compile(r"\w+")
_PHRASE = re.compile(r'"([^"]*)(?:"|$)|«([^»]*)(?:»|$)|“([^”]*)(?:”|$)')
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ك", "ل")
_ARTICLE = "ال"
SNIPPET_BEFORE = 25  # characters of context before the first match
SNIPPET_LENGTH = 140
SNIPPET_PREFIX = 1024  # characters of a text first searched for its passage


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A folded word without the clitics in front of it (see the module's rules).

    One prefix at a time, so combinations (وبال، فلل، وك) need no list of their own, and
    a word keeps the same stem whatever is attached to it: ``والد`` and ``الوالد`` both
    give ``الد`` — a stem is a key to compare words by, not a word to show.
    """
    # An index moves along the word: slicing at each prefix made a long run of prefix
    # letters (a file can hold one) quadratic.
    start, n = 0, len(word)
    while True:
        if word.startswith(_ARTICLE, start) and n - start >= len(_ARTICLE) + 2:
            start += len(_ARTICLE)
        elif n - start >= 4 and word[start] in "وفبكل":
            start += 1
        else:
            return word[start:]


def words(text: str) -> list[str]:
    """The stems of a text's words, in order."""
    return [stem(w) for w in _WORD.findall(fold_text(text).replace("_", " "))]


def index_text(text: str) -> str:
    """What the full-text index holds for a text: its stems, separated by spaces."""
    return " ".join(words(text))


@dataclass(frozen=True)
class Term:
    """A word (one stem) or a phrase (several, one after the other)."""

    stems: tuple[str, ...]
    prefix: bool = False  # the last stem only begins the word

    def matches_at(self, stems: list[str], i: int) -> bool:
        n = len(self.stems)
        if i + n > len(stems):
            return False
        for k, want in enumerate(self.stems):
            got = stems[i + k]
            last = k == n - 1
            if not (got == want or (last and self.prefix and got.startswith(want))):
                return False
        return True


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...]

    def __bool__(self) -> bool:
        return bool(self.terms)

    def fts(self) -> str:
        """The query in FTS5's syntax: each term a quoted phrase, all of them required.
        Stems hold letters and digits only, so quoting them needs no escapes."""
        return " ".join(f'"{" ".join(t.stems)}"' + ("*" if t.prefix else "") for t in self.terms)


def parse_query(query: str) -> Query:
    terms: list[Term] = []

    def add(part: str, phrase: bool) -> None:
        prefix = part.rstrip().endswith("*")
        stems = tuple(words(part))
        if not stems:
            return
        if phrase:
            terms.append(Term(stems, prefix))
            return
        for i, s in enumerate(stems):
            terms.append(Term((s,), prefix and i == len(stems) - 1))

    at = 0
    for m in _PHRASE.finditer(query):
        for bare in re.split(r"(?<=\*)", query[at : m.start()]):
            add(bare, phrase=False)
        add(next(g for g in m.groups() if g is not None), phrase=True)
        at = m.end()
    for bare in re.split(r"(?<=\*)", query[at:]):
        add(bare, phrase=False)
    return Query(tuple(dict.fromkeys(terms)))


@dataclass(frozen=True)
class Snippet:
    """A short passage of a document; ``marks`` are the matches, offsets into ``text``."""

    text: str
    marks: tuple[tuple[int, int], ...]

    def marked(self, open_mark: str = "[", close_mark: str = "]") -> str:
        out, at = [], 0
        for start, end in self.marks:
            out += [self.text[at:start], open_mark, self.text[start:end], close_mark]
            at = end
        out.append(self.text[at:])
        return "".join(out)


def find_matches(text: str, query: Query) -> list[tuple[int, int]]:
    """Where the query's terms occur in ``text``, as code-point spans of the stored text
    in reading order (a phrase from its first word's start to its last word's end).

    Each term's first stem is looked for as a substring of the folded text (at C speed);
    only there are the words around it stemmed, as the index stemmed them."""
    folded = FoldedText(text)
    f = folded.text.replace("_", " ")
    found: set[tuple[int, int]] = set()
    for term in query.terms:
        first = term.stems[0]
        whole_first = not (term.prefix and len(term.stems) == 1)
        at = f.find(first)
        while at >= 0:
            end = at + len(first)
            at = f.find(first, at + 1)
            if whole_first and end < len(f) and f[end].isalnum():
                continue
            start = end - len(first)
            while start > 0 and f[start - 1].isalnum():
                start -= 1
            span = _term_at(f, start, term)
            if span is not None:
                found.add((folded.origin(span[0]), folded.origin(span[1])))
    return sorted(found)


def _term_at(f: str, start: int, term: Term) -> tuple[int, int] | None:
    """The folded span of ``term`` if it begins with the word at ``start``."""
    at, stems = start, list[str]()
    while len(stems) < len(term.stems):
        m = _WORD.search(f, at)
        if m is None or (not stems and m.start() != start):
            return None
        stems.append(stem(m.group()))
        at = m.end()
    return (start, at) if term.matches_at(stems, 0) else None


def snippet(text: str, query: Query, prefix: int = SNIPPET_PREFIX) -> Snippet:
    """A passage around the first match with the matches in it marked; the start of the
    text when only the name matched. Line breaks become spaces.

    Only the beginning of the text is searched while that settles the passage (a search
    shows the passages of its best 20 or 500 texts): ``prefix`` characters first, four
    times as many each time they do not."""
    return _passage(text, _leading_matches(text, query, prefix))


def _leading_matches(text: str, query: Query, prefix: int) -> list[tuple[int, int]]:
    """``find_matches(text, query)`` as far as the passage needs: every match that starts
    before the passage around the first one ends."""
    longest = max((len(t.stems) for t in query.terms), default=1)
    while prefix < len(text):
        # Cut on white space: a word is never cut, and folding never joins across it.
        cut = max(text.rfind(" ", 0, prefix), text.rfind("\n", 0, prefix))
        if cut <= 0:
            break
        matches = find_matches(text[:cut], query)
        if matches:
            # The passage ends before first + SNIPPET_LENGTH. A match that starts before
            # then is whole in the prefix when more words than it has begin between that
            # point and the cut (the first may be the end of a word begun before it).
            after = matches[0][0] + SNIPPET_LENGTH
            tail = fold_text(text[after : min(cut, after + 64 * (longest + 1))])
            if len(_WORD.findall(tail.replace("_", " "))) > longest:
                return matches
        prefix *= 4
    return find_matches(text, query)


def _passage(text: str, matches: list[tuple[int, int]]) -> Snippet:
    start = max(0, matches[0][0] - SNIPPET_BEFORE) if matches else 0
    end = min(len(text), start + SNIPPET_LENGTH)
    if start > 0:  # begin on a word
        space = text.rfind(" ", start - 15, start)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.find(" ", end - 15, end)
        end = space if space > start else end
    lead = "…" if start > 0 else ""
    trail = "…" if end < len(text) else ""
    body = re.sub(r"\s", " ", text[start:end])
    marks = tuple(
        (len(lead) + s - start, len(lead) + min(e, end) - start)
        for s, e in matches
        if s >= start and s < end
    )
    return Snippet(lead + body + trail, marks)
