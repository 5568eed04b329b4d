"""Starting the GUI: the QApplication, fonts, translations, identity and the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLineEdit, QMessageBox

from annotator.core.errors import UserError
from annotator.storage.locations import server_url
from annotator.storage.project import PROJECT_SUFFIX, Project
from annotator.ui.error_texts import error_text
from annotator.ui.fonts import register_fonts
from annotator.ui.i18n import install_translator
from annotator.ui.settings import Settings
from annotator.ui.termination import close_on_termination
from annotator.ui.theme import apply_theme
from annotator.ui.window import MainWindow

# Top-level windows live here so that Python does not collect them.
_windows: list[MainWindow] = []


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QCoreApplication.setOrganizationName("annotator")
    QCoreApplication.setOrganizationDomain("annotator.example.org")
    QCoreApplication.setApplicationName("annotator")
    app = QApplication(sys.argv[:1])
    register_fonts()
    settings = Settings()
    install_translator(app, settings.language)
    apply_theme(app, settings.theme)
    return app


def ask_annotator(settings: Settings) -> str | None:
    """The annotator's name from the settings, asked (and kept) on first start."""
    if settings.annotator:
        return settings.annotator
    name, ok = QInputDialog.getText(
        None,
        QCoreApplication.translate("app", "Who is annotating?"),
        QCoreApplication.translate("app", "Your name, as it will be stored with your spans:"),
        QLineEdit.EchoMode.Normal,
        Settings.default_annotator(),
    )
    name = name.strip()
    if not ok or not name:
        return None
    settings.annotator = name
    return name


def choose_project(settings: Settings) -> Path | None:
    recent = settings.recent_projects()
    if recent:
        return recent[0]
    path, _ = QFileDialog.getOpenFileName(
        None,
        QCoreApplication.translate("app", "Open a project"),
        "",
        QCoreApplication.translate("app", "Annotator projects (*%1)").replace("%1", PROJECT_SUFFIX),
    )
    return Path(path) if path else None


def open_window(path: Path, annotator: str, settings: Settings) -> MainWindow:
    # A server's URL is opened (its project is made by `annotator server init`).
    there = path.exists() or server_url(path) is not None
    project = Project.open(path) if there else Project.create(path)
    return window_on(project, annotator, settings)


def window_on(project: Project, annotator: str, settings: Settings) -> MainWindow:
    """A window on an open project, which the recent list names."""
    window = MainWindow(project, annotator, settings)
    settings.add_recent(project.path)
    _keep(window, annotator, settings)
    window.show()
    return window


def _keep(window: MainWindow, annotator: str, settings: Settings) -> None:
    _windows.append(window)
    window.projectRequested.connect(lambda other: _switch(window, other, annotator, settings))
    window.projectOpened.connect(lambda project: _replace(window, project, annotator, settings))
    window.rebuildRequested.connect(lambda: _rebuild(window, annotator, settings))


def _rebuild(old: MainWindow, annotator: str, settings: Settings) -> None:
    """The window again, in the language now installed, on the same open project with
    the same undo history, showing what the old one showed."""
    window = MainWindow(old.project, annotator, settings, history=old.session.undo_stack)
    _keep(window, annotator, settings)
    window.take_over_from(old)
    window.show()
    window.view.pin_top_paragraph(old.view.firstVisibleBlock().blockNumber())
    old.close()
    _windows.remove(old)
    old.deleteLater()


def _switch(old: MainWindow, path: Path, annotator: str, settings: Settings) -> None:
    try:
        open_window(path, annotator, settings)
    except UserError as exc:
        QMessageBox.warning(old, "annotator", error_text(exc))
        return
    _close(old)


def _replace(old: MainWindow, project: Project, annotator: str, settings: Settings) -> None:
    window_on(project, annotator, settings)
    _close(old)


def _close(old: MainWindow) -> None:
    old.close()
    old.project.close()
    _windows.remove(old)
    old.deleteLater()  # closed is only hidden: each project opened would leave one behind


def start(project_path: Path | None, annotator: str | None = None) -> MainWindow | None:
    """Everything ``run`` does before the event loop: the window, or None when the user
    gave no name or project, or the project could not be opened (and was told why)."""
    application()
    settings = Settings()
    path = project_path or choose_project(settings)
    if path is None:
        return None
    # On a server one annotates as the URL's user (MainWindow): no name to ask for.
    on_server = server_url(path) is not None
    name = annotator or (
        settings.annotator or Settings.default_annotator() if on_server else ask_annotator(settings)
    )
    if not name:
        return None
    try:
        return open_window(path, name, settings)
    except UserError as exc:
        QMessageBox.critical(None, "annotator", error_text(exc))
        return None


def run(project_path: Path | None, annotator: str | None = None) -> int:
    if start(project_path, annotator) is None:
        return 1 if project_path is not None else 0
    app = application()
    close_on_termination(app)
    return app.exec()


def main() -> None:
    sys.exit(run(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
