"""Properties of the agreement report on generated studies (no project needed)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.model import LabelKind
from annotator.review.agreement import agreement
from annotator.review.study import DocumentStudy, Span, Study

LABELS = {"PER": LabelKind.ENTITY, "ORG": LabelKind.ENTITY, "CLAIM": LabelKind.CLAIM}
TEXT = " ".join(f"w{k:02d}" for k in range(15))  # word k at [4k, 4k + 3)


spans = st.lists(
    st.builds(
        lambda k, n, label: Span(4 * k, 4 * min(k + n, 15) - 1, label),
        st.integers(0, 14),
        st.integers(1, 3),
        st.sampled_from(sorted(LABELS)),
    ),
    max_size=6,
)


def study(per_annotator: dict[str, list[Span]]) -> Study:
    names = sorted(per_annotator)
    doc = DocumentStudy(1, "d", TEXT, frozenset(names), dict(per_annotator), {n: [] for n in names})
    return Study(names, LABELS, [doc])


@given(spans)
def test_identical_annotators_agree_perfectly(a: list[Span]) -> None:
    r = agreement(study({"x": a, "y": list(a), "z": list(a)}))
    if a:
        assert r.overall["f1_exact"] == 1 and r.overall["f1_overlap"] == 1
        assert r.overall["krippendorff_alpha_unitizing"] == pytest.approx(1)
    for measure in ("cohen_kappa", "fleiss_kappa", "krippendorff_alpha"):
        assert r.overall[measure] in (None, pytest.approx(1))


@given(spans, spans)
def test_measures_are_symmetric_and_overlap_is_lenient(a: list[Span], b: list[Span]) -> None:
    ab = agreement(study({"x": a, "y": b}))
    ba = agreement(study({"x": b, "y": a}))
    for measure, value in ab.overall.items():
        assert ba.overall[measure] == (None if value is None else pytest.approx(value))
    exact, overlap = ab.overall["f1_exact"], ab.overall["f1_overlap"]
    if exact is not None:
        assert overlap is not None and overlap >= exact
        assert 0 <= exact <= 1
