"""PySide6 6.12.0 on Python 3.11 drops a reference to None on each call of a method that
returns None, and the process aborts (none_dealloc) once None's count reaches zero.
We pin PySide6 below 6.12 on 3.11; this test catches a bad upgrade."""

import sys

from PySide6.QtGui import QTextCursor, QTextDocument


def test_methods_returning_none_keep_nones_refcount() -> None:
    doc = QTextDocument("قال محمد إن غزة")
    cursor = QTextCursor(doc)
    before = sys.getrefcount(None)
    for i in range(100_000):
        cursor.setPosition(i % 10)
    # Other code may take or drop a few references meanwhile; a leak is one per call.
    assert sys.getrefcount(None) > before - 1000
