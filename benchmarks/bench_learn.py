"""Suggestions that learn (annotator/learn), on real annotated Arabic news: the shared
CoNLL files (NewsFANE excerpt, Wojood sample), each sentence an example, split 80/20 with
a fixed seed. F1 is micro-averaged over exact spans (start, end and label), for the
recommender and for the string-matching baseline (every text annotated in training,
proposed wherever it occurs with its commonest label), at 10, 25, 50 and 100% of the
training sentences. Then the speed targets: training on 5,000 spans, suggesting for a
5 KB article. Speed is judged on processor time (this process's), which a machine
shared with other work inflates far less than the wall clock; both are reported, with
the load average.

Then what a user of a real project meets (next_documents): NewsFANE's sentences follow
one another as in the news articles they come from, so consecutive blocks of them are
documents; the recommender is trained on the first k documents and suggests for the
whole text of the next one, as the window does once the user opens it, for every k from
ten on. Wojood's sample has no such documents: its sentences are single lines drawn
from unrelated sources (dialogues, archive captions, reports), one after another in no
order."""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from unittest.mock import patch

import pycrfsuite

from annotator.formats.base import ImportOptions
from annotator.formats.conll import read
from annotator.learn import crf
from annotator.learn.discourse import Occurrences
from annotator.learn.evaluate import (
    BASELINE,
    RECOMMENDER,
    Scores,
    baseline_of,
    cross_validate,
    score,
)
from annotator.learn.examples import Example, Span
from annotator.learn.recommender import Recommender, train
from benchmarks.common import Context, Result, median, timed

