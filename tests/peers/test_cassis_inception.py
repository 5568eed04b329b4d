"""Our XMI read by dkpro-cassis with INCEpTION's type system instead of the one we
write beside it: DKPro Core's types (INCEpTION's built-in layers) and a custom relation
layer as a project defines it. Every type and feature of the files must be in it (not
lenient), every named entity and relation comes back, and the UTF-16 offsets INCEpTION
(Java) reads cut out the same text."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import cassis
import pytest

from tests.peers.peer_data import TEXTS, annotator, relations_of, spans_of

NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
RELATION = "webanno.custom.Relation"
METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
NE_TAG = "{http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore}NamedEntity"
SOFA_TAG = "{http:///uima/cas.ecore}Sofa"


# dkpro-cassis 0.12 reads its bundled type system with a deprecated importlib call.
@pytest.mark.filterwarnings("ignore:open_binary is deprecated:DeprecationWarning")
def test_cassis_reads_the_xmi_with_dkpro_core_types(news_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "xmi"
    annotator("export", news_project, "--format", "xmi", "--output", out, "--annotator", "sara")
    typesystem = cassis.load_dkpro_core_typesystem()
    # INCEpTION has DKPro Core's DocumentMetaData too; cassis's copy of the types lacks it.
    meta = typesystem.create_type(METADATA, "uima.tcas.DocumentAnnotation")
    for feature in ("documentTitle", "documentId", "documentUri", "documentBaseUri"):
        typesystem.create_feature(meta, feature, "uima.cas.String")
    typesystem.create_feature(meta, "collectionId", "uima.cas.String")
    typesystem.create_feature(meta, "isLastSegment", "uima.cas.Boolean")
    # A relation layer named "Relation" over named entities, as INCEpTION's project
    # settings make it: Governor and Dependent, and the relation's label.
    relation = typesystem.create_type(RELATION, "uima.tcas.Annotation")
    typesystem.create_feature(relation, "Governor", NAMED_ENTITY)
    typesystem.create_feature(relation, "Dependent", NAMED_ENTITY)
    typesystem.create_feature(relation, "label", "uima.cas.String")
    found, links, texts = [], [], {}
    for path in sorted(out.rglob("*.xmi")):  # a folder per "/" in names
        cas = cassis.load_cas_from_xmi(path, typesystem=typesystem)
        name = next(n for n, t in TEXTS.items() if t == cas.sofa_string)
        texts[name] = cas.sofa_string
        found += [(name, ne.value, ne.get_covered_text()) for ne in cas.select(NAMED_ENTITY)]
        links += [
            (name, r.label, r.Governor.get_covered_text(), r.Dependent.get_covered_text())
            for r in cas.select(RELATION)
        ]
        # The file's own offsets count UTF-16 units, as Java strings do.
        root = ElementTree.parse(path).getroot()
        sofa = next(root.iter(SOFA_TAG)).get("sofaString", "").encode("utf-16-le")
        for ne in root.iter(NE_TAG):
            begin, end = int(ne.get("begin", "0")), int(ne.get("end", "0"))
            assert (name, ne.get("value"), sofa[2 * begin : 2 * end].decode("utf-16-le")) in found
    assert texts == TEXTS
    sara = [(d, label, t) for d, who, label, _, _, t in spans_of(news_project) if who == "sara"]
    assert sorted(found) == sorted(sara)
    assert sorted(links) == relations_of(news_project)
