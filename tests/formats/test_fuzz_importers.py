"""Every importer, fed garbage: a clear error or a clean import, never a traceback or a
partial import."""

from __future__ import annotations

import html
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli.main import cli
from annotator.core.model import NewDocument
from annotator.formats.base import ImportOptions
from annotator.formats.importer import import_paths
from annotator.formats.registry import FORMATS
from annotator.storage.project import Project
from tests.cli_runner import contents as project_dump

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


# ----- hostile files, through the command line (issue 13) --------------------------------
#
# Files built from the classes a red team uses: control characters and separators, lone
# surrogates (as JSON escapes, or as the bytes UTF-8 forbids), numbers too large or not in
# ASCII digits, wrong JSON types, and long or clashing names. Each is imported with the
# `annotator` command into a project that holds work already: exit 0 and `check` passes,
# or exit 2 with one line naming the file and the project as it was. Never a traceback
# (CliRunner re-raises whatever escapes).

HOSTILE_CHARS = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9f\u2028\u2029\u200f\u202e\ufeff\ufffe\uffff"
hostile_text = st.text(
    alphabet=st.sampled_from("قال الرئيس محمد\n\t\r" + HOSTILE_CHARS) | st.characters(),
    max_size=40,
)
# Spliced raw into the file where a number goes: JSON and every text format.
numbers = st.integers(-3, 60).map(str) | st.sampled_from(
    ["9" * 5000, "10000000000", "1e400", "NaN", "-Infinity", "²", "٣", "1.5", '"3"', "[]", "null"]
)
labels = st.sampled_from(["PER", "LOC", "X", "gold", "PER\\ud800", "a b", ""]) | hostile_text
names = st.sampled_from(["a/../../b", "x" * 300, "con", "a\\b", "", "\\udcff"]) | hostile_text


def _json_string(s: str) -> str:
    """A JSON string literal; lone surrogates sent as escapes, as a JSON file can."""
    return json.dumps(s, ensure_ascii=bool(s) and s[0] < "m")


@st.composite
def hostile_files(draw: st.DrawFn, fmt: str) -> dict[str, bytes]:
    """{file name: content} for one import of ``fmt``; the first file is the one named."""
    text = draw(hostile_text.filter(str.strip) | st.just("قال الرئيس محمد إن الاقتصاد بخير"))
    a, b = draw(numbers), draw(numbers)
    label, name = draw(labels), draw(names)
    t, lb, nm = _json_string(text), _json_string(label), _json_string(name)
    wrong = json.dumps(draw(json_values))
    by_format: dict[str, Callable[[], dict[str, bytes | str]]] = {
        "txt": lambda: {"a.txt": text},
        "html": lambda: {"a.html": f"<html><body><article><p>{text}</p></article></body></html>"},
        "csv": lambda: {"a.csv": f'name,text,extra\n"{name}","{text}",{a}\n'},
        "jsonl": lambda: {
            "a.jsonl": f'{{"name": {nm}, "text": {t}, "meta": {{"n": {a}, {lb}: {wrong}}}, '
            f'"annotations": [{{"id": "x", "start": {a}, "end": {b}, "label": {lb}, '
            f'"annotator": {nm}, "attributes": {wrong}}}], '
            f'"relations": [{{"from": "x", "to": "x", "type": {lb}}}]}}\n'
        },
        "doccano": lambda: {
            "a.jsonl": f'{{"text": {t}, "label": [[{a}, {b}, {lb}]], "relations": {wrong}}}\n'
        },
        "labelstudio": lambda: {
            "a.json": f'[{{"data": {{"text": {t}, "name": {nm}}}, "annotations": [{{"result": '
            f'[{{"id": "r", "type": "labels", "value": {{"start": {a}, "end": {b}, '
            f'"labels": [{lb}]}}}}], "completed_by": {wrong}}}], "predictions": {wrong}}}]'
        },
        "brat": lambda: {
            "a.ann": f"T1\t{label} {a} {b}\t{text[:3]}\nT2\tPER 0 1\t{text[:1]}\n"
            f"R1\tspeaker Arg1:T{a} Arg2:T2\nA1\t{label} T1 {name}\n",
            "a.txt": text,
        },
        "conll": lambda: {
            "a.conll": f"{text.split()[0] if text.split() else 'x'}\tB-{label}\n"
            f"{name or 'y'}\tI-{label}\n\n"
        },
        "webanno": lambda: {
            "a.tsv": "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n"
            f"#Text={text}\n1-1\t{a}-{b}\t{text.split()[0] if text.split() else 'x'}\t"
            f"{label}[{b}]\t\n"
        },
        "xmi": lambda: {
            "a.xmi": '<?xml version="1.0" encoding="UTF-8"?><xmi:XMI '
            'xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore" '
            'xmlns:type="http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore" '
            'xmi:version="2.0"><cas:NULL xmi:id="0"/>'
            f'<type:NamedEntity xmi:id="2" sofa="1" begin="{a}" end="{b}" '
            f'value="{html.escape(label)}"/><cas:Sofa xmi:id="1" sofaNum="1" '
            f'sofaID="_InitialView" mimeType="text" sofaString="{html.escape(text)}"/>'
            '<cas:View sofa="1" members="2"/></xmi:XMI>'
        },
    }
    files = by_format[fmt]()
    # Text as UTF-8; a lone surrogate (which UTF-8 forbids) as its would-be bytes.
    return {
        k: v if isinstance(v, bytes) else v.encode("utf-8", "surrogatepass")
        for k, v in files.items()
    }


