"""File › Open a project on a server: its URL, a password when libpq finds none of its
own (``.pgpass``, ``PGPASSWORD``, a service file), and what went wrong in one line (the
command line's, without the URL that the dialog shows).

The password is kept for this run only (``locations.with_password``): never in the URL
shown, the recent list or the settings. Connecting runs on a thread of its own, so that a
server that does not answer holds no window; the dialog says it is connecting meanwhile,
and Cancel leaves it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import UserError
from annotator.storage.locations import location_path, server_url, with_password
from annotator.storage.project import Project
from annotator.ui.error_texts import reason_text

_ERROR = "color: #D55E00; font-weight: bold;"


class _Opening(QObject):
    """A project opened from a thread of its own; the answer comes queued to the dialog."""

    opened = Signal(object)  # the Project
    failed = Signal(str)  # one line: what went wrong

    def start(self, path: Path) -> None:
        def run() -> None:
            try:
                project = Project.open(path)
            except UserError as exc:  # the URL is in the dialog: what went wrong is said
                self.failed.emit(reason_text(exc.message))
            else:
                self.opened.emit(project)

        # The thread holds this object until it has given its answer.
        threading.Thread(target=run, name="annotator-open", daemon=True).start()


class ServerDialog(QDialog):
    def __init__(self, url: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open a project on a server"))
        self.project: Project | None = None  # once opened
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("postgresql://user@host:5432/db?project=news")
        self.url.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("empty: from .pgpass, PGPASSWORD or a service file")
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._open)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&URL:"), self.url)
        form.addRow(self.tr("&Password:"), self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._opening: _Opening | None = None

    def _say(self, text: str, error: bool) -> None:
        self.message.setStyleSheet(_ERROR if error else "")
        self.message.setText(text)
        self.message.show()
        self.adjustSize()  # room for the whole line, however it wraps

    def _open(self) -> None:
        text = self.url.text().strip()
        try:
            url = server_url(text) if text else None
            if url is not None and self.password.text():
                text = with_password(text, self.password.text())
        except UserError as exc:  # a URL, but one that names no project
            self._say(reason_text(exc.message), error=True)
            return
        if url is None:
            self._say(self.tr("%1: not a server URL (postgresql://…)").replace("%1", text), True)
            return
        self._say(self.tr("Connecting…"), error=False)
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(False)
        opening = self._opening = _Opening()
        opening.opened.connect(self._opened)
        opening.failed.connect(self._failed)
        opening.start(location_path(text))

    def _opened(self, project: Project) -> None:
        self._opening = None
        if self.isVisible():
            self.project = project
            self.accept()
        else:  # cancelled while connecting
            project.close()

    def _failed(self, text: str) -> None:
        self._opening = None
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(True)
        self._say(text, error=True)
