"""Run the benchmark suite: python benchmarks/run.py [--quick] [--json FILE] [--only NAME]
(--only NAME:PART,PART runs those parts of one suite, where it has parts: bench_server's
are import, edits, open and team; bench_learn's sentences, cv, documents and speed)

Builds its own data (no downloads), runs each workload several times and prints the
median beside its target and, where one is named, the baseline measured in the same run.
--quick uses a tenth of the sizes and one run of each. Results go in
benchmarks/RESULTS.md by hand, with the machine and date this prints.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import Context, Result

# Each module offers run(ctx) -> list[Result]. The window's need Qt (offscreen is fine).
SUITES = [
    "bench_core",
    "bench_formats",
    "bench_agreement",
    "bench_view",
    "bench_long_paragraph",
    "bench_learn",
    "bench_occurrences",
    "bench_selection",
    "bench_interaction",
    "bench_server",  # a throw-away PostgreSQL server (tests/pg_server.py)
]


def machine() -> dict[str, str]:
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cores": str(os.cpu_count()),
    }


def show(result: Result) -> None:
    verdict = {True: "ok  ", False: "MISS", None: "n/a "}[result.met]
    base = ""
    if result.baseline:
        base = f"  (baseline {result.baseline}: {result.baseline_value:,} {result.unit})"
    note = f"  [{result.note}]" if result.note else ""
    print(
        f"{verdict} {result.workload}: {result.value:,} {result.unit}, target {result.target}"
        f"{base}{note}",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--only", action="append", metavar="NAME[:PART,...]", help="run only these")
    args = parser.parse_args()
    chosen: dict[str, frozenset[str]] = {}
    for only in args.only or SUITES:
        name, _, parts = only.partition(":")
        if name not in SUITES:
            parser.error(f"--only {name!r}: the suites are {', '.join(SUITES)}")
        chosen[name] = frozenset(filter(None, parts.split(",")))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    info = machine()
    print(" | ".join(f"{k}: {v}" for k, v in info.items()), flush=True)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        ctx = Context(Path(tmp), 0.1 if args.quick else 1.0, 1 if args.quick else 5)
        for name, parts in chosen.items():
            try:
                module = importlib.import_module(f"benchmarks.{name}")
            except ModuleNotFoundError as exc:
                print(f"n/a  {name}: not available ({exc})", flush=True)
                continue
            suite_dir = ctx.workdir / name
            suite_dir.mkdir()
            for result in module.run(Context(suite_dir, ctx.scale, ctx.repeats, parts)):
                show(result)
                results.append(result)
    if args.json:
        args.json.write_text(
            json.dumps(
                {"machine": info, "quick": args.quick, "results": [r.as_dict() for r in results]},
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
