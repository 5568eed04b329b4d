"""Helpers for the interchange-format tests: projects, exports, re-imports, spans,
and generated Arabic text."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import strategies as st

from annotator.core.model import Annotation, NewDocument, Relation
from annotator.core.tokens import tokenize
from annotator.formats.base import ExportOptions, ExportReport, ImportOptions
from annotator.formats.export import export
from annotator.formats.importer import ImportResult, import_paths
from annotator.storage.project import Project

# The real files other tools wrote: never copied into the repository.
INTEROP = Path(__file__).resolve().parents[3] / "shared" / "interop"

Span = tuple[str, str, str, int, int, str]  # document, annotator, label, start, end, text


def ann(
    start: int,
    end: int,
    label: str = "PER",
    annotator: str = "sara",
    ident: str = "",
    attributes: dict[str, Any] | None = None,
) -> Annotation:
    return Annotation(ident, 0, annotator, label, start, end, "", attributes or {})


def doc(name: str, text: str, *anns: Annotation, relations: Iterable[Relation] = ()) -> NewDocument:
    fixed = tuple(
        Annotation(
            a.id or f"{name}-{k}",
            0,
            a.annotator,
            a.label,
            a.start,
            a.end,
            text[a.start : a.end],
            a.attributes,
        )
        for k, a in enumerate(anns)
    )
    return NewDocument(name, text, annotations=fixed, relations=tuple(relations))


def project_with(path: Path, docs: Iterable[NewDocument]) -> Project:
    project = Project.create(path)
    docs = list(docs)
    with project.write():
        project.add_labels(a.label for d in docs for a in d.annotations)
        project.add_relation_types(r.type for d in docs for r in d.relations)
        project.add_documents(docs)
    return project


def generated_project(
    tmp_path_factory: pytest.TempPathFactory, data: tuple[str, list[tuple[int, int, str]]]
) -> tuple[Path, Project]:
    """A folder of its own (one for each example Hypothesis tries) with a project of one
    document "d" holding ``arabic_documents()``'s text and spans."""
    tmp = tmp_path_factory.mktemp("rt")
    text, chosen = data
    project = project_with(
        tmp / "p.annotator", [doc("d", text, *(ann(s, e, lb) for s, e, lb in chosen))]
    )
    return tmp, project


def do_export(project: Project, fmt: str, output: Path, **options: Any) -> ExportReport:
    return export(project, fmt, output, ExportOptions(**options))


def do_import(
    path: Path, fmt: str, tmp: Path, name: str = "back.annotator", **options: Any
) -> tuple[Project, ImportResult]:
    project = Project.create(tmp / name)
    options.setdefault("add_labels", True)
    result = import_paths(project, [path], format_name=fmt, options=ImportOptions(**options))
    if result.errors:
        raise result.errors[0]
    return project, result


def exported_and_back(project: Project, fmt: str, output: Path) -> Project:
    """``project`` exported as ``fmt`` to ``output`` with nothing reported lost, then
    imported into a new project beside it."""
    report = do_export(project, fmt, output)
    assert not report.warnings
    back, _ = do_import(output, fmt, output.parent, annotator="sara")
    return back


def spans(project: Project) -> list[Span]:
    names = {d.id: d.name for d in project.documents()}
    return sorted(
        (names[a.document_id], a.annotator, a.label, a.start, a.end, a.text)
        for a in project.annotations()
    )


def texts(project: Project) -> dict[str, str]:
    return {d.name: project.document(d.id).text for d in project.documents()}


# ----- generated Arabic text -------------------------------------------------------------

_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_DIACRITICS = "\u064e\u064f\u0650\u0651\u0652\u064b"
_EMOJI = ("😊", "👀", "👨‍👩‍👧", "👍🏽", "🇵🇸", "🇪🇬", "❤️")

_word = st.builds(
    lambda letters, marks: "".join(
        ch + (marks[i] if i < len(marks) and marks[i] else "") for i, ch in enumerate(letters)
    ),
    st.text(alphabet=_LETTERS, min_size=1, max_size=7),
    st.lists(st.sampled_from(("",) * 4 + tuple(_DIACRITICS)), max_size=7),
)
_piece = st.one_of(
    _word, _word, _word, st.sampled_from(_EMOJI), st.sampled_from(("،", ".", "١٩٣١", "2024"))
)


@st.composite
def arabic_documents(draw: Any) -> tuple[str, list[tuple[int, int, str]]]:
    """A text of Arabic words, emoji (ZWJ sequences, flags, skin tones), digits and
    punctuation, and non-overlapping spans on token boundaries, with labels."""
    pieces = draw(st.lists(_piece, min_size=1, max_size=30))
    seps = draw(
        st.lists(
            st.sampled_from((" ", " ", " ", "\n", "  ")), min_size=len(pieces), max_size=len(pieces)
        )
    )
    text = "".join(p + s for p, s in zip(pieces, seps, strict=True)).strip()
    tokens = tokenize(text)
    chosen: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        if draw(st.booleans()):
            length = draw(st.integers(1, 3))
            j = min(i + length, len(tokens)) - 1
            # Token formats put a sentence on a line: a span does not cross a line.
            if "\n" not in text[tokens[i].start : tokens[j].end]:
                chosen.append(
                    (tokens[i].start, tokens[j].end, draw(st.sampled_from(("PER", "LOC", "ORG"))))
                )
            i = j + 1
        i += 1
    return text, chosen
