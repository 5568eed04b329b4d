"""The formats' titles and descriptions in the interface's language. The registry
(annotator/formats/registry.py) is core and imports no Qt; its English texts are the
source texts here, keyed by the format's name (a test keeps the two the same)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.formats.registry import FORMATS

# Literal calls, not a loop over the registry: pyside6-lupdate extracts only literals.


def format_title(name: str) -> str:
    """The title shown for a format; a tool's or a file type's name stays as it is."""
    titles = {
        "jsonl": QCoreApplication.translate("FormatTexts", "Native JSONL"),
        "txt": QCoreApplication.translate("FormatTexts", "Plain text"),
        "html": QCoreApplication.translate("FormatTexts", "HTML page"),
        "csv": QCoreApplication.translate("FormatTexts", "CSV table"),
        "hf": QCoreApplication.translate("FormatTexts", "Hugging Face token classification"),
    }
    return titles.get(name, FORMATS[name].title)


def format_description(name: str) -> str:
    """What the export dialog says of a format."""
    descriptions = {
        "jsonl": QCoreApplication.translate(
            "FormatTexts", "One document per line with its annotations and relations; lossless."
        ),
        "txt": QCoreApplication.translate(
            "FormatTexts",
            "An article per file: UTF-8, UTF-8 or UTF-16 with a BOM, or Windows-1256.",
        ),
        "html": QCoreApplication.translate(
            "FormatTexts",
            "Import: the article's main text, without menus and footers. Export: a folder "
            "of standalone pages, one per document (coloured spans, legend, relations), "
            "and an index.html.",
        ),
        "csv": QCoreApplication.translate(
            "FormatTexts",
            "Import: one article per row, its text in a named column. Export: one row per "
            "annotation (document, annotator, label, start, end, text, attributes).",
        ),
        "doccano": QCoreApplication.translate(
            "FormatTexts",
            "doccano's sequence labelling JSONL: spans under label, or entities and "
            "relations when there are relations (what a project with relation labeling "
            "reads); offsets in UTF-16 units or grapheme clusters.",
        ),
        "brat": QCoreApplication.translate(
            "FormatTexts",
            "A folder of NAME.txt and NAME.ann files: spans, relations, attributes, notes.",
        ),
        "conll": QCoreApplication.translate(
            "FormatTexts",
            "A token per line with its IOB tags (IOB1, IOB2, BIOES read), a column per "
            "layer of nested entities; sentences split by blank lines.",
        ),
        "labelstudio": QCoreApplication.translate(
            "FormatTexts",
            "Label Studio tasks with labelled text spans and relations, and beside them "
            "the labeling config to paste (NAME.label_config.xml); its JSON, JSON-MIN and "
            "CSV exports read back; offsets in code points.",
        ),
        "webanno": QCoreApplication.translate(
            "FormatTexts",
            "A folder of WebAnno TSV 3.3 files, one per document, as INCEpTION reads them; "
            "offsets in UTF-16 units.",
        ),
        "xmi": QCoreApplication.translate(
            "FormatTexts",
            "A folder of UIMA CAS XMI files and their TypeSystem.xml, INCEpTION's own format.",
        ),
        "hf": QCoreApplication.translate(
            "FormatTexts",
            "tokens and ner_tags per sentence, as OUTPUT.jsonl or OUTPUT.parquet (the parquet "
            "extra), with the tag names in OUTPUT.features.json.",
        ),
        "spacy": QCoreApplication.translate(
            "FormatTexts",
            "A .spacy training file (the spacy extra): entities in doc.ents, every span "
            "(nested too) in doc.spans['sc'].",
        ),
    }
    return descriptions.get(name, FORMATS[name].description)
