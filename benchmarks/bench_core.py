"""The project file at newsroom scale: import, open, search, export, check, start-up."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from annotator.core.model import text_sha256
from annotator.core.textsearch import index_text
from annotator.formats.base import ExportOptions
from annotator.formats.export import export
from annotator.formats.importer import import_paths
from annotator.formats.registry import FORMATS
from annotator.storage.check import check_project
from annotator.storage.project import Project, new_id, now
from annotator.storage.schema_sql import SEARCH_INSERT, search_rows
from annotator.ui.doclist import SEARCH_LIMIT
from benchmarks.common import Context, Result, median, timed
from benchmarks.data import documents, write_jsonl

LINE_FORMATS = ("jsonl", "brat", "doccano", "csv")


def run(ctx: Context) -> list[Result]:
    docs, per_doc = ctx.n(10_000), 20
    source = ctx.workdir / "big.jsonl"
    total = write_jsonl(source, documents(docs, 5_000, per_doc, ("sara",)))
    results = [_import(ctx, source, total), *_index_costs(ctx, source, total)]
    big = ctx.workdir / "import-1.annotator"
    results += [
        _open_and_list(ctx, big),
        *_search(ctx, big),
        *_exports(ctx, big, total),
        _conll_against_baseline(ctx, big, total),
        _check(ctx, big),
        _startup(ctx, big),
    ]
    return results


def _fresh(ctx: Context, name: str) -> Path:
    path = ctx.workdir / name
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    Project.create(path).close()
    return path


def _import(ctx: Context, source: Path, total: int) -> Result:
    repeats = min(ctx.repeats, 3)
    runs = []
    for i in range(repeats):
        path = _fresh(ctx, f"import-{i + 1}.annotator")
        with Project.open(path) as p:
            t0 = time.perf_counter()
            result = import_paths(p, [source])
            runs.append(time.perf_counter() - t0)
            assert not result.errors and result.report.annotations == total
    base_runs = []
    for i in range(repeats):
        path = _fresh(ctx, f"baseline-{i}.annotator")
        base_runs.append(_baseline_import(path, source, "bulk"))
    rate, base_rate = total / median(runs), total / median(base_runs)
    return Result(
        "import 10,000 documents of 5 KB with 200,000 annotations (native JSONL)",
        round(rate),
        "ann/s",
        ">= 50% of the baseline's rate",
        rate >= 0.5 * base_rate,
        "plain sqlite3 executemany of the same rows and the same search index (same "
        "stems), in one transaction",
        round(base_rate),
        [round(total / r) for r in runs],
        note=f"{rate / base_rate:.0%} of the baseline",
    )


def _index_costs(ctx: Context, source: Path, total: int) -> list[Result]:
    """The baseline without the search index, with it built after the rows (what import
    does), and with it kept by a trigger calling the same stemmer row by row."""
    repeats = min(ctx.repeats, 3)
    medians = {}
    for index in ("none", "bulk", "trigger"):
        runs = []
        for i in range(repeats):
            runs.append(
                _baseline_import(_fresh(ctx, f"index-{index}-{i}.annotator"), source, index)
            )
        medians[index] = median(runs)
    docs = ctx.n(10_000)
    cost = medians["bulk"] - medians["none"]
    return [
        Result(
            "search index: building it after the rows, per 1,000 documents of 5 KB",
            round(cost / docs * 1000, 3),
            "s",
            "",
            None,
            "the same baseline without the index",
            round(medians["none"] / docs * 1000, 3),
            note=f"baseline with the index: {medians['bulk']:.2f} s, without: "
            f"{medians['none']:.2f} s",
        ),
        Result(
            "search index: a trigger per document instead of building after the rows",
            round(total / medians["trigger"]),
            "ann/s",
            "",
            None,
            "building after the rows",
            round(total / medians["bulk"]),
            note=f"trigger {medians['trigger']:.2f} s against {medians['bulk']:.2f} s",
        ),
    ]


def _baseline_import(path: Path, source: Path, index: str) -> float:
    """The same rows, inserted the plainest way; parsing the JSON is timed too. The
    search index: "bulk" after the rows (one executemany), "trigger" kept by a trigger
    that calls the same stemmer, "none" not built."""
    conn = sqlite3.connect(path, isolation_level=None)
    labels = dict(conn.execute("SELECT name, id FROM labels").fetchall())
    if index == "trigger":
        conn.create_function("index_text", 1, index_text, deterministic=True)
        conn.execute(
            "CREATE TEMP TRIGGER documents_indexed AFTER INSERT ON documents BEGIN "
            "INSERT INTO documents_search (rowid, name, text) "
            "VALUES (new.id, index_text(new.name), index_text(new.text)); END"
        )
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    conn.execute("INSERT INTO annotators (name) VALUES ('sara')")
    doc_rows, ann_rows = [], []
    stamp = now()
    with source.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            record = json.loads(line)
            text = record["text"]
            doc_rows.append((n, record["name"], text, len(text), text_sha256(text), stamp))
            for a in record["annotations"]:
                ann_rows.append(
                    (
                        new_id(),
                        n,
                        1,
                        labels[a["label"]],
                        a["start"],
                        a["end"],
                        text[a["start"] : a["end"]],
                        "{}",
                        stamp,
                        stamp,
                    )
                )
    conn.executemany(
        "INSERT INTO documents (id, name, text, length, sha256, created) VALUES (?, ?, ?, ?, ?, ?)",
        doc_rows,
    )
    conn.executemany(
        'INSERT INTO annotations (id, document_id, annotator_id, label_id, start, "end", text, '
        "attributes, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ann_rows,
    )
    if index == "bulk":
        conn.executemany(SEARCH_INSERT, search_rows((r[0], r[1], r[2]) for r in doc_rows))
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def _open_and_list(ctx: Context, big: Path) -> Result:
    def open_and_list() -> None:
        with Project.open(big) as p:
            p.documents()
            p.annotation_counts()

    runs = timed(open_and_list, ctx.repeats)
    ms = median(runs) * 1000
    return Result(
        "open the project and read the documents list with counts",
        round(ms, 1),
        "ms",
        "<= 300 ms",
        ms <= 300,
        runs=[round(r * 1000, 1) for r in runs],
    )


def _search(ctx: Context, big: Path) -> list[Result]:
    """Queries as users type them, each with the best 20 documents' passages (what
    `annotator search` prints), and with the window's 500."""
    words = ["الاقتصاد", "Musk", "مجلس الأمن", "المستشفى الجامعة", '"مجلس الأمن"', "وبالحكومة"]
    out = []
    with Project.open(big, readonly=True) as p:
        for limit, target in ((20, 50.0), (SEARCH_LIMIT, None)):

            def query(n: int = limit) -> object:
                return [p.search(w, n) for w in words]

            runs, cpu = _timed_with_cpu(query, ctx.repeats)
            ms = median(runs) * 1000 / len(words)
            found = sum(len(p.search(w, limit)) for w in words) / len(words)
            out.append(
                Result(
                    f"full-text search over the project (one query, the best {limit} with "
                    "their passages)",
                    round(ms, 2),
                    "ms",
                    f"<= {target:g} ms" if target else "",
                    ms <= target if target else None,
                    runs=[round(r * 1000 / len(words), 2) for r in runs],
                    note=f"{found:.0f} documents found per query on average; processor time "
                    f"{median(cpu) * 1000 / len(words):.2f} ms; {_load()}",
                )
            )
    return out


