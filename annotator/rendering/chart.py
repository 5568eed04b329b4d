"""`annotator stats --chart`: the team's progress drawn to a PNG or PDF with matplotlib.

Four panels: labels per annotator, documents done per annotator, annotations per day,
and the label mix of the documents with most annotations. matplotlib is the ``charts``
extra, imported only here and only when a chart is asked for.

matplotlib before 3.11 neither shapes Arabic nor reorders it, so there every string
goes through ``visual.display_line`` on its way in (counts are computed on the stored
names). From 3.11 it lays text out with libraqm, which shapes and reorders by itself:
a string put in visual order beforehand would come out backwards, so there strings go
in as they are stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from annotator.core.errors import UserError
from annotator.core.model import Status
from annotator.core.schema import Schema
from annotator.rendering import labels
from annotator.rendering.visual import display_line
from annotator.storage.stats import ProjectCounts

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

MOST_ANNOTATED = 15  # documents in the label-mix panel: beyond that the bars are unreadable
# Fonts with Arabic presentation forms, tried glyph by glyph; DejaVu Sans (matplotlib's
# own) for what they lack.
FONT_PACKAGES = ("noto-sans-arabic", "amiri")


@dataclass
class ChartData:
    label_order: list[str]
    colors: dict[str, str]
    labels_per_annotator: dict[str, Counter[str]] = field(default_factory=dict)
    done_per_annotator: dict[str, int] = field(default_factory=dict)
    in_progress_per_annotator: dict[str, int] = field(default_factory=dict)
    per_day: dict[str, int] = field(default_factory=dict)  # YYYY-MM-DD, in date order
    per_document: dict[str, Counter[str]] = field(default_factory=dict)  # most annotated


def chart_data(counts: ProjectCounts, schema: Schema) -> ChartData:
    """The panels' figures, from the counts every view shares (gold left out)."""
    people = counts.annotators
    per_document = {doc: Counter(labels) for doc, labels in counts.labels_per_document.items()}
    most = sorted(per_document.items(), key=lambda kv: (-kv[1].total(), kv[0]))
    return ChartData(
        [lb.name for lb in schema.labels],
        {lb.name: labels.color(schema, lb.name) for lb in schema.labels},
        {who: Counter(c.labels) for who, c in people.items()},
        {who: c.status[Status.DONE.value] for who, c in people.items()},
        {who: c.status[Status.IN_PROGRESS.value] for who, c in people.items()},
        counts.per_day,
        dict(most[:MOST_ANNOTATED]),
    )


def lays_out_text() -> bool:
    """Whether this matplotlib shapes and reorders text itself (built with libraqm)."""
    from matplotlib import ft2font

    return hasattr(ft2font, "__libraqm_version__")


def build_figure(data: ChartData, shown: Callable[[str], str] | None = None) -> Figure:
    """The four panels; ``shown`` prepares each string for drawing (by default: as it is
    where matplotlib lays text out, else shaped and in visual order)."""
    try:
        from matplotlib.figure import Figure
        from matplotlib.ticker import MaxNLocator
    except ImportError:
        raise UserError("charts need matplotlib: pip install 'annotator[charts]'") from None
    if shown is None:
        shown = str if lays_out_text() else display_line
    fonts = [*_register_fonts(), "DejaVu Sans"]
    figure = Figure(figsize=(13, 10), layout="constrained")
    (a, b), (c, d) = figure.subplots(2, 2)
    _stacked(a, data.labels_per_annotator, data, shown, fonts)
    a.set_title("Labels per annotator")
    names = list(data.done_per_annotator)
    done = [data.done_per_annotator[n] for n in names]
    x = [shown(n) for n in names]
    b.bar(x, done, color="#009e73", label="done")
    b.bar(x, [data.in_progress_per_annotator[n] for n in names], bottom=done, color="#e69f00",
          label="in progress")  # fmt: skip
    b.set_title("Documents done per annotator")
    _legend_beside(b, {"size": 8})
    c.bar(list(data.per_day), list(data.per_day.values()), color="#0072b2")
    c.set_title("Annotations per day")
    if len(data.per_day) > 7:  # dates side by side would overlap
        c.tick_params(axis="x", labelrotation=60)
    # Names side by side overlap once long or many (suggest:gazetteer beside sara).
    if len(names) > 6 or any(len(n) > 9 for n in names):
        for ax in (a, b):
            ax.tick_params(axis="x", labelrotation=30)
    _stacked(d, data.per_document, data, shown, fonts, horizontal=True)
    d.set_title(f"Labels per document (the {MOST_ANNOTATED} most annotated)")
    for axis in (a.yaxis, b.yaxis, c.yaxis, d.xaxis):
        axis.set_major_locator(MaxNLocator(integer=True))  # counts: no ticks at 0.25
    # Counts start at 0, and run to 1 at least: with none, matplotlib centres 0.
    for ax in (a, b, c):
        ax.set_ylim(0, max(1.0, ax.get_ylim()[1]))
    d.set_xlim(0, max(1.0, d.get_xlim()[1]))
    for ax in (a, b, c, d):
        ax.tick_params(labelsize=9)
        for tick in [*ax.get_xticklabels(), *ax.get_yticklabels()]:
            tick.set_fontfamily(fonts)
    return figure


def _stacked(
    ax: Axes,
    groups: dict[str, Counter[str]],
    data: ChartData,
    shown: Callable[[str], str],
    fonts: list[str],
    horizontal: bool = False,
) -> None:
    """One bar per group, stacked by label in the schema's order and colours."""
    names = [shown(g) for g in groups]
    base = [0] * len(groups)
    used = [lb for lb in data.label_order if any(c[lb] for c in groups.values())]
    for label in used:
        sizes = [groups[g][label] for g in groups]
        color, name = data.colors[label], shown(label)
        if horizontal:
            ax.barh(names, sizes, left=base, color=color, label=name)
        else:
            ax.bar(names, sizes, bottom=base, color=color, label=name)
        base = [x + n for x, n in zip(base, sizes, strict=True)]
    if used:
        _legend_beside(ax, {"family": fonts, "size": 8})
    if horizontal:
        ax.invert_yaxis()  # the most annotated document on top


def _legend_beside(ax: Axes, prop: dict[str, object]) -> None:
    """The legend to the right of its panel, never over its bars (inside, a schema's
    twenty labels covered them), in as many columns as keep it within the panel's
    height; constrained layout makes the room."""
    rows = 14
    count = len(ax.get_legend_handles_labels()[0])
    ax.legend(
        prop=prop,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        ncols=max(1, -(-count // rows)),
        borderaxespad=0.0,
    )


def _register_fonts() -> list[str]:
    """The bundled Arabic fonts' family names, registered with matplotlib."""
    import fontpkg
    from matplotlib import font_manager

    families = []
    for slug in FONT_PACKAGES:
        try:
            family = fontpkg.family(slug)
        except fontpkg.FontpkgError:
            continue
        for font_file in family.files:
            font_manager.fontManager.addfont(str(font_file.path))
        families.append(family.name)
    return families


def chart_format(path: Path) -> str:
    """``png``, ``pdf`` or ``svg``, by ``path``'s suffix."""
    if path.suffix.lower() not in (".png", ".pdf", ".svg"):
        raise UserError("the chart is written as .png, .pdf or .svg", path)
    return path.suffix.lower()[1:]


def draw_chart(counts: ProjectCounts, schema: Schema, out: IO[bytes], image_format: str) -> None:
    """The chart written to ``out`` as ``image_format`` (``chart_format``)."""
    build_figure(chart_data(counts, schema)).savefig(out, format=image_format, dpi=120)
