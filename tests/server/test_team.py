"""A team on one server project at once, as on different machines: each member a process
of their own logged in as their own database role — three annotators through the API, one
through the `annotator` command line, a curator adjudicating gold — then nothing any of
them committed is lost, and every attempt on a colleague's work was refused by the
database (through the product and through plain SQL)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from annotator.core.model import GOLD, NewDocument, Status
from annotator.storage.postgres.server import add_user
from annotator.storage.project import Project
from tests.paths import ROOT
from tests.pg_server import PgServer
from tests.server.conftest import PASSWORD

TEXTS = [
    "قال وزير المالية إن الحكومة ستخفض الضرائب على الشركات الصغيرة في العام المقبل.",
    "أعلن مجلس الأمن عن اجتماع طارئ في نيويورك لبحث الأوضاع في المنطقة.",
    "Reuters: ذكرت مصادر مطلعة أن المفاوضات بين الطرفين ستستأنف الأسبوع القادم.",
]
ANNOTATORS = ["alice", "bob", "sami"]  # through the API, each in a process
ON_THE_COMMAND_LINE = "dana"
CURATOR = "carol"


def test_a_team_at_work_loses_nothing_and_cannot_touch_each_others_work(
    pg_server: PgServer, tmp_path: Path
) -> None:
    project = "teamwork"
    admin = pg_server.url(project=project)
    people = [*ANNOTATORS, ON_THE_COMMAND_LINE]
    with Project.create(admin) as p:
        p.add_documents([NewDocument(f"article {n}", t) for n, t in enumerate(TEXTS, 1)])
        first = p.documents()[0].id
        for n, name in enumerate(people):  # a first span each, which colleagues will try
            p.add_annotation(first, name, "PER", 4 * n, 4 * n + 3, annotation_id=f"seed-{name}")
    for name in people:
        add_user(admin, name, PASSWORD, curator=False)
    add_user(admin, CURATOR, PASSWORD, curator=True)

    def url(name: str) -> str:
        return pg_server.url(name, PASSWORD, project=project)

    def member(name: str, seed: int, *extra: str) -> subprocess.Popen[str]:
        conninfo = pg_server.url(name, PASSWORD) + f"?options=-csearch_path%3D{project}"
        log = tmp_path / f"{name}.json"
        command = ["-m", "tests.server.team_member", name, url(name), conninfo, str(seed), log]
        return _start([sys.executable, *map(str, command), *extra])

    spans = tmp_path / "dana.jsonl"
    spans.write_text(_native_jsonl(ON_THE_COMMAND_LINE), encoding="utf-8")
    article = tmp_path / "new article.txt"
    article.write_text("خبر جديد لم يكن في المشروع.", encoding="utf-8")
    schema = tmp_path / "schema.json"
    running = {
        name: member(name, n, "--others", *[o for o in people if o != name])
        for n, name in enumerate(ANNOTATORS)
    }
    running[CURATOR] = member(CURATOR, 9, "--curator")
    cli = [sys.executable, "-m", "annotator"]
    running[ON_THE_COMMAND_LINE] = _start([*cli, "import", url(ON_THE_COMMAND_LINE), str(spans)])
    for name, proc in running.items():
        _out, err = proc.communicate()
        assert proc.returncode == 0, f"{name}: {err}"
    # The command line's refusals: a new document and a schema are the curators' to write.
    refused_import = _run([*cli, "import", url(ON_THE_COMMAND_LINE), str(article)])
    _run([*cli, "schema", admin, "--export", str(schema)])
    refused_schema = _run([*cli, "schema", url(ON_THE_COMMAND_LINE), "--import", str(schema)])

    logs: dict[str, Any] = {
        name: json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
        for name in [*ANNOTATORS, CURATOR]
    }
    with Project.open(admin) as p:
        for name in ANNOTATORS:
            held = {
                a.id: [a.document_id, a.label, a.start, a.end]
                for a in p.annotations(annotator=name)
                if a.id != f"seed-{name}"
            }
            assert held == logs[name]["spans"], name
            statuses = {str(d): s.value for d, s in p.statuses_of(name).items()}
            assert statuses == logs[name]["statuses"], name
        imported = {
            (a.document_id, a.label, a.start, a.end) for a in p.annotations(annotator="dana")
        }
        assert imported == _dana_spans(p) | {(first, "PER", 12, 15)}
        assert p.statuses_of("dana") == {first: Status.IN_PROGRESS}
        for n, name in enumerate(people):  # colleagues' attempts changed nothing of these
            seed = p.annotation(f"seed-{name}")
            assert (seed.label, seed.start, seed.end) == ("PER", 4 * n, 4 * n + 3)
        gold = sorted(
            [a.document_id, a.label, a.start, a.end] for a in p.annotations(annotator=GOLD)
        )
        assert gold == logs[CURATOR]["gold"] and gold
        assert {a.annotator for a in p.annotations()} == {*people, GOLD}
        assert [d.name for d in p.documents()] == [f"article {n}" for n in (1, 2, 3)]
    for name in ANNOTATORS:
        attempts = logs[name]["refused"]
        assert len(attempts) == 1 + 6 * (len(people) - 1)
        assert all(refused for _what, refused in attempts), (name, attempts)
    for code, _out, err in (refused_import, refused_schema):
        assert code == 2 and err.count("\n") == 1 and "dana may not" in err, err


def _start(command: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _run(command: list[str]) -> tuple[int, str, str]:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def _native_jsonl(annotator: str) -> str:
    """The project's articles with spans of ``annotator``, as a colleague's export."""
    records = []
    for n, text in enumerate(TEXTS, 1):
        spans = [
            {"start": s, "end": s + 4, "label": "LOC", "annotator": annotator} for s in (5, 20)
        ]
        records.append({"name": f"article {n}", "text": text, "annotations": spans})
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def _dana_spans(p: Project) -> set[tuple[int, str, int, int]]:
    return {(d.id, "LOC", s, s + 4) for d in p.documents() for s in (5, 20)}
