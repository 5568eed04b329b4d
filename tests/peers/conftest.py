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
from tests.peers.peer_venv import copy_of_prepared, peer_venv


@pytest.fixture(scope="session")
def news_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with the two documents, made once; tests only read it."""
    path = tmp_path_factory.mktemp("news") / "news.annotator"
    project = Project.create(path)
    with project.write():
        project.add_documents([document(EMOJI_DOC), document(PLAIN_DOC)])
    project.close()
    return path


# What each tool's virtual environment gets from the package registry. doccano 1.8.4's own
# requirements let pip take marshmallow 4, which its environs 9 cannot import, and
# numpy 2, which its pandas 1.5 was not built for.
PEERS = {
    "label-studio": (LABEL_STUDIO_VERSION, [f"label-studio=={LABEL_STUDIO_VERSION}"]),
    "doccano": (DOCCANO_VERSION, [f"doccano=={DOCCANO_VERSION}", "marshmallow<4", "numpy<2"]),
}


@pytest.fixture(scope="session")
def peer_venvs() -> dict[str, Path]:
    """Both tools' virtual environments, installed side by side when missing (a cold
    install waits mostly on the registry)."""
    with ThreadPoolExecutor(len(PEERS)) as pool:
        futures = {
            tool: pool.submit(peer_venv, tool, version, *requirements)
            for tool, (version, requirements) in PEERS.items()
        }
        return {tool: future.result() for tool, future in futures.items()}


@pytest.fixture(scope="session")
def label_studio(
    peer_venvs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """Label Studio, as ``label-studio start`` runs it, with an admin and an API token."""
    venv = peer_venvs["label-studio"]
    label_studio = [str(venv / "bin" / "python"), "-m", "label_studio.server"]  # the command
    data = tmp_path_factory.mktemp("label-studio")
    log = data / "server.log"
    env = quiet_env(LABEL_STUDIO_BASE_DATA_DIR=str(data))

    def migrate(template: Path) -> None:
        # Any command applies the migrations first; "version" then only prints.
        template_env = quiet_env(LABEL_STUDIO_BASE_DATA_DIR=str(template))
        run([*label_studio, "version", "--data-dir", str(template)], template_env, log)

    copy_of_prepared(venv, "data", data, migrate)
    port, token = free_port(), secrets.token_hex(20)
    command = [
        *label_studio,
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
def doccano(
    peer_venvs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """doccano's web server (gunicorn, bound to 127.0.0.1) and its task queue (celery,
    which runs imports and exports), sharing a throw-away SQLite database."""
    venv = peer_venvs["doccano"]
    python = str(venv / "bin" / "python")
    doccano = [python, "-m", "backend.cli"]  # what the doccano command runs
    home = tmp_path_factory.mktemp("doccano")
    log = home / "server.log"

    def init(template: Path) -> None:
        """doccano's set-up: the database and roles, and an admin."""
        template_env = quiet_env(DOCCANO_HOME=str(template))
        password = secrets.token_hex(12)
        run([*doccano, "init"], template_env, log)
        run(
            [*doccano, "createuser", "--username", "admin", "--password", password],
            template_env,
            log,
        )
        (template / "admin-password").write_text(password)

    copy_of_prepared(venv, "home", home, init)
    password = (home / "admin-password").read_text()
    env = quiet_env(DOCCANO_HOME=str(home), DEBUG="False")
    backend = next((venv / "lib").glob("python3*/site-packages/backend"))
    port = free_port()
    web = [
        python,
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
        start([*doccano, "task", "--concurrency", "1"], env, log),
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
