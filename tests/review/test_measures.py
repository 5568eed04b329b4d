"""Each measure against the published worked examples (see shared notes, agreement.md)."""

from collections import Counter

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from annotator.review.measures import (
    Unit,
    Value,
    cohen_kappa,
    count_units,
    f1,
    fleiss_kappa,
    krippendorff_alpha,
    pair_counts,
    unitizing_alpha,
)


def matrix_units(table: list[list[int]]) -> Counter[tuple[Value | None, ...]]:
    """Unit counts of two coders from a contingency table (rows: coder A)."""
    return Counter({(i, j): n for i, row in enumerate(table) for j, n in enumerate(row) if n})


def columns(*rows: str) -> Counter[tuple[Value | None, ...]]:
    """Units from coders' rows written as strings, '.' for a missing value."""
    return count_units(
        tuple(None if v == "." else v for v in unit) for unit in zip(*rows, strict=True)
    )


# ----- Krippendorff's alpha, nominal ---------------------------------------------------


def test_alpha_krippendorff_2004_p230_is_0_743() -> None:
    tv1 = columns("123321412...", "1233224125.3", ".3332342251.", "12332441251.")
    assert krippendorff_alpha(tv1) == pytest.approx(113 / 152)


def test_alpha_small_published_examples() -> None:
    tv2 = count_units(
        [(1, 0), (1, 1), (0, 1), (0, 0), (0, 0), (0, 1), (0, 0), (0, 1), (0, 0), (0, 0)]
    )
    assert krippendorff_alpha(tv2) == pytest.approx(0.095238, abs=1e-6)
    tv3 = columns("aabbbbbccccc", "abbbbbcccccc")
    assert krippendorff_alpha(tv3) == pytest.approx(0.734104, abs=1e-6)
    tv4 = columns(".....34121133.3", "1.213343.......", "..21344.21133.4")
    assert krippendorff_alpha(tv4) == pytest.approx(0.691358, abs=1e-6)


def test_alpha_inception_two_without_label_is_0_4() -> None:
    tv5 = count_units([("", ""), ("", None), (None, ""), ("A", "B")])
    assert krippendorff_alpha(tv5) == pytest.approx(0.4)


def test_alpha_undefined_without_variation_or_pairable_values() -> None:
    assert krippendorff_alpha(count_units([("O", "O")] * 5)) is None
    assert krippendorff_alpha(count_units([("A", None), (None, "B")])) is None
    assert krippendorff_alpha({}) is None


# ----- Cohen's kappa -------------------------------------------------------------------


def test_cohen_published_examples() -> None:
    assert cohen_kappa(matrix_units([[20, 5], [10, 15]])) == pytest.approx(0.4)
    tv7 = matrix_units([[88, 14, 18], [10, 40, 10], [2, 6, 12]])
    assert cohen_kappa(tv7) == pytest.approx(0.491525, abs=1e-6)
    tv8a = matrix_units([[12, 9, 9], [9, 14, 9], [9, 9, 20]])
    tv8b = matrix_units([[12, 18, 18], [0, 14, 18], [0, 0, 20]])
    assert cohen_kappa(tv8a) == pytest.approx(0.186, abs=5e-4)
    assert cohen_kappa(tv8b) == pytest.approx(0.258, abs=5e-4)


def test_krippendorff_1995_bertha_and_bill_per_position() -> None:
    units = columns("001111111100001111110000", "000011110000000110000000")
    assert cohen_kappa(units) == pytest.approx(0.385, abs=5e-4)
    assert krippendorff_alpha(units) == pytest.approx(0.329, abs=5e-4)


def test_cohen_undefined_when_everything_is_one_value() -> None:
    assert cohen_kappa(count_units([("O", "O")] * 3)) is None
    assert cohen_kappa({}) is None
    assert cohen_kappa(count_units([("O", None)])) is None


def test_pair_counts_project_onto_two_coders() -> None:
    units = count_units([("A", "B", None), ("A", "C", "A")])
    assert pair_counts(units, 0, 2) == Counter({("A", None): 1, ("A", "A"): 1})


