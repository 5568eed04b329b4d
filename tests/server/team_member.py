"""One member of a team working on a server project, run as a process of its own by
tests/server/test_team.py: ``python -m tests.server.team_member ROLE URL SEED LOG``.

An annotator adds, relabels and deletes their own spans and marks documents; a curator
(``--curator``) accepts colleagues' spans into gold. Each also tries to change a
colleague's work, through the product and through plain SQL as their own role. What they
committed and what was refused is written to LOG as JSON, for the test to compare with
what the server holds.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

import psycopg

from annotator.core.errors import NotAllowedError
from annotator.core.model import GOLD, Status
from annotator.review import gold
from annotator.storage.project import Project

LABELS = ["PER", "ORG", "LOC"]
STEPS = 40


def annotate(p: Project, name: str, rng: random.Random) -> dict[str, Any]:
    """Random edits of one's own; the log holds what each commit left."""
    docs = {d.id: d.length for d in p.documents()}
    spans: dict[str, list[Any]] = {}
    statuses = {str(d): s.value for d, s in p.statuses_of(name).items()}
    for _ in range(STEPS):
        doc = rng.choice(sorted(docs))
        move = rng.random()
        if move < 0.55 or not spans:
            start = rng.randrange(docs[doc] - 6)
            end = start + rng.randint(1, 6)
            ann = p.add_annotation(doc, name, rng.choice(LABELS), start, end)
            spans[ann.id] = [doc, ann.label, start, end]
            statuses.setdefault(str(doc), Status.IN_PROGRESS.value)
        elif move < 0.7:
            span = rng.choice(sorted(spans))
            spans[span][1] = p.update_annotation(span, label=rng.choice(LABELS)).label
        elif move < 0.85:
            span = rng.choice(sorted(spans))
            p.delete_annotation(span)
            del spans[span]
        else:
            status = rng.choice([Status.IN_PROGRESS, Status.DONE])
            p.set_status(doc, name, status)
            statuses[str(doc)] = status.value
    return {"spans": spans, "statuses": statuses}


def curate(p: Project, name: str, rng: random.Random) -> dict[str, Any]:
    """Accept colleagues' first spans (made before the team started) into gold, one
    decision per commit; the log holds the gold layer as the curator left it."""
    seeds = [a for a in p.annotations() if a.annotator != GOLD and a.id.startswith("seed-")]
    for ann in rng.sample(seeds, len(seeds)):
        gold.accept(p, ann.id, name)
    return {
        "gold": sorted(
            [a.document_id, a.label, a.start, a.end] for a in p.annotations(annotator=GOLD)
        )
    }


def trespass(p: Project, name: str, conninfo: str, others: list[str]) -> list[list[Any]]:
    """Try to change a colleague's work and to write gold, through the product and
    through plain SQL as one's own role; each attempt with whether it was refused."""
    tried: list[list[Any]] = []
    try:
        gold.accept(p, f"seed-{name}", name)
        tried.append(["accept into gold", False])
    except NotAllowedError:
        tried.append(["accept into gold", True])
    for victim in others:
        span = f"seed-{victim}"
        target = p.annotation(span)
        for what, attempt in (
            ("delete", lambda s=span: p.delete_annotation(s)),
            ("relabel", lambda s=span: p.update_annotation(s, label="ORG")),
            ("status", lambda v=victim, d=target.document_id: p.set_status(d, v, Status.DONE)),
        ):
            try:
                attempt()
                tried.append([f"{what} {span}", False])
            except NotAllowedError:
                tried.append([f"{what} {span}", True])
        with psycopg.connect(conninfo, autocommit=True) as conn:
            for statement in (
                f"DELETE FROM annotations WHERE id = '{span}'",
                f"UPDATE annotations SET start = 0 WHERE id = '{span}'",
                "DELETE FROM gold_provenance",
            ):
                try:
                    conn.execute(statement.encode())
                    tried.append([statement, False])
                except psycopg.errors.InsufficientPrivilege:
                    tried.append([statement, True])
    return tried


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("role")
    parser.add_argument("url")
    parser.add_argument("conninfo", help="the same server and role for plain SQL (psycopg)")
    parser.add_argument("seed", type=int)
    parser.add_argument("log", type=Path)
    parser.add_argument("--others", nargs="*", default=[])
    parser.add_argument("--curator", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with Project.open(args.url) as p:
        if args.curator:
            done = curate(p, args.role, rng)
        else:
            done = annotate(p, args.role, rng)
            done["refused"] = trespass(p, args.role, args.conninfo, args.others)
    args.log.write_text(json.dumps(done), encoding="utf-8")


if __name__ == "__main__":
    main()
