"""Issue 13, rule 7: linear time in the text's length for `show`, `render`, `adjudicate`
and every export, measured on one document that is a single 1 MB paragraph (no line
break at all), with the spans of two annotators; each command ≤ 10 s.

Each command runs as a user runs it (a fresh `python -m annotator` process, start-up
included), once at full size and once at a quarter: a linear command takes about four
times as long on the whole, a quadratic one sixteen.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import Context, Result
from benchmarks.data import paragraph, spans

TARGET_S = 10.0
SPANS_PER_MB = 20_000  # per annotator
EXPORTS = [
    "jsonl",
    "csv",
    "brat",
    "conll",
    "doccano",
    "labelstudio",
    "webanno",
    "xmi",
    "html",
    "hf",
]
# spaCy's DocBin needs the spacy extra: measured where it is installed.
if importlib.util.find_spec("spacy") is not None:
    EXPORTS.append("spacy")


def build(folder: Path, chars: int, isolates: bool = False) -> Path:
    """The project, with ``isolates`` every fourth word between FSI and PDI (as a
    Latin name or a hashtag is isolated in a right-to-left text): thousands of them."""
    rng = random.Random(13)
    text = ""
    while len(text) < chars:
        text += paragraph(rng, 2000) + " "
    text = text[:chars].rstrip()
    if isolates:
        words = text.split(" ")
        text = " ".join(f"\u2068{w}\u2069" if k % 4 == 0 else w for k, w in enumerate(words))
    count = max(1, SPANS_PER_MB * chars // 1_000_000)
    annotations = [
        {"id": f"{who}{k}", "start": start, "end": end, "label": label, "annotator": who}
        for who in ("sara", "omar")
        for k, (start, end, label) in enumerate(spans(rng, text, count))
    ]
    record = {"name": "long", "text": text, "annotations": annotations}
    stem = f"long-{chars}" + "-isolates" * isolates
    source = folder / f"{stem}.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    project = folder / f"{stem}.annotator"
    annotator("new", project)
    annotator("import", project, source)
    return project


def annotator(*args: str | Path) -> tuple[float, float]:
    """Seconds one command took (wall clock, start-up included) and the processor
    seconds it used (on a shared machine the two differ)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COLUMNS": "100"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, args)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        timeout=600,
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


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
    """At full size, each command beside the same at a quarter of the text (--quick: a
    tenth of the size, no quarter)."""
    full = ctx.n(1_000_000)
    sizes = (full // 4, full) if ctx.scale >= 1 else (full,)
    quarter: dict[str, float] = {}
    results = []
    for size in sizes:
        project = build(ctx.workdir, size)
        out = ctx.workdir / f"out-{size}"
        out.mkdir()
        cases = commands(project, out)
        isolated = build(ctx.workdir, size, isolates=True)
        cases["show, every fourth word isolated (FSI…PDI)"] = [
            "show",
            isolated,
            "long",
            "--width",
            "100",
        ]
        for name, args in cases.items():
            wall, cpu = annotator(*args)
            if size != full:
                quarter[name] = wall
                continue
            note = f"{cpu:.1f} s of processor time"
            if name in quarter:
                note += f"; {wall / quarter[name]:.1f}× the time at a quarter of the text"
            results.append(
                Result(
                    f"{name}: one paragraph of {full:,} characters",
                    round(wall, 2),
                    "s",
                    f"<= {TARGET_S:g} s",
                    wall <= TARGET_S,
                    baseline=f"the same at {full // 4:,} characters" if name in quarter else "",
                    baseline_value=round(quarter[name], 2) if name in quarter else None,
                    note=note,
                )
            )
    return results
