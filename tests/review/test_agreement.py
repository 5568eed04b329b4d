"""The agreement report computed from a project: each measure as defined in the issue,
checked on small hand-made cases and against scikit-learn on token sequences."""

import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.core.errors import UserError
from annotator.review.agreement import AgreementReport, agreement
from annotator.review.study import load_study
from annotator.storage.project import Project
from tests.present import present
from tests.review.conftest import WORDS, ProjectBuilder, word


def report(project: Project, **kw: list[str]) -> AgreementReport:
    return agreement(load_study(project, **kw))


def test_three_annotators_span_f1_computed_example(project: Project, build: ProjectBuilder) -> None:
    text = "x" * 50
    d = build.doc("d", text)
    build.spans(d, "A", ("PER", 0, 5), ("ORG", 10, 20), ("LOC", 30, 35))
    build.spans(d, "B", ("PER", 0, 5), ("ORG", 10, 18), ("LOC", 30, 35), ("PER", 40, 45))
    build.spans(d, "C", ("PER", 0, 5), ("ORG", 10, 20))
    r = report(project)
    pairs = {(p.a, p.b): p for p in r.pairs}
    assert pairs["A", "B"].f1_exact == pytest.approx(4 / 7)
    assert pairs["A", "C"].f1_exact == pytest.approx(0.8)
    assert pairs["B", "C"].f1_exact == pytest.approx(1 / 3)
    assert r.overall["f1_exact"] == pytest.approx(0.5683, abs=1e-4)
    assert pairs["A", "B"].f1_overlap == pytest.approx(6 / 7)
    assert r.labels["PER"].f1_exact == pytest.approx((2 / 3 + 1 + 2 / 3) / 3)


def test_overlap_matches_one_to_one_largest_overlap_first(
    project: Project, build: ProjectBuilder
) -> None:
    d = build.doc("d", "x" * 30)
    build.spans(d, "A", ("PER", 0, 10))
    build.spans(d, "B", ("PER", 0, 3), ("PER", 2, 10))
    pair = report(project).pairs[0]
    assert pair.f1_overlap == pytest.approx(2 * 1 / 3)
    assert pair.f1_exact == 0


def token_labels(
    spans: list[tuple[str, int, int]], layer_labels: set[str], n: int = 20
) -> list[str]:
    out = ["O"] * n
    for label, k, length in spans:
        if label in layer_labels:
            for i in range(k, k + length):
                out[i] = label
    return out


def test_coding_measures_pool_the_layers_of_tokens(project: Project, build: ProjectBuilder) -> None:
    d = build.doc("d")
    sara = [("PER", 0, 2), ("ORG", 5, 1), ("CLAIM", 3, 6), ("QUOTE", 12, 4)]
    omar = [("PER", 0, 1), ("LOC", 5, 1), ("CLAIM", 3, 5), ("QUOTE", 12, 4), ("PER", 17, 1)]
    for name, spans in (("sara", sara), ("omar", omar)):
        build.spans(d, name, *((lb, *word(k, n)) for lb, k, n in spans))
    layers = [{"PER", "ORG", "LOC"}, {"CLAIM"}, {"QUOTE"}]
    a = [v for layer in layers for v in token_labels(omar, layer)]
    b = [v for layer in layers for v in token_labels(sara, layer)]
    r = report(project)
    assert r.pairs[0].cohen_kappa == pytest.approx(cohen_kappa_score(a, b))
    assert r.overall["cohen_kappa"] == r.pairs[0].cohen_kappa
    assert r.overall["fleiss_kappa"] is not None
    assert r.overall["krippendorff_alpha"] is not None


def test_inner_span_labels_its_tokens(project: Project, build: ProjectBuilder) -> None:
    d = build.doc("d")
    for name in ("a", "b"):
        build.spans(d, name, ("ORG", *word(0, 4)), ("PER", *word(1)))
    r = report(project)
    assert r.pairs[0].cohen_kappa == 1


def test_participation_decides_which_documents_count(
    project: Project, build: ProjectBuilder
) -> None:
    both = build.doc("both")
    only_a = build.doc("only a", "v " * 10)
    build.spans(both, "a", ("PER", *word(0)))
    build.spans(both, "b", ("PER", *word(0)))
    build.spans(only_a, "a", ("PER", 0, 1))
    r = report(project)
    assert r.documents == 1
    assert list(r.documents_detail) == ["both"]
    # Marking a document done makes an annotator take part, even with no spans in it.
    build.done(only_a, "b")
    r = report(project)
    assert r.documents == 2
    assert r.pairs[0].f1_exact == pytest.approx(2 / 3)


