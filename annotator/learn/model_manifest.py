"""What a model file's ``model.json`` may hold, checked field by field before anything is
built from it: a model comes from someone else as a CSV file does, and a wrong type, a
count of infinity, a label of another layer or a lone surrogate is one line naming the
field, never an error half-way through suggesting.

The manifest (model_file.py writes it):

    {"format": "annotator-recommender", "version": 4,
     "layer_of": {LABEL: KIND, ...},            # KIND: entity, claim or quote
     "use_crf": bool, "use_strings": bool, "info": {...},
     "layers": {KIND: {"strings": [ROW, ...], "stems": [ROW, ...] | null,
                       "vocabulary": [WORD, ...], "common_places": [[WORD, ...], ...],
                       "crf": MEMBER | null}}}
    ROW: {"tokens": [WORD, ...], "labels": {LABEL: COUNT, ...}, "seen": COUNT}
"""

from __future__ import annotations

from typing import Any

from annotator.core.content import name_problem, value_problem
from annotator.core.model import LabelKind

KINDS = frozenset(k.value for k in LabelKind)
# Beyond any corpus: a count larger than this is no count of ours.
MAX_COUNT = 10**12


class Invalid(ValueError):
    """The manifest's field ``where`` is not what a model holds."""

    def __init__(self, where: str, problem: str):
        super().__init__(f"{where} {problem}")


def check_manifest(manifest: dict[str, Any]) -> None:
    """Raise Invalid for the first field of ``manifest`` (whose format and version are
    known to be ours) that a model made by `annotator learn` could not hold."""
    layer_of = _object(manifest.get("layer_of"), "layer_of")
    for label, kind in layer_of.items():
        _name(label, "a label of layer_of")
        if not isinstance(kind, str) or kind not in KINDS:
            raise Invalid(f"layer_of[{label!r}]", f"must be one of {', '.join(sorted(KINDS))}")
    for flag in ("use_crf", "use_strings"):
        if not isinstance(manifest.get(flag), bool):
            raise Invalid(flag, "must be true or false")
    info = _object(manifest.get("info"), "info")
    problem = value_problem(info, "info")
    if problem:
        raise Invalid("info", problem.removeprefix("info "))
    layers = _object(manifest.get("layers"), "layers")
    if not layers:
        raise Invalid("layers", "is empty: the model has learnt nothing")
    for kind, entry in layers.items():
        where = f"layers[{kind!r}]"
        labels = layer_labels(layer_of, kind)
        if not labels:
            raise Invalid(where, "is a layer no label of layer_of belongs to")
        entry = _object(entry, where)
        _rows(entry.get("strings"), f"{where}.strings", labels)
        if entry.get("stems") is not None:
            _rows(entry["stems"], f"{where}.stems", labels)
        for n, word in enumerate(_list(entry.get("vocabulary"), f"{where}.vocabulary")):
            _name(word, f"{where}.vocabulary[{n}]")
        places = _list(entry.get("common_places"), f"{where}.common_places")
        for n, place in enumerate(places):
            _words(place, f"{where}.common_places[{n}]")
        crf = entry.get("crf")
        if crf is not None:
            _name(crf, f"{where}.crf")


def layer_labels(layer_of: dict[str, str], kind: str) -> frozenset[str]:
    """The labels of the layer ``kind``."""
    return frozenset(label for label, k in layer_of.items() if k == kind)


def _rows(value: Any, where: str, labels: frozenset[str]) -> None:
    for n, row in enumerate(_list(value, where)):
        at = f"{where}[{n}]"
        row = _object(row, at)
        _words(row.get("tokens"), f"{at}.tokens")
        counts = _object(row.get("labels"), f"{at}.labels")
        if not counts:
            raise Invalid(f"{at}.labels", "is empty")
        for label, count in counts.items():
            if label not in labels:
                raise Invalid(f"{at}.labels", f"names {label!r}, no label of this layer")
            _count(count, f"{at}.labels[{label!r}]", least=1)
        _count(row.get("seen"), f"{at}.seen", least=0)


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Invalid(where, "must be an object")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise Invalid(where, "must be a list")
    return value


def _name(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise Invalid(where, "must be a text that is not empty")
    problem = name_problem(value, "text")
    if problem:
        raise Invalid(where, problem.replace("the text ", "", 1))
    return value


def _words(value: Any, where: str) -> None:
    words = _list(value, where)
    if not words:
        raise Invalid(where, "is empty")
    for n, word in enumerate(words):
        _name(word, f"{where}[{n}]")


def _count(value: Any, where: str, least: int) -> None:
    # bool is an int to Python, not to JSON.
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= MAX_COUNT:
        raise Invalid(where, f"must be a whole number from {least} to {MAX_COUNT:,}")
