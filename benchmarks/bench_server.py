"""A project on a PostgreSQL server against a project file, in the same run (issue 15):
python benchmarks/bench_server.py [--quick] [--json FILE] [--only PART ...] (run.py's
options; the parts are import, edits, open and team: ``--only team`` is the eight
annotators alone, about five minutes)

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
from tests.round_trips import relay_to

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


PARTS = ("import", "edits", "open", "team")


def run(ctx: Context) -> list[Result]:
    if ctx.parts - set(PARTS):
        sys.exit(f"bench_server: the parts are {', '.join(PARTS)}, not {', '.join(ctx.parts)}")
    docs, per_doc = ctx.n(10_000), 20
    source = ctx.workdir / "big.jsonl"
    total = write_jsonl(source, documents(docs, 5_000, per_doc, ("sara",)))
    with running_server(durable=True) as server:
        places = Places(server, ctx.workdir)
        big_file, big_url = ctx.workdir / "import-file.annotator", places.url(TEAM[0], "big")
        results = []
        if ctx.runs("import"):
            results += _import(ctx, places, source, total)  # makes both big projects too
        else:
            _big_projects(places, source, total, big_file)
        if ctx.runs("edits"):
            results += _edits(ctx, places, big_file, big_url)
        if ctx.runs("open"):
            results += _open_and_list(ctx, big_file, big_url)
        if ctx.runs("team"):
            results += _team(ctx, places, big_file, "big")
    return results


def _big_projects(places: Places, source: Path, total: int, big_file: Path) -> None:
    """The big project on both engines without timing the imports: on the server by the
    owner's COPY (the quickest way; the server's identity of documents is left behind,
    which no part that runs after adds to)."""
    new_server_project(places, "big")
    with Project.open(places.admin("big")) as p:
        _copy_baseline(p, source)
    Project.create(big_file).close()
    with Project.open(big_file) as p:
        _import_all(p, source, total)


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
        whole, too_big = search.index_rows(index)
        assert not too_big, "the benchmark's documents are far below tsvector's limits"
        with conn.cursor().copy("COPY documents_search (document_id, words) FROM STDIN") as copy:
            for doc_id, words, mark in whole:  # mark: a word too long to index, if any
                copy.write_row((doc_id, " ".join(filter(None, (_tsvector(words), mark)))))


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


def _edits(ctx: Context, places: Places, big_file: Path, big_url: str) -> list[Result]:
    """One annotator adds a span to a document of the big project, commit included, and
    removes it again: what the window's core operations do for a key press. Besides, how
    many times each waits for the server (tests/round_trips.py's relay, untimed)."""
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
    trips = _round_trips(places, big_url)
    return [
        _against_file(
            f"server: {what} one span as an annotator, commit included",
            timings["server"][what],
            timings["file"][what],
            16,
            f"round trips to the server: {trips[what]:g}",
        )
        for what in ("add", "remove")
    ]


def _round_trips(places: Places, url: str) -> dict[str, float]:
    """The mean number of waits for the server per add and per remove of a span."""
    counts: dict[str, list[int]] = {"add": [], "remove": []}
    with relay_to(places.server.port) as relay, Project.open(relay.url(url)) as p:
        p.delete_annotation(p.add_annotation(1, TEAM[0], "PER", 0, 5).id)  # names read
        for start in range(20):
            n = relay.count()
            made = p.add_annotation(1, TEAM[0], "PER", start, start + 5)
            counts["add"].append(relay.count() - n)
            n = relay.count()
            p.delete_annotation(made.id)
            counts["remove"].append(relay.count() - n)
    return {what: statistics.mean(n) for what, n in counts.items()}


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


def _against_file(
    workload: str, server: Timing, file: Timing, target_ms: float, note: str = ""
) -> Result:
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
        note=f"{note}{'; ' if note else ''}{server.cpu_note()}; file: {file.cpu_note()}; {load()}",
    )


# ----- a team at work -------------------------------------------------------------------
# Two runs of the same eight annotator processes and the same mix of edits: at a fast
# human's pace (an edit every 0.5 to 1 s each, the target's measure: annotators are
# people, who read before they mark), and as fast as they can (a stress test: the
# server's capacity, each commit waiting for a turn on the machine's cores).

PACE = (0.5, 1.0)  # seconds between one annotator's edits, drawn anew each time


@dataclass
class Work:
    """What one annotator's process did: every commit's wall clock, and what it left."""

    name: str
    commits: list[float] = field(default_factory=list)
    spans: dict[str, tuple[int, str, int, int]] = field(default_factory=dict)
    statuses: dict[int, str] = field(default_factory=dict)
    cpu: float = 0.0
    server_cpu: float = 0.0
    errors: list[str] = field(default_factory=list)


