"""The agreement report as one standalone HTML page: inline CSS and SVG, nothing fetched
from the network, right-to-left when the labels or names are Arabic."""

from __future__ import annotations

import html

import regex

from annotator.review.agreement import TOKEN_MEASURES, AgreementReport

_ARABIC = regex.compile(r"\p{Arabic}")
_CELL = 64  # heat map cell size in px
_MARGIN = 120  # room for the names beside and above the matrix

_CSS = """
body { font-family: "Noto Sans Arabic", "Amiri", system-ui, sans-serif; margin: 2rem;
       color: #222; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: start; }
td.num { font-variant-numeric: tabular-nums; direction: ltr; unicode-bidi: isolate; }
.maps { display: flex; flex-wrap: wrap; gap: 2rem; }
figure { margin: 0; } figcaption { font-weight: bold; margin-bottom: .5rem; }
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _colour(value: float | None) -> str:
    """White (0 or less) to Okabe–Ito blue (1); grey when undefined."""
    if value is None:
        return "#dddddd"
    t = min(max(value, 0.0), 1.0)
    r, g, b = (round(255 + (c - 255) * t) for c in (0x00, 0x72, 0xB2))
    return f"#{r:02x}{g:02x}{b:02x}"


def _heat_map(report: AgreementReport, measure: str, title: str) -> str:
    """A symmetric matrix of one pairwise measure; the diagonal is left empty."""
    names = report.annotators
    index = {name: i for i, name in enumerate(names)}
    values: dict[tuple[int, int], float | None] = {}
    for p in report.pairs:
        v: float | None = getattr(p, measure)
        values[index[p.a], index[p.b]] = values[index[p.b], index[p.a]] = v
    size = _MARGIN + _CELL * len(names)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'role="img" aria-label="{_e(title)}" style="direction: ltr">'
    ]
    for i, name in enumerate(names):
        y = _MARGIN + _CELL * i + _CELL / 2
        parts.append(
            f'<text x="{_MARGIN - 6}" y="{y}" text-anchor="end" '
            f'dominant-baseline="middle">{_e(name)}</text>'
        )
        x = _MARGIN + _CELL * i + _CELL / 2
        parts.append(
            f'<text x="{x}" y="{_MARGIN - 6}" text-anchor="start" '
            f'transform="rotate(-45 {x} {_MARGIN - 6})">{_e(name)}</text>'
        )
    for (i, j), v in sorted(values.items()):
        x, y = _MARGIN + _CELL * j, _MARGIN + _CELL * i
        ink = "#fff" if v is not None and v > 0.6 else "#222"
        parts.append(
            f'<rect class="cell" x="{x}" y="{y}" width="{_CELL}" height="{_CELL}" '
            f'fill="{_colour(v)}" stroke="#bbb"><title>{_e(names[i])} – {_e(names[j])}: '
            f"{_number(v)}</title></rect>"
            f'<text x="{x + _CELL / 2}" y="{y + _CELL / 2}" text-anchor="middle" '
            f'dominant-baseline="middle" fill="{ink}">{_number(v)}</text>'
        )
    parts.append("</svg>")
    return f"<figure><figcaption>{_e(title)}</figcaption>{''.join(parts)}</figure>"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + f"<td>{_e(row[0])}</td>"
        + "".join(f'<td class="num">{_e(cell)}</td>' for cell in row[1:])
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def is_arabic(report: AgreementReport) -> bool:
    names = [*report.annotators, *report.labels, *report.documents_detail]
    return any(_ARABIC.search(n) for n in names)


def render_html(report: AgreementReport, title: str = "Agreement") -> str:
    rtl = is_arabic(report)
    overall = _table(
        ["measure", "value"], [[name, _number(v)] for name, v in report.overall.items()]
    )
    layers = _table(
        ["layer", "token units", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha"],
        [
            [
                name,
                str(s.units),
                *map(_number, (s.cohen_kappa, s.fleiss_kappa, s.krippendorff_alpha)),
            ]
            for name, s in report.layers.items()
        ]
        + [
            [
                "all layers",
                str(report.token_units),
                *(_number(report.overall[m]) for m in TOKEN_MEASURES),
            ]
        ],
    )
    labels = _table(
        ["label", "f1_exact", "krippendorff_alpha_unitizing"],
        [
            [name, _number(s.f1_exact), _number(s.krippendorff_alpha_unitizing)]
            for name, s in report.labels.items()
        ],
    )
    documents = _table(
        ["document", "krippendorff_alpha_unitizing", "f1_exact"],
        [
            [name, _number(s.krippendorff_alpha_unitizing), _number(s.f1_exact)]
            for name, s in report.documents_by_agreement()
        ],
    )
    maps = _heat_map(report, "f1_exact", "f1_exact") + _heat_map(
        report, "cohen_kappa", "cohen_kappa"
    )
    lang, direction = ("ar", "rtl") if rtl else ("en", "ltr")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}">\n<head>\n'
        f'<meta charset="utf-8">\n<title>{_e(title)}</title>\n<style>{_CSS}</style>\n'
        "</head>\n<body>\n"
        f"<h1>{_e(title)}</h1>\n"
        f"<p>{_e(', '.join(report.annotators))} · {report.documents} documents</p>\n"
        f"<h2>Overall</h2>\n{overall}\n"
        "<h2>Layers</h2>\n<p>The token measures count a layer in a document only where an "
        "annotator taking part has a span of it.</p>\n"
        f"{layers}\n"
        f'<h2>Pairs</h2>\n<div class="maps">{maps}</div>\n'
        f"<h2>Labels</h2>\n{labels}\n"
        f"<h2>Documents, lowest agreement first</h2>\n{documents}\n"
        "</body>\n</html>\n"
    )
