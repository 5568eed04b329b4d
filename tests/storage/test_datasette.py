"""The project file opens usefully in Datasette: its tables and the annotations view are
there to browse and query, with nothing to convert."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from annotator.demo import build_demo
from annotator.storage.project import Project

datasette_app = pytest.importorskip("datasette.app")


def query(path: Path, url: str) -> Any:
    async def fetch() -> Any:
        ds = datasette_app.Datasette(files=[str(path)])
        await ds.invoke_startup()
        response = await ds.client.get(url)
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(fetch())


def test_datasette_lists_the_annotations_view_and_filters_it(tmp_path: Path) -> None:
    path = tmp_path / "demo.annotator"
    build_demo(path)
    with Project.open(path, readonly=True) as p:
        expected = sorted(
            (p.document(a.document_id).name, a.text)
            for a in p.annotations(annotator="sara")
            if a.label == "PER"
        )
    db = path.stem
    tables = {t["name"] for t in query(path, f"/{db}.json")["tables"]}
    assert {"documents", "annotations", "labels", "relations"} <= tables
    views = {v["name"] for v in query(path, f"/{db}.json")["views"]}
    assert "annotations_view" in views
    rows = query(path, f"/{db}/annotations_view.json?_shape=array&annotator=sara&label=PER")
    assert sorted((r["document"], r["text"]) for r in rows) == expected and expected


def test_datasette_runs_sql_over_the_project(tmp_path: Path) -> None:
    path = tmp_path / "demo.annotator"
    build_demo(path)
    sql = "select annotator, count(*) as n from annotations_view group by annotator order by 1"
    rows = query(path, f"/{path.stem}.json?_shape=array&sql={sql.replace(' ', '+')}")
    with Project.open(path, readonly=True) as p:
        counts = {who: len(p.annotations(annotator=who)) for who in p.annotators()}
    assert {r["annotator"]: r["n"] for r in rows} == counts
