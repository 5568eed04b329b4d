"""A project on a PostgreSQL server on the loopback (issue 15), beside the same work on a
project file in the same run: edits with their commit, opening a big project, importing
it against COPY of the same rows, and eight annotators writing at once.

The server is a throw-away one, started here as the tests start theirs
(tests/pg_server.py: the operating system's PostgreSQL binaries), but with its default
durability: every commit waits for the disk, as the project file's do.
"""

from __future__ import annotations

import json
import random
import threading
import time
from pathlib import Path

from annotator.core.model import NewDocument, text_sha256
from annotator.formats.importer import import_paths
from annotator.storage.postgres import search
from annotator.storage.postgres.server import add_user
from annotator.storage.project import Project, new_id, now
from benchmarks.common import Context, Result, median, timed
from benchmarks.data import article, documents, write_jsonl
from tests.pg_server import PgServer, running_server

WRITERS = 8
PASSWORD = "bench"


def run(ctx: Context) -> list[Result]:
    docs, per_doc = ctx.n(10_000), 20
    source = ctx.workdir / "big.jsonl"
    total = write_jsonl(source, documents(docs, 5_000, per_doc, ("sara",)))
    with running_server(durable=True) as server:
        big_url = server.url(project="big")
        results = [_import(ctx, server, source, total)]
        big_file = ctx.workdir / "big.annotator"
        Project.create(big_file).close()
        with Project.open(big_file) as p:
            import_paths(p, [source])
        results += [
            _open_and_list(ctx, big_url, big_file),
            *_edits(ctx, big_url, big_file),
            _writers(ctx, server),
        ]
    return results


def _import(ctx: Context, server: PgServer, source: Path, total: int) -> Result:
    repeats = min(ctx.repeats, 3)
    runs, base_runs = [], []
    for i in range(repeats):
        url = server.url(project=f"big{i}" if i else "big")
        with Project.create(url) as p:
            t0 = time.perf_counter()
            result = import_paths(p, [source])
            runs.append(time.perf_counter() - t0)
            assert not result.errors and result.report.annotations == total
        base_runs.append(_copy_baseline(server, f"copy{i}", source))
    rate, base_rate = total / median(runs), total / median(base_runs)
    return Result(
        "server: import 10,000 documents of 5 KB with 200,000 annotations (native JSONL)",
        round(rate),
        "ann/s",
        ">= 50% of the baseline's rate",
        rate >= 0.5 * base_rate,
        "COPY of the same rows and search index into a fresh project's tables, in one "
        "transaction (parsing the JSON timed too)",
        round(base_rate),
        [round(total / r) for r in runs],
        note=f"{rate / base_rate:.0%} of the baseline",
    )


def _copy_baseline(server: PgServer, project: str, source: Path) -> float:
    import psycopg

    url = server.url(project=project)
    Project.create(url).close()
    with psycopg.connect(server.url(), options=f"-c search_path={project}") as conn:
        labels: dict[str, int] = dict(conn.execute("SELECT name, id FROM labels").fetchall())
        t0 = time.perf_counter()
        (annotator,) = conn.execute(
            "INSERT INTO annotators (name) VALUES ('sara') RETURNING id"
        ).fetchone() or (0,)
        stamp = now()
        with conn.cursor() as cur:
            with cur.copy(
                "COPY documents (id, name, text, length, sha256, created) FROM STDIN"
            ) as copy:
                docs = []
                anns = []
                with source.open(encoding="utf-8") as f:
                    for n, line in enumerate(f, 1):
                        record = json.loads(line)
                        text = record["text"]
                        docs.append((n, record["name"], text))
                        copy.write_row(
                            (n, record["name"], text, len(text), text_sha256(text), stamp)
                        )
                        for a in record["annotations"]:
                            start, end = a["start"], a["end"]
                            label = labels[a["label"]]
                            span = text[start:end]
                            anns.append((new_id(), n, annotator, label, start, end, span, "{}"))
            with cur.copy(
                'COPY annotations (id, document_id, annotator_id, label_id, start, "end", '
                "text, attributes, created, modified) FROM STDIN"
            ) as copy:
                for row in anns:
                    copy.write_row((*row, stamp, stamp))
            with cur.copy("COPY documents_search (document_id, words) FROM STDIN") as copy:
                for doc_id, words in search.index_rows(docs):
                    copy.write_row((doc_id, _tsvector(words)))
        conn.commit()
        return time.perf_counter() - t0


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


