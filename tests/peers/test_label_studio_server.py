"""Label Studio 1.23.2, as installed from the package registry with its defaults:
our export imported through its REST API with the labeling config we write beside it,
every span read back in its unit (code points) and on the right characters, a span
added as its editor adds one, and its own JSON, JSON-MIN and CSV exports imported back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.peers.peer_data import (
    EMOJI_DOC,
    EMOJI_TEXT,
    PLAIN_DOC,
    TEXTS,
    Span,
    annotator,
    import_into_new,
    relations_of,
    spans_of,
)
from tests.peers.peer_servers import Server

# Label Studio exports the user who made an annotation by number: the server's only user
# (the one it was started with) is 1.
LS_USER = "user 1"


@pytest.fixture(scope="module")
def ls_project(
    label_studio: Server, news_project: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """A Label Studio project made with our labeling config, our export imported into
    it as a file upload (as its Import dialog sends it), and its tasks as it serves them."""
    out = tmp_path_factory.mktemp("ls-export") / "tasks.json"
    annotator("export", news_project, "--format", "labelstudio", "--output", out)
    config = out.with_name("tasks.label_config.xml").read_text(encoding="utf-8")
    api = label_studio.client
    project = api.json("POST", "/api/projects/", {"title": "news", "label_config": config})
    imported = json.loads(
        api.upload(f"/api/projects/{project['id']}/import", "file", out.name, out.read_bytes())
    )
    assert imported["task_count"] == 2 and imported["annotation_count"] == 3, imported
    tasks = api.json("GET", f"/api/tasks/?project={project['id']}&page_size=100")["tasks"]
    annotations = {t["id"]: api.json("GET", f"/api/tasks/{t['id']}/annotations/") for t in tasks}
    return {"id": project["id"], "tasks": tasks, "annotations": annotations}


def served_spans(ls_project: dict[str, Any]) -> list[tuple[str, str, int, int, str]]:
    """(document, label, start, end, text) of every labelled region Label Studio serves,
    the text cut from the task's text in code points (Label Studio's unit)."""
    found = []
    for task in ls_project["tasks"]:
        text, name = task["data"]["text"], task["data"]["name"]
        for annotation in ls_project["annotations"][task["id"]]:
            for r in annotation["result"]:
                if r["type"] == "labels":
                    v = r["value"]
                    assert text[v["start"] : v["end"]] == v["text"]
                    found.append((name, v["labels"][0], v["start"], v["end"], v["text"]))
    return sorted(found)


def test_every_span_lands_on_its_characters(ls_project: dict[str, Any], news_project: Path) -> None:
    expected = sorted((d, label, s, e, t) for d, _, label, s, e, t in spans_of(news_project))
    assert served_spans(ls_project) == expected
    texts = {t["data"]["name"]: t["data"]["text"] for t in ls_project["tasks"]}
    assert texts == TEXTS


def test_relations_and_annotator_names_are_kept(ls_project: dict[str, Any]) -> None:
    task = next(t for t in ls_project["tasks"] if t["data"]["name"] == EMOJI_DOC)
    # The task's meta names each annotation's annotator by the id it had in our file.
    names = task["meta"]["annotators"]
    by_who = {names[str(a["import_id"])]: a for a in ls_project["annotations"][task["id"]]}
    assert sorted(by_who) == ["omar", "sara"]
    assert not any(a["ground_truth"] for a in by_who.values())  # only gold is
    results = by_who["sara"]["result"]
    regions = {r["id"]: r["value"]["text"] for r in results if r["type"] == "labels"}
    links = [
        (r["labels"], regions[r["from_id"]], regions[r["to_id"]])
        for r in results
        if r["type"] == "relation"
    ]
    assert links == [(["speaker"], "«الاقتصاد بخير»", "الرئيس")]


def add_span_as_the_editor_does(label_studio: Server, ls_project: dict[str, Any]) -> Span:
    """Submit an annotation on the emoji document as Label Studio's editor does: a
    region with code point offsets after the emoji, by the logged-in user."""
    task = next(t for t in ls_project["tasks"] if t["data"]["name"] == EMOJI_DOC)
    word = "الحكومة"
    start = EMOJI_TEXT.index(word)
    region = {
        "id": "Xq3pW1aB",
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "origin": "manual",
        "value": {"start": start, "end": start + len(word), "text": word, "labels": ["ORG"]},
    }
    label_studio.client.json(
        "POST",
        f"/api/tasks/{task['id']}/annotations/?project={ls_project['id']}",
        {"result": [region], "lead_time": 4.2, "was_cancelled": False, "ground_truth": False},
    )
    return (EMOJI_DOC, LS_USER, "ORG", start, start + len(word), word)


@pytest.fixture(scope="module")
def ls_exports(
    label_studio: Server, ls_project: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """The project exported by Label Studio in JSON, JSON-MIN and CSV, after a span was
    added in it; and that span."""
    added = add_span_as_the_editor_does(label_studio, ls_project)
    folder = tmp_path_factory.mktemp("ls-own-export")
    files = {}
    for kind, name in (("JSON", "ls.json"), ("JSON_MIN", "ls-min.json"), ("CSV", "ls.csv")):
        content = label_studio.client.request(
            "GET", f"/api/projects/{ls_project['id']}/export?exportType={kind}"
        )
        files[kind] = folder / name
        files[kind].write_bytes(content)
    return {"files": files, "added": added}


def test_its_json_export_comes_back_whole(
    ls_exports: dict[str, Any], news_project: Path, tmp_path: Path
) -> None:
    back = import_into_new(tmp_path, "back", ls_exports["files"]["JSON"], "--format", "labelstudio")
    assert spans_of(back) == sorted([*spans_of(news_project), ls_exports["added"]])
    assert relations_of(back) == relations_of(news_project)


@pytest.mark.parametrize("kind", ["JSON_MIN", "CSV"])
def test_its_min_and_csv_exports_keep_spans_and_names(
    ls_exports: dict[str, Any], news_project: Path, tmp_path: Path, kind: str
) -> None:
    back = import_into_new(tmp_path, "back", ls_exports["files"][kind], "--format", "labelstudio")
    # One record per annotation, all by Label Studio's user (these exports carry no
    # task meta), so identical spans of two annotators become one; no relations.
    expected = {(d, label, s, e, t) for d, _, label, s, e, t in spans_of(news_project)}
    expected.add(ls_exports["added"][:1] + ls_exports["added"][2:])
    got = {(d, label, s, e, t) for d, who, label, s, e, t in spans_of(back)}
    assert got == expected
    assert {who for _, who, *_ in spans_of(back)} == {LS_USER}
    assert {d for d, *_ in spans_of(back)} == {EMOJI_DOC, PLAIN_DOC}
    assert relations_of(back) == []
