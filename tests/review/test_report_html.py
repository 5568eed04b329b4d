"""The standalone HTML report: escaped, offline, right-to-left for Arabic names."""

import re
from pathlib import Path

from click.testing import CliRunner

from annotator.cli.review import agreement_command
from annotator.review.agreement import agreement
from annotator.review.report_html import render_html
from annotator.review.study import load_study
from annotator.storage.project import Project
from tests.review.conftest import ProjectBuilder, word


def page_for(project: Project) -> str:
    return render_html(agreement(load_study(project)), "تقرير")


def test_arabic_names_make_the_page_right_to_left(project: Project, build: ProjectBuilder) -> None:
    d = build.doc("مقال")
    build.spans(d, "سارة", ("PER", *word(0)))
    build.spans(d, "عمر", ("PER", *word(0)), ("LOC", *word(3)))
    page = page_for(project)
    assert '<html lang="ar" dir="rtl">' in page
    assert "سارة" in page and "مقال" in page
    # Two heat maps (F1 and kappa) of one pair, each cell drawn twice (both halves).
    assert page.count('class="cell"') == 4
    assert "0.667" in page


def test_everything_is_escaped_and_nothing_is_fetched(
    project: Project, build: ProjectBuilder
) -> None:
    d = build.doc("<b>doc</b>")
    build.spans(d, "<script>x</script>", ("PER", *word(0)))
    build.spans(d, "b&c", ("ORG", *word(0)))
    page = page_for(project)
    assert "<script>" not in page and "&lt;script&gt;" in page and "b&amp;c" in page
    assert "<b>doc" not in page
    assert '<html lang="en" dir="ltr">' in page
    urls = re.findall(r"(?:src|href)=|url\(|https?://(?!www\.w3\.org/2000/svg)", page)
    assert urls == []
    assert "—" in page  # undefined values


def test_documents_are_listed_lowest_agreement_first(
    project: Project, build: ProjectBuilder
) -> None:
    good, bad = build.doc("good"), build.doc("bad", "x" * 80)
    for name in ("a", "b"):
        build.spans(good, name, ("PER", *word(0)))
    build.spans(bad, "a", ("PER", 0, 10))
    build.spans(bad, "b", ("PER", 50, 60))
    page = page_for(project)
    assert page.index("<td>bad</td>") < page.index("<td>good</td>")


def test_the_command_writes_the_page(
    project: Project, build: ProjectBuilder, tmp_path: Path
) -> None:
    d = build.doc("d")
    build.spans(d, "a", ("PER", *word(0)))
    build.spans(d, "b", ("PER", *word(0)))
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        agreement_command, [str(project.path), "--report", str(out), "--json"]
    )
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    bad = CliRunner().invoke(
        agreement_command, [str(project.path), "--report", str(tmp_path / "no" / "r.html")]
    )
    assert bad.exit_code == 2 and "folder to write into does not exist" in bad.stderr


def test_the_page_has_the_coding_measures_per_layer_with_their_units(
    project: Project, build: ProjectBuilder
) -> None:
    d = build.doc("d")
    build.spans(d, "omar", ("PER", *word(0)))
    build.spans(d, "sara", ("PER", *word(0)), ("PER", *word(3)))
    page = page_for(project)
    layers = page[page.index("<h2>Layers</h2>") : page.index("<h2>Pairs</h2>")]
    rows = re.findall(r"<tr><td>(\w[\w ]*)</td>((?:<td[^>]*>[^<]*</td>)+)</tr>", layers)
    cells = {name: re.findall(r">([^<]*)</td>", rest) for name, rest in rows}
    assert cells["entity"][0] == "40" and cells["claim"][0] == "0"
    assert cells["claim"][1:] == ["—", "—", "—"]
    assert cells["all layers"][0] == "40"
    assert cells["all layers"][1:] == cells["entity"][1:]
