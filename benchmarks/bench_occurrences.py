"""The other places of the user's spans in the open document (learn/discourse.py's
Occurrences, the window's suggestions from one's own spans), on a long document.

    python benchmarks/run.py --only bench_occurrences

The window reads the document's words once (Occurrences.of: for a long document now in a
pool thread, not the window's) and, after every edit, finds where else the texts of the
user's spans occur (Occurrences.elsewhere, on the window's thread). Measured on 56,000
characters of the shared corpus's articles one after another (a long report), with the
user's spans growing from 10 to 200. Processor time beside wall clock: the machine is
shared. The baseline (session 6, on the window's thread): 122 ms to read 56,000
characters once, then 7-14 ms per edit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from annotator.core.tokens import tokenize
from annotator.learn.discourse import Occurrences
from annotator.learn.features import word
from benchmarks.bench_learn import CORPUS, article, cpu_and_wall, load
from benchmarks.common import Context, Result, median

LONG_CHARS = 56_000
SPANS = (10, 50, 200)
# Per edit, on the window's thread: within a frame at 60 Hz, so typing never waits.
EDIT_TARGET_MS = 16.0


def long_document() -> str:
    """The corpus's articles one after another until 56,000 characters, cut there."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    texts = [t for t in texts if re.search("[\u0600-\u06ff]", t)]
    out = ""
    while len(out) < LONG_CHARS:
        out += texts[len(out) % len(texts)] + "\n"
    return out[:LONG_CHARS]


def user_spans(text: str, count: int) -> list[tuple[int, int, str]]:
    """``count`` spans a user made: words of four letters or more, spread over the
    document's first 10,000 characters, as an annotator tags while reading."""
    words = [t for t in tokenize(text[:10_000]) if t.text.isalpha() and len(t.text) >= 4]
    step = max(1, len(words) // count)
    return [(t.start, t.end, "PER") for t in words[::step][:count]]


def processor_ms(
    workload: str, fn: Callable[[], object], repeats: int, target_ms: float | None
) -> Result:
    """The median processor time of ``repeats`` runs of ``fn`` (after one not timed),
    against ``target_ms`` (None: not judged), the wall clock and the load in its note."""
    cpu, wall = cpu_and_wall(fn, repeats)
    ms = median(cpu) * 1000
    return Result(
        workload,
        round(ms, 2),
        "ms",
        f"<= {target_ms:g} ms" if target_ms is not None else "n/a",
        ms <= target_ms if target_ms is not None else None,
        runs=cpu,
        note=f"processor time; wall clock {median(wall) * 1000:.2f} ms, {load()}",
    )


def _cold(text: str) -> Occurrences:
    """Occurrences.of as on a session's first document: no word folded yet."""
    word.cache_clear()
    return Occurrences.of(text)


def run(ctx: Context) -> list[Result]:
    text = long_document()
    short = article()
    repeats = max(ctx.repeats, 3)
    results = [
        processor_ms(
            f"occurrences: read {name} (once per opening; a long one off the window's thread)",
            partial(_cold, doc),
            repeats,
            None,
        )
        for name, doc in (("the 5 KB article", short), (f"{len(text):,} characters", text))
    ]
    places = Occurrences.of(text)
    for count in SPANS:
        spans = user_spans(text, count)
        found = len(places.elsewhere(spans))
        results.append(
            processor_ms(
                f"occurrences: one edit's other places, {len(text):,} characters, "
                f"{len(spans)} spans of the user's ({found:,} places)",
                partial(places.elsewhere, spans),
                repeats * 4,
                EDIT_TARGET_MS,
            )
        )
    return results
