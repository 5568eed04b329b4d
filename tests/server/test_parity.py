"""What works on a project file works on a server, for an annotator and for a curator,
within what the database lets each do: suggestions filed under the annotator's own layer,
learning from what they may see, importing their own export of a shared project, and one
clear line for what only a curator (or an administrator) may do."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import psycopg
import pytest

from annotator.core.model import layer_owner, personal_layer
from annotator.storage.postgres.ddl import my_name_sql
from annotator.storage.postgres.server import add_user
from annotator.storage.project import Project
from tests.cli_runner import invoke, one_error_line
from tests.learn.corpus import newsroom
from tests.pg_server import PgServer
from tests.server.conftest import PASSWORD, Team

_numbers = itertools.count()


@pytest.fixture
def news(pg_server: PgServer) -> Team:
    """A project of ten articles alice finished and one more ("new"); alice and bob
    annotate, carol curates."""
    team = Team(pg_server, f"parity{next(_numbers)}")
    newsroom(team.admin_url, annotator="alice").close()  # type: ignore[arg-type]
    for name in ("alice", "bob"):
        add_user(team.admin_url, name, PASSWORD, curator=False)
    add_user(team.admin_url, "carol", PASSWORD, curator=True)
    return team


def spans_of(team: Team, annotator: str) -> int:
    with Project.open(team.admin_url) as p:
        return sum(1 for a in p.iter_annotations([annotator]) if a.annotator == annotator)


def shown(team: Team, user: str) -> str:
    return team.url(user).replace(f":{PASSWORD}@", "@")


def test_an_annotators_list_suggestions_are_their_own_layer(news: Team, tmp_path: Path) -> None:
    names = tmp_path / "names.tsv"
    names.write_text("بيروت\tLOC\n", encoding="utf-8")
    more = tmp_path / "more.tsv"
    more.write_text("دمشق\tLOC\n", encoding="utf-8")
    code, out, err = invoke("suggest", news.url("alice"), "--gazetteer", names)
    assert (code, err) == (0, ""), err
    assert " as suggest:gazetteer@alice " in out
    mine = spans_of(news, "suggest:gazetteer@alice")
    assert mine > 0
    code, out, _ = invoke("suggest", news.url("alice"), "--gazetteer", names)
    assert code == 0 and f"{mine} suggestions were already there" in out
    assert spans_of(news, "suggest:gazetteer@alice") == mine
    # Nobody else may write alice's layer: through the product, nor through plain SQL.
    code, _, err = invoke(
        "suggest", news.url("bob"), "--gazetteer", more, "--as", "suggest:gazetteer@alice"
    )
    assert code == 2
    one_error_line(err, shown(news, "bob"))
    assert "bob may not change annotations of suggest:gazetteer@alice" in err
    with news.sql("bob") as bob, pytest.raises(psycopg.errors.InsufficientPrivilege) as refused:
        bob.execute(
            "DELETE FROM annotations WHERE annotator_id = "
            "(SELECT id FROM annotators WHERE name = 'suggest:gazetteer@alice')"
        )
    assert "bob may not change annotations of suggest:gazetteer@alice" in str(refused.value)
    with news.sql("bob") as bob, pytest.raises(psycopg.errors.InsufficientPrivilege) as refused:
        bob.execute("INSERT INTO annotators (name) VALUES ('model:crf@carol')")
    assert "bob may not annotate as model:crf@carol" in str(refused.value)
    assert spans_of(news, "suggest:gazetteer@alice") == mine
    # A curator's suggestions are the team's, as on a file.
    code, out, err = invoke("suggest", news.url("carol"), "--gazetteer", names)
    assert (code, err) == (0, "") and " as suggest:gazetteer " in out
    assert spans_of(news, "suggest:gazetteer") == mine


def test_an_annotator_learns_and_files_the_models_suggestions(news: Team, tmp_path: Path) -> None:
    model = tmp_path / "news.model"
    code, out, err = invoke("learn", news.url("bob"), "--output", model)
    assert (code, err) == (0, ""), err
    assert out.startswith("learned from ") and "in 10 documents" in out
    code, out, err = invoke("suggest", news.url("bob"), "--model", model, "--document", "new")
    assert (code, err) == (0, ""), err
    assert " as model:crf@bob " in out
    assert spans_of(news, "model:crf@bob") > 0


def test_in_a_blind_project_an_annotator_learns_only_from_their_own_work(
    news: Team, tmp_path: Path
) -> None:
    with news.sql("carol") as carol:
        carol.execute("INSERT INTO meta VALUES ('blind_annotation', '1')")
    for asked, whose in ((("--from", "alice"), "alice's work"), (("--gold",), "the gold layer")):
        code, out, err = invoke("learn", news.url("bob"), *asked, "--output", tmp_path / "m")
        assert (code, out) == (2, "")
        one_error_line(err, shown(news, "bob"))
        assert f"the project is blind: bob sees only their own work, not {whose}" in err
    code, out, err = invoke("learn", news.url("bob"), "--output", tmp_path / "m")
    assert code == 2 and "no spans to learn from" in err  # bob has finished nothing
    code, out, err = invoke("learn", news.url("alice"), "--output", tmp_path / "m")
    assert (code, err) == (0, "") and "in 10 documents" in out
    code, out, err = invoke("learn", news.url("carol"), "--from", "alice", "--evaluate")
    assert (code, err) == (0, "") and "over 10 documents" in out


def test_an_annotator_brings_back_their_export_of_a_shared_project(
    news: Team, tmp_path: Path
) -> None:
    """The export holds colleagues' spans, relations and statuses too: those are there
    already, so importing or merging it changes nothing, and nothing is refused."""
    with Project.open(news.url("bob")) as bob:
        doc = bob.document("new")
        quote = bob.add_annotation(doc.id, "bob", "QUOTE", 0, 10)
        speaker = bob.add_annotation(doc.id, "bob", "PER", 12, 20)
        bob.add_relation(quote.id, speaker.id, "speaker")
    export = tmp_path / "all.jsonl"
    code, _, err = invoke("export", news.url("alice"), "--format", "jsonl", "--output", export)
    assert (code, err) == (0, "")
    before = export.read_bytes()
    assert b'"bob":"in_progress"' in before and b'"type":"speaker"' in before
    for command in ("import", "merge"):
        code, _, err = invoke(command, news.url("alice"), export)
        assert (code, err) == (0, ""), err
        code, _, err = invoke("export", news.url("alice"), "--format", "jsonl", "--output", export)
        assert export.read_bytes() == before


def test_what_only_curators_or_administrators_do_is_one_line_for_others(
    news: Team, tmp_path: Path
) -> None:
    team = news
    code, out, err = invoke("adjudicate", team.url("alice"), "--strategy", "min-votes=1")
    assert (code, out) == (2, "")
    one_error_line(err, shown(team, "alice"))
    assert "alice may not change the gold layer (only curators can)" in err
    password = tmp_path / "password"
    password.write_text("pw\n")
    for who in ("alice", "carol"):
        code, out, err = invoke(
            "server", "add-user", team.url(who), "dina", "--password-file", password
        )
        assert (code, out) == (2, "")
        one_error_line(err, shown(team, who))
        assert f"{who} may not add people here: that needs a superuser, or a role with " in err


def test_in_a_blind_project_an_annotator_measures_agreement_only_among_their_own_layers(
    news: Team, tmp_path: Path
) -> None:
    names = tmp_path / "names.tsv"
    names.write_text("بيروت\tLOC\n", encoding="utf-8")
    assert invoke("suggest", news.url("alice"), "--gazetteer", names)[0] == 0
    with news.sql("carol") as carol:
        carol.execute("INSERT INTO meta VALUES ('blind_annotation', '1')")
    with Project.open(news.url("bob")) as bob:
        bob.add_annotation(bob.document("article 0").id, "bob", "PER", 0, 3)
    for asked, whose in (((), "their colleagues'"), (("--annotators", "alice,bob"), "alice's")):
        code, out, err = invoke("agreement", news.url("bob"), *asked)
        assert (code, out) == (2, "")
        one_error_line(err, shown(news, "bob"))
        assert f"the project is blind: bob sees only their own work, not {whose}" in err
    code, out, err = invoke("agreement", news.url("alice"))
    assert (code, err) == (0, "") and out.startswith("annotators: alice, suggest:gazetteer@alice;")
    code, out, _ = invoke("list", news.url("alice"))  # no column of zeros for bob
    assert out.splitlines()[0] == "document\tcharacters\talice\tsuggest:gazetteer@alice"
    code, out, _ = invoke("stats", news.url("alice"), "--json")
    assert list(json.loads(out)["annotators"]) == ["alice", "suggest:gazetteer@alice"]
    code, out, _ = invoke("stats", news.url("carol"), "--json")
    assert list(json.loads(out)["annotators"]) == ["alice", "bob", "suggest:gazetteer@alice"]
    code, out, err = invoke("agreement", news.url("carol"))
    assert code == 0 and out.startswith("annotators: alice, bob, suggest:gazetteer@alice;")


NAMES = ["alice", "bob", "model:crf", "model:crf@alice", "model:crf@bob", "suggest:x@alice@bob",
         "alice@x", "x@alice", "gold", "prediction v2:ner@alice", "model:crf@alice2"]  # fmt: skip


def test_the_names_the_database_lets_a_person_write_are_the_apps_own_layers(team: Team) -> None:
    """The app files suggestions under ``personal_layer``; the database's rule on names
    (ddl.py ``my_name_sql``) lets the person write exactly the names ``layer_owner`` says
    are theirs."""
    with team.sql("alice") as alice:
        rule = f"SELECT {my_name_sql('%(name)s')}".encode()
        allowed = [n for n in NAMES if (alice.execute(rule, {"name": n}).fetchone() or (False,))[0]]
    assert allowed == [n for n in NAMES if layer_owner(n) == "alice"]
    assert allowed == ["alice", "model:crf@alice", "prediction v2:ner@alice"]
    assert [personal_layer(n, "alice") for n in ("model:crf", "alice", "model:crf@bob")] == [
        "model:crf@alice",
        "alice",
        "model:crf@bob",  # names its person already: the database says whose it is
    ]


def test_a_full_export_brings_gold_back_for_a_curator_only(
    news: Team, pg_server: PgServer, tmp_path: Path
) -> None:
    """A curator's import of a full export gives the gold layer back; an annotator's
    leaves the gold the project holds as it is, and new gold is one line, changing nothing."""
    code, out, err = invoke("adjudicate", news.url("carol"), "--strategy", "min-votes=1")
    assert (code, err) == (0, "") and "into gold" in out
    full = tmp_path / "full.jsonl"
    assert invoke("export", news.url("carol"), "--format", "jsonl", "-o", full)[0] == 0
    assert b'"annotator":"gold"' in full.read_bytes()
    fresh = Team(pg_server, f"goldback{next(_numbers)}")
    Project.create(fresh.admin_url).close()
    add_user(fresh.admin_url, "alice", PASSWORD, curator=False)
    add_user(fresh.admin_url, "carol", PASSWORD, curator=True)
    code, _, err = invoke("import", fresh.url("carol"), full)
    assert (code, err) == (0, ""), err
    again = tmp_path / "again.jsonl"
    assert invoke("export", fresh.url("carol"), "--format", "jsonl", "-o", again)[0] == 0
    assert again.read_bytes() == full.read_bytes()
    # alice brings back her own export of it, gold included: it is there already
    mine = tmp_path / "alice.jsonl"
    assert invoke("export", fresh.url("alice"), "--format", "jsonl", "-o", mine)[0] == 0
    code, _, err = invoke("import", fresh.url("alice"), mine)
    assert (code, err) == (0, ""), err
    # a gold span the project lacks is for a curator to add
    records = [json.loads(r) for r in mine.read_text(encoding="utf-8").splitlines()]
    records[0]["annotations"].append({"start": 0, "end": 1, "label": "MISC", "annotator": "gold"})
    mine.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    code, out, err = invoke("import", fresh.url("alice"), mine)
    assert (code, out) == (2, "")
    one_error_line(err, shown(fresh, "alice"))
    assert "alice may not change the gold layer (only curators can)" in err
    assert invoke("export", fresh.url("carol"), "--format", "jsonl", "-o", again)[0] == 0
    assert again.read_bytes() == full.read_bytes()
