"""Live updates on a server project: how long from a colleague's commit returning until the
annotation window shows it, and what the window spends on it, in a project of 10,000
documents (issue 15, "Live": within a second).

Runs on a throw-away PostgreSQL server on loopback (tests/pg_server.py), the window
offscreen:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_live [--documents N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from annotator.core.model import NewDocument
from annotator.storage.postgres.ddl import NOTIFIED_DOCUMENTS
from annotator.storage.project import Project
from annotator.ui.live import COALESCE_MS
from annotator.ui.review.window import ReviewWindow
from annotator.ui.settings import Settings
from annotator.ui.window import MainWindow
from tests.pg_server import running_server
from tests.server.conftest import make_team

TEXT = "قال الوزير إن الحكومة ستجتمع غدا في القاهرة لبحث الأزمة"


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def until(done: Callable[[], bool], limit_s: float = 10.0) -> None:
    """Run the event loop until ``done()`` holds (bounded)."""
    end = time.perf_counter() + limit_s
    while not done():
        if time.perf_counter() > end:
            raise SystemExit("the window did not show the change within the bound")
        QCoreApplication.processEvents()
        time.sleep(0.0005)  # yield the processor between rounds of the event loop


def listed(window: MainWindow, rows: int) -> bool:
    return window.documents.tree.topLevelItemCount() == rows


def in_places(review: ReviewWindow, annotation_id: str) -> bool:
    return any(annotation_id in v.annotation_ids for u in review.units for v in u.versions)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QApplication([])
    with running_server() as server:
        team = make_team(server)
        with Project.open(team.url("carol")) as carol:
            carol.add_documents(
                [NewDocument(f"doc{i:05}", f"{TEXT} {i}") for i in range(args.documents)]
            )
            news = carol.document("doc00000").id
        alice = MainWindow(Project.open(team.url("alice")), "alice", Settings())
        alice.show()
        alice.session.open_document(news)
        alice.show_beside("bob")
        # The window's first idle moment takes today's backup (a server project: a copy to
        # a file, seconds for 10,000 documents): not part of what is measured here.
        t0 = time.perf_counter()
        QCoreApplication.processEvents()
        print(f"first idle moment (today's backup): {(time.perf_counter() - t0) * 1000:.0f} ms")
        bob = Project.open(team.url("bob"))
        latencies, cpus = [], []
        for i in range(args.rounds):
            start = i % 40
            before = len(alice.view.beside.in_order())
            bob.add_annotation(news, "bob", "PER", start, start + 3)
            t0, c0 = time.perf_counter(), cpu()

            def shown(expected: int = before + 1) -> bool:
                return len(alice.view.beside.in_order()) == expected

            until(shown)
            latencies.append((time.perf_counter() - t0) * 1000)
            cpus.append((cpu() - c0) * 1000)
        # A curator's new document: its row is added to the list (the notice names it),
        # then an import of more than a notice names: the list compared with the project's.
        added = []
        with Project.open(team.url("carol")) as carol:
            for name, count in (("late", 1), ("bulk", NOTIFIED_DOCUMENTS + 300)):
                rows = alice.documents.tree.topLevelItemCount()
                carol.add_documents(
                    [NewDocument(f"{name}{i}", f"{TEXT} {name} {i}") for i in range(count)]
                )
                t0, c0 = time.perf_counter(), cpu()
                until(partial(listed, alice, rows + count))
                added.append(((time.perf_counter() - t0) * 1000, (cpu() - c0) * 1000))
        # The curator's review window on the same document, alice and bob compared: a
        # colleague's span reaching its places, and the curator's own accept (each redraws
        # the window, its list of the project's documents included).
        review = ReviewWindow(Project.open(team.url("carol")), "carol", news)
        review.show()
        review.set_chosen(["alice", "bob"])
        reached, accepts = [], []
        for i in range(10):
            span = bob.add_annotation(news, "bob", "LOC", 41 + i, 42 + i)
            t0, c0 = time.perf_counter(), cpu()
            until(partial(in_places, review, span.id))
            reached.append(((time.perf_counter() - t0) * 1000, (cpu() - c0) * 1000))
        for row in range(10):
            review.unit_list.setCurrentRow(row)
            t0, c0 = time.perf_counter(), cpu()
            review.accept_current()
            accepts.append(((time.perf_counter() - t0) * 1000, (cpu() - c0) * 1000))
        review.close()
        review.project.close()
        bob.close()
        alice.close()
        alice.project.close()
    print("rounds (ms):", " ".join(f"{x:.0f}" for x in latencies))
    latencies.sort()
    print(f"load average: {os.getloadavg()[0]:.2f}; documents: {args.documents}")
    print(
        f"a colleague's span shown beside: median {statistics.median(latencies):.0f} ms, "
        f"p95 {latencies[int(len(latencies) * 0.95) - 1]:.0f} ms, max {latencies[-1]:.0f} ms "
        f"(wall, commit returned -> shown; includes the {COALESCE_MS} ms gathering of a burst); "
        f"processor {statistics.median(cpus):.0f} ms median (window process, incl. waiting loop)"
    )
    for what, figures in (
        ("a colleague's span in the review window's places", reached),
        ("the curator's accept, committed and the review window redrawn", accepts),
    ):
        print(
            f"{what}: median {statistics.median(f[0] for f in figures):.0f} ms wall, "
            f"{statistics.median(f[1] for f in figures):.0f} ms processor"
        )
    (one_ms, one_cpu), (bulk_ms, bulk_cpu) = added
    print(
        f"a curator's new document in the list: {one_ms:.0f} ms wall, {one_cpu:.0f} ms "
        f"processor; {NOTIFIED_DOCUMENTS + 300} new documents at once: {bulk_ms:.0f} ms wall, "
        f"{bulk_cpu:.0f} ms processor (commit returned -> rows listed)"
    )


if __name__ == "__main__":
    main()
