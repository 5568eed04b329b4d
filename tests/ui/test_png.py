"""Our PNG writer (annotator/ui/png.py) read back by Qt's (libpng): every pixel as drawn,
whatever the width (Qt pads each row of an image to four bytes; the PNG must not)."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QImage

from annotator.ui.png import write_png


@settings(max_examples=60)
@given(st.data())
def test_a_written_png_reads_back_pixel_for_pixel(data: st.DataObject) -> None:
    width = data.draw(st.integers(1, 41), label="width")
    height = data.draw(st.integers(1, 9), label="height")
    image = QImage(width, height, QImage.Format.Format_RGB32)
    pixel = st.tuples(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255))
    for y in range(height):
        for x in range(width):
            image.setPixelColor(x, y, QColor(*data.draw(pixel)))
    out = io.BytesIO()
    write_png(image, out)
    back = QImage.fromData(out.getvalue())
    assert not back.isNull()
    assert (back.width(), back.height()) == (width, height)
    assert back.convertToFormat(QImage.Format.Format_RGB32) == image
