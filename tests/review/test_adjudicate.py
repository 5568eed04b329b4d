"""Pre-merging into gold by strategy, and what is left for a person."""

import pytest

from annotator.core.errors import UserError
from annotator.core.model import GOLD
from annotator.review.adjudicate import Strategy, adjudicate, parse_strategy
from annotator.review.gold import accept
from annotator.storage.project import Project
from tests.review.conftest import ProjectBuilder, word


def gold_keys(project: Project, doc: int) -> list[tuple[str, int, int]]:
    return sorted((g.label, g.start, g.end) for g in project.gold.annotations(doc))


@pytest.fixture
def three(project: Project, build: ProjectBuilder) -> int:
    """a, b, c: PER agreed by all; ORG by a and b, LOC by c; DATE by a only."""
    d = build.doc("d")
    build.spans(d, "a", ("PER", *word(0)), ("ORG", *word(2)), ("DATE", *word(6)))
    build.spans(d, "b", ("PER", *word(0)), ("ORG", *word(2)))
    build.spans(d, "c", ("PER", *word(0)), ("LOC", *word(2)))
    return d


def test_unanimous(project: Project, three: int) -> None:
    report = adjudicate(project, parse_strategy("unanimous"))
    assert gold_keys(project, three) == [("PER", *word(0))]
    assert (report.spans, report.documents) == (1, 1)
    assert report.left == {"d": 2}
    p = project.gold.provenance(project.gold.annotations(three)[0].id)
    assert p is not None
    assert (p.proposed_by, p.agreed_by, p.curated_by, p.strategy) == (
        ("a",),
        ("b", "c"),
        None,
        "unanimous",
    )


def test_majority_and_min_votes(project: Project, three: int) -> None:
    adjudicate(project, parse_strategy("majority"))
    assert gold_keys(project, three) == [("ORG", *word(2)), ("PER", *word(0))]
    assert adjudicate(project, parse_strategy("majority")).spans == 0  # idempotent
    report = adjudicate(project, parse_strategy("min-votes=1"))
    # The ORG/LOC unit already holds gold, so only DATE is new.
    assert report.spans == 1
    assert ("DATE", *word(6)) in gold_keys(project, three)
    assert report.left == {"d": 1}  # c's LOC is still undecided


def test_a_persons_decisions_are_kept(project: Project, build: ProjectBuilder, three: int) -> None:
    (loc,) = [a.id for a in project.annotations(three, "c") if a.label == "LOC"]
    accept(project, loc, "cur")
    project.gold.reject(three, ("PER", *word(0)), "cur")
    adjudicate(project, parse_strategy("majority"))
    assert gold_keys(project, three) == [("LOC", *word(2))]


def test_relations_are_merged_between_gold_spans(project: Project, build: ProjectBuilder) -> None:
    d = build.doc("d")
    for name in ("a", "b"):
        quote, who = build.spans(d, name, ("QUOTE", *word(0, 3)), ("PER", *word(5)))
        project.add_relation(quote, who, "speaker")
    report = adjudicate(project, Strategy("unanimous"))
    assert (report.spans, report.relations) == (2, 1)
    (rel,) = project.relations(d, GOLD)
    assert project.annotation(rel.from_id).label == "QUOTE"
    assert adjudicate(project, Strategy("unanimous")).relations == 0


def test_only_the_chosen_annotators_count(project: Project, three: int) -> None:
    adjudicate(project, parse_strategy("unanimous"), ["a", "b"])
    assert gold_keys(project, three) == [("ORG", *word(2)), ("PER", *word(0))]


def test_unanimous_needs_two_annotators_taking_part(
    project: Project, build: ProjectBuilder
) -> None:
    d = build.doc("d")
    build.spans(d, "a", ("PER", *word(0)))
    assert adjudicate(project, parse_strategy("unanimous")).spans == 0
    assert adjudicate(project, parse_strategy("min-votes=1")).spans == 1


@pytest.mark.parametrize("text", ["most", "min-votes=0", "min-votes=x", ""])
def test_bad_strategies_are_user_errors(text: str) -> None:
    with pytest.raises(UserError, match="unknown strategy"):
        parse_strategy(text)


def test_unknown_annotator_is_a_user_error(project: Project, three: int) -> None:
    with pytest.raises(UserError, match="no annotations by zed"):
        adjudicate(project, Strategy("majority"), ["a", "zed"])
