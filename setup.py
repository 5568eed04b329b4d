"""One build step beyond pyproject.toml: the demo project's sources, kept in projects/demo
for people to read and edit, ship inside the package (annotator/demo_data), so that a
plain `pipx install` can still build and open the demo."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DEMO = Path(__file__).resolve().parent / "projects" / "demo"


class BuildWithDemo(build_py):
    def run(self) -> None:
        super().run()
        shutil.copytree(DEMO, Path(self.build_lib) / "annotator" / "demo_data", dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithDemo})
