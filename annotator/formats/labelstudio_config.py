"""The Label Studio labeling config that matches our export: a ``<Labels>`` tag named
``label`` on a ``<Text>`` named ``text``, a ``<Label>`` per label of the schema (in its
colour) and a ``<Relation>`` per relation type, to paste into the project's
Settings → Labeling Interface → Code before importing the tasks."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from annotator.core.schema import Schema


def _attribute(value: str) -> str:
    """An XML attribute value with its quotes (no XML library: tests/test_safety.py)."""
    escaped = escape(value, quote=True)
    return '"' + escaped.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;") + '"'


def labeling_config(
    schema: Schema | None, from_name: str, to_name: str, extra_labels: Iterable[str] = ()
) -> str:
    """The config's XML, with ``extra_labels`` (used but missing from the schema) too."""
    labels = [(lb.name, lb.color) for lb in schema.labels] if schema else []
    known = {name for name, _ in labels}
    labels += [(name, "") for name in sorted(set(extra_labels) - known)]
    lines = ["<View>"]
    relation_types = schema.relation_types if schema else ()
    if relation_types:
        lines.append("  <Relations>")
        lines += [f"    <Relation value={_attribute(rt.name)}/>" for rt in relation_types]
        lines.append("  </Relations>")
    lines.append(f"  <Labels name={_attribute(from_name)} toName={_attribute(to_name)}>")
    for name, color in labels:
        background = f" background={_attribute(color)}" if color else ""
        lines.append(f"    <Label value={_attribute(name)}{background}/>")
    lines.append("  </Labels>")
    lines.append(f"  <Text name={_attribute(to_name)} value={_attribute('$' + to_name)}/>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"