def _timed_with_cpu(fn: Callable[[], object], repeats: int) -> tuple[list[float], list[float]]:
    """Wall-clock and processor seconds of each run: on a shared machine the wall clock
    waits for other jobs, the processor time does not."""
    wall, cpu = [], []
    for _ in range(repeats):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return wall, cpu


def _load() -> str:
    return "load average " + ", ".join(f"{x:.1f}" for x in os.getloadavg())


def _exports(ctx: Context, big: Path, total: int) -> list[Result]:
    """Each line format into a new file (the one of the run before is removed untimed:
    replacing a 100 MB file costs the file system a tenth of a second that is not the
    export's), beside a bare read of the same rows in the same run."""
    out = []
    repeats = min(ctx.repeats, 3)
    base_runs, base_cpu = _timed_with_cpu(lambda: _read_baseline(big), repeats)
    read_rate, read_cpu_rate = total / median(base_runs), total / median(base_cpu)
    with Project.open(big, readonly=True) as p:
        for name in (*LINE_FORMATS, "conll"):
            fmt = FORMATS.get(name)
            if fmt is None or not fmt.can_export:
                out.append(
                    Result(
                        f"export to {name}",
                        0,
                        "ann/s",
                        ">= 100,000 ann/s",
                        None,
                        note="format not available in this build",
                    )
                )
                continue
            target = ctx.workdir / f"export-{name}"

            runs: list[float] = []
            cpu: list[float] = []
            for _ in range(repeats):
                if target.is_dir():
                    shutil.rmtree(target)
                target.unlink(missing_ok=True)
                c0, t0 = time.process_time(), time.perf_counter()
                export(p, name, target, ExportOptions())
                runs.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
            rate, cpu_rate = total / median(runs), total / median(cpu)
            out.append(
                Result(
                    f"export to {name}",
                    round(rate),
                    "ann/s",
                    ">= 100,000 ann/s",
                    rate >= 100_000,
                    "plain sqlite3 reading the same rows (texts and annotations), nothing written",
                    round(read_rate),
                    runs=[round(total / r) for r in runs],
                    note=f"{rate / read_rate:.0%} of the bare read; processor time: "
                    f"{cpu_rate:,.0f} ann/s against the bare read's {read_cpu_rate:,.0f} "
                    f"({cpu_rate / read_cpu_rate:.0%}); {_load()}",
                )
            )
    return out