# ----- Fleiss' kappa -------------------------------------------------------------------


def ratings_from_counts(rows: list[list[int]]) -> Counter[tuple[Value | None, ...]]:
    return count_units(tuple(cat for cat, n in enumerate(row, 1) for _ in range(n)) for row in rows)


def test_fleiss_wikipedia_example_is_0_210() -> None:
    rows = [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]  # fmt: skip
    assert fleiss_kappa(ratings_from_counts(rows)) == pytest.approx(0.209931, abs=1e-6)


def test_fleiss_1971_example_is_0_430() -> None:
    ratings = (
        "444444222555233335555555222444113333333355113334114444555555"
        "144444124444222333144444224445333335111455111112224444133555"
        "555555244444224555114444144445222224111155224444133333555555"
    )
    subjects = [tuple(ratings[i : i + 6]) for i in range(0, len(ratings), 6)]
    assert fleiss_kappa(count_units(subjects)) == pytest.approx(0.430, abs=5e-4)


def test_fleiss_skips_units_with_missing_values_and_is_undefined_without_variation() -> None:
    assert fleiss_kappa(count_units([("A", "A", None)])) is None
    assert fleiss_kappa(count_units([("O", "O", "O")] * 4)) is None


def test_f1() -> None:
    assert f1(3, 4, 5) == pytest.approx(6 / 9)
    assert f1(0, 0, 0) is None


# ----- Krippendorff's unitizing alpha --------------------------------------------------


def test_unitizing_krippendorff_2004_p254() -> None:
    begin = 150
    units = [
        Unit(225, 70, 0, "c"), Unit(370, 30, 0, "c"), Unit(180, 60, 0, "k"),
        Unit(300, 50, 0, "k"), Unit(220, 80, 1, "c"), Unit(355, 20, 1, "c"),
        Unit(400, 20, 1, "c"), Unit(180, 60, 1, "k"), Unit(300, 50, 1, "k"),
    ]  # fmt: skip
    result = unitizing_alpha(units, [0, 1], 300, begin)
    assert result.observed["c"] == pytest.approx(13 / 900)
    assert result.expected["c"] == pytest.approx(0.0532, abs=5e-5)
    assert result.by_category["c"] == pytest.approx(0.7286, abs=5e-5)
    assert result.observed["k"] == 0
    assert result.expected["k"] == pytest.approx(0.0490, abs=5e-5)
    assert result.by_category["k"] == 1
    assert result.alpha == pytest.approx(0.858665, abs=1e-6)


def test_unitizing_dkpro_example() -> None:
    units = [Unit(1, 8, 0, "A"), Unit(2, 1, 1, "A"), Unit(4, 1, 1, "A"), Unit(6, 1, 1, "A")]
    result = unitizing_alpha(units, [0, 1], 10)
    assert result.observed["A"] == pytest.approx(0.9100, abs=1e-4)
    assert result.expected["A"] == pytest.approx(289 / 540)
    assert result.alpha == pytest.approx(-0.7003, abs=1e-4)


KRIPPENDORFF_1995 = {
    "A": ([(2, 8), (14, 6)], [(4, 4), (15, 2)]),
    "B": ([(0, 18)], [(0, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 3), (9, 1)]),
    "C": ([(2, 6), (10, 2), (14, 4), (20, 2)], [(0, 2), (4, 4), (10, 4), (16, 2), (20, 2)]),
    "D": ([(0, 2), (2, 8), (10, 4), (14, 6), (20, 4)], [(0, 4), (4, 4), (8, 7), (15, 2), (17, 7)]),
}


def stretched(stretch: float) -> list[Unit]:
    return [
        Unit(int(b * stretch), int(ln * stretch), rater, cat)
        for cat, raters in KRIPPENDORFF_1995.items()
        for rater, spans in enumerate(raters)
        for b, ln in spans
    ]


def test_unitizing_krippendorff_1995_observed_disagreement() -> None:
    result = unitizing_alpha(stretched(1), [0, 1], 24)
    observed = [result.observed[c] for c in "ABCD"]
    assert observed == pytest.approx([0.03125, 2.26736, 0.02777, 0.38715], abs=1e-5)


