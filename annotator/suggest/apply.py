"""Adding the suggestions of names and patterns to a project, under their own annotator."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.content import name_problem
from annotator.core.errors import UserError
from annotator.core.model import GOLD, GOLD_RESERVED, is_machine
from annotator.storage.project import Project
from annotator.storage.rejections import rejected, rejection_key
from annotator.suggest.matcher import PATTERN_TIMEOUT_S, Gazetteer, suggest
from annotator.suggest.rules import Rule, compile_patterns, read_rules

DEFAULT_ANNOTATOR = "suggest:gazetteer"
NewSpan = tuple[int, int, str, dict[str, Any]]  # start, end, label, attributes


def check_layer_name(annotator: str) -> None:
    """Refuse a name suggestions may not be filed under: the gold layer, a name of one
    person's work (no colon: training and agreement would count the suggestions as that
    person's spans), a name with control characters."""
    if annotator == GOLD:
        raise UserError(f"--as {GOLD}: {GOLD_RESERVED}")
    problem = name_problem(annotator, "annotator name")
    if problem:
        raise UserError(problem)
    if not is_machine(annotator):
        raise UserError(
            f"--as {annotator}: suggestions go under a name with a colon, such as "
            f"suggest:{annotator}, so that they are never taken for a person's work"
        )


@dataclass
class SuggestReport:
    added: Counter[str] = field(default_factory=Counter)  # per label
    already_there: int = 0
    documents: int = 0  # documents that received at least one suggestion
    added_labels: list[str] = field(default_factory=list)


def suggest_project(
    project: Project,
    gazetteer: Path | None,
    patterns: Path | None,
    annotator: str = DEFAULT_ANNOTATOR,
    add_labels: bool = False,
    timeout: float = PATTERN_TIMEOUT_S,
) -> SuggestReport:
    """Every match of the lists in every document, added in one transaction; a span the
    annotator already has with that label is not added again, so re-running adds nothing."""
    if gazetteer is None and patterns is None:
        raise UserError("give a list of names (--gazetteer) or of patterns (--patterns)")
    names = read_rules(gazetteer) if gazetteer else []
    pattern_rules = compile_patterns(read_rules(patterns)) if patterns else []
    unknown = _unknown_labels(project, [*names, *(p.rule for p in pattern_rules)], add_labels)
    matcher = Gazetteer(names)
    # Matched first, written after: no write while the documents are being read.
    found: list[tuple[int, list[NewSpan]]] = [
        (
            doc.id,
            [
                (s.start, s.end, s.label, {})
                for s in suggest(doc.text, matcher, pattern_rules, doc.name, timeout)
            ],
        )
        for doc in project.iter_documents()
    ]
    return file_suggestions(project, annotator, found, unknown)


def file_suggestions(
    project: Project,
    annotator: str,
    found: Iterable[tuple[int, list[NewSpan]]],
    new_labels: Sequence[str] = (),
) -> SuggestReport:
    """Add suggestions under ``annotator`` in one transaction: not a span the annotator
    already has with that label (so re-running adds nothing), nor a text and label
    someone rejected (storage/rejections.py)."""
    check_layer_name(annotator)
    report = SuggestReport()
    refused = rejected(project)
    with project.write():
        report.added_labels = project.add_labels(new_labels)
        for doc_id, suggestions in found:
            have = {(a.start, a.end, a.label) for a in project.annotations(doc_id, annotator)}
            new = [s for s in suggestions if (s[0], s[1], s[2]) not in have]
            report.already_there += len(suggestions) - len(new)
            if refused:
                text = project.document(doc_id).text
                new = [s for s in new if (rejection_key(text[s[0] : s[1]]), s[2]) not in refused]
            for start, end, label, attributes in new:
                project.add_annotation(doc_id, annotator, label, start, end, attributes)
                report.added[label] += 1
            report.documents += bool(new)
    return report


def _unknown_labels(project: Project, rules: list[Rule], add_labels: bool) -> list[str]:
    """Labels the rules name that the schema lacks; refused unless they may be added."""
    schema = project.schema()
    unknown = [r for r in rules if schema.label(r.label) is None]
    if unknown and not add_labels:
        first = unknown[0]
        raise UserError(
            f"no label named {first.label!r} in the schema (add it, or give --add-labels)",
            first.path,
            first.line,
        )
    return list(dict.fromkeys(r.label for r in unknown))
