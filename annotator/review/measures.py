"""Agreement measures as pure functions on plain data. ``None`` means undefined.

The coding measures take *unit counts*: a mapping from a tuple of the coders' values
for one unit (``None`` where a coder gave no value) to the number of units with exactly
those values. Whole documents are mostly tokens everyone left unlabelled, so counting
identical units once makes the measures independent of the number of tokens.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

Value = Hashable
UnitCounts = Mapping[tuple[Value | None, ...], int]


def count_units(rows: Iterable[Sequence[Value | None]]) -> Counter[tuple[Value | None, ...]]:
    """Unit counts from one row of coders' values per unit."""
    return Counter(tuple(row) for row in rows)


def pair_counts(units: UnitCounts, i: int, j: int) -> Counter[tuple[Value | None, ...]]:
    """The units as coders ``i`` and ``j`` alone coded them."""
    out: Counter[tuple[Value | None, ...]] = Counter()
    for values, n in units.items():
        out[values[i], values[j]] += n
    return out


def f1(matches: int, size_a: int, size_b: int) -> float | None:
    """2·matches / (|A| + |B|): symmetric, so neither side needs to be the gold."""
    total = size_a + size_b
    return 2 * matches / total if total else None


def cohen_kappa(units: UnitCounts) -> float | None:
    """Cohen's κ of two coders; units either coder left without a value are skipped."""
    joint: Counter[tuple[Value, Value]] = Counter()
    for (a, b), n in units.items():
        if a is not None and b is not None:
            joint[a, b] += n
    total = sum(joint.values())
    if not total:
        return None
    rows: Counter[Value] = Counter()
    cols: Counter[Value] = Counter()
    for (a, b), n in joint.items():
        rows[a] += n
        cols[b] += n
    p_o = sum(n for (a, b), n in joint.items() if a == b) / total
    p_e = sum(rows[v] * cols[v] for v in rows) / total**2
    return None if p_e == 1 else (p_o - p_e) / (1 - p_e)


def fleiss_kappa(units: UnitCounts) -> float | None:
    """Fleiss' κ of two or more coders; units with a missing value are skipped."""
    totals: Counter[Value] = Counter()
    n_items = 0
    agreement = 0.0
    n_raters = 0
    for values, count in units.items():
        if any(v is None for v in values):
            continue
        n_raters = len(values)
        per_category = Counter(values)
        totals.update({v: k * count for v, k in per_category.items()})
        agreement += count * sum(k * (k - 1) for k in per_category.values())
        n_items += count
    if n_items == 0 or n_raters < 2:
        return None
    p_bar = agreement / (n_items * n_raters * (n_raters - 1))
    p_e = sum((t / (n_items * n_raters)) ** 2 for t in totals.values())
    return None if p_e == 1 else (p_bar - p_e) / (1 - p_e)


def krippendorff_alpha(units: UnitCounts) -> float | None:
    """Krippendorff's α, nominal, with missing values (units with fewer than two values
    are unpairable and dropped)."""
    coincidence: defaultdict[tuple[Value, Value], float] = defaultdict(float)
    for values, count in units.items():
        present = Counter(v for v in values if v is not None)
        m = sum(present.values())
        if m < 2:
            continue
        for c, nc in present.items():
            for k, nk in present.items():
                pairs = nc * (nc - 1) if c == k else nc * nk
                if pairs:
                    coincidence[c, k] += count * pairs / (m - 1)
    margins: defaultdict[Value, float] = defaultdict(float)
    for (c, _), o in coincidence.items():
        margins[c] += o
    n = sum(margins.values())
    disagreeing = sum(o for (c, k), o in coincidence.items() if c != k)
    expected = n * n - sum(nc * nc for nc in margins.values())
    if not expected:
        return None
    return 1 - (n - 1) * disagreeing / expected


# ----- unitizing -----------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """One coder's unit ``[begin, begin + length)`` of a category on the continuum."""

    begin: int
    length: int
    rater: Hashable
    category: Hashable


