"""The standard build from pyproject.toml alone: an sdist, a wheel built from that sdist
(so the sdist carries everything the wheel needs), installed into a fresh virtual
environment, where the command runs and the demo project builds from what shipped."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from annotator import __version__
from tests.paths import ROOT

pytestmark = pytest.mark.build


def run(*args: str | Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done.stdout


def test_the_sdist_builds_a_wheel_that_installs_and_runs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    run(sys.executable, "-m", "build", "--sdist", "--outdir", dist, ROOT)
    (sdist,) = dist.glob("annotator-*.tar.gz")
    with tarfile.open(sdist) as tar:
        # Python 3.11 before 3.11.4 (Debian 12's 3.11.2) has no extraction filters: the
        # data filter where there is one, on our own sdist either way.
        if hasattr(tarfile, "data_filter"):
            tar.extraction_filter = tarfile.data_filter
        tar.extractall(tmp_path / "unpacked")
    (source,) = (tmp_path / "unpacked").iterdir()
    run(sys.executable, "-m", "build", "--wheel", "--outdir", dist, source)
    (wheel,) = dist.glob("annotator-*.whl")
    assert wheel.name.startswith(f"annotator-{__version__}-")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
    for shipped in (
        "annotator/py.typed",
        "annotator/resources/i18n/annotator_ar.qm",
        "annotator/resources/desktop/org.annotator.Annotator.desktop",
        "annotator/resources/desktop/org.annotator.Annotator.xml",
        "annotator/resources/desktop/org.annotator.Annotator.svg",
        "annotator/resources/places_ar.tsv",
        "annotator/projects/demo/annotations.json",
        "annotator/projects/demo/articles/01-water-summit.txt",
    ):
        assert shipped in names, shipped

    fresh = tmp_path / "venv"
    venv.create(fresh, with_pip=True)
    bin_dir = fresh / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel)
    # Everything below runs from the installed copy only: outside the checkout, with the
    # user's data folder (where the demo is built) inside the test's folder.
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PYTHONPATH": "",
        "QT_QPA_PLATFORM": "offscreen",
    }
    assert run(bin_dir / "annotator", "--version", env=env).strip().endswith(__version__)
    build_demo = "from annotator.demo import demo_project_path; print(demo_project_path())"
    demo = Path(run(python, "-I", "-c", build_demo, env=env).strip())
    assert demo.is_relative_to(tmp_path / "data")
    listed = run(bin_dir / "annotator", "list", demo, env=env)
    assert "01-water-summit" in listed
    # The suggestions' place names are read from the installed copy.
    places = "from annotator.learn.world import world_names; print(len(world_names().labels))"
    assert int(run(python, "-I", "-c", places, env=env)) > 10_000
