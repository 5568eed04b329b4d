"""A model file from someone else is read as plain data and refused in one line naming the
file and the field when it is not what `annotator learn` writes: wrong types in every
field, counts of infinity, NaN weights, labels of another layer, zip members encrypted or
compressed otherwise, JSON nested to exhaust the stack. A valid model round-trips exactly."""

from __future__ import annotations

import json
import os
import struct
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import UserError
from annotator.learn import crf
from annotator.learn.model_file import load, save
from annotator.learn.posteriors import _CHUNK, _FEATURE, _HEADER
from annotator.learn.recommender import Layer, Recommender
from annotator.learn.strings import StringTable

# A CRF of one layer, trained on two words: the weights every model below carries.
WEIGHTS = crf.train(
    [([["w=قال"], ["w=محمد"]], ["O", "B-PER"]), ([["w=في"], ["w=بيروت"]], ["O", "B-LOC"])] * 3
)
LAYER_OF = {"PER": "entity", "LOC": "entity", "CLAIM": "claim"}


def model() -> Recommender:
    strings = StringTable.of({("محمد",): Counter(PER=3)}, Counter({("محمد",): 4}))
    layer = Layer(strings, WEIGHTS, frozenset({"قال"}), frozenset({("كان",)}), strings)
    return Recommender({"entity": layer}, dict(LAYER_OF))


def manifest() -> dict[str, Any]:
    """The model.json of ``model()``."""
    return {
        "format": "annotator-recommender",
        "version": 4,
        "layer_of": dict(LAYER_OF),
        "use_crf": True,
        "use_strings": True,
        "info": {},
        "layers": {
            "entity": {
                "strings": [{"tokens": ["محمد"], "labels": {"PER": 3}, "seen": 4}],
                "stems": None,
                "vocabulary": ["قال"],
                "common_places": [["كان"]],
                "crf": "entity.crfsuite",
            }
        },
    }


def write(path: Path, model_json: str | bytes, weights: bytes = WEIGHTS) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("model.json", model_json)
        z.writestr("entity.crfsuite", weights)
    return path


