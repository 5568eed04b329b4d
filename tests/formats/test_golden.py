"""Each writer's output for one small Arabic project, byte for byte, against files
reviewed by hand (``tests/formats/golden/<format>/``). Set ANNOTATOR_UPDATE_GOLDEN=1 to
write them anew after an intended change, then review the diff. XMI's are also the
bytes dkpro-cassis writes (test_xmi compares the two on generated documents)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.core.model import Annotation, Relation
from tests.formats.interop_helpers import ann, do_export, doc, project_with

GOLDEN = Path(__file__).parent / "golden"
TEXT = "قال الرئيس 👀 إن «الاقتصاد بخير».\r\nوأضاف وزير المالية في بيروت"
OUTPUT = {
    "csv": "spans.csv",
    "doccano": "doccano.jsonl",
    "brat": "brat",
    "conll": "news.conll",
    "labelstudio": "tasks.json",
    "webanno": "webanno",
    "hf": "train.jsonl",
    "xmi": "xmi",
}


def files(root: Path) -> dict[str, bytes]:
    if root.is_file():
        return {root.name: root.read_bytes()}
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("fmt", sorted(OUTPUT))
def test_writer_output_is_unchanged(tmp_path: Path, fmt: str) -> None:
    text = TEXT.replace("\r\n", "\n")

    def at(t: str, label: str, who: str = "sara", ident: str = "", **attributes: str) -> Annotation:
        start = text.index(t)
        return ann(start, start + len(t), label, who, ident or t, attributes)

    p = project_with(
        tmp_path / "p.annotator",
        [
            doc(
                "أخبار/1",
                text,
                at("الرئيس", "PER", ident="s"),
                at("«الاقتصاد بخير»", "CLAIM", ident="c", checkworthy="yes"),
                at("وزير المالية", "PER"),
                at("بيروت", "LOC"),
                relations=[Relation("r", "c", "s", "speaker")],
            )
        ],
    )
    out = tmp_path / OUTPUT[fmt]
    do_export(p, fmt, out)
    got = files(out) if fmt != "hf" else files(out) | files(tmp_path / "train.features.json")
    expected_dir = GOLDEN / fmt
    if os.environ.get("ANNOTATOR_UPDATE_GOLDEN"):
        for name, data in got.items():
            (expected_dir / name).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / name).write_bytes(data)
    assert got == files(expected_dir)
