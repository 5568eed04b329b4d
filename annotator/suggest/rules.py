"""Reading the lists a team keeps: names with a label, and patterns with a label.

Both files are UTF-8 text, one rule a line, ``TEXT<TAB>LABEL``; blank lines and lines
starting with ``#`` are skipped. A bad line is refused with its number, never skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import regex

from annotator.core.arabic import fold_char
from annotator.core.content import split_lines
from annotator.core.errors import UserError
from annotator.core.inputs import MAX_LIST_BYTES, read_input
from annotator.suggest.probe import CPU_LIMIT_S, FLAGS, MEMORY_LIMIT, too_costly


@dataclass(frozen=True)
class Rule:
    text: str  # a name, or a pattern's source as the file gives it
    label: str
    path: str
    line: int


@dataclass(frozen=True)
class PatternRule:
    rule: Rule
    pattern: regex.Pattern[str]  # compiled for the folded text (see compile_pattern)


def read_rules(path: Path) -> list[Rule]:
    try:
        content = read_input(path, MAX_LIST_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"is not UTF-8 text (bad byte at offset {exc.start})", path) from None
    rules = []
    for number, line in enumerate(split_lines(content), 1):
        if not line.strip() or line.startswith("#"):
            continue
        text, tab, label = line.rpartition("\t")
        if not tab or not text.strip() or not label.strip():
            raise UserError("expected TEXT, a tab, then a LABEL", path, number)
        rules.append(Rule(text.strip(), label.strip(), str(path), number))
    return rules


def compile_patterns(rules: list[Rule]) -> list[PatternRule]:
    """The patterns of a user's file, each first compiled in a child process with a memory
    and a time limit (``probe.py``): one that would take gigabytes is refused by line."""
    costly = too_costly([_folded_source(r) for r in rules])
    if costly is not None:
        rule = rules[costly]
        raise UserError(
            f"the pattern is too big to compile (over {MEMORY_LIMIT // 2**20} MB or "
            f"{CPU_LIMIT_S} s); use smaller repeat counts {{n}}",
            rule.path,
            rule.line,
        )
    return [compile_pattern(r) for r in rules]


def compile_pattern(rule: Rule) -> PatternRule:
    """Patterns run over the folded text (``core/arabic.py``), so their Arabic letters are
    folded too: a pattern written with أ, ة or harakat still matches every spelling.
    Latin letters match either case, as folding lowercases the text."""
    try:
        pattern = regex.compile(_folded_source(rule), FLAGS)
    except regex.error as exc:
        raise UserError(f"not a valid pattern: {exc}", rule.path, rule.line) from None
    return PatternRule(rule, pattern)


def _folded_source(rule: Rule) -> str:
    return "".join(fold_char(c) if "\u0600" <= c <= "\u06ff" else c for c in rule.text)