def _open_and_list(ctx: Context, url: str, file: Path) -> Result:
    def open_and_list(where: str | Path) -> None:
        with Project.open(where) as p:
            p.documents()
            p.annotation_counts()

    runs = timed(lambda: open_and_list(url), ctx.repeats)
    base = timed(lambda: open_and_list(file), ctx.repeats)
    ms = median(runs) * 1000
    return Result(
        "server: open the 10,000-document project and read the documents list with counts",
        round(ms, 1),
        "ms",
        "<= 300 ms",
        ms <= 300,
        "the same project as a file, same run",
        round(median(base) * 1000, 1),
        [round(r * 1000, 1) for r in runs],
    )


def _edits(ctx: Context, url: str, file: Path) -> list[Result]:
    results = []
    for verb in ("add", "remove"):
        count = 20 * ctx.repeats
        runs = _edit_runs(url, verb, count)
        base = _edit_runs(file, verb, count)
        ms = median(runs) * 1000
        results.append(
            Result(
                f"server: {verb} one span, commit included",
                round(ms, 2),
                "ms",
                "<= 16 ms",
                ms <= 16,
                "the same on the project file",
                round(median(base) * 1000, 2),
                [round(r * 1000, 2) for r in runs],
            )
        )
    return results


def _edit_runs(where: str | Path, verb: str, count: int) -> list[float]:
    """Seconds each of ``count`` adds (or removes) of a span took, through Project."""
    runs, made = [], []
    with Project.open(where) as p:
        doc = p.documents()[0].id
        for k in range(count):
            start = k * 7 % 4000
            t0 = time.perf_counter()
            made.append(p.add_annotation(doc, "sara", "PER", start, start + 5).id)
            runs.append(time.perf_counter() - t0)
        if verb == "add":
            return runs
        runs = []
        for span in made:
            t0 = time.perf_counter()
            p.delete_annotation(span)
            runs.append(time.perf_counter() - t0)
    return runs


def _writers(ctx: Context, server: PgServer) -> Result:
    """Eight annotators, each a connection of their own, adding spans as fast as they can
    for a while; then every span must be there."""
    seconds = 60 if ctx.scale >= 1 else 3
    admin = server.url(project="team")
    text = article(random.Random(2), 5_000)
    with Project.create(admin) as p:
        p.add_documents([NewDocument("shared", text)])
        doc_id = p.documents()[0].id
    names = [f"writer{k}" for k in range(WRITERS)]
    for name in names:
        add_user(admin, name, PASSWORD, curator=False)
    commits: dict[str, list[float]] = {n: [] for n in names}
    errors: list[BaseException] = []
    stop = time.perf_counter() + seconds

    def write(name: str) -> None:
        try:
            with Project.open(server.url(name, PASSWORD, project="team")) as mine:
                k = 0
                while time.perf_counter() < stop:
                    start = (k * 13) % (len(text) - 10)
                    t0 = time.perf_counter()
                    mine.add_annotation(doc_id, name, "PER", start, start + 5)
                    commits[name].append(time.perf_counter() - t0)
                    k += 1
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    made = sum(len(v) for v in commits.values())
    with Project.open(admin) as p:
        kept = len(p.annotations(doc_id))
    every = [c for v in commits.values() for c in v]
    ms = median(every) * 1000
    return Result(
        f"server: {WRITERS} annotators writing at once for {seconds} s, median commit",
        round(ms, 2),
        "ms",
        "<= 16 ms, nothing lost",
        ms <= 16 and kept == made and not errors,
        note=f"{made} spans committed, {kept} in the project, {len(errors)} errors",
    )
