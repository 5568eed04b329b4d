"""The coding measures against independent implementations on generated data: the
krippendorff package (alpha with missing values) and scikit-learn (Cohen's kappa)."""

import math

import krippendorff
import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from annotator.review.measures import cohen_kappa, count_units, krippendorff_alpha

LABELS = ["O", "PER", "ORG", "LOC"]


@st.composite
def reliability_data(draw: st.DrawFn) -> list[list[str | None]]:
    coders = draw(st.integers(2, 4))
    units = draw(st.integers(2, 30))
    value = st.one_of(st.none(), st.sampled_from(LABELS))
    return [[draw(value) for _ in range(units)] for _ in range(coders)]


@given(reliability_data())
def test_alpha_matches_the_krippendorff_package(rows: list[list[str | None]]) -> None:
    ours = krippendorff_alpha(count_units(zip(*rows, strict=True)))
    pairable = [v for col in zip(*rows, strict=True) for v in col if v is not None]
    assume(ours is not None and len(set(pairable)) > 1)
    data = np.array(
        [[np.nan if v is None else LABELS.index(v) for v in row] for row in rows], dtype=float
    )
    theirs = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert ours == pytest.approx(theirs, abs=1e-9)


@given(st.lists(st.tuples(st.sampled_from(LABELS), st.sampled_from(LABELS)), min_size=1))
def test_cohen_matches_scikit_learn(pairs: list[tuple[str, str]]) -> None:
    ours = cohen_kappa(count_units(pairs))
    a, b = zip(*pairs, strict=True)
    if ours is None:
        # Both coders used one and the same value: scikit-learn divides by zero.
        assert len(set(a) | set(b)) == 1
        return
    theirs = cohen_kappa_score(list(a), list(b))
    assert not math.isnan(theirs)
    assert ours == pytest.approx(theirs, abs=1e-9)
