"""doccano 1.8.4, as installed from the package registry with its defaults: our export
uploaded to a sequence labeling project and to one with relation labeling (each in the
form its import asks for), every span read back through the REST API in doccano's unit
(UTF-16 code units, as its editor counts in JavaScript) and on the right characters, a
span and a relation added as its editor adds them, and its own JSONL export imported back."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.peers.peer_data import (
    EMOJI_DOC,
    EMOJI_TEXT,
    PLAIN_DOC,
    TEXTS,
    annotator,
    import_into_new,
    relations_of,
    spans_of,
)
from tests.peers.peer_http import wait_for
from tests.peers.peer_servers import Server

TASK_TIMEOUT = 180.0  # seconds for doccano's task queue to import or export a small file

# The project types of doccano's "Create project" form, and the import option (its
# "task") its upload page offers for JSONL in each.
PROJECTS = {
    "sequence": ({"use_relation": False}, "SequenceLabeling"),
    "relation": ({"use_relation": True}, "RelationExtraction"),
}


def utf16_slice(text: str, start: int, end: int) -> str:
    """``text`` cut at UTF-16 code unit offsets, as JavaScript's ``substring`` cuts it."""
    units = text.encode("utf-16-le")
    return units[2 * start : 2 * end].decode("utf-16-le")


def utf16_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def run_task(doccano: Server, task_id: str) -> Any:
    """Wait for a task of doccano's queue; its result."""

    def done() -> Any:
        status = doccano.client.json("GET", f"/v1/tasks/status/{task_id}")
        assert not status["error"], status
        return status if status["ready"] else None

    return wait_for(f"doccano task {task_id}", done, TASK_TIMEOUT)["result"]


def create_project(doccano: Server, kind: str) -> int:
    settings, _ = PROJECTS[kind]
    project = doccano.client.json(
        "POST",
        "/v1/projects",
        {
            "name": f"news {kind}",
            "description": "annotator peers test",
            "guideline": "",
            "project_type": "SequenceLabeling",
            "resourcetype": "SequenceLabelingProject",
            "random_order": False,
            "collaborative_annotation": False,
            "allow_overlapping": False,
            "grapheme_mode": False,
            "tags": [],
            **settings,
        },
    )
    return int(project["id"])


def upload(doccano: Server, project: int, kind: str, path: Path) -> None:
    """Import a JSONL file as doccano's upload page does (filepond, then the import)."""
    upload_id = doccano.client.upload("/v1/fp/process/", "filepond", path.name, path.read_bytes())
    _, task = PROJECTS[kind]
    started = doccano.client.json(
        "POST",
        f"/v1/projects/{project}/upload",
        {
            "uploadIds": [upload_id.decode()],
            "format": "JSONL",
            "task": task,
            "column_data": "text",
            "column_label": "label",
            "encoding": "utf_8",
        },
    )
    result = run_task(doccano, started["task_id"])
    assert result == {"error": []}, result


def served(doccano: Server, project: int) -> list[dict[str, Any]]:
    """Each example with its spans and relations as the editor loads them."""
    api = doccano.client
    examples: list[dict[str, Any]] = api.json("GET", f"/v1/projects/{project}/examples?limit=100")[
        "results"
    ]
    types = {t["id"]: t["text"] for t in api.json("GET", f"/v1/projects/{project}/span-types")}
    for e in examples:
        e["spans"] = api.json("GET", f"/v1/projects/{project}/examples/{e['id']}/spans")
        for s in e["spans"]:
            s["label_text"] = types[s["label"]]
        e["relations"] = api.json("GET", f"/v1/projects/{project}/examples/{e['id']}/relations")
    return examples


def sara_spans(news_project: Path) -> list[tuple[str, str, str]]:
    return sorted(
        (d, label, t) for d, who, label, _, _, t in spans_of(news_project) if who == "sara"
    )


@pytest.fixture(scope="module")
def doccano_projects(
    doccano: Server, news_project: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, int]:
    """A doccano project of each type with sara's work exported for it and imported."""
    folder = tmp_path_factory.mktemp("doccano-export")
    projects = {}
    for kind in PROJECTS:
        out = folder / f"{kind}.jsonl"
        # The default form is the relation project's, since the export has relations.
        option = ["--doccano-project", kind] if kind == "sequence" else []
        annotator(
            "export", news_project, "--format", "doccano", "--output", out, "--annotator", "sara",
            *option,
        )  # fmt: skip
        projects[kind] = create_project(doccano, kind)
        upload(doccano, projects[kind], kind, out)
    return projects


