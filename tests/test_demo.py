"""The demo project: built from projects/demo, two annotators who partly agree."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from annotator import demo
from annotator.storage.check import check_project
from annotator.storage.project import Project


def test_the_demo_builds_and_passes_its_check(tmp_path: Path) -> None:
    path = tmp_path / "demo.annotator"
    demo.build_demo(path)
    with Project.open(path) as p:
        assert check_project(p) == []
        assert p.annotators() == ["omar", "sara"]
        texts = " ".join(p.document(d.id).text for d in p.documents())
        for feature in ("#", "https://", "💧", "“"):  # hashtag, URL, emoji, English quote
            assert feature in texts
        water = p.document("01-water-summit").id
        sara = {(a.label, a.text) for a in p.annotations(water, "sara")}
        omar = {(a.label, a.text) for a in p.annotations(water, "omar")}
        assert sara & omar and sara - omar and omar - sara
        assert p.relations(water, "sara")


def test_the_demo_is_built_in_the_data_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path))
    path = demo.demo_project_path()
    assert path.parent == tmp_path and path.exists()
    with Project.open(path) as p:
        p.add_annotation(1, "me", "PER", 0, 3)
    assert demo.demo_project_path() == path
    with Project.open(path) as p:
        assert "me" in p.annotators()  # the user's work in the demo is kept
