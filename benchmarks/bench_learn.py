"""Suggestions that learn (annotator/learn), on real annotated Arabic news: the shared
CoNLL files (NewsFANE excerpt, Wojood sample), each sentence an example, split 80/20 with
a fixed seed. F1 is micro-averaged over exact spans (start, end and label), for the
recommender and for the string-matching baseline (every text annotated in training,
proposed wherever it occurs with its commonest label), at 10, 25, 50 and 100% of the
training sentences. Then the speed targets: training on 5,000 spans, suggesting for a
5 KB article. Speed is judged on processor time (this process's), which a machine
shared with other work inflates far less than the wall clock; both are reported, with
the load average."""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from pathlib import Path

from annotator.formats.base import ImportOptions
from annotator.formats.conll import read
from annotator.learn.evaluate import baseline_of, score
from annotator.learn.examples import Example, Span
from annotator.learn.recommender import train
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


# NewsFANE's fine labels grouped as a newsroom's schema would have them: the time a CRF
# takes grows with the square of the number of labels.
PEOPLE = {"Politician", "Athlete", "Artist", "Other_PER", "Scientist", "Religious_PER",
          "Businessperson", "Police", "Engineer", "Lawyer"}  # fmt: skip
PLACES = {"Nation", "Population-Center", "County-or-District", "GPE-Cluster",
          "State-or-Province", "Continent", "Water-Body", "Land-Region-Natural",
          "Building-Grounds", "Path", "Airport", "Land", "Celestial"}  # fmt: skip


def coarse(label: str) -> str:
    return "PER" if label in PEOPLE else "LOC" if label in PLACES else "ORG"


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def train_time(data: list[Example], name: str) -> Result:
    layer_of = {s.label: "entity" for e in data for s in e.spans}
    spans = sum(len(e.spans) for e in data)
    cpu = time.process_time()
    wall = timed(lambda: train(data, layer_of), 1)
    cpu = time.process_time() - cpu
    return Result(
        f"learn: train on {spans:,} spans, {name} ({len(layer_of)} labels), processor time",
        round(cpu, 2),
        "s",
        "<= 30 s",
        cpu <= 30,
        runs=[cpu],
        note=f"wall clock {wall[0]:.1f} s, {load()}",
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


def run(ctx: Context) -> list[Result]:
    if not all(p.exists() for p in FILES.values()):
        return [Result("learn: the shared CoNLL files", 0, "", "", None, note="shared/ is missing")]
    quick = ctx.scale < 1.0
    results = []
    for name, path in FILES.items():
        if not (quick and name != "NewsFANE"):
            results += curve(name, path, (1.0,) if quick else FRACTIONS)
    if not quick:
        results.append(seeds(FILES["NewsFANE"]))
    return results + speed(ctx)
