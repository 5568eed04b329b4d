"""Tests read many values typed ``X | None`` (a Qt item, the open document, a report
not computed yet) where the test has just made sure there is one."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def present(value: T | None) -> T:
    """``value``, failing the test where it is None."""
    assert value is not None
    return value
