"""Projects with several annotators' spans, built in a line or two per test; each test
runs on a project file and on the throw-away server (tests/pg_server.py), but FILE_ONLY's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import NewDocument, Status
from annotator.storage.project import Project
from tests.pg_server import both_engines

# Test module or node id (within tests/review) -> why it is about files only.
FILE_ONLY = {
    "test_merge.py": "the colleague's project is a file beside the test's project",
    "test_cli_merge.py": "the colleague's project is a file beside the test's project",
    "test_cli_agreement.py::test_agreement_user_errors_are_one_line_exit_2": "a missing file",
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    both_engines(metafunc, FILE_ONLY)


@pytest.fixture(autouse=True)
def _on_each_engine(engine: str) -> str:
    return engine


# Twenty words, each "wNN" plus a space: word k spans [4k, 4k + 3).
WORDS = " ".join(f"w{k:02d}" for k in range(20))


def word(k: int, n: int = 1) -> tuple[int, int]:
    """The code-point range of words k .. k+n-1."""
    return 4 * k, 4 * (k + n) - 1


class ProjectBuilder:
    def __init__(self, project: Project):
        self.project = project

    def doc(self, name: str, text: str = WORDS) -> int:
        self.project.add_documents([NewDocument(name, text)])
        return self.project.document(name).id

    def spans(self, doc: int, annotator: str, *spans: tuple[str, int, int]) -> list[str]:
        """Add (label, start, end) spans; returns their ids."""
        return [
            self.project.add_annotation(doc, annotator, label, s, e).id for label, s, e in spans
        ]

    def done(self, doc: int, *annotators: str) -> None:
        for a in annotators:
            self.project.set_status(doc, a, Status.DONE)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    p = Project.create(tmp_path / "team.annotator")
    yield p
    p.close()


@pytest.fixture
def build(project: Project) -> ProjectBuilder:
    return ProjectBuilder(project)
