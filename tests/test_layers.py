"""import-linter checks only the packages its contracts name: a new package must be named."""

from __future__ import annotations

import tomllib

from tests.paths import ROOT

# The window, and what starts it: the only modules allowed to import Qt.
QT = {"annotator.ui", "annotator.launcher", "annotator.__main__"}


def test_every_package_and_module_is_in_the_contracts() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = {c["type"]: c for c in config["tool"]["importlinter"]["contracts"]}
    layered = {name.strip() for layer in contracts["layers"]["layers"] for name in layer.split("|")}
    without_qt = set(contracts["forbidden"]["source_modules"])
    found = {
        f"annotator.{p.stem}"
        for p in (ROOT / "annotator").iterdir()
        if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").exists()
    }
    assert found - layered == set(), "add them to the layers contract in pyproject.toml"
    assert found - QT - without_qt == set(), "add them to the contract that forbids Qt"
