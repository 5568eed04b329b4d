"""Project search: Arabic found however it is written, the stored text untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import NewDocument
from annotator.storage.project import Project

VOCALISED = "قال مُحَمَّدٌ إنّ الحكومةَ ستجتمع."
DOCS = {
    "vocalised": VOCALISED,
    "hamza": "التقى أحمد بممثلي الأمم المتحدة",
    "clitics": "وقالت مصادر إن والحكومة بالحكومة تعمل",
    "stretched": "أعلنت وزارة الخارجيـــة عن زيارة للمسؤول",
    "digits": "وقع الحادث عام ٢٠٢٤ في بيروت",
    "latin": "Le président de l'Élysée a parlé",
    "other": "خبر عن الاقتصاد والأسواق في المتحدة وفي الأمم",
}


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = Project.create(tmp_path / "p.annotator")
    p.add_documents([NewDocument(name, text) for name, text in DOCS.items()])
    return p


def names(project: Project, query: str) -> set[str]:
    return {hit.document.name for hit in project.search(query)}


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("محمد", {"vocalised"}),  # harakat with shadda and tanwin
        ("احمد", {"hamza"}),  # alef forms
        ("الامم", {"hamza", "other"}),
        ("حكومة", {"vocalised", "clitics"}),  # article and clitics (و ب ال)
        ("الحكومه", {"vocalised", "clitics"}),  # ta marbuta written as ha
        ("الخارجية", {"stretched"}),  # tatweel
        ("مسئول", {"stretched"}),  # the hamza's seat, and لل in front
        ("2024", {"digits"}),  # Arabic-Indic digits
        ("٢٠٢٤", {"digits"}),
        ("elysee PRESIDENT", {"latin"}),  # accents and case; every word must occur
        ('"الأمم المتحدة"', {"hamza"}),  # a phrase: "other" has both words apart
        ("الأمم المتحدة", {"hamza", "other"}),
        ("«الامم المتحدة»", {"hamza"}),
        ("اقتصا*", {"other"}),  # a prefix
        ("digits", {"digits"}),  # the name
        ("محمد الاقتصاد", set()),
    ],
)
def test_search_finds_arabic_however_it_is_written(
    project: Project, query: str, found: set[str]
) -> None:
    assert names(project, query) == found


def test_the_snippet_marks_the_match_in_the_stored_text(project: Project) -> None:
    (hit,) = project.search("محمد")
    assert hit.snippet.marked() == "قال [مُحَمَّدٌ] إنّ الحكومةَ ستجتمع."
    assert project.document("vocalised").text == VOCALISED  # the text never changes


def test_search_of_nothing_finds_nothing(project: Project) -> None:
    assert project.search("  ") == []
    assert project.search('"«*') == []


def test_the_limit_keeps_the_best(project: Project) -> None:
    assert len(project.search("الأمم", limit=1)) == 1
    assert len(project.search("الأمم", limit=None)) == 2


def test_a_duplicate_text_is_indexed_once(project: Project) -> None:
    project.add_documents([NewDocument("again", DOCS["hamza"])])
    assert names(project, "احمد") == {"hamza"}
