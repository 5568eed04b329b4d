"""spaCy's binary training format: a ``DocBin`` (``.spacy`` file), behind the ``spacy``
extra.

Each document becomes a ``Doc`` on the tokens of ``annotator.core.tokens``, with the
text between them as whitespace tokens, so ``doc.text`` is the stored text and
character offsets agree with ours. ``doc.ents`` holds the outermost spans (spaCy's
entities cannot overlap); every span, nested ones included, is also in
``doc.spans["sc"]`` for the span categorizer. Spans off token boundaries are widened or
left out and reported. The document's name is in ``doc.user_data["name"]``; attributes
and relations have no place and are reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import UserError
from annotator.core.output import open_binary_output
from annotator.formats.base import ExportedDocument, ExportOptions, ExportReport
from annotator.formats.common import Losses, count
from annotator.formats.tokens_io import TokenDocument, token_document

SPANS_KEY = "sc"


def write(docs: Iterator[ExportedDocument], output: Path, options: ExportOptions) -> ExportReport:
    try:
        from spacy.tokens import DocBin
        from spacy.vocab import Vocab
    except ImportError:
        raise UserError("the spaCy export needs spaCy: pip install 'annotator[spacy]'") from None
    report = ExportReport()
    losses = Losses(report)
    vocab = Vocab()
    docbin = DocBin(store_user_data=True)
    for doc in docs:
        td = token_document(
            doc, options.token_spans, report, losses, flat=False, format_title="spaCy"
        )
        docbin.add(_doc(vocab, doc, td))
        count(report, doc, relations=False, annotations=td.written)
        losses.labels_only(doc, "spaCy's DocBin")
    with open_binary_output(output) as out:
        out.write(docbin.to_bytes())
    losses.finish()
    return report


def _doc(vocab: Any, doc: ExportedDocument, td: TokenDocument) -> Any:
    from spacy.tokens import Doc, Span

    text = doc.document.text
    words: list[str] = []
    spaces: list[bool] = []
    word_of: list[int] = []  # our token index -> spaCy word index

    def gap(piece: str) -> None:
        """Text between tokens: one space is the previous word's; the rest is a word."""
        if piece.startswith(" ") and words and not spaces[-1]:
            spaces[-1] = True
            piece = piece[1:]
        if piece:
            words.append(piece)
            spaces.append(False)

    position = 0
    for token in td.tokens:
        gap(text[position : token.start])
        word_of.append(len(words))
        words.append(token.text)
        spaces.append(False)
        position = token.end
    gap(text[position:])
    out = Doc(vocab, words=words, spaces=spaces)
    out.user_data["name"] = doc.document.name

    def span(s: Any) -> Any:
        return Span(out, word_of[s.first], word_of[s.end - 1] + 1, s.label)

    out.ents = [span(s) for s in td.layers[0]] if td.layers else []
    out.spans[SPANS_KEY] = [span(s) for layer in td.layers for s in layer]
    return out
