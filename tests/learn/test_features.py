"""The CRF's features of each token: what they are named and hold, whatever was met before.

A model file holds crfsuite's weights by feature name, so a model trained yesterday
suggests well today only if the same tokens still get the same names. The features of a
word are worked out once and kept (features.py): a token's features must not depend on
which words were met before it, nor on anything further than two places from it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.learn import features
from annotator.learn.features import sequence_features, word


def test_the_features_of_a_short_sequence() -> None:
    got = sequence_features(
        ["والمانيا", "Abc", "2024"], ["B-LOC", "", ""], ["B-country", "", ""], {"مانيا"}
    )
    own = ["bias", "w=والمانيا", "stem=مانيا", "shape=a", "len=8", "p1=م", "p2=ما", "p3=مان"]
    own += ["s1=ا", "s2=يا", "s3=نيا", "light=مانيا", "lp3=مان", "ls3=نيا", "clitic=وال"]
    assert got[0] == [
        *own,
        "world=B-country",
        "gaz=B-LOC",
        "gaz=B",
        "BOS",
        *("w1=abc", "stem1=abc", "light1=abc", "shape1=Xx", "new1"),
        *("w2=2024", "stem2=2024"),
    ]
    assert got[2][-9:] == [
        *("w-2=والمانيا", "stem-2=مانيا"),
        *("w-1=abc", "stem-1=abc", "light-1=abc", "shape-1=Xx", "new-1"),
        "EOS",
        "bigram=abc|2024",
    ]
    assert "gaz-1=B-LOC" in got[1] and "gaz-1=B" in got[1] and "new" in got[1]


# Words that share letters, clitics, folds (أ/ا, ة/ه, harakat) and shapes, so that
# different texts with the same folded form meet in one sequence.
WORDS = ["والمانيا", "المانيا", "ألمانيا", "مدرسة", "مدرسه", "مَدرسة", "Abc", "abc", "2024", "،"]
TAGS = ["", "B-LOC", "I-LOC", "B-PER"]


@settings(max_examples=150)
@given(
    tokens=st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS), st.sampled_from(TAGS)),
        min_size=1,
        max_size=9,
    ),
    known=st.sets(st.sampled_from([word(w).light for w in WORDS])),
)
def test_a_tokens_features_are_those_of_its_words_and_the_two_either_side(
    tokens: list[tuple[str, str, str]], known: set[str]
) -> None:
    words = [w for w, _, _ in tokens]
    gaz = [g for _, g, _ in tokens]
    world = [p for _, _, p in tokens]
    n = len(words)
    got = sequence_features(words, gaz, world, known)
    for i in range(n):
        f = got[i]
        # Computed afresh, nothing kept, from the tokens two places either side only.
        features._features_of.cache_clear()
        lo, hi = max(0, i - 2), min(n, i + 3)
        alone = sequence_features(words[lo:hi], gaz[lo:hi], world[lo:hi], known)
        assert alone[i - lo] == f
        assert f[:2] == ["bias", "w=" + word(words[i]).form]
        assert ("BOS" in f) == (i == 0) and ("EOS" in f) == (i == n - 1)
        assert ("new" in f) == (word(words[i]).light not in known)
        for d in (-2, -1, 1, 2):
            j = i + d
            there = 0 <= j < n
            named = [x for x in f if x.startswith(f"w{d}=")]
            assert named == ([f"w{d}={word(words[j]).form}"] if there else [])
            if d in (-2, 2):
                continue
            near = [x for x in f if x.startswith(f"gaz{d}=")]
            assert sorted(near) == (
                sorted([f"gaz{d}={gaz[j]}", f"gaz{d}={gaz[j][0]}"]) if there and gaz[j] else []
            )
            assert (f"new{d}" in f) == (there and word(words[j]).light not in known)