def test_unitizing_krippendorff_1995_half_and_large_stretch() -> None:
    half = unitizing_alpha([u for u in stretched(0.5) if u.category == "C"], [0, 1], 12)
    assert half.observed["C"] == pytest.approx(0.02778, abs=1e-5)
    assert half.expected["C"] == pytest.approx(0.05494, abs=1e-5)
    assert half.alpha == pytest.approx(0.494, abs=5e-4)
    large = unitizing_alpha(stretched(50000), [0, 1], 24 * 50000)
    expected = [large.expected[c] for c in "ABCD"]
    assert expected == pytest.approx([0.06990, 1.17578, 0.09050, 0.41445], abs=1e-5)
    alphas = [large.by_category[c] for c in "ABCD"]
    assert alphas == pytest.approx([0.5529, -0.9284, 0.6931, 0.0659], abs=1e-4)


def test_unitizing_edge_cases_follow_dkpro() -> None:
    assert unitizing_alpha([], [0, 1, 2], 20).alpha is None
    single = unitizing_alpha([Unit(0, 1, 0, "X")], [0, 1, 2], 20)
    assert single.alpha == pytest.approx(0.0, abs=1e-12)


def test_unitizing_keeps_the_first_and_longest_of_a_coders_overlapping_units() -> None:
    nested = [Unit(0, 10, 0, "X"), Unit(2, 3, 0, "X"), Unit(0, 10, 1, "X")]
    assert unitizing_alpha(nested, [0, 1], 20).alpha == 1


# ----- unitizing: the observed disagreement against the definition, term by term ------


Segment = tuple[int, int, bool]


def segments(units: list[tuple[int, int]], length: int) -> list[Segment]:
    """A coder's units and the gaps between them: (begin, length, is_unit)."""
    out: list[Segment] = []
    pos = 0
    for b, e in sorted(units):
        if b > pos:
            out.append((pos, b - pos, False))
        out.append((b, e - b, True))
        pos = e
    if pos < length:
        out.append((pos, length - pos, False))
    return out


def delta(g: Segment, h: Segment) -> int:
    """δ² of Krippendorff (2004) between segments g and h of two coders."""
    (bg, lg, ug), (bh, lh, uh) = g, h
    if ug and uh and -lg < bg - bh < lh:
        return (bg - bh) ** 2 + (bg + lg - bh - lh) ** 2
    if ug and not uh and lh - lg >= bg - bh >= 0:
        return lg**2
    if uh and not ug and lg - lh >= bh - bg >= 0:
        return lh**2
    return 0


def test_distance_examples_of_dkpro() -> None:
    assert delta((5, 6, True), (4, 2, True)) == 26
    assert delta((225, 70, True), (220, 80, True)) == 50
    assert delta((370, 30, True), (355, 20, True)) == 850
    assert delta((400, 50, False), (400, 20, True)) == 400
    assert delta((1, 8, True), (0, 2, False)) == 0


@given(
    st.lists(
        st.lists(st.tuples(st.integers(0, 38), st.integers(1, 8)), max_size=5),
        min_size=2,
        max_size=4,
    )
)
def test_observed_disagreement_matches_the_definition(raw: list[list[tuple[int, int]]]) -> None:
    length = 40
    raters = []
    for spans in raw:  # one coder's units of one category may not overlap
        kept: list[tuple[int, int]] = []
        for b, n in sorted(spans):
            e = min(b + n, length)
            if not kept or b >= kept[-1][1]:
                kept.append((b, e))
        raters.append(kept)
    units = [Unit(b, e - b, r, "X") for r, spans in enumerate(raters) for b, e in spans]
    assume(units)
    result = unitizing_alpha(units, list(range(len(raters))), length)
    segs = [segments(spans, length) for spans in raters]
    m = len(raters)
    total = sum(
        delta(g, h) for i in range(m) for j in range(m) if i != j for g in segs[i] for h in segs[j]
    )
    assert result.observed["X"] == pytest.approx(total / (m * (m - 1) * length**2))
