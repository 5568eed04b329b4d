"""A recommender saved as plain data: a zip holding ``model.json`` (the labels' layers,
each layer's string table and vocabulary, and what it was trained from) and crfsuite's
own model files (feature weights). Loading parses JSON and reads the weights as numbers: it
runs no code from the file, so a model from someone else is as safe as a CSV file."""

from __future__ import annotations

import io
import json
import zipfile
import zlib
from pathlib import Path
from typing import Any

from annotator.core.errors import UserError
from annotator.core.inputs import parse_json, read_input
from annotator.core.output import open_binary_output
from annotator.learn.model_manifest import Invalid, check_manifest, layer_labels
from annotator.learn.recommender import Layer, Recommender
from annotator.learn.strings import StringTable

FORMAT = "annotator-recommender"
VERSION = 4  # 1 had a second CRF per layer and no vocabulary; 2 other features; 3 no stems
# A project's model is a few megabytes; a member far larger is no model of ours (or a
# zip bomb), and is refused before it is unpacked.
MAX_MEMBER_BYTES = 512 * 1024 * 1024
# NewsFANE's 500 sentences make a model.json of 156 KB; it is parsed whole into Python's
# objects, several times its size, so it is held to less.
MAX_MANIFEST_BYTES = 64 * 1024 * 1024


def save(model: Recommender, path: Path, info: dict[str, Any] | None = None) -> None:
    """Written beside ``path`` and moved there when complete (core/output.py): a full
    disk leaves no half model, and a link, a pipe or a project at ``path`` is refused."""
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "layer_of": model.layer_of,
        "use_crf": model.use_crf,
        "use_strings": model.use_strings,
        "info": info or {},
        "layers": {},
    }
    with open_binary_output(path) as out, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, layer in model.layers.items():
            entry: dict[str, Any] = {
                "strings": layer.strings.to_json(),
                "stems": None if layer.stems is None else layer.stems.to_json(),
                "vocabulary": sorted(layer.vocabulary),
                "common_places": sorted(list(k) for k in layer.common_places),
                "crf": None,
            }
            if layer.weights is not None:
                entry["crf"] = f"{name}.crfsuite"
                z.writestr(entry["crf"], layer.weights)
            manifest["layers"][name] = entry
        z.writestr("model.json", json.dumps(manifest, ensure_ascii=False))


def load(path: Path) -> tuple[Recommender, dict[str, Any]]:
    """The recommender in the file and what it was trained from; UserError naming the
    file for anything else."""
    data = read_input(path, what="a model")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return _read(z, path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, zlib.error) as exc:
        raise UserError(f"cannot read the model: {exc}", path) from None
    except Invalid as exc:
        raise UserError(f"not a valid model file: {exc}", path) from None


def _read(z: zipfile.ZipFile, path: Path) -> tuple[Recommender, dict[str, Any]]:
    raw = _member(z, "model.json", path, MAX_MANIFEST_BYTES)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserError(f"model.json is not UTF-8 text ({exc.reason})", path) from None
    try:
        manifest = parse_json(text, Path("model.json"))
    except UserError as exc:  # malformed, NaN or a number too long, nested too deeply
        raise UserError(f"not a valid model file: {exc}", path) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise UserError("not a model made by `annotator learn`", path)
    version = manifest.get("version")
    if version in (1, 2, 3) and not isinstance(version, bool):
        raise UserError("a model of an earlier annotator: train it again", path)
    if version != VERSION or isinstance(version, bool):
        raise UserError(f"model version {version!r:.20} is not known", path)
    check_manifest(manifest)
    layer_of: dict[str, str] = manifest["layer_of"]
    layers = {}
    for name, entry in manifest["layers"].items():
        weights = None if entry["crf"] is None else _member(z, entry["crf"], path)
        layer = Layer(
            StringTable.from_json(entry["strings"]),
            weights,
            frozenset(entry["vocabulary"]),
            frozenset(tuple(k) for k in entry["common_places"]),
            None if entry["stems"] is None else StringTable.from_json(entry["stems"]),
        )
        _check_weights(layer, layer_labels(layer_of, name), f"layers[{name!r}].crf", path)
        layers[name] = layer
    model = Recommender(layers, layer_of, manifest["use_crf"], manifest["use_strings"])
    return model, manifest["info"]


def _member(z: zipfile.ZipFile, name: str, path: Path, limit: int = MAX_MEMBER_BYTES) -> bytes:
    try:
        info = z.getinfo(name)
    except KeyError:
        raise UserError(f"the model lacks {name!r}", path) from None
    if info.file_size > limit:
        raise UserError(f"{name!r} in the model is too large ({info.file_size:,} bytes)", path)
    # zipfile would raise for these only when reading; save writes neither.
    if info.flag_bits & 0x1:
        raise UserError(f"{name!r} in the model is encrypted", path)
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise UserError(f"{name!r} in the model is compressed in a way annotator cannot read", path)
    return z.read(info)


def _check_weights(layer: Layer, labels: frozenset[str], where: str, path: Path) -> None:
    """Reading crfsuite's file checks its header, sizes, tables and weights; read it now,
    so that a damaged model is refused when loaded rather than when first used. Its tags
    must be labels of its layer."""
    try:
        tagger = layer.tagger()
    except ValueError as exc:
        raise UserError(f"the model's weights are damaged ({exc})", path) from None
    if tagger is None:
        return
    unknown = sorted(tagger.labels() - labels)
    if unknown:
        raise Invalid(where, f"tags the label {unknown[0]!r}, no label of this layer")
