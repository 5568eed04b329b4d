"""The string table: the tables of the jackknife's folds, and finding known texts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.learn.strings import Match, StringTable

# Few words, so that texts repeat, overlap and continue one another.
WORD = st.sampled_from(["a", "b", "c", "d"])


@st.composite
def annotated(draw: st.DrawFn) -> tuple[list[str], list[tuple[int, int, str]], int]:
    """A sequence of words with spans (token ranges, not overlapping) and a fold."""
    words = draw(st.lists(WORD, min_size=1, max_size=8))
    cuts = sorted(draw(st.sets(st.integers(0, len(words)), max_size=6)))
    spans = [
        (a, b, draw(st.sampled_from(["X", "Y"])))
        for a, b in zip(cuts[::2], cuts[1::2], strict=False)
        if a < b
    ]
    return words, spans, draw(st.integers(0, 2))


@settings(max_examples=150)
@given(data=st.lists(annotated(), max_size=12))
def test_each_folds_table_is_the_table_of_the_other_folds(
    data: list[tuple[list[str], list[tuple[int, int, str]], int]],
) -> None:
    tables = StringTable.without_each_fold(data, 3)
    for k, table in enumerate(tables):
        plain = StringTable.build((w, s) for w, s, fold in data if fold != k)
        assert table.labels == plain.labels
        assert +table.seen == +plain.seen
        assert (table.longest, table.starts, table.continued) == (
            plain.longest,
            plain.starts,
            plain.continued,
        )


def tried_at_every_length(table: StringTable, words: list[str], min_score: float) -> list[Match]:
    """What find promises, looked for the long way: at each token not inside the last
    match, every length from the longest known text down."""
    out: list[Match] = []
    after = 0
    for i in range(len(words)):
        if i < after:
            continue
        for n in range(min(table.longest, len(words) - i), 0, -1):
            best = table.best(tuple(words[i : i + n]))
            if best is not None and best[1] >= min_score:
                out.append(Match(i, i + n, *best))
                after = i + n
                break
    return out


@settings(max_examples=200)
@given(
    data=st.lists(annotated(), min_size=1, max_size=8),
    words=st.lists(WORD, max_size=12),
    min_score=st.sampled_from([0.0, 0.34, 0.5, 1.0]),
)
def test_find_gives_the_longest_known_text_at_each_token(
    data: list[tuple[list[str], list[tuple[int, int, str]], int]],
    words: list[str],
    min_score: float,
) -> None:
    table = StringTable.build((w, s) for w, s, _ in data)
    assert table.find(words, min_score) == tried_at_every_length(table, words, min_score)