def refused(path: Path, says: str) -> None:
    with pytest.raises(UserError) as err:
        load(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ") and "\n" not in message, message
    assert says in message, message


def test_the_manifest_written_is_the_one_these_tests_change(tmp_path: Path) -> None:
    save(model(), tmp_path / "m.model")
    with zipfile.ZipFile(tmp_path / "m.model") as z:
        written = json.loads(z.read("model.json"))
    expected = manifest()
    expected["layers"]["entity"]["stems"] = expected["layers"]["entity"]["strings"]
    assert written == expected


def entity(**fields: Any) -> Callable[[dict[str, Any]], None]:
    return lambda m: m["layers"]["entity"].update(fields)


def row(**fields: Any) -> Callable[[dict[str, Any]], None]:
    return lambda m: m["layers"]["entity"]["strings"][0].update(fields)


def top(**fields: Any) -> Callable[[dict[str, Any]], None]:
    return lambda m: m.update(fields)


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (top(version="4"), "model version '4' is not known"),
        (top(version=True), "model version True is not known"),
        (top(layer_of=[]), "layer_of must be an object"),
        (top(layer_of={"PER": "person"}), "layer_of['PER'] must be one of claim, entity, quote"),
        (top(layer_of={"PER\x1b[2J": "entity"}), "contains U+001B"),
        (top(use_crf="no"), "use_crf must be true or false"),
        (top(use_strings=1), "use_strings must be true or false"),
        (top(info=[1]), "info must be an object"),
        (top(info={"k": "\ud800"}), "info['k'] contains U+D800"),
        (top(layers=[]), "layers must be an object"),
        (top(layers={}), "layers is empty"),
        (top(layers={"entity": None}), "layers['entity'] must be an object"),
        (top(layers={"quote": {}}), "layers['quote'] is a layer no label of layer_of belongs"),
        (entity(strings={}), "layers['entity'].strings must be a list"),
        (entity(strings=[5]), "layers['entity'].strings[0] must be an object"),
        (row(tokens=5), "strings[0].tokens must be a list"),
        (row(tokens=[]), "strings[0].tokens is empty"),
        (row(tokens=[""]), "strings[0].tokens[0] must be a text that is not empty"),
        (row(tokens=[7]), "strings[0].tokens[0] must be a text that is not empty"),
        (row(tokens=["\ud800"]), "strings[0].tokens[0] '\\ud800' contains U+D800"),
        (row(labels=[1]), "strings[0].labels must be an object"),
        (row(labels={}), "strings[0].labels is empty"),
        (row(labels={"PLANET": 1}), "names 'PLANET', no label of this layer"),
        (row(labels={"CLAIM": 1}), "names 'CLAIM', no label of this layer"),
        (row(labels={"PER": 0}), "labels['PER'] must be a whole number from 1"),
        (row(labels={"PER": -5}), "labels['PER'] must be a whole number from 1"),
        (row(labels={"PER": 0.5}), "labels['PER'] must be a whole number from 1"),
        (row(labels={"PER": "3"}), "labels['PER'] must be a whole number from 1"),
        (row(labels={"PER": True}), "labels['PER'] must be a whole number from 1"),
        (row(labels={"PER": 10**13}), "labels['PER'] must be a whole number from 1"),
        (row(seen=-1), "strings[0].seen must be a whole number from 0"),
        (row(seen=1e308), "strings[0].seen must be a whole number from 0"),
        (row(seen=None), "strings[0].seen must be a whole number from 0"),
        (entity(stems=5), "layers['entity'].stems must be a list"),
        (entity(vocabulary={"a": 1}), "vocabulary must be a list"),
        (entity(vocabulary=[1]), "vocabulary[0] must be a text"),
        (entity(common_places="abc"), "common_places must be a list"),
        (entity(common_places=[[]]), "common_places[0] is empty"),
        (entity(crf=5), "layers['entity'].crf must be a text"),
        (entity(crf="nope.crfsuite"), "the model lacks 'nope.crfsuite'"),
        (entity(crf="model.json"), "the model's weights are damaged"),
    ],
)
def test_every_field_of_the_wrong_type_or_value_is_named(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], says: str
) -> None:
    m = manifest()
    change(m)
    refused(write(tmp_path / "m.model", json.dumps(m)), says)


