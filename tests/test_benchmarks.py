"""The benchmark suite is not part of the test run; this checks only that its quick mode
runs end to end and writes valid JSON (speed is judged in benchmarks/RESULTS.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.paths import ROOT


def test_quick_run_writes_valid_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--json", str(out)],
        capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["quick"] is True and data["machine"]["cores"]
    workloads = {r["workload"] for r in data["results"]}
    for expected in ("import 10,000", "full-text search", "agreement", "export to jsonl"):
        assert any(expected.lower() in w.lower() for w in workloads), expected
    for r in data["results"]:
        assert set(r) >= {"workload", "value", "unit", "target", "met"}
        assert r["met"] in (True, False, None)
