"""Importing files and folders into a project.

Every file is read and checked in full before anything is written; a file with a
problem is refused whole (and named, with the line), the good ones go into the project
together in one transaction, so an interrupted import leaves nothing half-done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.errors import UserError
from annotator.core.inputs import walk_files
from annotator.core.model import (
    GOLD,
    GOLD_RESERVED,
    MAX_DOCUMENT_CHARS,
    AddReport,
    Annotation,
    LabelKind,
    NewDocument,
)
from annotator.formats import conll
from annotator.formats.base import ImportOptions
from annotator.formats.registry import FormatInfo, format_for_suffix, get_format
from annotator.storage.project import Project
from annotator.storage.validate import first_problem, with_additions

Progress = Callable[[int, int, Path], None]  # (files done, files in all, current file)


class UnknownLabelsError(UserError):
    """A file uses labels or relation types the schema lacks: refused unless they are
    added (--add-labels; the window asks)."""

    def __init__(self, message: str, path: Path, line: int | None, names: tuple[str, ...]):
        super().__init__(message, path, line)
        self.names = names  # every such label and relation type of the file


@dataclass
class ImportResult:
    files: int = 0
    encodings: dict[str, str] = field(default_factory=dict)  # file -> encoding read in
    report: AddReport = field(default_factory=AddReport)
    errors: list[UserError] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # files in folders of no known format
    added_labels: list[str] = field(default_factory=list)
    # What a format could not carry as it was ("file: document: what"); a reader puts
    # a document's in its meta["import_warnings"], where they stay for later.
    warnings: list[str] = field(default_factory=list)
    below_min_score: int = 0  # predictions left out by ImportOptions.min_score

    def unknown_labels(self) -> list[str]:
        """The labels and relation types the schema lacks that refused files."""
        found = {n for e in self.errors if isinstance(e, UnknownLabelsError) for n in e.names}
        return sorted(found)

    def refused_for_labels(self) -> list[Path]:
        """The files refused for those alone."""
        return [Path(e.path) for e in self.errors if isinstance(e, UnknownLabelsError) and e.path]


def collect_files(
    paths: Iterable[Path], format_name: str
) -> tuple[list[tuple[Path, Path]], list[Path], list[UserError]]:
    """(file, the root it was named under) for every file to read, those skipped, and
    what in the folders could not be read (the rest is read all the same)."""
    files: list[tuple[Path, Path]] = []
    skipped: list[Path] = []
    problems: list[UserError] = []
    only = () if format_name == "auto" else get_format(format_name).folder_suffixes
    for path in paths:
        if path.is_dir():
            walk = walk_files(path)
            problems += walk.problems
            for child in walk.files:
                if (format_name == "auto" and format_for_suffix(child.suffix) is None) or (
                    only and child.suffix.lower() not in only
                ):
                    skipped.append(child)
                else:
                    files.append((child, path))
        elif path.exists() or path.is_symlink():
            files.append((path, path.parent))
        else:
            raise UserError("no such file or folder", path)
    return files, skipped, problems


def _format_of(path: Path, format_name: str) -> FormatInfo:
    if format_name != "auto":
        fmt = get_format(format_name)
        if not fmt.can_import:
            raise UserError(f"the {fmt.name} format can only be exported")
        return fmt
    fmt_or_none = format_for_suffix(path.suffix)
    if fmt_or_none is not None and fmt_or_none.name == "txt" and conll.looks_like(path):
        return get_format("conll")
    if fmt_or_none is None:
        raise UserError(
            f"unknown kind of file {path.suffix or '(no extension)'!r}; name it with --format",
            path,
        )
    return fmt_or_none


def document_name(path: Path, root: Path) -> str:
    """The file's path under the folder it was imported from, without its extension."""
    name = path.relative_to(root).with_suffix("").as_posix()
    try:
        name.encode("utf-8")  # bytes that are not UTF-8 are held as lone surrogates
    except UnicodeEncodeError:
        raise UserError("the file's name is not valid UTF-8 text; rename the file", path) from None
    return name


def read_file(
    path: Path, root: Path, format_name: str, options: ImportOptions
) -> list[NewDocument]:
    fmt = _format_of(path, format_name)
    docs: list[NewDocument] = fmt.module().read(path, document_name(path, root), options)
    return docs


