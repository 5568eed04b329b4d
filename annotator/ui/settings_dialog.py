"""Preferences: the annotator's name, the interface language and the colour theme."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from annotator.ui.settings import Settings
from annotator.ui.theme import DARK, LIGHT, SYSTEM, apply_theme


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.name = QLineEdit(settings.annotator or Settings.default_annotator())
        self.language = QComboBox()
        for text, code in ((self.tr("System"), ""), ("English", "en"), ("العربية", "ar")):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.theme = QComboBox()
        for text, theme in (
            (self.tr("Follow the system"), SYSTEM),
            (self.tr("Light"), LIGHT),
            (self.tr("Dark"), DARK),
        ):
            self.theme.addItem(text, theme)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Annotator name"), self.name)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.tr("Colour theme"), self.theme)
        self.retrain = QSpinBox()
        self.retrain.setRange(0, 10_000)
        self.retrain.setSuffix(self.tr(" new spans"))
        self.retrain.setSpecialValueText(self.tr("only when asked"))
        self.retrain.setValue(settings.retrain_every)
        form.addRow(self.tr("Retrain suggestions after"), self.retrain)
        form.addRow("", QLabel(self.tr("A new name takes effect at the next start")))
        form.addRow(buttons)

    def accept(self) -> None:
        name = self.name.text().strip()
        if name:
            self.settings.annotator = name
        self.settings.language = self.language.currentData()
        theme = self.theme.currentData()
        if theme != self.settings.theme:
            self.settings.theme = theme
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, theme)
        self.settings.retrain_every = self.retrain.value()
        super().accept()
