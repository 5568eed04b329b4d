"""A recommender saved as plain data: a zip holding ``model.json`` (the labels' layers,
each layer's string table and vocabulary, and what it was trained from) and crfsuite's
own model files (feature weights). Loading parses JSON and reads the weights as numbers: it
runs no code from the file, so a model from someone else is as safe as a CSV file."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from annotator.core.errors import UserError
from annotator.learn import crf
from annotator.learn.recommender import Layer, Recommender
from annotator.learn.strings import StringTable

FORMAT = "annotator-recommender"
VERSION = 4  # 1 had a second CRF per layer and no vocabulary; 2 other features; 3 no stems
# A project's model is a few megabytes; a member far larger is no model of ours (or a
# zip bomb), and is refused before it is unpacked.
MAX_MEMBER_BYTES = 512 * 1024 * 1024


def save(model: Recommender, path: Path, info: dict[str, Any] | None = None) -> None:
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "layer_of": model.layer_of,
        "use_crf": model.use_crf,
        "use_strings": model.use_strings,
        "info": info or {},
        "layers": {},
    }
    try:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
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
    except OSError as exc:
        raise UserError(f"cannot write the model: {exc.strerror or exc}", path) from None


def load(path: Path) -> tuple[Recommender, dict[str, Any]]:
    """The recommender in the file and what it was trained from."""
    try:
        with zipfile.ZipFile(path) as z:
            manifest = json.loads(_member(z, "model.json", path))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise UserError("not a model made by `annotator learn`", path)
            if manifest.get("version") in (1, 2, 3):
                raise UserError("a model of an earlier annotator: train it again", path)
            if manifest.get("version") != VERSION:
                raise UserError(f"model version {manifest.get('version')} is not known", path)
            layers = {}
            for name, entry in manifest["layers"].items():
                weights = None if entry["crf"] is None else _member(z, str(entry["crf"]), path)
                layer = Layer(
                    StringTable.from_json(entry["strings"]),
                    weights,
                    frozenset(str(w) for w in entry["vocabulary"]),
                    frozenset(tuple(str(w) for w in k) for k in entry["common_places"]),
                    None if entry["stems"] is None else StringTable.from_json(entry["stems"]),
                )
                layers[str(name)] = layer
                _check_weights(layer, path)
            model = Recommender(
                layers,
                {str(k): str(v) for k, v in manifest["layer_of"].items()},
                bool(manifest["use_crf"]),
                bool(manifest["use_strings"]),
            )
            return model, dict(manifest.get("info") or {})
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise UserError(f"cannot read the model: {exc}", path) from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UserError(f"not a valid model file ({type(exc).__name__}: {exc})", path) from None


def _member(z: zipfile.ZipFile, name: str, path: Path) -> bytes:
    try:
        info = z.getinfo(name)
    except KeyError:
        raise UserError(f"the model lacks {name!r}", path) from None
    if info.file_size > MAX_MEMBER_BYTES:
        raise UserError(f"{name!r} in the model is too large ({info.file_size} bytes)", path)
    return z.read(info)


def _check_weights(layer: Layer, path: Path) -> None:
    """Reading crfsuite's file checks its header, sizes and tables; read it now, so that a
    damaged model is refused when loaded rather than when first used."""
    if layer.weights is not None:
        try:
            crf.Tagger(layer.weights)
        except (ValueError, OSError, RuntimeError) as exc:
            raise UserError(f"the model's weights are damaged ({exc})", path) from None
