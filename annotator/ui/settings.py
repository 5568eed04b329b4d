"""The user's preferences, kept with QSettings (never in the project file)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from annotator import identity
from annotator.storage.locations import location_path, server_url, shown
from annotator.ui.fonts import DEFAULT_POINT_SIZE

MAX_RECENT = 8


class Settings:
    def __init__(self) -> None:
        self._s = QSettings("annotator", "annotator")

    # The name is shared with the command line (annotator.identity), not kept here.

    @property
    def annotator(self) -> str:
        return identity.stored_name()

    @annotator.setter
    def annotator(self, name: str) -> None:
        identity.store_name(name)

    @staticmethod
    def default_annotator() -> str:
        return identity.system_user()

    @property
    def font_size(self) -> int:
        size = self._s.value("view/font_size", DEFAULT_POINT_SIZE, type=int)
        return size if isinstance(size, int) else DEFAULT_POINT_SIZE

    @font_size.setter
    def font_size(self, size: int) -> None:
        self._s.setValue("view/font_size", size)

    @property
    def font_family(self) -> str:
        return str(self._s.value("view/font_family", "", type=str))

    @font_family.setter
    def font_family(self, family: str) -> None:
        self._s.setValue("view/font_family", family)

    @property
    def visual_cursor(self) -> bool:
        return bool(self._s.value("view/visual_cursor", False, type=bool))

    @visual_cursor.setter
    def visual_cursor(self, on: bool) -> None:
        self._s.setValue("view/visual_cursor", on)

    @property
    def language(self) -> str:
        """ "" follows the system locale; else "en" or "ar"."""
        return str(self._s.value("ui/language", "", type=str))

    @language.setter
    def language(self, code: str) -> None:
        self._s.setValue("ui/language", code)

    @property
    def theme(self) -> str:
        """ "" follows the system; else "light" or "dark"."""
        return str(self._s.value("ui/theme", "", type=str))

    @theme.setter
    def theme(self, theme: str) -> None:
        self._s.setValue("ui/theme", theme)

    @property
    def retrain_every(self) -> int:
        """Retrain the suggestions after this many new spans; 0: only when asked."""
        value = self._s.value("suggestions/retrain_every", 10, type=int)
        return value if isinstance(value, int) and value >= 0 else 10

    @retrain_every.setter
    def retrain_every(self, spans: int) -> None:
        self._s.setValue("suggestions/retrain_every", spans)

    def recent_projects(self) -> list[Path]:
        """Project files that still exist, and server projects' URLs."""
        stored = self._s.value("recent", [], type=list)
        paths = stored if isinstance(stored, list) else []
        return [
            location_path(str(p)) for p in paths if server_url(p) is not None or Path(p).exists()
        ]

    def add_recent(self, path: Path) -> None:
        # A server project's URL is kept without its password.
        paths = [shown(path) if server_url(path) is not None else str(path.resolve())]
        paths += [str(p) for p in self.recent_projects() if str(p) != paths[0]]
        self._s.setValue("recent", paths[:MAX_RECENT])

    # Whose spans are shown beside one's own, per project file ("" for nobody's).

    def beside(self, project: Path) -> str | None:
        """The choice made for this project, or None when none was made."""
        value = self._s.value(_project_key("beside", project))
        return value if isinstance(value, str) else None

    def set_beside(self, project: Path, annotator: str | None) -> None:
        self._s.setValue(_project_key("beside", project), annotator or "")

    # The dock layout is kept per direction: a left-to-right arrangement restored in the
    # mirrored Arabic interface would put the docks on the wrong sides.

    def window_state(self, rtl: bool) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self._s.value("window/geometry")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            self.panel_state("window", rtl),
        )

    def save_window_state(self, geometry: QByteArray, state: QByteArray, rtl: bool) -> None:
        self._s.setValue("window/geometry", geometry)
        self.save_panel_state("window", rtl, state)

    def panel_state(self, window: str, rtl: bool) -> QByteArray | None:
        """A window's docks as QMainWindow.saveState left them (the annotation window's
        is "window", the review window's "review")."""
        state = self._s.value(f"{window}/state-rtl" if rtl else f"{window}/state")
        return state if isinstance(state, QByteArray) else None

    def save_panel_state(self, window: str, rtl: bool, state: QByteArray) -> None:
        self._s.setValue(f"{window}/state-rtl" if rtl else f"{window}/state", state)
        self._s.sync()  # on disk now: saved as panels are toggled, to outlive a crash

    def hidden_by_key(self, window: str) -> list[int]:
        """Which of a window's panels (by their place in its list) F9 last hid."""
        value = self._s.value(f"{window}/hidden-by-key", "")
        text = value if isinstance(value, str) else ""
        return [int(i) for i in text.split(",") if i.isdigit()]

    def save_hidden_by_key(self, window: str, panels: list[int]) -> None:
        # Places, not names: a panel's name is the interface language's.
        self._s.setValue(f"{window}/hidden-by-key", ",".join(map(str, panels)))
        self._s.sync()  # with the panel state F9 saves at once


def _project_key(group: str, project: Path) -> str:
    """A settings key for one project file (its path hashed: keys cannot hold slashes)."""
    digest = hashlib.sha1(str(project.resolve()).encode("utf-8"), usedforsecurity=False)
    return f"{group}/{digest.hexdigest()}"
