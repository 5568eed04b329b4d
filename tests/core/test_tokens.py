"""The tokenizer: Arabic words with their marks, punctuation split off, special tokens
kept whole, bidi marks never part of a token; properties checked on generated text."""

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from annotator.core import tokens
from annotator.core.bidi import BIDI_MARKS
from annotator.core.tokens import Token, sentences, tokenize


def texts(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def test_arabic_words_keep_diacritics_and_tatweel() -> None:
    assert texts("قالَ الرّئيسُ") == ["قالَ", "الرّئيسُ"]
    assert texts("جـــميل") == ["جـــميل"]


def test_arabic_and_latin_punctuation_split_off() -> None:
    assert texts("«نعم»، قال؛ لماذا؟") == ["«", "نعم", "»", "،", "قال", "؛", "لماذا", "؟"]
    assert texts("Yes, (no).") == ["Yes", ",", "(", "no", ")", "."]


def test_numbers_latin_and_arabic_indic_with_decimals() -> None:
    assert texts("بلغ 34.3 في ١٩٣١ و٢٫٥") == ["بلغ", "34.3", "في", "١٩٣١", "و", "٢٫٥"]
    assert texts("بـ34.3%") == ["بـ", "34.3", "%"]
    assert texts("1,000,000.") == ["1,000,000", "."]


def test_urls_hashtags_and_handles_are_single_tokens() -> None:
    assert texts("انظر https://example.com/a?b=1، ثم") == [
        "انظر",
        "https://example.com/a?b=1",
        "،",
        "ثم",
    ]
    assert texts("(www.aljazeera.net).") == ["(", "www.aljazeera.net", ")", "."]
    assert texts("#غزة_الآن @user_1 مرحبا") == ["#غزة_الآن", "@user_1", "مرحبا"]


def test_emoji_sequences_are_single_tokens() -> None:
    family = "👨\u200d👩\u200d👧"
    thumbs = "👍🏽"
    flag = "🇵🇸"
    assert texts(f"رائع{family}{thumbs}{flag}!") == ["رائع", family, thumbs, flag, "!"]


def test_bidi_marks_are_not_tokens() -> None:
    text = "\u200eالرئيس\u200f قال\u202bنعم\u202c"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["الرئيس", "قال", "نعم"]
    assert toks[0] == Token(1, 7, "الرئيس")


def test_offsets_are_code_points() -> None:
    text = "قال 👀 إن"
    assert tokenize(text)[-1] == Token(6, 8, "إن")


def test_a_mark_after_a_space_stays_with_its_cluster() -> None:
    assert texts("a \u064b") == ["a", " \u064b"]


def test_empty_and_blank_text() -> None:
    assert tokenize("") == []
    assert tokenize(" \n\u200e ") == []
    assert sentences(" \n ") == []


def test_sentences_split_at_final_punctuation_and_newlines() -> None:
    text = "قال الرئيس: نعم. ثم ذهب! لماذا؟ لا أعرف…\nسطر جديد"
    got = [text[s:e] for s, e in sentences(text)]
    assert got == ["قال الرئيس: نعم.", "ثم ذهب!", "لماذا؟", "لا أعرف…", "سطر جديد"]


def test_sentences_keep_decimals_ellipses_and_closing_quotes() -> None:
    text = "بلغ 34.3 بالمئة... «هذا كثير.» وانتهى"
    got = [text[s:e] for s, e in sentences(text)]
    assert got == ["بلغ 34.3 بالمئة...", "«هذا كثير.»", "وانتهى"]


# ----- properties ----------------------------------------------------------------------

PIECES = [
    "قالَ",
    "الرّئيس",
    "جـــميل",
    "،",
    "؛",
    "؟",
    "«",
    "»",
    ".",
    "…",
    "!",
    " ",
    "\n",
    "\t",
    "34.3",
    "١٩٣١",
    "٢٫٥",
    "https://x.org/a",
    "www.a.b",
    "#وسم",
    "@user",
    "👨\u200d👩\u200d👧",
    "👍🏽",
    "🇵🇸",
    "\u200e",
    "\u200f",
    "\u202b",
    "\u202c",
    "\u2066",
    "\u200c",
    "\u200d",
    "\u200b",
    "\u064b",
    "\u0651",
    "\u0640",
    "a",
    "G20",
    "\r\n",
    "\x1c",
    "é",
    "e\u0301",
    "#",
    "@",
    "1️⃣",
    # Clusters with rules of their own: Hangul jamo, a prepended Arabic number sign, an
    # Indic conjunct, a spacing mark, a subdivision flag.
    "\u1100\u1161",
    "\u0600١٢",
    "क्ष",
    "กำ",
    "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
]
generated = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=30).map("".join),
    st.text(max_size=40),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=20).map("".join),
)
GRAPHEME = regex.compile(r"\X", regex.DOTALL)


def ignorable(ch: str) -> bool:
    return ch.isspace() or ch in BIDI_MARKS or ch == "\u200b"


@given(generated)
def test_token_properties(text: str) -> None:
    toks = tokenize(text)
    boundaries = {0} | {m.end() for m in GRAPHEME.finditer(text)}
    covered: set[int] = set()
    previous_end = 0
    for t in toks:
        assert previous_end <= t.start < t.end
        previous_end = t.end
        assert text[t.start : t.end] == t.text
        assert t.start in boundaries and t.end in boundaries
        assert text[t.start] not in BIDI_MARKS and text[t.end - 1] not in BIDI_MARKS
        covered.update(range(t.start, t.end))
    for i, ch in enumerate(text):
        assert ignorable(ch) or i in covered, (i, ch)


@given(generated)
def test_sentence_properties(text: str) -> None:
    toks = tokenize(text)
    spans = sentences(text, toks)
    starts = {t.start for t in toks}
    ends = {t.end for t in toks}
    previous_end = 0
    for s, e in spans:
        assert previous_end <= s < e and s in starts and e in ends
        previous_end = e
    assert sum(1 for t in toks for s, e in spans if s <= t.start and t.end <= e) == len(toks)


def fast_path_applies(text: str) -> bool:
    fast = tokens._fast_path()
    return bool(fast.applies.fullmatch(text)) and not fast.breaks.search(text)


@given(generated)
@example("https://x.org/a،\u200c")  # a URL must not end inside the cluster "،" + ZWNJ
def test_fast_path_finds_the_same_tokens(text: str) -> None:
    exact = [m.span() for m in tokens._EXACT.finditer(text) if m.lastgroup != "skip"]
    if fast_path_applies(text):
        assert [m.span() for m in tokens._fast_path().pattern.finditer(text)] == exact


def test_the_fast_path_takes_ordinary_arabic_news() -> None:
    text = "قالَ الرئيس، في ١٩٣١: «نعم» — 34.3%… https://x.org #وسم \u200eالخبر 👍🏽🇵🇸"
    assert fast_path_applies(text)
    assert fast_path_applies("👨\u200d👩\u200d👧 ﷺ ﻻ")