@pytest.mark.parametrize(
    ("model_json", "says"),
    [
        ('{"format": "annotator-recommender", "version": NaN}', "NaN is not a JSON number"),
        ('{"format": "annotator-recommender", "version": 4, "layer_of": {}, "x": Infinity}',
         "Infinity is not a JSON number"),
        ('{"format": "annotator-recommender", "version": 1' + "0" * 5000 + "}",
         "Exceeds the limit (4300 digits)"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        (b'{"format": "\xff"}', "model.json is not UTF-8 text"),
        (json.dumps({"format": "annotator-recommender"}).encode("utf-16"),
         "model.json is not UTF-8 text"),
        ("\ufeff" + json.dumps(manifest()), "malformed JSON"),
    ],
    ids=["nan", "infinity", "5000-digits", "deep", "not-utf8", "utf16", "bom"],
)  # fmt: skip
def test_json_only_as_our_writer_writes_it(tmp_path: Path, model_json: str, says: str) -> None:
    refused(write(tmp_path / "m.model", model_json), says)


def weights_set_to(value: float, kind: int | None = None) -> bytes:
    """WEIGHTS with every feature weight (of ``kind``: 0 state, 1 transition) ``value``."""
    out = bytearray(WEIGHTS)
    at = _HEADER.unpack_from(WEIGHTS, 0)[7] + _CHUNK.size
    for n in range(_CHUNK.unpack_from(WEIGHTS, at - _CHUNK.size)[2]):
        feature_kind, src, dst, _ = _FEATURE.unpack_from(out, at + n * _FEATURE.size)
        if kind is None or feature_kind == kind:
            _FEATURE.pack_into(out, at + n * _FEATURE.size, feature_kind, src, dst, value)
    return bytes(out)


@pytest.mark.parametrize(
    ("value", "kind"),
    [(float("nan"), None), (float("inf"), 1), (float("-inf"), 0), (800.0, 1), (1e300, 0)],
    ids=["nan", "inf-transition", "-inf-state", "800-transition", "1e300-state"],
)
def test_weights_that_no_training_gives_are_refused(
    tmp_path: Path, value: float, kind: int | None
) -> None:
    """NaN made every probability NaN; infinity or e^800 made numpy warn and divide
    infinity by infinity while suggesting."""
    path = write(tmp_path / "m.model", json.dumps(manifest()), weights_set_to(value, kind))
    refused(path, "the model's weights are damaged (a weight is not a number from -100 to 100)")


def test_extreme_weights_within_the_bound_give_probabilities() -> None:
    """At the bound, forward-backward stays finite (a warning would fail this test)."""
    weights = weights_set_to(100.0, 1)
    tagger = crf.Tagger(weights)
    tagged = tagger.tag([["w=قال"], ["w=محمد"], ["w=في"], ["w=بيروت"]] * 20)
    assert all(0.0 < t.score <= 1.0 + 1e-9 for t in tagged)


def test_a_crf_tagging_another_layers_label_is_refused(tmp_path: Path) -> None:
    m = manifest()
    m["layer_of"]["PER"] = "claim"
    m["layers"]["entity"]["strings"] = []
    m["layers"]["claim"] = {**m["layers"]["entity"], "crf": None}
    refused(write(tmp_path / "m.model", json.dumps(m)), "tags the label 'PER', no label of")


def test_a_tag_that_is_not_bio_is_refused(tmp_path: Path) -> None:
    odd = WEIGHTS.replace(b"B-LOC\x00", b"X-LOC\x00")
    refused(write(tmp_path / "m.model", json.dumps(manifest()), odd), "the tag 'X-LOC' is not O")


def _patched(path: Path, flag: int = 0, method: int | None = None) -> Path:
    """``path``'s zip with model.json's general-purpose flag or compression method
    changed in both its local and its central header."""
    data = bytearray(path.read_bytes())
    local, central = data.find(b"PK\x03\x04"), data.find(b"PK\x01\x02")
    for at, flag_at, method_at in ((local, 6, 8), (central, 8, 10)):
        data[at + flag_at] |= flag
        if method is not None:
            data[at + method_at : at + method_at + 2] = struct.pack("<H", method)
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    ("flag", "method", "says"),
    [
        (1, None, "'model.json' in the model is encrypted"),
        (0, 99, "'model.json' in the model is compressed in a way annotator cannot read"),
        (0, 12, "'model.json' in the model is compressed in a way annotator cannot read"),
    ],
    ids=["encrypted", "aes", "bzip2"],
)
def test_zip_members_encrypted_or_compressed_otherwise(
    tmp_path: Path, flag: int, method: int | None, says: str
) -> None:
    """zipfile raised RuntimeError and NotImplementedError for these: exit status 3."""
    path = write(tmp_path / "m.model", json.dumps(manifest()))
    refused(_patched(path, flag, method), says)


def test_damaged_compressed_data_is_one_line(tmp_path: Path) -> None:
    path = write(tmp_path / "m.model", json.dumps(manifest()) * 20)
    data = bytearray(path.read_bytes())
    start = data.find(b"model.json") + len("model.json")
    data[start + 10 : start + 60] = bytes(50)
    path.write_bytes(bytes(data))
    refused(path, "cannot read the model")


