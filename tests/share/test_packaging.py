"""The wheel that `pipx install` builds holds the command, the translations and the
desktop files; `license = "MIT"` (PEP 639) needs setuptools 77 or later to build."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.paths import ROOT

pytest.importorskip("setuptools", minversion="77")


def test_the_wheel_holds_the_command_and_its_resources(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "setup.py"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "projects", source / "projects")
    shutil.copytree(
        ROOT / "annotator", source / "annotator", ignore=shutil.ignore_patterns("__pycache__")
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path / "dist"), str(source)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    (wheel,) = (tmp_path / "dist").glob("annotator-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        scripts = z.read(entry_points).decode()
    assert "annotator = annotator.cli.main:main" in scripts
    for resource in (
        "annotator/py.typed",
        "annotator/resources/i18n/annotator_ar.qm",
        "annotator/resources/desktop/org.annotator.Annotator.desktop",
        "annotator/resources/desktop/org.annotator.Annotator.xml",
        "annotator/resources/desktop/org.annotator.Annotator.svg",
        "annotator/demo_data/annotations.json",
        "annotator/demo_data/articles/01-water-summit.txt",
    ):
        assert resource in names, resource
