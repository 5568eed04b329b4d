"""What every benchmark module shares: timing, and one result row per workload."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Result:
    workload: str
    value: float  # the median
    unit: str  # "ms", "s", "MB", "ann/s", "x" (a ratio to the baseline)
    target: str  # e.g. "<= 16 ms"
    met: bool | None  # None: no target could be judged (say why in note)
    baseline: str = ""  # what it is compared with in the same run
    baseline_value: float | None = None
    runs: list[float] = field(default_factory=list)
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Context:
    workdir: Path
    scale: float  # 1.0 full sizes, 0.1 with --quick
    repeats: int
    parts: frozenset[str] = frozenset()  # of the suite's workloads (--only SUITE:PART); all

    def runs(self, part: str) -> bool:
        """Whether this part of the suite's workloads was asked for."""
        return not self.parts or part in self.parts

    def n(self, full: int) -> int:
        return max(1, int(full * self.scale))


def timed(
    fn: Callable[[], object], repeats: int, setup: Callable[[], object] | None = None
) -> list[float]:
    """Seconds each run of ``fn`` took, after ``setup`` (not timed) before every run."""
    runs = []
    for _ in range(repeats):
        if setup:
            setup()
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return runs


def median(values: list[float]) -> float:
    return statistics.median(values)
