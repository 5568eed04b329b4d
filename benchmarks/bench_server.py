"""A project on a PostgreSQL server against a project file, in the same run (issue 15):
python benchmarks/bench_server.py [--quick] [--json FILE] (run.py's options)

Starts its own throw-away server on loopback (tests/pg_server.py, the tests' helper:
``initdb`` and ``pg_ctl`` in a temporary folder) and stops it at the end; unlike the
tests' server it keeps its default durability (every commit waits for the disk, as the
project file's do). Every workload
runs as the people who do it on a team's server: spans are added and removed by an
annotator (a role under row-level security), documents imported by a curator, never by
the superuser, whom row-level security does not apply to.

Beside each wall-clock median it records the processor time of this process and of the
server process that served it, and the load average, since a loaded machine inflates
wall clock but not the work done.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg

from annotator.core.model import Status, text_sha256
from annotator.formats.importer import import_paths
from annotator.storage.postgres import search
from annotator.storage.postgres.server import add_user
from annotator.storage.project import Project, new_id, now
from benchmarks.common import Context, Result, median
from benchmarks.data import LABELS, documents, write_jsonl
from tests.pg_server import PgServer, running_server

PASSWORD = "bench-secret"
CURATOR = "curator"
TEAM = tuple(f"annotator{n}" for n in range(1, 9))
TICKS = os.sysconf("SC_CLK_TCK")
T = TypeVar("T")


# ----- measuring ------------------------------------------------------------------------


def load() -> str:
    return "load average " + " / ".join(f"{x:.1f}" for x in os.getloadavg())


def backend_cpu(project: Project) -> float:
    """Seconds of processor time the server process behind ``project`` has used (0 for
    a file: SQLite works inside this process, so its time is this process's)."""
    conn = getattr(project.engine, "conn", None)
    if not isinstance(conn, psycopg.Connection):
        return 0.0
    fields = Path(f"/proc/{conn.info.backend_pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


@dataclass
class Timing:
    """Wall clock, this process's and the server's processor time of each run."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    server: list[float] = field(default_factory=list)

    def measure(self, project: Project, fn: Callable[[], T]) -> T:
        s0, c0, t0 = backend_cpu(project), time.process_time(), time.perf_counter()
        out = fn()
        self.wall.append(time.perf_counter() - t0)
        self.cpu.append(time.process_time() - c0)
        self.server.append(backend_cpu(project) - s0)
        return out

    def ms(self) -> float:
        return round(median(self.wall) * 1000, 2)

    def cpu_note(self) -> str:
        # The server's clock ticks are 10 ms: its time is told as a mean, not a median.
        return (
            f"CPU {median(self.cpu) * 1000:.2f} ms here + "
            f"{statistics.mean(self.server) * 1000:.2f} ms in the server"
        )


# ----- the two engines' projects -------------------------------------------------------


@dataclass(frozen=True)
class Places:
    server: PgServer
    folder: Path

    def url(self, user: str, project: str) -> str:
        return self.server.url(user, PASSWORD, project=project)

    def admin(self, project: str) -> str:
        return self.server.url(project=project)


def new_server_project(places: Places, project: str) -> None:
    Project.create(places.admin(project)).close()
    add_user(places.admin(project), CURATOR, PASSWORD, curator=True)
    for name in TEAM:
        add_user(places.admin(project), name, PASSWORD, curator=False)


def run(ctx: Context) -> list[Result]:
    docs, per_doc = ctx.n(10_000), 20
    source = ctx.workdir / "big.jsonl"
    total = write_jsonl(source, documents(docs, 5_000, per_doc, ("sara",)))
    with running_server(durable=True) as server:
        places = Places(server, ctx.workdir)
        results = _import(ctx, places, source, total)
        big_file, big_url = ctx.workdir / "import-file.annotator", places.url(TEAM[0], "big")
        results += _edits(ctx, big_file, big_url)
        results += _open_and_list(ctx, big_file, big_url)
        results += _team(ctx, places, big_file, "big")
    return results


# ----- import ----------------------------------------------------------------------------


def _import(ctx: Context, places: Places, source: Path, total: int) -> list[Result]:
    """The import as the project's owner (who made it with `annotator server init`) and
    as a curator, against COPY of the same rows. COPY is the owner's alone: PostgreSQL
    refuses it to anyone that row-level security applies to."""
    repeats = min(ctx.repeats, 3)
    owner, curator, copy, on_file = Timing(), Timing(), Timing(), Timing()
    for i in range(repeats):
        runs = [
            (curator, CURATOR, "big" if i == 0 else f"curated{i}"),
            (copy, "admin", f"copied{i}"),
        ]
        if ctx.scale >= 1:  # --quick (the test suite's) leaves out the owner's
            runs.append((owner, "admin", f"owned{i}"))
        for timing, user, project in runs:
            new_server_project(places, project)
            url = places.admin(project) if user == "admin" else places.url(user, project)
            with Project.open(url) as p:
                if timing is copy:
                    timing.measure(p, partial(_copy_baseline, p, source))
                else:
                    timing.measure(p, partial(_import_all, p, source, total))
        path = ctx.workdir / ("import-file.annotator" if i == 0 else f"import{i}.annotator")
        Project.create(path).close()
        with Project.open(path) as p:
            on_file.measure(p, partial(_import_all, p, source, total))
    base = total / median(copy.wall)
    file_rate = total / median(on_file.wall)
    out = []
    for timing, who in ((owner, "the project's owner"), (curator, "a curator")):
        if not timing.wall:
            continue
        rate = total / median(timing.wall)
        out.append(
            Result(
                "server: import 10,000 documents of 5 KB with 200,000 annotations (native "
                f"JSONL), as {who}",
                round(rate),
                "ann/s",
                ">= 50% of COPY",
                rate >= 0.5 * base,
                "COPY of the same rows (documents, annotations, the search index's stems) "
                "by the owner, the JSON parsed and the stems made in the timed part too",
                round(base),
                [round(total / r) for r in timing.wall],
                note=f"{rate / base:.0%} of COPY; {timing.cpu_note()} (COPY: "
                f"{copy.cpu_note()}); the same import into a project file: "
                f"{file_rate:,.0f} ann/s; {load()}",
            )
        )
    return out


def _import_all(p: Project, source: Path, total: int) -> None:
    result = import_paths(p, [source])
    assert not result.errors and result.report.annotations == total, result.errors


def _copy_baseline(p: Project, source: Path) -> None:
    """The same rows as the import writes, by the plainest fast way a server has: COPY,
    in one transaction, through the project's own connection."""
    conn = p.engine.conn  # type: ignore[attr-defined]
    labels = dict(conn.execute("SELECT name, id FROM labels").fetchall())
    stamp = now()
    with conn.transaction():
        (annotator,) = conn.execute(
            "INSERT INTO annotators (name) VALUES ('sara') RETURNING id"
        ).fetchone()
        (first,) = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM documents").fetchone()
        index: list[tuple[int, str, str]] = []
        with (
            conn.cursor().copy(
                "COPY documents (id, name, text, length, sha256, created) FROM STDIN"
            ) as docs,
            open(source, encoding="utf-8") as f,
        ):
            records = []
            for n, line in enumerate(f, first):
                record = json.loads(line)
                text = record["text"]
                docs.write_row((n, record["name"], text, len(text), text_sha256(text), stamp))
                index.append((n, record["name"], text))
                records.append((n, record))
        with conn.cursor().copy(
            'COPY annotations (id, document_id, annotator_id, label_id, start, "end", text, '
            "attributes, created, modified) FROM STDIN"
        ) as anns:
            for n, record in records:
                text = record["text"]
                for a in record["annotations"]:
                    s, e = a["start"], a["end"]
                    anns.write_row(
                        (
                            new_id(),
                            n,
                            annotator,
                            labels[a["label"]],
                            s,
                            e,
                            text[s:e],
                            "{}",
                            stamp,
                            stamp,
                        )
                    )
        with conn.cursor().copy("COPY documents_search (document_id, words) FROM STDIN") as copy:
            whole, _too_big = search.index_rows(index)  # none is too big here
            for doc_id, words, _mark in whole:
                copy.write_row((doc_id, _tsvector(words)))


def _tsvector(words: str) -> str:
    """The index row as COPY takes it: what to_tsvector('simple', ...) makes of the stems,
    in tsvector's text form (each stem is letters and digits, quoted as a lexeme, with its
    positions, as PostgreSQL keeps them: at most 256, none past 16,383)."""
    positions: dict[str, list[int]] = {}
    for i, word in enumerate(words.split(), 1):
        positions.setdefault(word, []).append(min(i, 16_383))
    return " ".join(
        f"'{w}':" + ",".join(map(str, sorted(set(ps))[:256])) for w, ps in positions.items()
    )


# ----- one span, added and removed ------------------------------------------------------


def _edits(ctx: Context, big_file: Path, big_url: str) -> list[Result]:
    """One annotator adds a span to a document of the big project, commit included, and
    removes it again: what the window's core operations do for a key press."""
    spans = ctx.n(2_000) // 10
    timings: dict[str, dict[str, Timing]] = {}
    for engine, location in (("server", big_url), ("file", big_file)):
        rng = random.Random(7)
        add, remove = Timing(), Timing()
        with Project.open(location) as p:
            doc = p.document(1)
            # The annotator's first span adds their row: not what a key press costs.
            p.delete_annotation(p.add_annotation(doc.id, TEAM[0], "PER", 0, 5).id)
            for _ in range(spans):
                start = rng.randrange(len(doc.text) - 20)
                span = (doc.id, TEAM[0], rng.choice(LABELS), start, start + rng.randint(1, 20))
                made = add.measure(p, partial(p.add_annotation, *span))
                remove.measure(p, partial(p.delete_annotation, made.id))
        timings[engine] = {"add": add, "remove": remove}
    return [
        _against_file(
            f"server: {what} one span as an annotator, commit included",
            timings["server"][what],
            timings["file"][what],
            16,
        )
        for what in ("add", "remove")
    ]


# ----- opening the big project ----------------------------------------------------------


def _open_and_list(ctx: Context, big_file: Path, big_url: str) -> list[Result]:
    """What the window does before it shows the documents list: open, then the documents
    with their counts and the annotator's statuses."""
    timings = {}
    for engine, location in (("server", big_url), ("file", big_file)):
        timing = Timing()
        for _ in range(ctx.repeats):
            c0, t0 = time.process_time(), time.perf_counter()
            p = Project.open(location)
            s0 = backend_cpu(p)
            p.documents()
            p.annotation_counts()
            p.statuses_of(TEAM[0])
            timing.server.append(backend_cpu(p) - s0)
            timing.wall.append(time.perf_counter() - t0)
            timing.cpu.append(time.process_time() - c0)
            p.close()
        timings[engine] = timing
    return [
        _against_file(
            "server: open the 10,000-document project and read the documents list (counts, "
            "statuses) as an annotator",
            timings["server"],
            timings["file"],
            300,
        )
    ]


def _against_file(workload: str, server: Timing, file: Timing, target_ms: float) -> Result:
    ms = server.ms()
    return Result(
        workload,
        ms,
        "ms",
        f"<= {target_ms:g} ms",
        ms <= target_ms,
        "the same on the project file",
        file.ms(),
        [round(w * 1000, 2) for w in server.wall],
        note=f"{server.cpu_note()}; file: {file.cpu_note()}; {load()}",
    )


# ----- a team at work -------------------------------------------------------------------


@dataclass
class Work:
    """What one annotator's process did: every commit's wall clock, and what it left."""

    name: str
    commits: list[float] = field(default_factory=list)
    spans: dict[str, tuple[int, str, int, int]] = field(default_factory=dict)
    statuses: dict[int, str] = field(default_factory=dict)
    cpu: float = 0.0
    errors: list[str] = field(default_factory=list)


def annotate(location: str, name: str, seconds: float, seed: int, go: Any, out: Any) -> None:
    """One annotator for ``seconds``: add spans, change and remove their own, mark
    documents; each commit timed and logged as it returned."""
    rng = random.Random(seed)
    work = Work(name)
    with Project.open(location) as p:
        lengths = {d.id: d.length for d in p.documents()[:200]}
        ids = list(lengths)
        work.statuses = {d: s.value for d, s in p.statuses_of(name).items()}
        go.wait()  # every process has the project open
        c0, end = time.process_time(), time.monotonic() + seconds
        while time.monotonic() < end:
            doc = rng.choice(ids)
            choice = rng.random()
            t0 = time.perf_counter()
            try:
                if choice < 0.6 or not work.spans:
                    s = rng.randrange(lengths[doc] - 20)
                    e = s + rng.randint(1, 20)
                    label = rng.choice(LABELS)
                    ann = p.add_annotation(doc, name, label, s, e)
                    work.spans[ann.id] = (doc, label, s, e)
                    work.statuses.setdefault(doc, Status.IN_PROGRESS.value)
                elif choice < 0.75:
                    span = rng.choice(list(work.spans))
                    label = rng.choice(LABELS)
                    p.update_annotation(span, label=label)
                    work.spans[span] = (*work.spans[span][:1], label, *work.spans[span][2:])
                elif choice < 0.9:
                    span = rng.choice(list(work.spans))
                    p.delete_annotation(span)
                    del work.spans[span]
                else:
                    status = rng.choice([Status.IN_PROGRESS, Status.DONE])
                    p.set_status(doc, name, status)
                    work.statuses[doc] = status.value
            except Exception as exc:  # reported, and the run fails
                work.errors.append(repr(exc))
                continue
            work.commits.append(time.perf_counter() - t0)
        work.cpu = time.process_time() - c0
    out.put(work)


def _team(ctx: Context, places: Places, big_file: Path, project: str) -> list[Result]:
    seconds = 60 if ctx.scale >= 1 else 3
    runs = {}
    for engine in ("server", "file"):
        mp = multiprocessing.get_context("spawn")
        go, out = mp.Barrier(len(TEAM) + 1), mp.Queue()
        workers = [
            mp.Process(
                target=annotate,
                args=(
                    places.url(name, project) if engine == "server" else str(big_file),
                    name,
                    seconds,
                    n,
                    go,
                    out,
                ),
            )
            for n, name in enumerate(TEAM)
        ]
        for w in workers:
            w.start()
        go.wait(timeout=300)
        loadavg = load()
        works: list[Work] = [out.get(timeout=seconds + 120) for _ in workers]
        for w in workers:
            w.join()
        location = places.admin(project) if engine == "server" else str(big_file)
        lost = _lost(location, works)
        runs[engine] = (works, lost, loadavg)
    out_results = []
    works, lost, loadavg = runs["server"]
    file_works, file_lost, _ = runs["file"]
    commits = [c for w in works for c in w.commits]
    file_commits = [c for w in file_works for c in w.commits]
    ms = round(median(commits) * 1000, 2)
    errors = [e for w in works for e in w.errors]
    out_results.append(
        Result(
            f"server: {len(TEAM)} annotators (processes, each its own role) writing at once "
            f"for {seconds:g} s: median commit",
            ms,
            "ms",
            "<= 16 ms, nothing lost",
            ms <= 16 and not lost and not errors,
            f"the same {len(TEAM)} processes on the project file",
            round(median(file_commits) * 1000, 2),
            note=f"{len(commits):,} commits ({len(commits) / seconds:,.0f}/s; file "
            f"{len(file_commits):,}, {len(file_commits) / seconds:,.0f}/s); 95th percentile "
            f"{_percentile(commits, 95) * 1000:.1f} ms (file "
            f"{_percentile(file_commits, 95) * 1000:.1f} ms); lost: {lost or 'nothing'} "
            f"(file: {file_lost or 'nothing'}); errors: {len(errors)} "
            f"{errors[:2] if errors else ''}; CPU per commit in the annotators' processes "
            f"{sum(w.cpu for w in works) / len(commits) * 1000:.2f} ms; {loadavg} at the start",
        )
    )
    return out_results


def _percentile(values: list[float], p: int) -> float:
    return sorted(values)[min(len(values) - 1, len(values) * p // 100)]


def _lost(location: str, works: list[Work]) -> str:
    """What the project lacks, or holds differently, of what each process committed."""
    problems = []
    with Project.open(location, readonly=True) as p:
        for work in works:
            held = {
                a.id: (a.document_id, a.label, a.start, a.end)
                for a in p.annotations(annotator=work.name)
            }
            if held != work.spans:
                problems.append(f"{work.name}: {len(set(held) ^ set(work.spans))} spans differ")
            statuses = p.statuses_of(work.name)
            if statuses != {d: Status(s) for d, s in work.statuses.items()}:
                problems.append(f"{work.name}: statuses differ")
    return "; ".join(problems)


# ----- by itself: the same as `python benchmarks/run.py --only bench_server` ----------

if __name__ == "__main__":
    from benchmarks.run import main

    sys.argv[1:1] = ["--only", "bench_server"]
    sys.exit(main())
