"""The formats the tool reads and writes, loaded only when used (start-up stays fast)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

from annotator.core.errors import UserError


@dataclass(frozen=True)
class FormatInfo:
    name: str
    title: str
    module_name: str
    suffixes: tuple[str, ...]  # what ``--format auto`` recognises on import
    can_import: bool
    can_export: bool
    description: str
    writer_module_name: str = ""  # when export lives in another module than import
    # A folder given to the import contributes only files with these suffixes (a brat
    # folder's .ann files, each read with its .txt); empty means every file.
    folder_suffixes: tuple[str, ...] = ()
    exports_folder: bool = False  # the export writes a folder of files, not one file

    def module(self) -> ModuleType:
        return importlib.import_module(f"annotator.formats.{self.module_name}")

    def writer(self) -> ModuleType:
        name = self.writer_module_name or self.module_name
        return importlib.import_module(f"annotator.formats.{name}")


FORMATS: dict[str, FormatInfo] = {
    f.name: f
    for f in (
        FormatInfo(
            "jsonl",
            "Native JSONL",
            "jsonl",
            (".jsonl",),
            True,
            True,
            "One document per line with its annotations and relations; lossless.",
        ),
        FormatInfo(
            "txt",
            "Plain text",
            "text",
            (".txt", ".md"),
            True,
            False,
            "An article per file: UTF-8, UTF-8 or UTF-16 with a BOM, or Windows-1256.",
        ),
        FormatInfo(
            "html",
            "HTML page",
            "html",
            (".html", ".htm"),
            True,
            True,
            "Import: the article's main text, without menus and footers. Export: a folder "
            "of standalone pages, one per document (coloured spans, legend, relations), "
            "and an index.html.",
            writer_module_name="html_page",
            exports_folder=True,
        ),
        FormatInfo(
            "csv",
            "CSV table",
            "csv_table",
            (".csv",),
            True,
            True,
            "Import: one article per row, its text in a named column. Export: one row per "
            "annotation (document, annotator, label, start, end, text, attributes).",
            writer_module_name="csv_annotations",
        ),
        FormatInfo(
            "doccano",
            "doccano JSONL",
            "doccano",
            (),
            True,
            True,
            "doccano's sequence labelling JSONL: spans under label, or entities and "
            "relations when there are relations (what a project with relation labeling "
            "reads); offsets in UTF-16 units or grapheme clusters.",
        ),
        FormatInfo(
            "brat",
            "brat standoff",
            "brat",
            (".ann",),
            True,
            True,
            "A folder of NAME.txt and NAME.ann files: spans, relations, attributes, notes.",
            folder_suffixes=(".ann",),
            exports_folder=True,
        ),
        FormatInfo(
            "conll",
            "CoNLL (IOB)",
            "conll",
            (".conll", ".iob"),
            True,
            True,
            "A token per line with its IOB tags (IOB1, IOB2, BIOES read), a column per "
            "layer of nested entities; sentences split by blank lines.",
        ),
        FormatInfo(
            "labelstudio",
            "Label Studio JSON",
            "labelstudio",
            (),
            True,
            True,
            "Label Studio tasks with labelled text spans and relations, and beside them "
            "the labeling config to paste (NAME.label_config.xml); its JSON, JSON-MIN and "
            "CSV exports read back; offsets in code points.",
        ),
        FormatInfo(
            "webanno",
            "WebAnno TSV 3.3 (INCEpTION)",
            "webanno",
            (),
            True,
            True,
            "A folder of WebAnno TSV 3.3 files, one per document, as INCEpTION reads them; "
            "offsets in UTF-16 units.",
            folder_suffixes=(".tsv",),
            exports_folder=True,
        ),
        FormatInfo(
            "xmi",
            "UIMA CAS XMI (INCEpTION)",
            "xmi",
            (".xmi",),
            True,
            True,
            "A folder of UIMA CAS XMI files and their TypeSystem.xml, INCEpTION's own format.",
            folder_suffixes=(".xmi",),
            exports_folder=True,
        ),
        FormatInfo(
            "hf",
            "Hugging Face token classification",
            "hf",
            (),
            False,
            True,
            "tokens and ner_tags per sentence, as OUTPUT.jsonl or OUTPUT.parquet (the parquet "
            "extra), with the tag names in OUTPUT.features.json.",
        ),
        FormatInfo(
            "spacy",
            "spaCy DocBin",
            "spacy_docbin",
            (),
            False,
            True,
            "A .spacy training file (the spacy extra): entities in doc.ents, every span "
            "(nested too) in doc.spans['sc'].",
        ),
    )
}


def get_format(name: str) -> FormatInfo:
    try:
        return FORMATS[name]
    except KeyError:
        raise UserError(
            f"unknown format {name!r}; known formats: {', '.join(sorted(FORMATS))}"
        ) from None


def format_for_suffix(suffix: str) -> FormatInfo | None:
    suffix = suffix.lower()
    return next((f for f in FORMATS.values() if f.can_import and suffix in f.suffixes), None)