@pytest.fixture(scope="module")
def base_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("base") / "p.annotator"
    with Project.create(path) as p:
        p.add_documents([NewDocument("existing", "نص موجود من قبل")])
        p.add_annotation(1, "sara", "PER", 0, 2)
    return path


@pytest.mark.parametrize("fmt", [f for f in IMPORTABLE if f != "txt"] + ["txt"])
@settings(
    max_examples=25,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_files_are_imported_sound_or_refused_in_one_line(
    tmp_path_factory: pytest.TempPathFactory, base_project: Path, fmt: str, data: st.DataObject
) -> None:
    files = data.draw(hostile_files(fmt))
    folder = tmp_path_factory.mktemp(fmt)
    for name, content in files.items():
        (folder / name).write_bytes(content)
    project = folder / "p.annotator"
    shutil.copyfile(base_project, project)
    before = project_dump(project)
    target = folder / next(iter(files))
    result = CliRunner().invoke(
        cli, ["import", str(project), str(target), "--format", fmt, "--annotator", "fuzz"],
        catch_exceptions=False,
    )  # fmt: skip
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        check = CliRunner().invoke(cli, ["check", str(project)], catch_exceptions=False)
        assert (check.exit_code, check.stdout) == (0, "ok\n"), (files, check.stdout)
    else:
        assert result.exit_code == 2, result.output
        assert result.stderr.count("\n") == 1, result.stderr
        assert any(str(folder / name) in result.stderr for name in files), result.stderr
        assert project_dump(project) == before


@pytest.mark.parametrize("fmt", IMPORTABLE)
@pytest.mark.parametrize("special", ["fifo", "/dev/null"])
def test_special_files_are_refused_by_every_importer(
    tmp_path: Path, base_project: Path, fmt: str, special: str
) -> None:
    if special == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        target = tmp_path / "in.file"
        os.mkfifo(target.with_suffix(".txt") if fmt == "brat" else target)
        if fmt == "brat":  # the FIFO is the text beside the .ann given
            target = target.with_suffix(".ann")
            target.write_text("T1\tPER 0 1\tن\n", encoding="utf-8")
    elif fmt == "brat":
        pytest.skip("brat reads the .txt beside the file given")
    elif Path(special).exists():
        target = Path(special)
    else:
        pytest.skip(f"no {special} here")
    project = tmp_path / "p.annotator"
    shutil.copyfile(base_project, project)
    before = project_dump(project)
    result = CliRunner().invoke(
        cli, ["import", str(project), str(target), "--format", fmt, "--annotator", "fuzz"],
        catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "not a regular file" in result.stderr
    assert project_dump(project) == before
