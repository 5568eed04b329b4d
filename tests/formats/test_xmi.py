from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Relation
from annotator.core.tokens import sentences, tokenize
from tests.formats.interop_helpers import (
    ann,
    do_export,
    do_import,
    doc,
    project_with,
    spans,
    texts,
)

cassis = pytest.importorskip("cassis")

from annotator.formats import xmi_writer as w  # noqa: E402
from annotator.formats.xmi import typesystem  # noqa: E402  (needs cassis)
from annotator.formats.xmi_writer import Entity, Link, NotXmlError, write_xmi  # noqa: E402


def test_reads_inception_emoji_xmi(interop: Path, tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "emoji.xmi").write_bytes(
        (interop / "webanno_tsv3/testSentenceWithEmoji.xmi").read_bytes()
    )
    p, result = do_import(source / "emoji.xmi", "xmi", tmp_path, annotator="sara")
    # NamedEntity begin="10" end="12" in UTF-16 units: the emoji, code points 10-11.
    assert spans(p) == [("emoji", "sara", "NamedEntity", 10, 11, "😊")]
    assert texts(p) == {"emoji": "I like it 😊 ."}
    assert not result.warnings


def test_unknown_types_are_reported(interop: Path, tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    xmi = (interop / "webanno_tsv3/testSentenceWithEmoji.xmi").read_text(encoding="utf-8")
    (source / "d.xmi").write_text(xmi.replace("type5:Sentence", "type5:Stem"), encoding="utf-8")
    _, result = do_import(source / "d.xmi", "xmi", tmp_path, annotator="sara")
    assert any("segmentation.type.Stem] not found" in w for w in result.warnings)


def test_export_utf16_offsets_type_system_and_round_trip(tmp_path: Path) -> None:
    text = "قال 👀 الرئيس إن «الاقتصاد بخير»\nوأضاف وبيروت"
    p = project_with(
        tmp_path / "p.annotator",
        [
            doc(
                "../أخبار",
                text,
                ann(6, 12, "PER", ident="s"),
                ann(16, 31, "CLAIM", ident="c"),
                ann(39, 44, "LOC", attributes={"note": "x"}),  # inside a clitic token: XMI keeps it
                relations=[Relation("r", "c", "s", "source")],
            )
        ],
    )
    out = tmp_path / "out"
    report = do_export(p, "xmi", out)
    assert sorted(f.name for f in out.iterdir()) == ["TypeSystem.xml", "أخبار.xmi"]
    xmi = (out / "أخبار.xmi").read_text(encoding="utf-8")
    assert 'begin="7" end="13" value="PER"' in xmi  # UTF-16: 👀 counts 2
    assert [w for w in report.warnings if "attributes not written" in w]
    q, result = do_import(out, "xmi", tmp_path, annotator="sara")
    assert spans(q) == [("أخبار", *s[1:]) for s in spans(p)]
    assert [
        (q.annotation(r.from_id).label, r.type, q.annotation(r.to_id).label) for r in q.relations()
    ] == [("CLAIM", "source", "PER")]
    assert not result.warnings


def test_zero_width_spans_are_reported(interop: Path, tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    xmi = (interop / "webanno_tsv3/testSentenceWithEmoji.xmi").read_text(encoding="utf-8")
    xmi = xmi.replace(
        'NamedEntity xmi:id="10" sofa="2" begin="10" end="12"',
        'NamedEntity xmi:id="10" sofa="2" begin="10" end="10"',
    )
    (source / "d.xmi").write_text(xmi, encoding="utf-8")
    p, result = do_import(source / "d.xmi", "xmi", tmp_path, annotator="sara")
    assert spans(p) == []
    assert result.warnings == [
        f"{source / 'd.xmi'}: d: 1 zero-width NamedEntity annotations not kept "
        "(no counterpart here)"
    ]


# ----- the writer against dkpro-cassis ---------------------------------------------------

# Every character XML 1.0 holds (none of U+0000-U+001F but tab, line feed and carriage
# return, no U+FFFE or U+FFFF), with astral ones (UTF-16 offsets) and the characters
# XML escapes made common.
_xml_char = st.one_of(
    st.characters(codec="utf-8").filter(
        lambda c: (c >= " " or c in "\t\n\r") and c not in "\ufffe\uffff"
    ),
    st.sampled_from("&<>\"'\n\t\r 😊👀𝔸"),
)
_xml_text = st.text(_xml_char, max_size=40)


@st.composite
def _cas_contents(draw: st.DrawFn) -> tuple[str, str, list[Entity], list[Link]]:
    text = draw(_xml_text)
    name = draw(_xml_text.filter(bool))
    bounds = st.integers(0, len(text))
    entities = [
        Entity(min(a, b), max(a, b), label)
        for a, b, label in draw(st.lists(st.tuples(bounds, bounds, _xml_text), max_size=6))
    ]
    links = []
    if entities:
        ends = st.integers(0, len(entities) - 1)
        links = [
            Link(*link) for link in draw(st.lists(st.tuples(ends, ends, _xml_text), max_size=3))
        ]
    return text, name, entities, links


def _cassis_xmi(name: str, text: str, entities: list[Entity], links: list[Link]) -> str:
    """The CAS built and written by dkpro-cassis, as the export did before xmi_writer."""
    ts = typesystem()
    cas = cassis.Cas(typesystem=ts)
    cas.sofa_string = text
    cas.sofa_mime = "text"
    cas.add(
        ts.get_type(w.METADATA)(
            begin=0, end=len(text), documentTitle=name, documentId=name, isLastSegment=False
        )
    )
    tokens = tokenize(text)
    cas.add_all(ts.get_type(w.TOKEN)(begin=t.start, end=t.end) for t in tokens)
    cas.add_all(ts.get_type(w.SENTENCE)(begin=s, end=e) for s, e in sentences(text, tokens))
    entity, relation = ts.get_type(w.NAMED_ENTITY), ts.get_type(w.RELATION)
    made = [entity(begin=e.start, end=e.end, value=e.label) for e in entities]
    cas.add_all(made)
    cas.add_all(
        relation(
            begin=made[k.dependent].begin,
            end=made[k.dependent].end,
            Governor=made[k.governor],
            Dependent=made[k.dependent],
            label=k.label,
        )
        for k in links
    )
    xmi: str = cas.to_xmi()
    return xmi


@settings(max_examples=150)
@given(_cas_contents())
def test_writer_writes_what_cassis_writes(
    contents: tuple[str, str, list[Entity], list[Link]],
) -> None:
    text, name, entities, links = contents
    tokens = tokenize(text)
    out = io.StringIO()
    spans = [(t.start, t.end) for t in tokens]
    write_xmi(out, name, text, spans, sentences(text, tokens), entities, links)
    assert out.getvalue() == _cassis_xmi(name, text, entities, links)
    # And cassis reads it back: the same text, spans and relations.
    cas = cassis.load_cas_from_xmi(io.BytesIO(out.getvalue().encode()), typesystem=typesystem())
    assert cas.sofa_string == text
    assert sorted((e.begin, e.end, e.value) for e in cas.select(w.NAMED_ENTITY)) == sorted(
        (e.start, e.end, e.label) for e in entities
    )
    assert sorted(
        (r.label, (r.Governor.begin, r.Governor.end), (r.Dependent.begin, r.Dependent.end))
        for r in cas.select(w.RELATION)
    ) == sorted(
        (
            k.label,
            (entities[k.governor].start, entities[k.governor].end),
            (entities[k.dependent].start, entities[k.dependent].end),
        )
        for k in links
    )


@pytest.mark.parametrize("bad", ["\x0c", "\x00", "\ud800", "\ufffe"])
def test_writer_refuses_what_xml_cannot_hold_before_writing(bad: str) -> None:
    out = io.StringIO()
    with pytest.raises(NotXmlError):
        write_xmi(out, "doc", "a" + bad, [(0, 1)], [(0, 1)], [], [])
    with pytest.raises(NotXmlError):
        write_xmi(out, "doc", "ab", [(0, 2)], [(0, 2)], [Entity(0, 1, "P" + bad)], [])
    assert out.getvalue() == ""
