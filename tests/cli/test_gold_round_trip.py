"""`annotator export --format jsonl` then `annotator import` gives the project back, its
gold layer included, as the guide promises (the API side: tests/formats/test_native_jsonl.py;
on a server, where only a curator writes gold: tests/server/test_parity.py)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_runner import invoke

TEXT = "قال الرئيس محمد إن «الاقتصاد بخير»"


def span(words: str, label: str, who: str, ident: str) -> dict[str, object]:
    start = TEXT.index(words)
    return {"id": ident, "start": start, "end": start + len(words), "label": label,
            "annotator": who}  # fmt: skip


def adjudicated(tmp_path: Path) -> Path:
    """A project where sara and omar agree on a quote, its speaker and the relation, and
    `adjudicate` put them into gold."""
    project = tmp_path / "p.annotator"
    annotations: list[dict[str, object]] = []
    relations: list[dict[str, object]] = []
    for who in ("sara", "omar"):
        annotations += [
            span("محمد", "PER", who, f"{who}1"),
            span("«الاقتصاد بخير»", "QUOTE", who, f"{who}2"),
        ]
        relations.append({"from": f"{who}2", "to": f"{who}1", "type": "speaker"})
    record = {"name": "d", "text": TEXT, "status": {"sara": "done", "omar": "done"},
              "annotations": annotations, "relations": relations}  # fmt: skip
    source = tmp_path / "work.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert invoke("new", project)[0] == 0
    assert invoke("import", project, source)[0] == 0
    code, out, _ = invoke("adjudicate", project, "--strategy", "unanimous")
    assert code == 0 and "merged 2 spans and 1 relation into gold" in out
    return project


def test_importing_a_full_export_gives_the_gold_layer_back(tmp_path: Path) -> None:
    project = adjudicated(tmp_path)
    export = tmp_path / "all.jsonl"
    assert invoke("export", project, "--format", "jsonl", "-o", export)[0] == 0
    record = json.loads(export.read_text(encoding="utf-8"))
    assert "gold" in record["status"] and "gold" in {a["annotator"] for a in record["annotations"]}
    copy = tmp_path / "copy.annotator"
    assert invoke("new", copy)[0] == 0
    code, out, err = invoke("import", copy, export)
    assert (code, err) == (0, ""), err
    assert out == "imported 1 document, 6 annotations, 3 relations from 1 file\n"
    again = tmp_path / "again.jsonl"
    assert invoke("export", copy, "--format", "jsonl", "-o", again)[0] == 0
    assert again.read_bytes() == export.read_bytes()
    gold = tmp_path / "gold.jsonl"
    assert invoke("export", copy, "--format", "jsonl", "-o", gold, "--gold")[0] == 0
    spans = json.loads(gold.read_text(encoding="utf-8"))["annotations"]
    assert sorted(a["label"] for a in spans if a["annotator"] == "gold") == ["PER", "QUOTE"]
    assert invoke("check", copy)[:2] == (0, "ok\n")
    # and importing it once more changes nothing
    code, out, err = invoke("import", copy, export)
    assert (code, err) == (0, "") and "(6 annotations already there)" in out
