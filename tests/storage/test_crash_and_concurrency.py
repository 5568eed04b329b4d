"""A project survives being killed at any moment, and several writers at once.

The child processes report each write only after it returned (so after COMMIT); the test
kills them with SIGKILL after a random number of reports, which lands the kill at a
random point of the next write, and then checks that everything reported is there.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.errors import DiskFullError, ProjectBusyError
from annotator.core.model import NewDocument
from annotator.storage.check import check_project
from annotator.storage.project import Project
from tests.conftest import spans_seen_elsewhere

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

KILL_ROUNDS = 25
TEXT = "قال المتحدث باسم الوزارة 👀 إن «الاجتماع كان مثمراً» #أخبار " * 20

ANNOTATING_CHILD = """
import sys
from annotator.storage.project import Project
p = Project.open(sys.argv[1])
doc = p.documents()[0].id
n = len(p.document(doc).text)
i = 0
while True:
    start = (i * 7) % (n - 10)
    ann = p.add_annotation(doc, "child", "PER", start, start + 5)
    print(ann.id, flush=True)
    i += 1
"""

BULK_CHILD = """
import sys
from annotator.storage.project import Project
from annotator.core.model import NewDocument
p = Project.open(sys.argv[1])
def docs():
    for i in range(2000):
        yield NewDocument(f"bulk {i}", f"نص رقم {i} " * 50)
        print(i, flush=True)  # inside the one transaction of add_documents
p.add_documents(docs())
print("done", flush=True)
"""


def _child(script: str, project: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, str(project)], stdout=subprocess.PIPE, text=True
    )


def _assert_sound(path: Path) -> Project:
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    p = Project.open(path)
    assert check_project(p) == []
    return p


def test_killed_at_random_points_loses_no_reported_annotation(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    with Project.create(path) as p:
        p.add_documents([NewDocument("doc", TEXT)])
    rng = random.Random(20261124)
    reported: set[str] = set()
    for _ in range(KILL_ROUNDS):
        child = _child(ANNOTATING_CHILD, path)
        assert child.stdout is not None
        for _ in range(rng.randint(1, 40)):
            reported.add(child.stdout.readline().strip())
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        with _assert_sound(path) as p:
            saved = {a.id for a in p.annotations()}
        assert reported <= saved
    assert len(reported) >= KILL_ROUNDS
    print(f"{KILL_ROUNDS} kills, {len(reported)} annotations reported saved, 0 lost")


def test_a_bulk_write_killed_midway_is_wholly_out(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    Project.create(path).close()
    rng = random.Random(7)
    for _ in range(5):
        child = _child(BULK_CHILD, path)
        assert child.stdout is not None
        for _ in range(rng.randint(1, 1500)):
            child.stdout.readline()
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        with _assert_sound(path) as p:
            assert p.document_count() == 0


def test_eight_imports_at_once_all_land(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    Project.create(path).close()
    files = []
    for i in range(8):
        f = tmp_path / f"batch{i}.jsonl"
        lines = [
            json.dumps(
                {
                    "name": f"b{i}-{k}",
                    "text": f"خبر {i}-{k} عن الاقتصاد",
                    "annotations": [{"start": 0, "end": 3, "label": "ORG", "annotator": f"a{i}"}],
                },
                ensure_ascii=False,
            )
            for k in range(50)
        ]
        f.write_text("\n".join(lines), encoding="utf-8")
        files.append(f)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "annotator", "import", str(path), str(f)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    for proc in procs:
        out, err = proc.communicate()
        assert proc.returncode == 0, err
        assert "imported 50 documents" in out
    with _assert_sound(path) as p:
        assert p.document_count() == 400
        assert len(p.annotations()) == 400


def test_a_writer_that_waits_too_long_gets_a_clear_busy_error(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    with Project.create(path) as p:
        p.add_documents([NewDocument("doc", TEXT)])
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Project.open(path, busy_timeout_ms=50) as p:
            with pytest.raises(ProjectBusyError, match="is busy"):
                p.add_annotation(1, "sara", "PER", 0, 3)
            assert p.annotations() == []
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_full_disk_is_reported_and_the_project_stays_sound(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    with Project.create(path) as p:
        p.add_documents([NewDocument("doc", TEXT)])
        before = p.annotations()
    with Project.open(path) as p:
        pages = p.engine.execute("PRAGMA page_count").fetchone()[0]
        # SQLite reports SQLITE_FULL as soon as the file would grow past this.
        p.engine.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(DiskFullError, match="disk is full"):
            p.add_documents([NewDocument("big", "نص طويل جداً " * 50_000)])
        assert p.document_count() == 1
    with _assert_sound(path) as p:
        assert p.annotations() == before
        assert p.document_count() == 1


def test_a_second_open_in_the_same_program_keeps_the_first_ones_commits_safe(
    tmp_path: Path,
) -> None:
    """The window opens the project again in the same process (an import's worker, the
    agreement dashboard, Share as PDF). Closing a file descriptor of the project drops
    every POSIX lock the process holds on it; another program closing then took the
    write-ahead log as unused and deleted it, and every later commit of the first
    connection went into the deleted log: lost."""
    path = tmp_path / "p.annotator"
    with Project.create(path) as p:
        p.add_documents([NewDocument("doc", TEXT)])
    window = Project.open(path)
    try:
        Project.open(path, readonly=True).close()  # a worker's own connection, done
        Project.open(path).close()
        assert spans_seen_elsewhere(path) == 0  # sqlite3 or `annotator list` reading
        window.add_annotation(1, "sara", "PER", 0, 3)
        assert spans_seen_elsewhere(path) == 1
    finally:
        window.close()
    assert spans_seen_elsewhere(path) == 1


def test_a_commit_after_something_in_the_same_program_read_the_file_reaches_it(
    tmp_path: Path,
) -> None:
    """What no code of ours can prevent: a file dialog listing the project's folder reads
    its first bytes to tell its type (Qt's QMimeDatabase does), which drops the window's
    locks; another program closing then deletes the write-ahead log. The window's next
    commit finds its log gone and opens the project again first."""
    path = tmp_path / "p.annotator"
    with Project.create(path) as p:
        p.add_documents([NewDocument("doc", TEXT)])
    window = Project.open(path)
    try:
        with path.open("rb") as f:
            f.read(16)
        assert spans_seen_elsewhere(path) == 0
        window.add_annotation(1, "sara", "PER", 0, 3)
        assert spans_seen_elsewhere(path) == 1
        window.add_annotation(1, "sara", "PER", 4, 7)
        assert spans_seen_elsewhere(path) == 2
    finally:
        window.close()
    assert spans_seen_elsewhere(path) == 2
