"""Issue 13, rule 7: linear time in the text's length for `show`, `render`, `adjudicate`
and every export, measured on one document that is a single 1 MB paragraph (no line
break at all), with the spans of two annotators; each command ≤ 10 s.

Each command runs as a user runs it (a fresh `python -m annotator` process, start-up
included), once at full size and once at a quarter: a linear command takes about four
times as long on the whole, a quadratic one sixteen.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import Context, Result
from benchmarks.data import paragraph, spans

TARGET_S = 10.0
SPANS_PER_MB = 20_000  # per annotator
EXPORTS = ["jsonl", "csv", "brat", "conll", "doccano", "labelstudio", "webanno", "xmi", "html"]


def build(folder: Path, chars: int) -> Path:
    rng = random.Random(13)
    text = ""
    while len(text) < chars:
        text += paragraph(rng, 2000) + " "
    text = text[:chars].rstrip()
    record = {"name": "long", "text": text, "annotations": []}
    count = max(1, SPANS_PER_MB * chars // 1_000_000)
    for who in ("sara", "omar"):
        for k, (start, end, label) in enumerate(spans(rng, text, count)):
            record["annotations"].append(
                {"id": f"{who}{k}", "start": start, "end": end, "label": label, "annotator": who}
            )
    source = folder / f"long-{chars}.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    project = folder / f"long-{chars}.annotator"
    annotator("new", project)
    annotator("import", project, source)
    return project


def annotator(*args: str | Path) -> float:
    """Seconds one command took, start-up included."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COLUMNS": "100"}
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, args)],
        check=True,
        stdout=subprocess.DEVNULL,
        env=env,
        timeout=600,
    )
    return time.perf_counter() - t0


def commands(project: Path, out: Path) -> dict[str, list[str | Path]]:
    cases: dict[str, list[str | Path]] = {
        "show": ["show", project, "long", "--width", "100"],
        "render to PDF": ["render", project, "--document", "long", "-o", out / "long.pdf"],
        "render to PNG": ["render", project, "--document", "long", "-o", out / "long.png"],
        "adjudicate (majority)": ["adjudicate", project, "--strategy", "majority"],
    }
    for name in EXPORTS:
        cases[f"export to {name}"] = [
            "export",
            project,
            "--format",
            name,
            "-o",
            out / f"{name}-{project.stem}",
        ]
    return cases


def run(ctx: Context) -> list[Result]:
    full = ctx.n(1_000_000)
    projects = {size: build(ctx.workdir, size) for size in (full // 4, full)}
    results = []
    for size, project in projects.items():
        out = ctx.workdir / f"out-{size}"
        out.mkdir()
        for name, args in commands(project, out).items():
            seconds = annotator(*args)
            if size == full:
                quarter = next(r for r in results if r.workload.startswith(name + " "))
                results.append(
                    Result(
                        f"{name} — one paragraph of {full:,} characters",
                        seconds,
                        "s",
                        f"<= {TARGET_S:g} s",
                        seconds <= TARGET_S,
                        baseline=f"the same at {full // 4:,} characters",
                        baseline_value=quarter.value,
                        note=f"{seconds / quarter.value:.1f}× for 4× the text",
                    )
                )
            else:
                results.append(
                    Result(f"{name} — quarter size", seconds, "s", "", None, note="baseline")
                )
    return results
