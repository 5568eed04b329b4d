"""Shared test set-up. Qt runs offscreen; core tests never import it."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from annotator.storage.project import Project

# The throw-away PostgreSQL server's fixture, pg_server, for every test folder.
pytest_plugins = ["tests.pg_server"]

# Before any QApplication exists: with no display Qt would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests, one setting for all: no deadline (timings are benchmarks' business, and a
# slow machine is no failure), and in CI the same examples every run, so that a red run is
# the code's doing and can be repeated. Tests set only their number of examples.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, database=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


# The only skips a run with --fail-on-skip (dev.py test, so CI) accepts: node id -> why.
# Every feature's test runs in CI (it installs every extra); keep this list short.
ALLOWED_SKIPS: dict[str, str] = {
    # SIGKILL does not exist on Windows; CI runs on Linux.
    "tests/storage/test_crash_and_concurrency.py": "POSIX only",
    # brat reads the text beside the .ann given, so /dev/null cannot be that text.
    "tests/formats/test_fuzz_importers.py::test_special_files_are_refused_by_every_importer"
    "[/dev/null-brat]": "not applicable to brat",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--no-qt",
        action="store_true",
        help="make PySide6 unimportable and leave out tests/ui: the core must not need Qt "
        "(run with -p no:pytest-qt)",
    )
    parser.addoption(
        "--fail-on-skip",
        action="store_true",
        help="fail the run when a test skips that tests/conftest.py's ALLOWED_SKIPS lacks",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--no-qt"):
        sys.modules["PySide6"] = None  # type: ignore[assignment]  # what Python's import reads as "not installed"


# Window tests outside tests/ui: the Qt run (dev.py) runs them with tests/ui.
QT_ELSEWHERE = {
    Path(__file__).parent / "server" / name
    for name in (
        "test_live_window.py",
        "test_open_server_window.py",
        "test_faults_window.py",
        "test_window_parity.py",
    )
}


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if config.getoption("--no-qt") and (
        collection_path == Path(__file__).parent / "ui" or collection_path in QT_ELSEWHERE
    ):
        return True
    # The peer servers are started, stopped (process groups) and cached (fcntl locks) the
    # POSIX way; CI runs on Linux.
    if sys.platform == "win32" and collection_path == Path(__file__).parent / "peers":
        return True
    return None


_unexpected_skips: list[str] = []


def _note_skip(report: pytest.TestReport | pytest.CollectReport) -> None:
    allowed = any(report.nodeid.startswith(key) for key in ALLOWED_SKIPS)
    if report.skipped and not hasattr(report, "wasxfail") and not allowed:
        _unexpected_skips.append(report.nodeid)


pytest_runtest_logreport = pytest_collectreport = _note_skip  # a test's skip, a module's


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if session.config.getoption("--fail-on-skip") and _unexpected_skips and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if terminalreporter.config.getoption("--fail-on-skip") and _unexpected_skips:
        terminalreporter.section("skipped tests not in ALLOWED_SKIPS (tests/conftest.py)")
        for nodeid in _unexpected_skips:
            terminalreporter.write_line(nodeid)


@pytest.fixture(autouse=True)
def _isolated_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo project, backups and the annotator's name go to throw-away folders,
    never the user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    # The annotator's name (annotator.identity) too: the user's own is never read.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))


@pytest.fixture(autouse=True)
def _fail_on_logged_warnings(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """A warning logged during a test fails it (as qutebrowser does): either the code has
    a problem to fix or the test should check the warning and then ``caplog.clear()``."""
    yield
    unexpected = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    assert not unexpected, [f"{r.name}: {r.getMessage()}" for r in unexpected]


def reopen_project(path: Path) -> Project:
    """A second, independent connection to the project file, as another program sees it."""
    return Project.open(path)


def spans_seen_elsewhere(path: Path) -> int:
    """How many spans the project file holds for another program (the sqlite3 command,
    `annotator list`): read in a process of its own, which closes the file after."""
    reader = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "print(c.execute('SELECT count(*) FROM annotations').fetchone()[0]); c.close()"
    )
    done = subprocess.run(
        [sys.executable, "-c", reader, str(path)], capture_output=True, text=True, check=True
    )
    return int(done.stdout)
