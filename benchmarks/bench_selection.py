"""What a selection becomes in a single paragraph of a megabyte: the span a double-click
shows and a label key tags (core/offsets.py normalise_span: whole clusters and tokens,
no punctuation at the edges).

    python benchmarks/run.py --only bench_selection

Both once read the whole paragraph (its clusters, its words) for every selection in it:
about 0.8 s. Now each edge is worked out on the stretch between the nearest spaces that
are clusters of their own, which no cluster or token crosses.
"""

from __future__ import annotations

import random
from functools import partial

from annotator.core.offsets import normalise_span
from benchmarks.bench_occurrences import processor_ms
from benchmarks.common import Context, Result
from benchmarks.data import paragraph

CHARS = 1_000_000
TARGET_MS = 16.0  # within a frame: a double-click or a key never waits on the paragraph


def run(ctx: Context) -> list[Result]:
    rng = random.Random(7)
    text = ""
    while len(text) < ctx.n(CHARS):
        text += paragraph(rng, 2000) + " "
    middle = len(text) // 2
    word = text.index(" ", middle) + 1  # a word in the middle, clicked inside
    return [
        processor_ms(
            f"selection: {name} in a {len(text):,}-character paragraph, its span",
            partial(normalise_span, text, start, end),
            ctx.repeats * 4,
            TARGET_MS,
        )
        for name, (start, end) in (
            ("a double-clicked word", (word + 1, word + 2)),
            ("a selection of 2,000 characters", (middle, middle + 2000)),
        )
    ]
