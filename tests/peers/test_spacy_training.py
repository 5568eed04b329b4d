"""Our spaCy export read by spaCy itself: DocBin → docs → entities, and one training
step of a blank Arabic pipeline on them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import DocBin
from spacy.training import Example

from tests.peers.peer_data import TEXTS, annotator, spans_of


def test_spacy_reads_the_docbin_and_trains_on_it(news_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "train.spacy"
    annotator("export", news_project, "--format", "spacy", "--output", out, "--annotator", "sara")
    nlp = spacy.blank("ar")
    docs = list(DocBin().from_disk(out).get_docs(nlp.vocab))
    assert {d.user_data["name"]: d.text for d in docs} == TEXTS
    entities = sorted(
        (d.user_data["name"], e.label_, e.start_char, e.end_char, e.text)
        for d in docs
        for e in d.ents
    )
    sara = sorted(
        (d, label, s, e, t) for d, who, label, s, e, t in spans_of(news_project) if who == "sara"
    )
    assert entities == sara

    ner: Any = nlp.add_pipe("ner")  # an EntityRecognizer, whose type spaCy does not state
    for _, label, *_ in sara:
        ner.add_label(label)
    examples = [Example(nlp.make_doc(d.text), d) for d in docs]
    optimizer = nlp.initialize(lambda: examples)
    losses = nlp.update(examples, sgd=optimizer, losses={})
    assert losses["ner"] > 0