def import_paths(
    project: Project,
    paths: Iterable[Path],
    *,
    format_name: str = "auto",
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    options = options or ImportOptions()
    if options.annotator == GOLD:
        raise UserError(f"--annotator {GOLD}: {GOLD_RESERVED}")
    result = ImportResult()
    files, result.skipped, result.errors = collect_files(paths, format_name)
    docs: list[NewDocument] = []
    for done, (path, root) in enumerate(files):
        if progress:
            progress(done, len(files), path)
        try:
            file_docs = read_file(path, root, format_name, options)
            dropped = 0
            if options.min_score is not None:
                file_docs, dropped = drop_below_score(file_docs, options.min_score)
            _validate(project, path, file_docs, options)
        except UserError as exc:
            result.errors.append(exc)
            continue
        result.files += 1
        result.below_min_score += dropped  # counted for the files imported only
        encoding = file_docs[0].meta.get("encoding") if file_docs else None
        if encoding:
            result.encodings[str(path)] = str(encoding)
        result.warnings += [
            f"{path}: {d.name}: {w}" for d in file_docs for w in d.meta.get("import_warnings", ())
        ]
        docs.extend(file_docs)
    if progress:
        progress(len(files), len(files), files[-1][0] if files else Path())
    if docs:
        with project.write(bulk=True):
            if options.add_labels:
                result.added_labels = project.add_labels(
                    a.label for d in docs for a in d.annotations
                )
                project.add_relation_types(r.type for d in docs for r in d.relations)
            result.report = project.add_documents(docs)
    return result


def _validate(
    project: Project, path: Path, docs: list[NewDocument], options: ImportOptions
) -> None:
    """Refuse the file when a document is too long, uses what the schema lacks (unless
    --add-labels), or has anything `check` would flag (the one validator)."""
    for doc in docs:
        if len(doc.text) > MAX_DOCUMENT_CHARS:
            raise UserError(
                f"document {doc.name!r} has {len(doc.text):,} characters; annotator takes "
                f"articles of up to {MAX_DOCUMENT_CHARS:,} (split the text into parts)",
                path,
                doc.line,
            )
    schema = project.schema()
    if options.add_labels:
        schema = with_additions(
            schema,
            {a.label: LabelKind.ENTITY for d in docs for a in d.annotations},
            (r.type for d in docs for r in d.relations),
        )
    unknown = [
        (doc, what, name)
        for doc in docs
        for what, name in [
            *(("label", a.label) for a in doc.annotations if schema.label(a.label) is None),
            *(
                ("relation type", r.type)
                for r in doc.relations
                if schema.relation_type(r.type) is None
            ),
        ]
    ]
    if unknown:
        doc, what, name = unknown[0]
        raise UnknownLabelsError(
            f"document {doc.name!r}: unknown {what} {name!r} "
            "(add it to the schema, or import with --add-labels)",
            path,
            doc.line,
            tuple(dict.fromkeys(n for _, _, n in unknown)),
        )
    # A file's spans and status under `gold` (a native export's gold layer) come back as
    # gold, as merging the export brings them: on a server the database lets only a
    # curator write them, and says so in one line. Only --annotator gold is refused.
    for doc in docs:
        problem = first_problem(doc, schema)
        if problem is not None:
            raise UserError(str(problem), path, doc.line)


# ----- predictions: --min-score ---------------------------------------------------------

SCORE = "score"  # the attribute predictions keep their confidence in (see labelstudio.py)


def drop_below_score(docs: list[NewDocument], min_score: float) -> tuple[list[NewDocument], int]:
    """The documents without the spans scored under ``min_score`` and without the
    relations that used them; how many spans were left out. Unscored spans stay."""
    out: list[NewDocument] = []
    dropped = 0
    for doc in docs:
        kept = tuple(a for a in doc.annotations if not _scored_under(a, min_score))
        if len(kept) == len(doc.annotations):
            out.append(doc)
            continue
        dropped += len(doc.annotations) - len(kept)
        gone = {a.id for a in doc.annotations if _scored_under(a, min_score)}
        relations = tuple(r for r in doc.relations if not {r.from_id, r.to_id} & gone)
        out.append(replace(doc, annotations=kept, relations=relations))
    return out, dropped


def _scored_under(annotation: Annotation, min_score: float) -> bool:
    score = annotation.attributes.get(SCORE)
    return isinstance(score, int | float) and score < min_score
