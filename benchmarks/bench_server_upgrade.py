"""How long a server project's owner waits the first time they open, with this annotator,
a big project that the release before server schemas had versions made (server schema 1,
tests/fixtures/server/schema1.sql): the upgrade (postgres/upgrade.py: the tables locked,
documents with a word past 2 KB marked, every right made again, in one transaction) and
the checks of the open, timed on the connection the open makes, with the processor time
of the server process that did it; then the next open, which finds it up to date. The
window waits 40 seconds for an open (connecting, then the answer).

Runs on a throw-away PostgreSQL server on loopback (tests/pg_server.py):

    .venv/bin/python -m benchmarks.bench_server_upgrade [--documents N] [--runs R]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from annotator.storage.postgres.location import parse_location
from annotator.storage.postgres.server import connect
from annotator.storage.postgres.upgrade import check_project
from annotator.storage.project import Project
from tests.pg_server import PgServer, running_server
from tests.server.conftest import OWNER, Team, old_project

# About 8 KB of Arabic news a document.
SENTENCE = "قال وزير المالية إن الحكومة ستجتمع غدا لمناقشة الميزانية الجديدة للعام المقبل. "
OPEN_BOUND_S = 40.0  # connect_timeout 10 s + answer_timeout 30 s


TICKS = os.sysconf("SC_CLK_TCK")


def server_cpu(pid: int) -> float:
    """Seconds of processor time the server process ``pid`` has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def big_old_project(server: PgServer, documents: int) -> Team:
    """The fixture's project with ``documents`` more, indexed as schema 1 indexed them."""
    team = old_project(server)
    with team.sql() as conn:
        conn.execute(
            "INSERT INTO documents (id, name, text, length, sha256, source, meta, created) "
            "SELECT g, 'doc' || g, t, length(t), md5(t), '', '{}', 'now' FROM "
            "(SELECT g, repeat(%s, 60) || g AS t FROM generate_series(4, %s) g) AS made",
            (SENTENCE, documents + 3),
        )
        conn.execute(
            "INSERT INTO documents_search SELECT id, to_tsvector('simple', text) "
            "FROM documents WHERE id > 3"
        )
    return team


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with running_server(durable=True) as server:
        walls, cpus, opens = [], [], []
        for _ in range(args.runs):
            team = big_old_project(server, args.documents)
            with team.sql() as conn:
                row = conn.execute(
                    "SELECT sum(octet_length(text))::bigint FROM documents"
                ).fetchone()
                megabytes = int(str(row[0])) / 1e6 if row else 0.0
            location = parse_location(team.url(OWNER))
            with connect(location) as conn:
                pid = conn.info.backend_pid
                c0, t0 = server_cpu(pid), time.perf_counter()
                assert check_project(conn, location) == 1
                walls.append(time.perf_counter() - t0)
                cpus.append(server_cpu(pid) - c0)
            t0 = time.perf_counter()
            Project.open(team.url(OWNER)).close()  # up to date: the check alone
            opens.append(time.perf_counter() - t0)
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    runs = ", ".join(f"{w:.2f}" for w in walls)
    print(
        f"the upgrade of {args.documents:,} documents ({megabytes:.0f} MB of text): median "
        f"{statistics.median(walls):.2f} s wall (runs {runs}; within the window's "
        f"{OPEN_BOUND_S:g} s: {max(walls) <= OPEN_BOUND_S}), {statistics.median(cpus):.2f} s "
        f"of the server's processor; the next open {statistics.median(opens) * 1000:.0f} ms; "
        f"load average {load}"
    )


if __name__ == "__main__":
    main()
