"""Every importer, fed garbage: a clear error or a clean import, never a traceback or a
partial import."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import NewDocument
from annotator.formats.base import ImportOptions
from annotator.formats.importer import import_paths
from annotator.formats.registry import FORMATS
from annotator.storage.project import Project

IMPORTABLE = sorted(name for name, f in FORMATS.items() if f.can_import)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
# Records shaped like the ones importers expect, with wrong types and values inside.
records = st.fixed_dictionaries(
    {},
    optional={
        "text": st.text(min_size=0, max_size=30) | json_values,
        "name": json_values,
        "data": st.fixed_dictionaries({"text": st.text(max_size=20)}),
        "label": json_values,
        "labels": json_values,
        "entities": json_values,
        "annotations": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "start": st.integers(-5, 40) | json_values,
                    "end": st.integers(-5, 40) | json_values,
                    "label": st.sampled_from(["PER", "ORG", "X"]) | json_values,
                    "annotator": st.text(max_size=5),
                    "result": json_values,
                    "value": json_values,
                },
            ),
            max_size=3,
        ),
        "relations": json_values,
    },
)
contents = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda s: s.encode("utf-8")),
    st.lists(records, min_size=1, max_size=3).map(
        lambda rs: "\n".join(json.dumps(r, ensure_ascii=False) for r in rs).encode("utf-8")
    ),
    st.lists(records, min_size=1, max_size=3).map(
        lambda rs: json.dumps(rs, ensure_ascii=False).encode("utf-8")
    ),
)


def _file_for(fmt: str, folder: Path, data: bytes) -> Path:
    suffix = (FORMATS[fmt].suffixes or (".txt",))[0]
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("fmt", IMPORTABLE)
@settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=contents)
def test_garbage_never_raises_and_never_half_imports(
    tmp_path_factory: Any, fmt: str, data: bytes
) -> None:
    folder = tmp_path_factory.mktemp(fmt)
    path = _file_for(fmt, folder, data)
    with Project.create(folder / "p.annotator") as p:
        p.add_documents([NewDocument("existing", "نص موجود من قبل")])
        result = import_paths(p, [path], format_name=fmt, options=ImportOptions(annotator="fuzz"))
        if result.errors:
            assert p.document_count() == 1
            assert p.annotations() == []
            message = str(result.errors[0])
            assert str(path) in message and "Traceback" not in message
        for ann in p.annotations():
            assert p.document(ann.document_id).text[ann.start : ann.end] == ann.text