@pytest.mark.parametrize("kind", list(PROJECTS))
def test_every_span_lands_on_its_characters_in_utf16(
    doccano: Server, doccano_projects: dict[str, int], news_project: Path, kind: str
) -> None:
    examples = served(doccano, doccano_projects[kind])
    assert {e["meta"]["name"]: e["text"] for e in examples} == TEXTS
    found = []
    for e in examples:
        for s in e["spans"]:
            text = utf16_slice(e["text"], s["start_offset"], s["end_offset"])
            found.append((e["meta"]["name"], s["label_text"], text))
            # The same characters our project has there, counted in code points.
            ours = [x for x in spans_of(news_project) if x[0] == e["meta"]["name"] and x[5] == text]
            assert ours and utf16_offset(e["text"], ours[0][3]) == s["start_offset"]
    assert sorted(found) == sara_spans(news_project)


def test_relations_reach_a_relation_project(
    doccano: Server, doccano_projects: dict[str, int]
) -> None:
    project = doccano_projects["relation"]
    examples = {e["meta"]["name"]: e for e in served(doccano, project)}
    types = {
        t["id"]: t["text"]
        for t in doccano.client.json("GET", f"/v1/projects/{project}/relation-types")
    }
    emoji = examples[EMOJI_DOC]
    spans = {
        s["id"]: utf16_slice(emoji["text"], s["start_offset"], s["end_offset"])
        for s in emoji["spans"]
    }
    assert [
        (types[r["type"]], spans[r["from_id"]], spans[r["to_id"]]) for r in emoji["relations"]
    ] == [("speaker", "«الاقتصاد بخير»", "الرئيس")]
    assert examples[PLAIN_DOC]["relations"] == []


def add_as_the_editor_does(doccano: Server, project: int) -> tuple[str, str, str]:
    """Label "الحكومة" in the emoji document as doccano's editor does (UTF-16 offsets from
    the browser's selection) and make it the speaker of the quote; the span added."""
    api = doccano.client
    emoji = next(e for e in served(doccano, project) if e["meta"]["name"] == EMOJI_DOC)
    types = {t["text"]: t["id"] for t in api.json("GET", f"/v1/projects/{project}/span-types")}
    word = "الحكومة"
    start = utf16_offset(EMOJI_TEXT, EMOJI_TEXT.index(word))
    span = api.json(
        "POST",
        f"/v1/projects/{project}/examples/{emoji['id']}/spans",
        {"start_offset": start, "end_offset": start + len(word), "label": types["ORG"]},
    )
    # The editor offers the relation types the project has: the import made "speaker".
    path = f"/v1/projects/{project}/relation-types"
    rtypes = {t["text"]: t["id"] for t in api.json("GET", path)}
    quote = next(s for s in emoji["spans"] if s["label_text"] == "QUOTE")
    api.json(
        "POST",
        f"/v1/projects/{project}/examples/{emoji['id']}/relations",
        {"from_id": quote["id"], "to_id": span["id"], "type": rtypes["speaker"]},
    )
    return (EMOJI_DOC, "ORG", word)


def export(doccano: Server, project: int) -> dict[str, bytes]:
    """The project exported as JSONL by doccano's export dialog: the files of its zip."""
    api = doccano.client
    started = api.json(
        "POST", f"/v1/projects/{project}/download", {"format": "JSONL", "exportApproved": False}
    )
    task_id = started["task_id"]
    run_task(doccano, task_id)
    content = api.request("GET", f"/v1/projects/{project}/download?taskId={task_id}")
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        return {name: z.read(name) for name in z.namelist()}


@pytest.mark.parametrize("kind", list(PROJECTS))
def test_its_export_comes_back(
    doccano: Server, doccano_projects: dict[str, int], news_project: Path, tmp_path: Path, kind: str
) -> None:
    project = doccano_projects[kind]
    added = add_as_the_editor_does(doccano, project) if kind == "relation" else None
    files = export(doccano, project)
    assert len(files) == 1, sorted(files)
    ((name, content),) = files.items()
    records = [json.loads(line) for line in content.decode().splitlines()]
    assert all(("entities" in r) == (kind == "relation") for r in records), records
    path = tmp_path / Path(name).name
    path.write_bytes(content)
    back = import_into_new(tmp_path, "back", path, "--format", "doccano", "--annotator", "admin")
    got = sorted((d, label, t) for d, _, label, _, _, t in spans_of(back))
    assert got == sorted(sara_spans(news_project) + ([added] if added else []))
    expected_relations = [(EMOJI_DOC, "speaker", "«الاقتصاد بخير»", "الرئيس")]
    if kind == "relation":
        expected_relations.append((EMOJI_DOC, "speaker", "«الاقتصاد بخير»", "الحكومة"))
        assert relations_of(back) == sorted(expected_relations)
    else:
        assert relations_of(back) == []