def test_krippendorff_treats_non_participants_as_missing(
    project: Project, build: ProjectBuilder
) -> None:
    d1, d2 = build.doc("one"), build.doc("two", WORDS + " more")
    for name in ("a", "b", "c"):
        build.spans(d1, name, ("PER", *word(0)))
    build.spans(d2, "a", ("PER", *word(2)))
    build.spans(d2, "b", ("LOC", *word(2)))
    r = report(project)
    # Fleiss uses only the document where all three take part: perfect agreement there.
    assert r.overall["fleiss_kappa"] == 1
    assert present(r.overall["krippendorff_alpha"]) < 1


def test_unitizing_alpha_per_document_and_label(project: Project, build: ProjectBuilder) -> None:
    d1, d2 = build.doc("one"), build.doc("two", WORDS + " more")
    for name in ("a", "b"):
        build.spans(d1, name, ("PER", *word(0)), ("LOC", *word(4)))
    build.spans(d2, "a", ("PER", *word(1)))
    build.spans(d2, "b", ("PER", *word(1, 2)))
    r = report(project)
    assert r.documents_detail["one"].krippendorff_alpha_unitizing == 1
    two = present(r.documents_detail["two"].krippendorff_alpha_unitizing)
    assert two < 1
    assert r.overall["krippendorff_alpha_unitizing"] == pytest.approx((1 + two) / 2)
    assert r.labels["LOC"].krippendorff_alpha_unitizing == 1
    assert [name for name, _ in r.documents_by_agreement()] == ["two", "one"]


def test_relations_match_by_type_and_both_ends(project: Project, build: ProjectBuilder) -> None:
    d = build.doc("d")
    ids = {}
    for name in ("a", "b"):
        spans = ("QUOTE", *word(0, 3)), ("PER", *word(5)), ("PER", *word(7))
        ids[name] = build.spans(d, name, *spans)
    project.add_relation(ids["a"][0], ids["a"][1], "speaker")
    project.add_relation(ids["b"][0], ids["b"][2], "speaker")
    assert report(project).overall["relations_f1"] == 0
    project.add_relation(ids["b"][0], ids["b"][1], "speaker")
    assert report(project).overall["relations_f1"] == pytest.approx(2 / 3)


def test_undefined_values_are_none_never_a_crash(project: Project, build: ProjectBuilder) -> None:
    d = build.doc("d")
    build.done(d, "a", "b")
    r = report(project)
    assert r.overall == {
        "f1_exact": None,
        "f1_overlap": None,
        "cohen_kappa": None,
        "fleiss_kappa": None,
        "krippendorff_alpha": None,
        "krippendorff_alpha_unitizing": None,
        "relations_f1": None,
    }
    assert r.to_json()["documents_detail"] == {
        "d": {"f1_exact": None, "krippendorff_alpha_unitizing": None}
    }


def test_annotator_and_label_filters(project: Project, build: ProjectBuilder) -> None:
    d = build.doc("d")
    build.spans(d, "a", ("PER", *word(0)), ("LOC", *word(2)))
    build.spans(d, "b", ("PER", *word(0)), ("ORG", *word(2)))
    build.spans(d, "c", ("ORG", *word(0)))
    r = report(project, annotators=["a", "b"], labels=["PER"])
    assert r.annotators == ["a", "b"]
    assert list(r.labels) == ["PER"]
    assert r.overall["f1_exact"] == 1
    with pytest.raises(UserError, match="unknown label"):
        report(project, labels=["NOPE"])
    with pytest.raises(UserError, match="no annotations by zed"):
        report(project, annotators=["a", "zed"])
    with pytest.raises(UserError, match="at least two"):
        report(project, annotators=["a"])


def test_json_shape(project: Project, build: ProjectBuilder) -> None:
    d = build.doc("d")
    build.spans(d, "omar", ("PER", *word(0)))
    build.spans(d, "sara", ("PER", *word(0)))
    data = report(project).to_json()
    assert list(data) == [
        "annotators",
        "documents",
        "overall",
        "pairs",
        "token_units",
        "layers",
        "labels",
        "documents_detail",
    ]
    assert data["layers"]["entity"] == {
        "units": 40,  # twenty words of two tokens ("w" and "07")
        "cohen_kappa": 1.0,
        "fleiss_kappa": 1.0,
        "krippendorff_alpha": 1.0,
    }
    assert data["layers"]["claim"]["units"] == 0
    assert data["pairs"] == [
        {"a": "omar", "b": "sara", "f1_exact": 1.0, "f1_overlap": 1.0, "cohen_kappa": 1.0}
    ]
    assert data["labels"]["PER"] == {"f1_exact": 1.0, "krippendorff_alpha_unitizing": 1.0}
