"""The Arabic interface: translated menus and a window mirrored right-to-left."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from annotator.ui.i18n import install_translator


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[QApplication]:
    assert install_translator(qapp, "ar") == "ar"
    yield qapp
    install_translator(qapp, "en")


def test_arabic_mirrors_the_interface_and_translates_menus(arabic: QApplication) -> None:
    assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QCoreApplication.translate("MainWindow", "&Edit") == "&تحرير"


def test_english_is_left_to_right(qapp: QApplication) -> None:
    assert install_translator(qapp, "en") == "en"
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QCoreApplication.translate("MainWindow", "&Edit") == "&Edit"
