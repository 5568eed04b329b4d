"""Keeping the annotator's work safe in the window: what they must not miss is said in a
line above the article (read-only project, a change that was not saved, another
program's changes), the project is reloaded when another program changed it, a daily
backup of a project file is taken, and a backup can be restored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QToolButton,
    QWidget,
)

from annotator.core.errors import UserError
from annotator.storage import backups
from annotator.storage.locations import server_url
from annotator.storage.project import Project
from annotator.ui.doclist import isolate
from annotator.ui.error_texts import error_text
from annotator.ui.live import watcher_of

_STYLES = {
    "info": "background: palette(highlight); color: palette(highlighted-text);",
    "warning": "background: #F0E442; color: black;",
    "error": "background: #D55E00; color: white; font-weight: bold;",
}


def _inset(line: str) -> str:
    """A line of the core's (English, naming a URL) inside a translated sentence: isolated
    in a right-to-left interface, where "postgresql://" came out as "//:postgresql"."""
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return isolate(line) if rtl else line


class NoticeBar(QFrame):
    """One line of notice above the article, with a button that closes it. A passing
    notice (``passing=True``) also goes when another document is opened."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notice")
        self.setAccessibleName(self.tr("Notice"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setMargin(6)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName(self.tr("Close the notice"))
        self.close_button.setToolTip(self.tr("Close the notice"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self.label, stretch=1)
        layout.addWidget(self.close_button)
        self.kind = ""
        self.passing = False
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def show_notice(self, text: str, kind: str = "info", passing: bool = False) -> None:
        self.kind = kind
        self.passing = passing
        self.setStyleSheet(f"QFrame#notice, QFrame#notice QLabel {{ {_STYLES[kind]} }}")
        self.label.setText(text)
        self.show()

    def document_changed(self) -> None:
        if self.passing:
            self.hide()


class ProjectGuard(QObject):
    """Watches one open project for the window."""

    # The project's spans may have changed under the window: show them again.
    reloadNeeded = Signal()
    # Colleagues committed to the server project: show what changed, quietly.
    liveChange = Signal()
    # A backup was put in the project's place: open it again from its file.
    reopenNeeded = Signal(Path)

    def __init__(self, project: Project, notice: NoticeBar):
        super().__init__(notice)
        self.project = project
        self.notice = notice
        # What could not be written while the server was away, to name when it is back.
        self.unsaved: list[str] = []
        self.watcher = watcher_of(project)
        self.watcher.changed.connect(self._changed)
        self.watcher.connectionLost.connect(self._connection_lost)
        self.watcher.connectionBack.connect(self._connection_back)
        if project.readonly:
            notice.show_notice(
                self.tr(
                    "This project is read-only (its file or folder cannot be written): "
                    "you can read and export it, but not change it."
                ),
                "warning",
            )
        elif server_url(project.path) is None:
            # After the window is up: a backup of a big project takes a moment. A server
            # project is not copied here (seconds of a frozen window on a big one): the
            # server's own backups are the team's, and `annotator backup` makes one.
            QTimer.singleShot(0, self.take_backup)

    def take_backup(self) -> None:
        if self.project.closed:  # the window went before its first idle moment
            return
        try:
            backups.daily_backup(self.project)
        except (OSError, UserError) as exc:
            self.notice.show_notice(
                self.tr("Today's backup failed: %1").replace("%1", error_text(exc)), "warning"
            )

    def window_activated(self) -> None:
        """Called when the window regains focus: pick up what another program wrote."""
        self.watcher.check()

    def _changed(self) -> None:
        if self.watcher.live:  # a server tells as it happens: no need to say so
            self.liveChange.emit()
            return
        self.reloadNeeded.emit()
        self.notice.show_notice(
            self.tr("Another program changed this project; what you see is up to date."),
            "info",
            passing=True,
        )

    def save_failed(self, text: str) -> None:
        self.notice.show_notice(self.tr("Not saved: %1").replace("%1", _inset(text)), "error")

    def connection_lost(self, what: str, why: str) -> None:
        """An edit found the server gone: it is not saved; retry until it is back."""
        self.unsaved.append(what)
        self.watcher.connection_failed(why)
        self._connection_lost(why)

    def _connection_lost(self, why: str) -> None:
        text = self.tr(
            "The server cannot be reached, so changes cannot be saved until it answers "
            "again (trying again by itself). %1"
        ).replace("%1", _inset(why))
        if self.unsaved:
            names = ", ".join(self.unsaved)
            text = self.tr("Not saved: %1.").replace("%1", names) + " " + text
        self.notice.show_notice(text, "error")

    def _connection_back(self) -> None:
        text = self.tr("Connected to the server again; changes are saved as before.")
        kind = "info"
        if self.unsaved:
            names = ", ".join(self.unsaved)
            text += " " + self.tr("Not saved while it was away: %1 (make them again).").replace(
                "%1", names
            )
            kind = "warning"
        self.unsaved = []
        self.notice.show_notice(text, kind)

    def restore(self, parent: QWidget) -> None:
        """Ask which backup to restore, then put it in the project's place."""
        try:
            backups.check_restorable(self.project.path)
            found = backups.list_backups(self.project)
        except UserError as exc:  # a server's project, or an identity another program changed
            QMessageBox.warning(parent, "annotator", error_text(exc))
            return
        if not found:
            QMessageBox.information(parent, "annotator", self.tr("There is no backup yet."))
            return
        names = [f"{b.taken:%Y-%m-%d}" for b in found]
        choice, ok = QInputDialog.getItem(
            parent,
            self.tr("Restore a backup"),
            self.tr(
                "Put this day's backup in the project's place (the current file is kept beside it):"
            ),
            names,
            0,
            False,
        )
        if ok:
            self.reopenNeeded.emit(found[names.index(choice)].path)
