"""PNG files of rendered pages, written fast.

Qt's PNG writer spends some 40 ms on a 900 × 1272 page: libpng tries every row filter
on every row, then zlib deflates. A long text makes hundreds of pages, so that was most
of `annotator render`'s time. Here the rows go unfiltered (flat colour and text
compress as well without) through ISA-L's deflate, which is many times as fast as
zlib's at a size within a tenth of it: under 10 ms a page. Any PNG reader reads the
result (8-bit RGB, one IDAT chunk).
"""

from __future__ import annotations

import struct
import zlib
from typing import IO

from isal import isal_zlib
from PySide6.QtGui import QImage

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_RGB = 2  # PNG colour type: 8-bit red, green, blue
_LEVEL = 1  # ISA-L's levels are 0-3; 1 is as small as 3 on text, and faster


def write_png(image: QImage, out: IO[bytes]) -> None:
    """``image`` as an opaque PNG (any alpha is dropped: pages are drawn on a solid
    background)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    bits = rgb.constBits()
    row = 3 * width
    # Each row is the filter type (0, none) and its pixels; Qt pads rows to 4 bytes.
    rows = bytearray((row + 1) * height)
    into = memoryview(rows)
    for y in range(height):
        at = y * (row + 1) + 1
        into[at : at + row] = bits[y * stride : y * stride + row]
    out.write(_SIGNATURE)
    out.write(_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, _RGB, 0, 0, 0)))
    out.write(_chunk(b"IDAT", isal_zlib.compress(rows, _LEVEL)))
    out.write(_chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
