"""Agreement at team scale: 3 annotators × 1,000 documents of 5 KB, 30 spans each."""

from __future__ import annotations

from annotator.formats.importer import import_paths
from annotator.review.agreement import agreement
from annotator.review.study import load_study
from annotator.storage.project import Project
from benchmarks.common import Context, Result, median, timed
from benchmarks.data import documents, write_jsonl

ANNOTATORS = ("omar", "sara", "zaid")


def run(ctx: Context) -> list[Result]:
    docs = ctx.n(1_000)
    source = ctx.workdir / "team.jsonl"
    write_jsonl(source, documents(docs, 5_000, 30, ANNOTATORS, seed=5))
    path = ctx.workdir / "team.annotator"
    with Project.create(path) as p:
        result = import_paths(p, [source])
        assert not result.errors
    with Project.open(path, readonly=True) as p:
        runs = timed(lambda: agreement(load_study(p)), ctx.repeats)
        study_runs = timed(lambda: load_study(p), ctx.repeats)
    seconds = median(runs)
    return [
        Result(
            f"agreement, all measures: 3 annotators × {docs:,} documents of 5 KB, 30 spans each",
            round(seconds, 2),
            "s",
            "< 5 s",
            seconds < 5,
            runs=[round(r, 2) for r in runs],
            note=f"reading the spans and texts from the project: {median(study_runs):.2f} s",
        )
    ]
