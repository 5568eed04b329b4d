"""The formats that carry exact character spans give back, after export and import into a
new project, the very spans and texts they were given (generated Arabic with diacritics,
emoji, ZWJ sequences and flags). Token formats have their own round trips (test_conll,
test_webanno), and doccano its offset units (test_doccano)."""

from __future__ import annotations

import importlib.util

import pytest
from hypothesis import HealthCheck, given, settings

from tests.formats.interop_helpers import (
    arabic_documents,
    exported_and_back,
    generated_project,
)
from tests.formats.interop_helpers import spans as spans_of
from tests.formats.interop_helpers import texts as texts_of

# (format, where it writes) for the formats whose spans are character offsets.
EXACT = [
    ("brat", "out"),
    ("labelstudio", "out.json"),
    pytest.param(
        "xmi", "out",
        marks=pytest.mark.skipif(importlib.util.find_spec("cassis") is None,
                                 reason="dkpro-cassis is not installed"),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("fmt", "target"), EXACT)
@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=arabic_documents())
def test_round_trip(
    tmp_path_factory: pytest.TempPathFactory,
    fmt: str,
    target: str,
    data: tuple[str, list[tuple[int, int, str]]],
) -> None:
    tmp, p = generated_project(tmp_path_factory, data)
    q = exported_and_back(p, fmt, tmp / target)
    assert spans_of(q) == spans_of(p)
    assert texts_of(q) == texts_of(p)