@dataclass(frozen=True)
class UnitizingAlpha:
    alpha: float | None
    by_category: dict[Hashable, float | None]
    observed: dict[Hashable, float]
    expected: dict[Hashable, float]


def unitizing_alpha(
    units: Iterable[Unit], raters: Sequence[Hashable], length: int, begin: int = 0
) -> UnitizingAlpha:
    """Krippendorff's α_U (1995, 2004) as DKPro Statistics computes it.

    Each category is its own study on the continuum ``[begin, begin + length)``; the
    overall value is ``1 − mean D_o / mean D_e`` over the categories present. A coder's
    overlapping units of one category are reduced to the first (then longest), as
    INCEpTION does. Undefined (``None``) when there are no units or no expected
    disagreement.
    """
    by_category: dict[Hashable, dict[Hashable, list[tuple[int, int]]]] = {}
    for u in units:
        if u.length > 0:
            ends = by_category.setdefault(u.category, {r: [] for r in raters})
            ends[u.rater].append((u.begin, u.begin + u.length))
    observed: dict[Hashable, float] = {}
    expected: dict[Hashable, float] = {}
    alphas: dict[Hashable, float | None] = {}
    for category, per_rater in by_category.items():
        spans = [_without_overlaps(per_rater[r]) for r in raters]
        d_o = _observed(spans, length)
        d_e = _expected(spans, length, begin)
        observed[category], expected[category] = d_o, d_e
        alphas[category] = 1 - d_o / d_e if d_e else None
    total_e = sum(expected.values())
    alpha = 1 - sum(observed.values()) / total_e if total_e else None
    return UnitizingAlpha(alpha, alphas, observed, expected)


def _without_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda se: (se[0], -se[1])):
        if not kept or s >= kept[-1][1]:
            kept.append((s, e))
    return kept


def _observed(spans: list[list[tuple[int, int]]], length: int) -> float:
    """D_o: over each pair of coders, the squared distances of overlapping units plus
    the squared length of every unit lying wholly in the other coder's gap."""
    m = len(spans)
    total = 0
    for i in range(m):
        for j in range(i + 1, m):
            total += _pair_distance(spans[i], spans[j])
    return 2 * total / (m * (m - 1) * length * length)


def _pair_distance(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    total = 0
    b_overlapped = [False] * len(b)
    first = 0  # both lists are sorted and disjoint: walk them together
    for s1, e1 in a:
        while first < len(b) and b[first][1] <= s1:
            first += 1
        k = first
        while k < len(b) and b[k][0] < e1:
            s2, e2 = b[k]
            total += (s1 - s2) ** 2 + (e1 - e2) ** 2
            b_overlapped[k] = True
            k += 1
        if k == first:  # in b's gap
            total += (e1 - s1) ** 2
    total += sum((e - s) ** 2 for (s, e), hit in zip(b, b_overlapped, strict=True) if not hit)
    return total


def _expected(spans: list[list[tuple[int, int]]], length: int, begin: int) -> float:
    """D_e: Krippendorff's expected disagreement over all unitizations of the coders'
    units and gaps (DKPro's formula, with the gaps of every coder pooled)."""
    m = len(spans)
    gaps: list[int] = []
    for rater_spans in spans:
        pos = begin
        for s, e in rater_spans:
            if s > pos:
                gaps.append(s - pos)
            pos = e
        if begin + length > pos:
            gaps.append(begin + length - pos)
    gaps.sort()
    # suffix[k] = sum of gaps[k:], so the gaps at least l long are found by bisection.
    suffix = list(accumulate(reversed(gaps), initial=0))[::-1]
    lengths = [e - s for rater_spans in spans for s, e in rater_spans]
    n_c = len(lengths)
    numerator = 0.0
    for ln in lengths:
        k = bisect_left(gaps, ln)
        fitting = len(gaps) - k
        numerator += (n_c - 1) * (2 * ln**3 - 3 * ln**2 + ln) / 3
        numerator += ln * ln * (suffix[k] - fitting * (ln - 1))
    denominator = m * length * (m * length - 1) - sum(ln * (ln - 1) for ln in lengths)
    return 2 / length * numerator / denominator if denominator else 0.0
