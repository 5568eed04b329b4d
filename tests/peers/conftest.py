"""The peers tier: our files checked by the real tools that read and write them.

Label Studio and doccano are installed into cached virtual environments of their own
(peer_venv.py) and run as servers on 127.0.0.1 (peer_servers.py), once per test session,
with throw-away data folders; the finalizers stop them by PID. spaCy, Hugging Face
``datasets`` and dkpro-cassis are test dependencies of the project itself.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from annotator.storage.project import Project
from tests.peers.peer_data import (
    DOCCANO_VERSION,
    EMOJI_DOC,
    LABEL_STUDIO_VERSION,
    PLAIN_DOC,
    document,
)
from tests.peers.peer_http import Client
from tests.peers.peer_servers import Server, free_port, quiet_env, run, start, wait_until_up
from tests.peers.peer_venv import copy_of, peer_venv, prepared


@pytest.fixture(scope="session")
def news_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with the two documents, made once; tests only read it."""
    path = tmp_path_factory.mktemp("news") / "news.annotator"
    project = Project.create(path)
    with project.write():
        project.add_documents([document(EMOJI_DOC), document(PLAIN_DOC)])
    project.close()
    return path


def label_studio_command(venv: Path) -> list[str]:
    return [str(venv / "bin" / "python"), "-m", "label_studio.server"]  # label-studio


def doccano_command(venv: Path) -> list[str]:
    return [str(venv / "bin" / "python"), "-m", "backend.cli"]  # doccano


def migrate_label_studio(venv: Path, data: Path) -> None:
    """A data folder with Label Studio's database made: any command applies the
    migrations first, and "version" then only prints."""
    env = quiet_env(LABEL_STUDIO_BASE_DATA_DIR=str(data))
    command = [*label_studio_command(venv), "version", "--data-dir", str(data)]
    run(command, env, data / "prepare.log")


def init_doccano(venv: Path, home: Path) -> None:
    """A DOCCANO_HOME with doccano's database and roles made, and an admin."""
    env, log = quiet_env(DOCCANO_HOME=str(home)), home / "prepare.log"
    password = secrets.token_hex(12)
    run([*doccano_command(venv), "init"], env, log)
    createuser = ["createuser", "--username", "admin", "--password", password]
    run([*doccano_command(venv), *createuser], env, log)
    (home / "admin-password").write_text(password)


# What each tool's virtual environment gets from the package registry, and how its data
# folder is prepared. doccano 1.8.4's own requirements let pip take marshmallow 4, which
# its environs 9 cannot import, and numpy 2, which its pandas 1.5 was not built for.
PEERS = {
    "label-studio": (
        LABEL_STUDIO_VERSION,
        [f"label-studio=={LABEL_STUDIO_VERSION}"],
        migrate_label_studio,
    ),
    "doccano": (
        DOCCANO_VERSION,
        [f"doccano=={DOCCANO_VERSION}", "marshmallow<4", "numpy<2"],
        init_doccano,
    ),
}


@dataclass(frozen=True)
class Peer:
    venv: Path
    data: Path  # the prepared data folder each server starts from a copy of


def install(tool: str) -> Peer:
    version, requirements, prepare = PEERS[tool]
    venv = peer_venv(tool, version, *requirements)
    return Peer(venv, prepared(venv, prepare))


@pytest.fixture(scope="session")
def peers() -> dict[str, Peer]:
    """Both tools installed and their data prepared, side by side when missing (a cold
    install waits mostly on the registry)."""
    with ThreadPoolExecutor(len(PEERS)) as pool:
        return dict(zip(PEERS, pool.map(install, PEERS), strict=True))


@pytest.fixture(scope="session")
def label_studio(
    peers: dict[str, Peer], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """Label Studio, as ``label-studio start`` runs it, with an admin and an API token."""
    peer = peers["label-studio"]
    data = tmp_path_factory.mktemp("label-studio")
    copy_of(peer.data, data)
    log = data / "server.log"
    env = quiet_env(LABEL_STUDIO_BASE_DATA_DIR=str(data))
    port, token = free_port(), secrets.token_hex(20)
    command = [
        *label_studio_command(peer.venv),
        "start",
        "--no-browser",
        "--internal-host",
        "127.0.0.1",
        "--port",
        str(port),
        "--data-dir",
        str(data),
        "--username",
        "admin@example.com",
        "--password",
        secrets.token_hex(12),
        "--user-token",
        token,
        # The organisation accepts this token (the browser uses a session instead).
        "--enable-legacy-api-token",
    ]
    client = Client(f"http://127.0.0.1:{port}", {"Authorization": f"Token {token}"})
    server = Server(client, [start(command, env, log)], log)
    try:
        wait_until_up(server, "/api/projects/")
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def doccano(peers: dict[str, Peer], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """doccano's web server (gunicorn, bound to 127.0.0.1) and its task queue (celery,
    which runs imports and exports), sharing a throw-away SQLite database."""
    venv = peers["doccano"].venv
    home = tmp_path_factory.mktemp("doccano")
    copy_of(peers["doccano"].data, home)
    password = (home / "admin-password").read_text()
    env = quiet_env(DOCCANO_HOME=str(home), DEBUG="False")
    log = home / "server.log"
    backend = next((venv / "lib").glob("python3*/site-packages/backend"))
    port = free_port()
    web = [
        str(venv / "bin" / "python"),
        "-m",
        "gunicorn",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--chdir",
        str(backend),
        "config.wsgi",
    ]
    web_env = {
        **env,
        "STANDALONE": "True",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": f"sqlite:///{home / 'db.sqlite3'}",
        "MEDIA_ROOT": str(home / "media"),
    }
    processes = [
        start(web, web_env, log),
        start([*doccano_command(venv), "task", "--concurrency", "1"], env, log),
    ]
    server = Server(Client(f"http://127.0.0.1:{port}"), processes, log)
    try:
        wait_until_up(server, "/v1/health/")
        login = server.client.json(
            "POST", "/v1/auth/login/", {"username": "admin", "password": password}
        )
        server.client.headers["Authorization"] = f"Token {login['key']}"
        yield server
    finally:
        server.stop()