def annotate(
    location: str,
    name: str,
    seconds: float,
    seed: int,
    pace: tuple[float, float] | None,
    go: Any,
    out: Any,
) -> None:
    """One annotator for ``seconds``: add spans, change and remove their own, mark
    documents; each commit timed and logged as it returned. With a ``pace``, each edit
    starts that many seconds (drawn between its bounds) after the one before started."""
    rng = random.Random(seed)
    work = Work(name)
    with Project.open(location) as p:
        lengths = {d.id: d.length for d in p.documents()[:200]}
        ids = list(lengths)
        # A window has edited before the edits timed here: the server process behind the
        # connection has read the policies and compiled the trigger once.
        p.delete_annotation(p.add_annotation(ids[0], name, LABELS[0], 0, 1).id)
        # What an earlier run left is theirs to change, and still to be found afterwards.
        work.spans = {
            a.id: (a.document_id, a.label, a.start, a.end) for a in p.annotations(annotator=name)
        }
        work.statuses = {d: s.value for d, s in p.statuses_of(name).items()}
        go.wait()  # every process has the project open
        s0, c0 = backend_cpu(p), time.process_time()
        end = time.monotonic() + seconds
        due = time.monotonic()
        while time.monotonic() < end:
            if pace is not None:
                due += rng.uniform(*pace)
                time.sleep(max(0.0, due - time.monotonic()))
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
        work.server_cpu = backend_cpu(p) - s0
    out.put(work)


@dataclass
class TeamRun:
    """One run of the eight: what each did, what the project lacks of it, the load."""

    works: list[Work]
    lost: str
    load_before: str
    load_after: str
    seconds: float

    @property
    def commits(self) -> list[float]:
        return [c for w in self.works for c in w.commits]

    @property
    def errors(self) -> list[str]:
        return [e for w in self.works for e in w.errors]

    def ms(self, percentile: int = 50) -> float:
        return round(_percentile(self.commits, percentile) * 1000, 2)

    def summary(self) -> str:
        n = len(self.commits)
        server = sum(w.server_cpu for w in self.works)
        cpu = f"CPU per commit {sum(w.cpu for w in self.works) / n * 1000:.2f} ms in the annotators"
        if server:
            cpu += f" + {server / n * 1000:.2f} ms in the server"
        return (
            f"{n:,} commits ({n / self.seconds:,.1f}/s), median {self.ms()} ms, 95th "
            f"percentile {self.ms(95)} ms; lost: {self.lost or 'nothing'}; errors: "
            f"{len(self.errors)}{' ' + str(self.errors[:2]) if self.errors else ''}; {cpu}; "
            f"{self.load_before} before, {self.load_after} after"
        )


def _team(ctx: Context, places: Places, big_file: Path, project: str) -> list[Result]:
    seconds = 60 if ctx.scale >= 1 else 3
    runs = {
        (engine, pace): _team_run(places, big_file, project, engine, pace, seconds)
        for pace in (PACE, None)
        for engine in ("server", "file")
    }
    paced, file_paced = runs["server", PACE], runs["file", PACE]
    stress, file_stress = runs["server", None], runs["file", None]
    team = f"{len(TEAM)} annotators (processes, each its own role)"
    return [
        Result(
            f"server: {team} at a fast human's pace (an edit every {PACE[0]:g}-{PACE[1]:g} s "
            f"each) for {seconds:g} s: median commit",
            paced.ms(),
            "ms",
            "<= 16 ms, nothing lost",
            paced.ms() <= 16 and not paced.lost and not paced.errors,
            f"the same {len(TEAM)} processes on the project file",
            file_paced.ms(),
            [round(c * 1000, 2) for c in paced.commits],
            note=f"{paced.summary()} (file: {file_paced.summary()})",
        ),
        Result(
            f"server: {team} as fast as they can for {seconds:g} s (a stress test: the "
            "server's capacity)",
            round(len(stress.commits) / seconds, 1),
            "commits/s",
            "nothing lost (capacity: no target)",
            not stress.lost and not stress.errors,
            f"the same {len(TEAM)} processes on the project file",
            round(len(file_stress.commits) / seconds, 1),
            note=f"{stress.summary()} (file: {file_stress.summary()})",
        ),
    ]


def _team_run(
    places: Places,
    big_file: Path,
    project: str,
    engine: str,
    pace: tuple[float, float] | None,
    seconds: float,
) -> TeamRun:
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
                pace,
                go,
                out,
            ),
        )
        for n, name in enumerate(TEAM)
    ]
    for w in workers:
        w.start()
    go.wait(timeout=300)
    before = load()
    works: list[Work] = [out.get(timeout=seconds + 120) for _ in workers]
    after = load()
    for w in workers:
        w.join()
    location = places.admin(project) if engine == "server" else str(big_file)
    return TeamRun(works, _lost(location, works), before, after, seconds)


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

    # --only PART (import, edits, open, team) is run.py's --only bench_server:PART.
    args, parts = sys.argv[1:], []
    while "--only" in args:
        i = args.index("--only")
        parts.append(args[i + 1] if i + 1 < len(args) else "")
        del args[i : i + 2]
    sys.argv[1:] = [*args, "--only", "bench_server:" + ",".join(parts)]
    sys.exit(main())
