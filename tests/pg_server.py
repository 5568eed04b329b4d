"""A real, throw-away PostgreSQL server for the tests: `initdb` and `pg_ctl` in a
temporary folder, on a free loopback port, stopped at the end.

The binaries are the operating system's (dev.py installs Debian's `postgresql` when they
are missing). PostgreSQL refuses to run as root, so when the tests are root (CI, a fresh
container) the server runs as the `postgres` user that the package creates.
"""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from annotator.core.schema import Schema
from annotator.storage.project import Project

SUPERUSER = "admin"
SUPERUSER_PASSWORD = "admin-secret"
DATABASE = "annotator"
WAIT_SECONDS = "60"  # pg_ctl's bound on starting and stopping


def bindir() -> Path:
    """Where initdb and pg_ctl are: pg_config's answer, PATH, or Debian's folders."""
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        found = Path(out.stdout.strip())
        if (found / "initdb").exists():
            return found
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, "initdb").exists():
            return Path(folder)
    raise RuntimeError(
        "no PostgreSQL server binaries (initdb, pg_ctl): `python3 dev.py test` installs them"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class PgServer:
    folder: Path
    port: int

    def url(
        self,
        user: str = SUPERUSER,
        password: str | None = SUPERUSER_PASSWORD,
        project: str | None = None,
        database: str = DATABASE,
    ) -> str:
        """A postgresql:// URL to this server (the password in it when given)."""
        auth = quote(user, safe="")
        if password is not None:
            auth += ":" + quote(password, safe="")
        query = f"?project={project}" if project else ""
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{database}{query}"


def _as_server_user() -> list[str]:
    """The command prefix that runs the server's programs as a user PostgreSQL accepts."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _give_to_server_user(folder: Path) -> None:
    if os.geteuid() == 0:
        import pwd  # POSIX only: the suite is also loaded on Windows, without a server

        user = pwd.getpwnam("postgres")  # made by Debian's postgresql package
        for path in [folder, *folder.rglob("*")]:
            os.chown(path, user.pw_uid, user.pw_gid)


def _run(*command: str | Path, check: bool = True) -> int:
    """Run one of the server's programs as the server's user; its output is kept quiet."""
    env = {**os.environ, "PGPASSWORD": SUPERUSER_PASSWORD}
    done = subprocess.run([*_as_server_user(), *command], capture_output=True, env=env)
    if check and done.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {done.stderr.decode(errors='replace')}")
    return done.returncode


@contextmanager
def running_server(durable: bool = False) -> Iterator[PgServer]:
    """A new cluster with the superuser ``admin`` (password auth on TCP) and the database
    ``annotator``; stopped and removed on leaving, whatever happened. Unless ``durable``
    (benchmarks of commits), it does not wait for the disk: tests need no crash safety."""
    bin_ = bindir()
    folder = Path(tempfile.mkdtemp(prefix="annotator-pg-"))
    data = folder / "data"
    (folder / "pwfile").write_text(SUPERUSER_PASSWORD + "\n")
    port = free_port()
    started = False
    try:
        _give_to_server_user(folder)
        _run(
            bin_ / "initdb",
            *("-D", data, "-U", SUPERUSER, f"--pwfile={folder / 'pwfile'}"),
            *("--auth-host=scram-sha-256", "--auth-local=scram-sha-256"),
            *("--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"),
        )
        start_again(PgServer(folder, port), durable)
        started = True
        _run(bin_ / "createdb", "-h", "127.0.0.1", "-p", str(port), "-U", SUPERUSER, DATABASE)
        yield PgServer(folder, port)
    finally:
        if started and not stop_now(PgServer(folder, port)):
            _kill_postmaster(data)
        shutil.rmtree(folder, ignore_errors=True)


def start_again(server: PgServer, durable: bool = False) -> None:
    """Start the server's cluster (again, after ``stop_now``), on its port; not waiting for
    the disk unless ``durable`` (see ``running_server``)."""
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={server.port} "
        f"-c unix_socket_directories={server.folder}"
    )
    if not durable:
        options += " -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
    start = ("-w", "-t", WAIT_SECONDS, "start")
    data = server.folder / "data"
    _run(bindir() / "pg_ctl", "-D", data, "-o", options, "-l", server.folder / "log", *start)


def stop_now(server: PgServer) -> bool:
    """Stop the server at once, as a crash or a pulled cable would (connections cut,
    no goodbye); whether it stopped."""
    stop = ("-m", "immediate", "-w", "-t", WAIT_SECONDS, "stop")
    return _run(bindir() / "pg_ctl", "-D", server.folder / "data", *stop, check=False) == 0


def _kill_postmaster(data: Path) -> None:
    """The last resort when pg_ctl could not stop it: the PID its lock file names."""
    with suppress(OSError, ValueError, IndexError):
        pid = int((data / "postmaster.pid").read_text().splitlines()[0])
        os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One server for the whole run (each test makes a project of its own in it)."""
    with running_server() as server:
        yield server


# Running a folder's tests on both engines (its conftest calls both_engines).


def both_engines(metafunc: pytest.Metafunc, file_only: dict[str, str]) -> None:
    """Each test once on a project file and once with its projects on the server, unless
    ``file_only`` names its module or node id (``test_x.py::test_y``) with why."""
    node = f"{Path(metafunc.definition.path).name}::{metafunc.definition.originalname}"
    only_file = node in file_only or node.split("::")[0] in file_only
    metafunc.parametrize("engine", ["file"] if only_file else ["file", "server"], indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Which engine the test's projects are on; on "server", a path the test gives for a
    project is a project on the server instead (the same path, the same project)."""
    kind = str(request.param)
    if kind == "server":
        _on_server(request.getfixturevalue("pg_server"), monkeypatch)
    return kind


_projects: dict[str, str] = {}  # a test's project path -> its server URL


def _on_server(server: PgServer, monkeypatch: pytest.MonkeyPatch) -> None:
    create, open_ = Project.create.__func__, Project.open.__func__  # type: ignore[attr-defined]

    def url_of(path: str | Path) -> str:
        if str(path).startswith("postgresql://"):
            return str(path)
        key = str(Path(path).resolve())
        if key not in _projects:
            _projects[key] = server.url(project="t" + hashlib.sha1(key.encode()).hexdigest()[:16])
        return _projects[key]

    def create_there(cls: type[Project], path: str | Path, /, schema: Schema | None = None) -> Any:
        return create(cls, url_of(path), schema)

    def open_there(cls: type[Project], path: str | Path, /, **options: Any) -> Any:
        options.pop("busy_timeout_ms", None)  # a file's lock
        return open_(cls, url_of(path), **options)

    monkeypatch.setattr(Project, "create", classmethod(create_there))
    monkeypatch.setattr(Project, "open", classmethod(open_there))
