"""A one-paragraph project mixing Arabic, English, digits, brackets and a hashtag."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import Annotation, NewDocument, Relation
from annotator.storage.project import Project

MIXED = "قال الرئيس إن شركة Acme Corp ستفتح مكتبا في دبي يوم 12 مارس (رسميا) #عاجل"


def span(annotator: str, label: str, words: str, key: str) -> Annotation:
    start = MIXED.index(words)
    return Annotation(f"{annotator}-{key}", 0, annotator, label, start, start + len(words), words)


@pytest.fixture
def mixed_project(tmp_path: Path) -> Path:
    path = tmp_path / "mixed.annotator"
    annotations = (
        span("sara", "PER", "الرئيس", "per"),
        span("sara", "ORG", "Acme Corp", "org"),
        span("sara", "LOC", "دبي", "loc"),
        span("sara", "QUOTE", "شركة Acme Corp ستفتح مكتبا في دبي", "quote"),
        span("omar", "DATE", "12 مارس", "date"),
    )
    relations = (Relation("", "sara-quote", "sara-per", "speaker"),)
    with Project.create(path) as project:
        project.add_documents([NewDocument("mixed", MIXED, "", {}, annotations, relations)])
    return path
