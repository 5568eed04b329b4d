"""Nothing from an input file is ever run: no eval, pickle or shell anywhere in the package."""

from __future__ import annotations

import re

from tests.paths import ROOT

FORBIDDEN = re.compile(
    r"(?<![.\w])eval\(|(?<![.\w])exec\(|\bpickle\b|\bmarshal\b|shell\s*=\s*True|os\.system\(|os\.popen\("
    r"|yaml\.load\(|xml\.etree|xml\.dom\.minidom|xml\.sax"
)


def test_the_package_never_evaluates_or_unpickles_or_shells_out() -> None:
    hits = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in sorted((ROOT / "annotator").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FORBIDDEN.search(line) and not line.lstrip().startswith("#")
    ]
    assert hits == []


def test_sql_takes_values_as_parameters() -> None:
    """f-strings in SQL may only splice in names and numbers we chose, never input."""
    allowed = re.compile(
        r"\{(column|name|table|int\(busy_timeout_ms\)|APPLICATION_ID|SCHEMA_VERSION|"
        r"placeholders|where_sql|[A-Z_]+|"
        # storage/export_rows.py: column lists and sub-queries it writes itself, values bound
        r"columns|_relations_of_document\(f\))\}"
    )
    hits = []
    for path in sorted((ROOT / "annotator").rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r'execute(many)?\(\s*f"', line) or re.search(
                r'f"(SELECT|INSERT|UPDATE|DELETE|PRAGMA|SAVEPOINT|ROLLBACK|RELEASE)', line
            ):
                spliced = re.findall(r"\{[^}]*\}", line)
                if any(not allowed.fullmatch(s) for s in spliced):
                    hits.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert hits == []
