"""`annotator search`, paired with tests/storage/test_search.py."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.model import NewDocument
from annotator.storage.project import Project
from tests.cli_runner import invoke


def make(tmp_path: Path) -> Path:
    path = tmp_path / "p.annotator"
    with Project.create(path) as p:
        p.add_documents(
            [
                NewDocument("vocalised", "قال مُحَمَّدٌ إنّ الحكومةَ ستجتمع."),
                NewDocument("clitics", "وقالت مصادر إن والحكومة بالحكومة تعمل"),
                NewDocument("other", "خبر عن الاقتصاد"),
            ]
        )
    return path


def test_search_prints_a_line_per_document_with_the_match_marked(tmp_path: Path) -> None:
    project = make(tmp_path)
    code, out, _ = invoke("search", project, "محمد")
    assert (code, out) == (0, "vocalised\tقال [مُحَمَّدٌ] إنّ الحكومةَ ستجتمع.\n")
    code, out, _ = invoke("search", project, "حكومة", "--json")
    rows = json.loads(out)
    assert {r["name"] for r in rows} == {"vocalised", "clitics"}
    assert all(set(r) == {"name", "snippet"} and "[" in r["snippet"] for r in rows)
    code, out, _ = invoke("search", project, "حكومة", "--limit", "1", "--json")
    assert len(json.loads(out)) == 1


def test_search_finding_nothing_prints_nothing(tmp_path: Path) -> None:
    project = make(tmp_path)
    assert invoke("search", project, "بيروت") == (0, "", "")
    assert invoke("search", project, "بيروت", "--json")[1] == "[]\n"


def test_search_of_a_missing_project_is_one_line(tmp_path: Path) -> None:
    code, _, err = invoke("search", tmp_path / "none.annotator", "x")
    assert code == 2 and err.count("\n") == 1 and "no such project file" in err
