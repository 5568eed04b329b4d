"""Arabic-insensitive folding and search, without Qt."""

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.arabic import FoldedText, find_all, fold, fold_text


def test_fold_drops_harakat_and_tatweel_and_maps_back() -> None:
    folded = fold("مُحَمَّـد")
    assert folded.text == "محمد"
    assert folded.origin == (0, 2, 4, 8, 9)


def test_alef_forms_ta_marbuta_and_alef_maqsura_are_unified() -> None:
    assert fold("أإآٱا").text == "ااااا"
    assert fold("مدرسة").text == fold("مدرسه").text
    assert fold("مستشفى").text == fold("مستشفي").text


def test_find_all_ignores_diacritics_and_includes_trailing_marks() -> None:
    text = "قال مُحَمَّدٌ إن محمد"
    spans = find_all(text, "محمد")
    assert [text[s:e] for s, e in spans] == ["مُحَمَّدٌ", "محمد"]


def test_find_all_with_diacritics_in_query_and_alef_forms() -> None:
    text = "الإسرائيلي والاسرائيلي"
    assert len(find_all(text, "الإِسرائيلي")) == 2


def test_find_all_words_refuses_matches_inside_words() -> None:
    text = "غزة وبغزة غزة."
    assert find_all(text, "غزة", words=True) == [(0, 3), (10, 13)]
    assert len(find_all(text, "غزة")) == 3


def test_find_all_empty_query() -> None:
    assert find_all("نص", "") == []
    assert find_all("نص", "َ") == []


def test_find_all_is_case_insensitive_for_latin() -> None:
    assert find_all("X Corp and x corp", "x CORP") == [(0, 6), (11, 17)]


@given(st.text(alphabet="ابتةىأإآـَُِّْ x", max_size=30))
def test_every_folded_char_maps_to_an_original_position(text: str) -> None:
    folded = fold(text)
    assert len(folded.origin) == len(folded.text) + 1
    assert list(folded.origin) == sorted(folded.origin)
    for i, ch in enumerate(folded.text):
        assert fold(text[folded.origin[i]]).text == ch


@given(st.text(alphabet="ابتةىأإآٱؤئءـَُِّْٰ٠١۴ xXÉéİ\u0301ŞşẞÅ\n", max_size=40))
def test_folding_a_whole_text_at_once_folds_as_each_character_does(text: str) -> None:
    assert fold_text(text) == fold(text).text


@given(st.text(alphabet="ابتةىأإآٱؤئءـَُِّْٰ٠١۴ xXÉéİ\u0301ŞşẞÅ\n", max_size=40))
def test_a_whole_text_folded_at_once_maps_offsets_back_as_folding_each_character(
    text: str,
) -> None:
    """What find_all uses (FoldedText) maps every folded match, whatever its length,
    to the original offsets that folding character by character gives."""
    whole, each = FoldedText(text), fold(text)
    for length in range(3):
        starts = list(range(len(whole.text) - length + 1))
        expected = [(each.origin[a], each.origin[a + length]) for a in starts]
        assert whole.spans(starts, length) == expected


def test_hamza_seats_digits_and_accents_fold_for_find_too() -> None:
    assert find_all("قال المسؤول إن مسئولا", "مسءول") == [(6, 11), (15, 20)]
    assert find_all("عام ٢٠٢٤", "2024") == [(4, 8)]
    assert find_all("l'Élysée", "elysee") == [(2, 8)]