def _read_baseline(path: Path) -> None:
    """Read every document's text and every annotation's fields in reading order with
    plain sqlite3: the floor under any export."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    for _ in conn.execute("SELECT id, name, text, source, meta FROM documents ORDER BY id"):
        pass
    for _ in conn.execute(
        'SELECT a.id, a.document_id, an.name, l.name, a.start, a."end", a.text, a.attributes, '
        "a.created, a.modified FROM annotations a JOIN annotators an ON an.id = a.annotator_id "
        'JOIN labels l ON l.id = a.label_id ORDER BY a.document_id, a.start, a."end" DESC, a.id'
    ):
        pass
    conn.close()


LSC_VENV = Path(__file__).resolve().parent / ".venv-label-studio-converter"
LSC_SCRIPT = """
import sys, time
from label_studio_converter import Converter
labels = sys.argv[3].split(",")
config = ('<View><Labels name="label" toName="text">'
          + "".join(f'<Label value="{l}"/>' for l in labels)
          + '</Labels><Text name="text" value="$text"/></View>')
converter = Converter(config, project_dir=None)
t0 = time.perf_counter()
converter.convert_to_conll2003(sys.argv[1], sys.argv[2], is_dir=False)
print(time.perf_counter() - t0)
"""


def _label_studio_converter() -> Path | None:
    """The baseline lives in a venv of its own (it pins old libraries); made on first use."""
    python = LSC_VENV / "bin" / "python"
    if not python.exists():
        made = (
            subprocess.run(
                [sys.executable, "-m", "venv", str(LSC_VENV)], capture_output=True
            ).returncode
            == 0
            and subprocess.run(
                [str(python), "-m", "pip", "install", "-q", "label-studio-converter==0.0.59"],
                capture_output=True,
            ).returncode
            == 0
        )
        if not made:
            return None
    return python


def _conll_against_baseline(ctx: Context, big: Path, total: int) -> Result:
    name = "export to CoNLL, against label-studio-converter"
    if ctx.scale < 1:
        return Result(
            name,
            0,
            "ann/s",
            "faster than the baseline",
            None,
            note="not run with --quick (the baseline installs into its own venv)",
        )
    python = _label_studio_converter()
    if python is None:
        return Result(
            name,
            0,
            "ann/s",
            "faster than the baseline",
            None,
            note="label-studio-converter could not be installed",
        )
    tasks = ctx.workdir / "tasks.json"
    with Project.open(big, readonly=True) as p:
        export(p, "labelstudio", tasks, ExportOptions())
        labels = ",".join(lb.name for lb in p.schema().labels)
        ours = timed(
            lambda: export(p, "conll", ctx.workdir / "ours.conll", ExportOptions()),
            min(ctx.repeats, 3),
        )
    theirs = []
    for _ in range(min(ctx.repeats, 3)):
        out = subprocess.run(
            [str(python), "-c", LSC_SCRIPT, str(tasks), str(ctx.workdir / "lsc"), labels],
            capture_output=True,
            text=True,
            check=True,
        )
        theirs.append(float(out.stdout.strip().splitlines()[-1]))
    rate, base = total / median(ours), total / median(theirs)
    return Result(
        name,
        round(rate),
        "ann/s",
        "faster than the baseline",
        rate > base,
        "label-studio-converter 0.0.59 convert_to_conll2003 (same annotations, "
        "as Label Studio JSON)",
        round(base),
        [round(total / r) for r in ours],
        note=f"{rate / base:.1f}x the baseline",
    )


def _check(ctx: Context, big: Path) -> Result:
    with Project.open(big, readonly=True) as p:
        runs = timed(lambda: check_project(p), min(ctx.repeats, 3))
    s = median(runs)
    return Result(
        "annotator check on the big project",
        round(s, 2),
        "s",
        "<= 5 s",
        s <= 5,
        runs=[round(r, 2) for r in runs],
    )


def _startup(ctx: Context, big: Path) -> Result:
    probe = (
        "import sys\nfrom annotator.launcher import main\n"
        f"sys.argv = ['annotator', 'list', {str(big)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'PySide6' not in sys.modules\n"
    )

    def start() -> None:
        subprocess.run([sys.executable, "-c", probe], check=True, stdout=subprocess.DEVNULL)

    runs = timed(start, ctx.repeats)
    s = median(runs)
    return Result(
        "start-up: annotator list on the big project (Qt never imported)",
        round(s, 3),
        "s",
        "<= 1 s",
        s <= 1,
        runs=[round(r, 3) for r in runs],
    )