def test_a_manifest_too_large_to_parse_is_refused_before_it_is_unpacked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Gigantic arrays: the zip says each member's size, checked before it is read (a
    zip that lies about it fails its CRC after that many bytes)."""
    m = manifest()
    m["layers"]["entity"]["vocabulary"] = ["كلمة"] * 1000
    path = write(tmp_path / "m.model", json.dumps(m))
    monkeypatch.setattr("annotator.learn.model_file.MAX_MANIFEST_BYTES", 10_000)
    refused(path, "'model.json' in the model is too large")


def test_special_files_are_refused_before_anything_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.model"
    os.mkfifo(fifo)  # no writer: opening it for reading used to wait for ever
    refused(fifo, "is a named pipe (FIFO), not a regular file")
    refused(tmp_path, "is a folder, not a regular file")
    refused(tmp_path / "none.model", "no such file")
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    refused(tmp_path / "a", "cannot be read (Too many levels of symbolic links)")
    if Path("/dev/zero").exists():
        refused(Path("/dev/zero"), "is a character device, not a regular file")


# ----- properties ---------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
FIELDS = ["format", "version", "layer_of", "use_crf", "use_strings", "info", "layers"]
LAYER_FIELDS = ["strings", "stems", "vocabulary", "common_places", "crf"]


@st.composite
def hostile_manifests(draw: st.DrawFn) -> Any:
    """JSON-ish values: anything at all, or a manifest of ours with fields replaced by
    anything (so that the checks past the format and version are reached)."""
    if draw(st.booleans()):
        return draw(json_values)
    m = manifest()
    for field in draw(st.lists(st.sampled_from(FIELDS[2:]), max_size=3)):
        m[field] = draw(json_values)
    if isinstance(m["layers"], dict) and isinstance(m["layers"].get("entity"), dict):
        for field in draw(st.lists(st.sampled_from(LAYER_FIELDS), max_size=3)):
            m["layers"]["entity"][field] = draw(json_values)
    return m


# Each example in a folder of its own: no example finds another's file.
@settings(max_examples=300)
@given(value=hostile_manifests())
def test_any_json_is_a_model_or_one_line(
    tmp_path_factory: pytest.TempPathFactory, value: Any
) -> None:
    # allow_nan: Python's writer puts NaN in the file as the reader must refuse it.
    path = write(tmp_path_factory.mktemp("any") / "m.model", json.dumps(value, allow_nan=True))
    try:
        loaded, _ = load(path)
    except UserError as exc:
        assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)
    else:
        suggested = loaded.suggest("قال محمد في بيروت")
        assert {s.label for s in suggested} <= set(loaded.layer_of)


words = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Cn", "Zs", "Zl", "Zp"]),
    min_size=1,
    max_size=6,
)
keys = st.lists(words, min_size=1, max_size=3).map(tuple)
counts = st.integers(1, 10**6)


@st.composite
def string_tables(draw: st.DrawFn, labels: list[str]) -> StringTable:
    texts = draw(st.dictionaries(keys, st.dictionaries(st.sampled_from(labels), counts,
                                                        min_size=1), max_size=4))  # fmt: skip
    seen = {key: draw(st.integers(0, 10**6)) for key in texts}
    return StringTable.of({k: Counter(v) for k, v in texts.items()}, Counter(seen))


@st.composite
def recommenders(draw: st.DrawFn) -> Recommender:
    """Models as `annotator learn` makes them, of labels of the generator's own making
    (WEIGHTS tags PER and LOC: a layer with weights has those labels too)."""
    labels = draw(st.lists(words, min_size=1, max_size=4, unique=True))
    layer_of = {label: draw(st.sampled_from(["entity", "claim", "quote"])) for label in labels}
    layers = {}
    for kind in sorted(set(layer_of.values())):
        own = [label for label, k in layer_of.items() if k == kind]
        elsewhere = {label for label, k in layer_of.items() if k != kind}
        with_crf = draw(st.booleans()) and not {"PER", "LOC"} & elsewhere
        if with_crf:
            layer_of.update(PER=kind, LOC=kind)
            own = sorted(set(own) | {"PER", "LOC"})
        layers[kind] = Layer(
            draw(string_tables(own)),
            WEIGHTS if with_crf else None,
            frozenset(draw(st.lists(words, max_size=4))),
            frozenset(draw(st.lists(keys, max_size=3))),
            draw(st.none() | string_tables(own)),
        )
    return Recommender(layers, layer_of, draw(st.booleans()), draw(st.booleans()))


@settings(max_examples=100)
@given(original=recommenders(), info=st.dictionaries(words, st.integers() | words, max_size=3))
def test_a_valid_model_round_trips_exactly(
    tmp_path_factory: pytest.TempPathFactory, original: Recommender, info: dict[str, Any]
) -> None:
    path = tmp_path_factory.mktemp("round-trip") / "m.model"
    save(original, path, info)
    loaded, loaded_info = load(path)
    assert loaded == original and loaded_info == info
