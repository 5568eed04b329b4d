"""Interchange formats: export 200,000 annotations over 10,000 documents to each format,
and import them back into a new project.

Target: at least 50,000 annotations a second each way for the line formats (jsonl,
brat, doccano, csv); the others are measured and shown without a target. Run alone with
``python benchmarks/bench_formats.py [--quick] [--once] [FORMAT ...]``.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.formats.base import ExportOptions, ExportSelection, ImportOptions
from annotator.formats.export import export, iter_documents
from annotator.formats.importer import collect_files, import_paths, read_file
from annotator.formats.registry import FORMATS
from annotator.storage.project import Project
from benchmarks.common import Context, Result, median, timed
from benchmarks.data import documents, write_jsonl

LINE_FORMATS = ("jsonl", "brat", "doccano", "csv")
TARGET = 50_000
# Where each export goes: a file or, for the folder formats, a folder.
OUTPUT = {
    "brat": "",
    "webanno": "",
    "xmi": "",
    "hf": ".jsonl",
    "spacy": ".spacy",
    "conll": ".conll",
    "csv": ".csv",
    "labelstudio": ".json",
}


def run(ctx: Context, formats: tuple[str, ...] = ()) -> list[Result]:
    docs, per_doc = ctx.n(10_000), 20
    source = ctx.workdir / "formats-source.jsonl"
    total = write_jsonl(source, documents(docs, 2_000, per_doc, ("sara",), seed=4))
    project_path = ctx.workdir / "formats.annotator"
    project_path.unlink(missing_ok=True)
    with Project.create(project_path) as p:
        import_paths(p, [source], options=ImportOptions(add_labels=True))
    results = []
    with Project.open(project_path, readonly=True) as p:
        # --quick (the test run's check that the suite works) keeps to the line formats.
        every = tuple(n for n, f in FORMATS.items() if f.can_export)
        for fmt in formats or (LINE_FORMATS if ctx.scale < 1 else every):
            results += _format(ctx, p, fmt, total, docs)
    return results


def _format(ctx: Context, project: Project, fmt: str, total: int, docs: int) -> list[Result]:
    out = ctx.workdir / f"export-{fmt}{OUTPUT.get(fmt, '.jsonl')}"
    runs = []
    for _ in range(min(ctx.repeats, 3)):
        _remove(out)
        t0 = time.perf_counter()
        report = export(project, fmt, out, ExportOptions())
        runs.append(time.perf_counter() - t0)
    line = fmt in LINE_FORMATS
    results = [
        _result(
            f"export to {fmt}",
            total,
            runs,
            line,
            f"{len(report.warnings)} warnings" if report.warnings else "",
        )
    ]
    writer = FORMATS[fmt].writer()
    # The writer alone, on documents already read from the project (not for the
    # formats whose rows SQLite builds: they have no writer apart from the reading).
    if hasattr(writer, "write"):
        loaded = list(iter_documents(project, ExportSelection()))
        spare = out.with_name(out.name + "-again")
        write_runs = timed(
            lambda: writer.write(iter(loaded), spare, ExportOptions()),
            min(ctx.repeats, 3),
            setup=lambda: _remove(spare),
        )
        results.append(
            Result(
                f"write {fmt} without reading the project ({total:,} annotations)",
                round(total / median(write_runs)),
                "ann/s",
                "none (shows the store's share)",
                None,
                runs=[round(total / r) for r in write_runs],
            )
        )
    if FORMATS[fmt].can_import and fmt != "csv":  # csv imports article tables, not these rows
        runs, got = [], 0
        for i in range(min(ctx.repeats, 3)):
            target = ctx.workdir / f"back-{fmt}-{i}.annotator"
            target.unlink(missing_ok=True)
            with Project.create(target) as p:
                t0 = time.perf_counter()
                result = import_paths(
                    p,
                    [out],
                    format_name=fmt,
                    options=ImportOptions(annotator="sara", add_labels=True),
                )
                runs.append(time.perf_counter() - t0)
                assert not result.errors, result.errors[:1]
                got = result.report.annotations
        results.append(
            _result(
                f"import from {fmt}",
                total,
                runs,
                line,
                f"{got:,} of {total:,} annotations back in {docs:,} documents",
            )
        )
        results.append(_read_only(ctx, fmt, out, total))
    return results


def _remove(path: Path) -> None:
    """A previous run's export: a file or a folder."""
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _read_only(ctx: Context, fmt: str, out: Path, total: int) -> Result:
    """The format's reader alone, without adding to a project: what the format costs."""
    options = ImportOptions(annotator="sara", add_labels=True)
    files, _, _ = collect_files([out], fmt)
    runs = timed(
        lambda: [read_file(f, root, fmt, options) for f, root in files], min(ctx.repeats, 3)
    )
    rate = total / median(runs)
    return Result(
        f"read {fmt} without the project store ({total:,} annotations)",
        round(rate),
        "ann/s",
        "none (shows the store's share)",
        None,
        runs=[round(total / r) for r in runs],
    )


def _result(workload: str, total: int, runs: list[float], line: bool, note: str) -> Result:
    rate = total / median(runs)
    return Result(
        f"{workload} ({total:,} annotations)",
        round(rate),
        "ann/s",
        f">= {TARGET:,} ann/s" if line else "none (measured)",
        rate >= TARGET if line else None,
        runs=[round(total / r) for r in runs],
        note=note,
    )


def main() -> None:
    import tempfile

    from benchmarks.run import show

    quick = "--quick" in sys.argv
    once = "--once" in sys.argv  # one run each: the slow formats take minutes
    formats = tuple(a for a in sys.argv[1:] if not a.startswith("--"))
    with tempfile.TemporaryDirectory() as tmp:
        ctx = Context(Path(tmp), 0.1 if quick else 1.0, 1 if quick or once else 3)
        for r in run(ctx, formats):
            show(r)


if __name__ == "__main__":
    main()
