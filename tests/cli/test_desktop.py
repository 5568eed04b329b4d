"""`annotator install-desktop --prefix`: the XDG files, an Exec line that runs annotator,
and a file type the system's shared-mime-info accepts."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator import __version__
from annotator.cli.main import cli
from annotator.desktop import APP_ID, desktop_entry, install


def entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return dict(parser["Desktop Entry"])


def test_install_desktop_writes_the_entry_type_and_icons(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["install-desktop", "--prefix", str(tmp_path)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    wanted = [
        f"applications/{APP_ID}.desktop",
        f"mime/packages/{APP_ID}.xml",
        f"icons/hicolor/scalable/apps/{APP_ID}.svg",
        "icons/hicolor/scalable/mimetypes/application-x-annotator-project.svg",
    ]
    for name in wanted:
        assert (tmp_path / name).is_file(), name
        assert f"wrote {tmp_path / name}" in result.stdout
    desktop = entry(tmp_path / "applications" / f"{APP_ID}.desktop")
    assert desktop["MimeType"] == "application/x-annotator-project;"
    assert desktop["Icon"] == APP_ID and desktop["Type"] == "Application"
    assert desktop["Exec"].endswith(" open %f")
    assert "@" not in desktop["Exec"] + desktop["TryExec"]


def test_the_exec_line_runs_this_annotator(tmp_path: Path) -> None:
    install(tmp_path, refresh=False)
    exec_line = entry(tmp_path / "applications" / f"{APP_ID}.desktop")["Exec"]
    command = exec_line.removesuffix(" open %f").split()
    done = subprocess.run([*command, "--version"], capture_output=True, text=True, check=True)
    assert __version__ in done.stdout


def test_arguments_with_spaces_and_percent_are_quoted() -> None:
    line = next(
        ln
        for ln in desktop_entry(["/opt/my apps/python", "-m", "annotator"]).splitlines()
        if ln.startswith("Exec=")
    )
    assert line == 'Exec="/opt/my apps/python" -m annotator open %f'
    line = next(ln for ln in desktop_entry(["/a/100%/x"]).splitlines() if ln.startswith("Exec="))
    assert line == "Exec=/a/100%%/x open %f"


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="no shared-mime-info")
def test_shared_mime_info_takes_the_file_type(tmp_path: Path) -> None:
    done = install(tmp_path)
    assert "update-mime-database" in done.refreshed
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert "application/x-annotator-project:*.annotator" in globs
    subclasses = (tmp_path / "mime" / "subclasses").read_text(encoding="utf-8")
    assert "application/x-annotator-project application/vnd.sqlite3" in subclasses


def test_python_dash_m_annotator_prints_the_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"annotator, version {__version__}"
