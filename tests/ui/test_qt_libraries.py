"""When Qt cannot start for lack of system libraries, the command says which and how to
install them (instead of Qt's message, which may name a library that is present)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.qt_libraries import debian_package
from annotator.launcher import cli
from annotator.storage.project import Project

LDD = """#!/bin/sh
printf '\\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6\\n'
printf '\\tlibxcb-icccm.so.4 => not found\\n'
printf '\\tlibxcb-keysyms.so.1 => not found\\n'
"""


@pytest.mark.skipif(not shutil.which("ldd"), reason="ldd is Linux's")
def test_opening_a_window_without_qts_libraries_names_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "p.annotator"
    Project.create(project).close()
    fake = tmp_path / "bin" / "ldd"
    fake.parent.mkdir()
    fake.write_text(LDD)
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM")
    result = CliRunner().invoke(cli, ["open", str(project)])
    assert result.exit_code == 2
    assert "the system lacks libxcb-icccm.so.4, libxcb-keysyms.so.1" in result.stderr
    if shutil.which("apt-get"):
        assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_library_names_become_debian_packages() -> None:
    assert debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert debian_package("libX11.so.6") == "libx11-6"
    assert debian_package("libglib-2.0.so.0") == "libglib2.0-0"