# Beside the repository, or where ANNOTATOR_SHARED says (a git worktree has none beside it).
SHARED = Path(
    os.environ.get("ANNOTATOR_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared"
)
FILES = {
    "NewsFANE": SHARED / "interop" / "conll" / "NewsFANE_Gold_2014_excerpt_first500sent.txt",
    "Wojood": SHARED / "interop" / "conll" / "wojood_sample_test.txt",
}
CORPUS = SHARED / "corpus"
SEED = 0
FRACTIONS = (0.1, 0.25, 0.5, 1.0)
TARGET_F1 = 0.83  # on NewsFANE, the whole training split
TRAIN_SPANS = 5_000
ARTICLE_BYTES = 5_000


def sentence_examples(path: Path) -> list[Example]:
    """Each line of the file's text (a sentence of the CoNLL file) with its spans."""
    out = []
    for doc in read(path, path.stem, ImportOptions(annotator="gold")):
        at = 0
        for line in doc.text.split("\n"):
            end = at + len(line)
            spans = tuple(
                Span(a.start - at, a.end - at, a.label)
                for a in doc.annotations
                if at <= a.start and a.end <= end
            )
            out.append(Example(line, spans))
            at = end + 1
    return out


# A document: this many consecutive sentences of NewsFANE (about 2.5 KB, 270 words and
# 27 spans, a short news article). The file gives no reliable sign of where an article
# ends (a dateline opens some, others start with a headline's words run into their first
# sentence), so the blocks are fixed: some hold the end of one article and the start of
# the next, and the longest article (Hong Kong, sentences 14-140) spans thirteen.
DOCUMENT_SENTENCES = 10
FIRST_DOCUMENTS = 10  # "annotate ten articles, train, open the eleventh"


def documents(examples: list[Example], size: int = DOCUMENT_SENTENCES) -> list[Example]:
    """Consecutive examples joined in reading order, ``size`` at a time, one a line."""
    out = []
    for first in range(0, len(examples), size):
        text, spans = "", []
        for e in examples[first : first + size]:
            if text:
                text += "\n"
            spans += [Span(s.start + len(text), s.end + len(text), s.label) for s in e.spans]
            text += e.text
        out.append(Example(text, tuple(spans)))
    return out


def split(examples: list[Example], seed: int = SEED) -> tuple[list[Example], list[Example]]:
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    cut = int(0.8 * len(order))
    return [examples[i] for i in order[:cut]], [examples[i] for i in order[cut:]]


def curve(name: str, path: Path, fractions: tuple[float, ...]) -> list[Result]:
    examples = sentence_examples(path)
    training, test = split(examples)
    layer_of = {s.label: "entity" for e in examples for s in e.spans}
    results = []
    for fraction in fractions:
        part = training[: max(1, int(len(training) * fraction))]
        model = train(part, layer_of)
        ours = score(model, test).prf()
        base = score(baseline_of(model), test, all_strings=True).prf()
        whole = name == "NewsFANE" and fraction == 1.0
        results.append(
            Result(
                f"{name}: micro-F1 with {fraction:.0%} of the training sentences "
                f"({sum(len(e.spans) for e in part)} spans)",
                round(ours[2], 3),
                "F1",
                f">= {TARGET_F1}" if whole else "above the baseline",
                ours[2] >= TARGET_F1 if whole else ours[2] > base[2],
                "string matching",
                round(base[2], 3),
                note=f"P {ours[0]:.3f} R {ours[1]:.3f}; baseline P {base[0]:.3f} R {base[1]:.3f}",
            )
        )
    return results


def seeds(path: Path, count: int = 5) -> Result:
    """The recommender and the baseline over several splits: at this size the split
    moves F1 as much as the method does."""
    examples = sentence_examples(path)
    layer_of = {s.label: "entity" for e in examples for s in e.spans}
    ours: list[float] = []
    base: list[float] = []
    for seed in range(count):
        training, test = split(examples, seed)
        model = train(training, layer_of)
        ours.append(score(model, test).prf()[2])
        base.append(score(baseline_of(model), test, all_strings=True).prf()[2])
    mean, base_mean = sum(ours) / count, sum(base) / count
    return Result(
        f"NewsFANE: mean micro-F1 over the splits of seeds 0-{count - 1}",
        round(mean, 3),
        "F1",
        "above the baseline",
        mean > base_mean,
        "string matching",
        round(base_mean, 3),
        runs=[round(f, 3) for f in ours],
        note="baseline per seed " + " ".join(f"{f:.3f}" for f in base),
    )


CV_FOLDS = 5
CV_SEEDS = (1, 2, 3, 4)  # the folds' shuffles: one shuffle moves F1 by +-0.006


def cross_validation(name: str, path: Path) -> Result:
    """How every change to the recommender was judged: 5-fold cross-validation over the
    training part of the seed-0 split (the test part decides nothing), repeated over
    four shuffles of the folds; the mean of their micro-F1."""
    examples = sentence_examples(path)
    training, _ = split(examples)
    layer_of = {s.label: "entity" for e in examples for s in e.spans}
    ours: list[float] = []
    base: list[float] = []
    for seed in CV_SEEDS:
        scores = cross_validate(training, layer_of, CV_FOLDS, seed)
        ours.append(scores[RECOMMENDER].prf()[2])
        base.append(scores[BASELINE].prf()[2])
    mean = sum(ours) / len(ours)
    return Result(
        f"{name}: {CV_FOLDS}-fold cross-validation over the training part, "
        f"fold shuffles {CV_SEEDS[0]}-{CV_SEEDS[-1]}",
        round(mean, 4),
        "F1",
        "above the baseline",
        mean > sum(base) / len(base),
        "string matching",
        round(sum(base) / len(base), 4),
        runs=[round(f, 4) for f in ours],
    )


# NewsFANE's fine labels grouped as a newsroom's schema would have them: the time a CRF
# takes grows with the square of the number of labels.
PEOPLE = {
    "Politician",
    "Athlete",
    "Artist",
    "Other_PER",
    "Scientist",
    "Religious_PER",
    "Businessperson",
    "Police",
    "Engineer",
    "Lawyer",
}
PLACES = {
    "Nation",
    "Population-Center",
    "County-or-District",
    "GPE-Cluster",
    "State-or-Province",
    "Continent",
    "Water-Body",
    "Land-Region-Natural",
    "Building-Grounds",
    "Path",
    "Airport",
    "Land",
    "Celestial",
}


def coarse(label: str) -> str:
    return "PER" if label in PEOPLE else "LOC" if label in PLACES else "ORG"


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def train_time(data: list[Example], name: str) -> Result:
    layer_of = {s.label: "entity" for e in data for s in e.spans}
    spans = sum(len(e.spans) for e in data)
    # What crfsuite takes of it, by crfsuite's own log stamped with the processor time:
    # the features handed to it (pycrfsuite's append), its feature generation, L-BFGS,
    # its model file; the rest is Python (features, string tables).
    stamps: dict[str, float] = {}
    crf_train, trainer = crf.train, pycrfsuite.Trainer

    class Stamped(trainer):  # type: ignore[misc, valid-type]
        def message(self, message: str) -> None:
            stamps.setdefault(message.split("\n")[0].strip(), time.process_time())
            super().message(message)

    def crfsuite(data: Sequence[tuple[crf.Features, list[str]]]) -> bytes:
        stamps["start"] = time.process_time()
        try:
            return crf_train(data)
        finally:
            stamps["end"] = time.process_time()

    cpu = time.process_time()
    with patch.object(crf, "train", crfsuite), patch.object(pycrfsuite, "Trainer", Stamped):
        wall = timed(lambda: train(data, layer_of), 1)
    cpu = time.process_time() - cpu
    marks = ["start", "Feature generation", "L-BFGS optimization", "Storing the model", "end"]
    a, b, c, d, e = (stamps[m] for m in marks)
    return Result(
        f"learn: train on {spans:,} spans, {name} ({len(layer_of)} labels), processor time",
        round(cpu, 2),
        "s",
        "<= 30 s",
        cpu <= 30,
        runs=[cpu],
        note=f"crfsuite {e - a:.2f} s (handing it the features {b - a:.2f}, feature "
        f"generation {c - b:.2f}, L-BFGS {d - c:.2f}, model file {e - d:.2f}), the rest "
        f"(Python) {cpu - (e - a):.2f} s; wall clock {wall[0]:.1f} s, {load()}",
    )


def speed(ctx: Context) -> list[Result]:
    examples = sentence_examples(FILES["NewsFANE"])
    layer_of = {s.label: "entity" for e in examples for s in e.spans}
    # NewsFANE's sentences, again and again until they hold 5,000 spans.
    wanted = ctx.n(TRAIN_SPANS)
    data: list[Example] = []
    while sum(len(e.spans) for e in data) < wanted:
        data.append(examples[len(data) % len(examples)])
    grouped = [
        Example(e.text, tuple(Span(s.start, s.end, coarse(s.label)) for s in e.spans)) for e in data
    ]
    train(examples[:20], layer_of)  # loads the place names once, as a session would
    times = [
        train_time(data, "NewsFANE repeated, its fine labels"),
        train_time(grouped, "the same grouped as people, places, organisations"),
    ]
    model = train(examples, layer_of)
    text = article()
    size = len(text.encode("utf-8"))
    suggest_cpu, suggest_wall = cpu_and_wall(lambda: model.suggest(text), max(ctx.repeats, 3))
    doubt_cpu, doubt_wall = cpu_and_wall(lambda: model.doubt(text), max(ctx.repeats, 3))
    return [
        *times,
        Result(
            f"learn: suggest for a {size:,}-byte Arabic article, processor time",
            round(median(suggest_cpu) * 1000, 1),
            "ms",
            "<= 200 ms",
            median(suggest_cpu) <= 0.2,
            runs=suggest_cpu,
            note=f"wall clock {median(suggest_wall) * 1000:.1f} ms (median), {load()}",
        ),
        # What the training job does for every document not started, for ordering them.
        Result(
            "learn: how unsure the model is of the same article, processor time",
            round(median(doubt_cpu) * 1000, 1),
            "ms",
            "< suggesting",
            median(doubt_cpu) < median(suggest_cpu),
            baseline="suggesting for it",
            baseline_value=round(median(suggest_cpu) * 1000, 1),
            runs=doubt_cpu,
            note=f"wall clock {median(doubt_wall) * 1000:.1f} ms (median), {load()}",
        ),
    ]


def cpu_and_wall(fn: Callable[[], object], repeats: int) -> tuple[list[float], list[float]]:
    """The processor time and the wall clock of each of ``repeats`` runs of ``fn``, after
    one run that is not timed (caches filled, as in a session)."""
    fn()
    cpu_runs: list[float] = []

    def run() -> None:
        cpu = time.process_time()
        fn()
        cpu_runs.append(time.process_time() - cpu)

    return cpu_runs, timed(run, repeats)


def article() -> str:
    """The first 5 KB of a real article of the shared corpus, cut at a line's end."""
    text = sorted(CORPUS.glob("*.txt"))[0].read_text(encoding="utf-8")
    out = ""
    for line in text.splitlines(keepends=True):
        if len((out + line).encode("utf-8")) > ARTICLE_BYTES:
            break
        out += line
    return out


@dataclass(frozen=True)
class NextDocument:
    k: int  # trained on documents 1 to k, tested on document k + 1
    ours: Scores  # the recommender's suggestions, as the document opens
    base: Scores  # the string baseline's
    one_key: int  # spans accepted with one key, going through the document (annotate)
    one_key_yours: int  # the same when the user's spans propose their other places
    wrong_yours: int  # places proposed so that were not the gold's


def next_documents(
    path: Path, first: int = FIRST_DOCUMENTS, last: int | None = None
) -> list[NextDocument]:
    """For every k from ``first`` on (to ``last``, or every document): the recommender
    and the string baseline on document k + 1, trained on documents 1 to k."""
    docs = documents(sentence_examples(path))
    layer_of = {s.label: "entity" for e in docs for s in e.spans}
    out = []
    for k in range(first, len(docs) if last is None else last):
        model = train(docs[:k], layer_of)
        doc = docs[k]
        plain, _ = annotate(model, doc, yours=False)
        with_yours, wrong = annotate(model, doc, yours=True)
        out.append(
            NextDocument(
                k,
                score(model, [doc]),
                score(baseline_of(model), [doc], all_strings=True),
                plain,
                with_yours,
                wrong,
            )
        )
    return out


def annotate(model: Recommender, doc: Example, yours: bool) -> tuple[int, int]:
    """A user going through ``doc`` in reading order, as the window has it: each span
    that is a ghost when reached is accepted with one key, any other is made by hand;
    a ghost where the user has a span is gone. With ``yours``, every span made so far
    also proposes the other places its text occurs (discourse.Occurrences). The spans
    accepted with one key, and the places proposed from the user's spans that were not
    a span of the gold."""
    suggested = [(s.start, s.end, s.label) for s in model.suggest(doc.text)]
    places = Occurrences.of(doc.text)
    gold = {(s.start, s.end, s.label) for s in doc.spans}
    mine: list[tuple[int, int, str]] = []
    ghosts = set(suggested)
    shown: set[tuple[int, int, str]] = set()
    accepted = 0
    for span in sorted(gold):
        accepted += span in ghosts
        mine.append(span)
        ghosts = {g for g in suggested if not any(a < g[1] and g[0] < b for a, b, _ in mine)}
        if yours:
            found = places.elsewhere(mine, [(g[0], g[1]) for g in ghosts])
            ghosts |= set(found)
            shown |= set(found)
    return accepted, len(shown - gold)


def pooled(scores: list[Scores]) -> Scores:
    out = Scores()
    for s in scores:
        out.tp.update(s.tp)
        out.fp.update(s.fp)
        out.fn.update(s.fn)
    return out


def whole_documents(path: Path, quick: bool = False) -> list[Result]:
    """The next document's entities proposed exactly (what the user accepts with one
    key each), pooled over every k and for the eleventh document alone (only that one
    when ``quick``); then the same going through the document, with the user's spans
    proposing their other places."""
    runs = next_documents(path, last=FIRST_DOCUMENTS + 1 if quick else None)
    ours = pooled([n.ours for n in runs])
    base = pooled([n.base for n in runs])
    (p, r, f), (bp, br, bf) = ours.prf(), base.prf()
    eleventh = runs[0].ours.prf()
    per_k = " ".join(f"{n.k + 1}:{n.ours.prf()[1]:.2f}" for n in runs)
    spans = ours.tp.total() + ours.fn.total()
    plain = sum(n.one_key for n in runs) / spans
    yours = sum(n.one_key_yours for n in runs) / spans
    name = f"NewsFANE documents of {DOCUMENT_SENTENCES} sentences"
    return [
        Result(
            f"{name}: the next document's spans proposed exactly (recall), trained on "
            f"the documents before it, pooled over documents {FIRST_DOCUMENTS + 1}-"
            f"{runs[-1].k + 1} ({spans} spans)",
            round(r, 3),
            "recall",
            "> 0.5 (most)",
            r > 0.5,
            "string matching",
            round(br, 3),
            runs=[round(n.ours.prf()[1], 3) for n in runs],
            note=f"P {p:.3f} F1 {f:.3f}; baseline P {bp:.3f} F1 {bf:.3f}; "
            f"the eleventh alone P {eleventh[0]:.3f} R {eleventh[1]:.3f} "
            f"F1 {eleventh[2]:.3f}; recall per document {per_k}",
        ),
        Result(
            f"{name}: micro-F1 on the next document, pooled",
            round(f, 3),
            "F1",
            "above the baseline",
            f > bf,
            "string matching",
            round(bf, 3),
            runs=[round(n.ours.prf()[2], 3) for n in runs],
        ),
        Result(
            f"{name}: spans accepted with one key going through the next document, "
            "the user's spans proposing their other places, pooled",
            round(yours, 3),
            "share",
            "> 0.5 (most)",
            yours > 0.5,
            "the model's suggestions alone",
            round(plain, 3),
            runs=[
                round(n.one_key_yours / max(1, n.ours.tp.total() + n.ours.fn.total()), 3)
                for n in runs
            ],
            note=f"{sum(n.one_key_yours for n in runs)} of {spans} (alone "
            f"{sum(n.one_key for n in runs)}); places proposed from the user's spans "
            f"that were no gold span: {sum(n.wrong_yours for n in runs)}",
        ),
    ]


def run(ctx: Context) -> list[Result]:
    """Its parts (--only bench_learn:PART,...): sentences, cv, documents, speed."""
    if not all(p.exists() for p in FILES.values()):
        return [Result("learn: the shared CoNLL files", 0, "", "", None, note="shared/ is missing")]
    quick = ctx.scale < 1.0
    results = []
    if ctx.runs("sentences"):
        for name, path in FILES.items():
            if not (quick and name != "NewsFANE"):
                results += curve(name, path, (1.0,) if quick else FRACTIONS)
        if not quick:
            results.append(seeds(FILES["NewsFANE"]))
    if ctx.runs("cv") and not quick:
        results += [cross_validation(name, path) for name, path in FILES.items()]
    if ctx.runs("documents"):
        results += whole_documents(FILES["NewsFANE"], quick)
    if ctx.runs("speed"):
        results += speed(ctx)
    return results
