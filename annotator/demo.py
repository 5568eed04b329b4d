"""The demo project: built from `projects/demo/` into the user's data folder, never the repo."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import platformdirs

from annotator.core.bundled import PROJECTS
from annotator.core.errors import UserError
from annotator.core.inputs import read_input
from annotator.core.model import Annotation, NewDocument, Relation, Status
from annotator.storage.project import Project

DEMO_SOURCES = PROJECTS / "demo"


SHOWN_BESIDE = "sara"


def demo_project_path() -> Path:
    """The demo project file, built on first use; the user's work in it is kept after."""
    path = Path(platformdirs.user_data_dir("annotator", appauthor=False)) / "demo.annotator"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        build_demo(path)
    return path


def build_demo(path: Path, sources: Path = DEMO_SOURCES) -> None:
    if not sources.is_dir():
        raise UserError("the demo's sources are missing", sources)
    docs = demo_documents(sources)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    with Project.create(partial) as project:
        project.add_documents(docs)
        # A newcomer sees annotated text at once: sara's spans beside their own.
        project.set_setting(Project.SHOWN_BESIDE, SHOWN_BESIDE)
    partial.replace(path)


def demo_documents(sources: Path) -> list[NewDocument]:
    spec = json.loads((sources / "annotations.json").read_text(encoding="utf-8"))
    docs = []
    for article in sorted((sources / "articles").glob("*.txt")):
        text = read_input(article).decode("utf-8")
        annotations: list[Annotation] = []
        relations: list[Relation] = []
        status: dict[str, Status] = {}
        for annotator, per_doc in spec["annotators"].items():
            entry = per_doc.get(article.stem)
            if entry is None:
                continue
            status[annotator] = Status(entry["status"])
            for span in entry["spans"]:
                start = _find(text, span, article)
                end = start + len(span["text"])
                annotations.append(
                    Annotation(
                        f"{annotator}-{article.stem}-{span['id']}",
                        0,
                        annotator,
                        span["label"],
                        start,
                        end,
                        span["text"],
                        span.get("attributes", {}),
                    )
                )
            relations += [
                Relation(
                    "",
                    f"{annotator}-{article.stem}-{r['from']}",
                    f"{annotator}-{article.stem}-{r['to']}",
                    r["type"],
                )
                for r in entry.get("relations", [])
            ]
        docs.append(
            NewDocument(
                article.stem,
                text,
                f"demo/{article.name}",
                {},
                tuple(annotations),
                tuple(relations),
                status,
            )
        )
    return docs


def _find(text: str, span: dict[str, Any], article: Path) -> int:
    """Offset of the span's text (its n-th occurrence when it says which)."""
    start = -1
    for _ in range(span.get("occurrence", 1)):
        start = text.find(span["text"], start + 1)
        if start < 0:
            raise UserError(f"span {span['id']} {span['text']!r} is not in the article", article)
    return start
