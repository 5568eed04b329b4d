"""Stems, queries and snippets of the project search, without a project."""

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.textsearch import find_matches, parse_query, snippet, stem, words


def test_clitics_and_the_article_come_off_one_at_a_time() -> None:
    forms = ["حكومة", "الحكومة", "والحكومة", "بالحكومة", "فبالحكومة", "للحكومة", "لحكومة"]
    assert {stem(w) for w in words(" ".join(forms))} == {"حكومه"}
    assert words("والد الوالد") == ["الد", "الد"]  # the same key, whatever comes first


def test_a_prefix_never_leaves_less_than_three_letters_or_two_after_the_article() -> None:
    assert words("بيت ولد كتب") == ["بيت", "ولد", "كتب"]
    assert words("اليد") == ["يد"]
    assert words("لعب للعب") == ["لعب", "لعب"]


def _stem_by_slicing(word: str) -> str:
    """The stem's rules as first written, one slice a prefix (quadratic on long runs)."""
    while True:
        if word.startswith("ال") and len(word) >= 4:
            word = word[2:]
        elif len(word) >= 4 and word[0] in "وفبكل":
            word = word[1:]
        else:
            return word


@given(st.text(alphabet="والفبكتدي", max_size=30))
def test_the_stem_follows_its_rules_one_prefix_at_a_time(word: str) -> None:
    assert stem(word) == _stem_by_slicing(word)


def test_a_million_prefix_letters_stem_in_one_pass() -> None:
    # A hostile file's word: each prefix sliced off copied the rest (hours at this size).
    assert stem("ب" * 1_000_000 + "يت") == "بيت"
    assert stem("وال" * 300_000 + "حكومه") == "حكومه"


def test_folding_covers_hamza_seats_digits_and_accents() -> None:
    assert words("مسؤول مسئول") == ["مسءول", "مسءول"]
    assert words("٢٠٢٤ ۲۰۲۴ 2024") == ["2024"] * 3
    assert words("Élysée ÉLYSÉE") == ["elysee"] * 2


def test_a_query_of_words_phrases_and_prefixes() -> None:
    q = parse_query('الحكومة "الأمم المتحدة" معلم* «وزير الخارجية')
    assert q.fts() == '"حكومه" "امم متحده" "معلم"* "زير خارجيه"'
    assert not parse_query(' " «» * ')


def test_matches_span_the_stored_text_with_its_marks() -> None:
    text = "قالت الحكومةُ إن الأُمَمِ المُتَّحِدَة وافقت"
    spans = find_matches(text, parse_query('"الامم المتحده" حكومة'))
    assert [text[s:e] for s, e in spans] == ["الحكومةُ", "الأُمَمِ المُتَّحِدَة"]


def test_a_snippet_is_cut_on_words_around_the_first_match() -> None:
    text = ("كلمة " * 30) + "الهدف " + ("نهاية " * 40)
    cut = snippet(text, parse_query("هدف"))
    assert cut.text.startswith("…كلمة") and cut.text.endswith("…")
    assert cut.marked().count("[الهدف]") == 1
    assert len(cut.text) <= 145


@given(st.text(alphabet="الوبكفحمدةَُّ \n", max_size=60), st.text(alphabet="الوحمد", max_size=6))
def test_every_mark_is_a_match_of_the_query_in_the_snippet(text: str, query: str) -> None:
    q = parse_query(query)
    cut = snippet(text, q)
    for start, end in cut.marks:
        assert {stem(w) for w in words(cut.text[start:end])} & {t.stems[0] for t in q.terms}


def test_a_hashtag_is_its_words() -> None:
    assert words("#حكومة_الوحدة") == words("حكومة الوحدة")
    text = "وسم #حكومة_الوحدة اليوم"
    assert [text[s:e] for s, e in find_matches(text, parse_query("الوحدة"))] == ["الوحدة"]


@given(
    st.lists(st.sampled_from(["الهدف", "هدفٌ", "وبالهدف", "كلمة", "نهاية", "—", "\n"]), max_size=80),
    st.sampled_from(["هدف", '"الهدف كلمة"', "نهاي*", "كلمة هدف", "غائب"]),
    st.integers(1, 300),
)
def test_a_passage_found_in_the_beginning_is_the_passage_of_the_whole_text(
    parts: list[str], query: str, prefix: int
) -> None:
    text = " ".join(parts)
    q = parse_query(query)
    whole = snippet(text, q, prefix=len(text) + 1)
    assert snippet(text, q, prefix=prefix) == whole
