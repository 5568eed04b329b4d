"""One document as UIMA CAS XMI, written out as it goes, byte for byte what
dkpro-cassis's ``Cas.to_xmi()`` writes for the same CAS (tests/formats/test_xmi.py puts
the two side by side).

cassis builds an lxml tree and spends about 0.1 ms on each feature structure; a 1 MB
text has some 200,000 of them (its tokens and sentences), so it took half a minute.
Here each one is a line of string formatting, and the time is linear in the text.

The CAS holds, in this order (their ``xmi:id``s count up from 2, the Sofa being 1):
DKPro Core's DocumentMetaData over the whole text, a Token per token, a Sentence per
sentence, a NamedEntity per span (its ``value`` is the label) and a
``webanno.custom.Relation`` per relation (Governor, Dependent, label, over the
dependent's text). Offsets are written in UTF-16 units, as UIMA (Java) counts them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import IO

from annotator.core.offsets import Utf16Map

DKPRO = "de.tudarmstadt.ukp.dkpro.core.api"
NAMED_ENTITY = f"{DKPRO}.ner.type.NamedEntity"
TOKEN = f"{DKPRO}.segmentation.type.Token"
SENTENCE = f"{DKPRO}.segmentation.type.Sentence"
METADATA = f"{DKPRO}.metadata.type.DocumentMetaData"
RELATION = "webanno.custom.Relation"

# What XML 1.0 cannot hold (lxml refuses the same, so cassis could not write it either).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# libxml2's escapes in an attribute value: the line break and tab as character
# references, so that a reader's attribute normalisation keeps them.
_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#9;",
    }
)
# Feature structures written between two writes to the file.
_CHUNK = 4096


@dataclass(frozen=True)
class Entity:
    start: int  # code points, end-exclusive, as everywhere else
    end: int
    label: str


@dataclass(frozen=True)
class Link:
    governor: int  # index into the entities
    dependent: int
    label: str


class NotXmlError(ValueError):
    """A string to write holds a character XML cannot hold."""


def write_xmi(
    out: IO[str],
    name: str,
    text: str,
    tokens: Sequence[tuple[int, int]],
    sentences: Sequence[tuple[int, int]],
    entities: Sequence[Entity],
    links: Sequence[Link],
) -> None:
    """Write the CAS of one document to ``out``; NotXmlError before anything is written
    when a string holds a character XML cannot hold."""
    for value in chain((text, name), (e.label for e in entities), (k.label for k in links)):
        if _NOT_XML.search(value):
            raise NotXmlError(value)
    u16 = _offsets(text)
    # cassis names each type's namespace by its package's last part ("type"), numbering
    # a repeated one (type0, type1…) in the order the namespaces first occur.
    kinds = [METADATA]
    kinds += [TOKEN] * bool(tokens) + [SENTENCE] * bool(sentences)
    kinds += [NAMED_ENTITY] * bool(entities) + [RELATION] * bool(links)
    prefixes: dict[str, str] = {}
    repeats: Counter[str] = Counter()
    for kind in kinds:
        package = kind.rsplit(".", 1)[0]
        if package not in prefixes:
            raw = package.rsplit(".", 1)[-1]
            taken = raw in prefixes.values()
            prefixes[package] = f"{raw}{repeats[raw]}" if taken else raw
            repeats[raw] += taken
    tag = {kind: f"{prefixes[kind.rsplit('.', 1)[0]]}:{kind.rsplit('.', 1)[1]}" for kind in kinds}
    namespaces = "".join(
        f' xmlns:{prefix}="http:///{package.replace(".", "/")}.ecore"'
        for package, prefix in prefixes.items()
    )
    out.write(
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        '<xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore"'
        f'{namespaces} xmi:version="2.0"><cas:NULL xmi:id="0"/>'
    )
    title = _escape(name)
    out.write(
        f'<{tag[METADATA]} xmi:id="2" sofa="1" begin="0" end="{u16(len(text))}" '
        f'documentTitle="{title}" documentId="{title}" isLastSegment="false"/>'
    )
    ident = 3
    for kind, spans in ((TOKEN, tokens), (SENTENCE, sentences)):
        for first in range(0, len(spans), _CHUNK):
            out.write(
                "".join(
                    f'<{tag[kind]} xmi:id="{ident + k}" sofa="1" begin="{u16(s)}" end="{u16(e)}"/>'
                    for k, (s, e) in enumerate(spans[first : first + _CHUNK], first)
                )
            )
        ident += len(spans)
    entity_ids = range(ident, ident + len(entities))
    for first in range(0, len(entities), _CHUNK):
        out.write(
            "".join(
                f'<{tag[NAMED_ENTITY]} xmi:id="{entity_ids[k]}" sofa="1" begin="{u16(e.start)}" '
                f'end="{u16(e.end)}" value="{_escape(e.label)}"/>'
                for k, e in enumerate(entities[first : first + _CHUNK], first)
            )
        )
    ident += len(entities)
    for k, link in enumerate(links):
        over = entities[link.dependent]
        out.write(
            f'<{tag[RELATION]} xmi:id="{ident + k}" sofa="1" begin="{u16(over.start)}" '
            f'end="{u16(over.end)}" Governor="{entity_ids[link.governor]}" '
            f'Dependent="{entity_ids[link.dependent]}" label="{_escape(link.label)}"/>'
        )
    ident += len(links)
    out.write('<cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" mimeType="text" sofaString="')
    out.write(_escape(text))
    out.write('"/><cas:View sofa="1" members="')
    out.write(" ".join(map(str, range(2, ident))))
    out.write('"/></xmi:XMI>')


def _escape(value: str) -> str:
    return value.translate(_ESCAPES)


def _offsets(text: str) -> Callable[[int], int]:
    """A code-point offset's UTF-16 position, through a map only when the text has a
    character outside the Basic Multilingual Plane (most have none)."""
    converter = Utf16Map(text)
    return converter.to_utf16 if converter.utf16_length != len(text) else _unchanged


def _unchanged(index: int) -> int:
    return index
