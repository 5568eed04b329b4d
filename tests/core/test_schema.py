from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import UserError
from annotator.core.model import LabelKind
from annotator.core.schema import default_schema, load_schema, save_schema, schema_from_json
from tests.present import present


def test_default_schema_is_the_news_schema() -> None:
    schema = default_schema()
    assert [lb.name for lb in schema.labels] == [
        "CLAIM",
        "QUOTE",
        "PER",
        "ORG",
        "LOC",
        "EVENT",
        "DATE",
        "MISC",
    ]
    assert present(schema.label("CLAIM")).kind is LabelKind.CLAIM
    assert present(present(schema.label("QUOTE")).attribute("type")).values == (
        "direct",
        "indirect",
    )
    assert [lb.shortcut for lb in schema.labels] == [str(i) for i in range(1, 9)]
    assert {rt.name for rt in schema.relation_types} == {"speaker", "source"}


def test_schema_json_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "schema.json"
    save_schema(default_schema(), path)
    assert load_schema(path) == default_schema()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], '"labels" list'),
        ({"labels": [{"kind": "entity"}]}, "label 1 has no name"),
        ({"labels": [{"name": "X", "kind": "thing"}]}, "kind must be"),
        ({"labels": [{"name": "X"}, {"name": "X"}]}, "defined twice"),
        ({"labels": [{"name": "X", "attributes": [{}]}]}, "needs a name"),
    ],
)
def test_bad_schemas_are_refused_with_the_file_named(
    tmp_path: Path, data: object, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(UserError, match=message) as err:
        load_schema(path)
    assert str(path) in str(err.value)


def test_schema_from_json_fills_in_colours() -> None:
    schema = schema_from_json({"labels": [{"name": "شخص"}]})
    assert schema.labels[0].color.startswith("#")
    assert schema.labels[0].kind is LabelKind.ENTITY
