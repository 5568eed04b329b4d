"""The peers tier: our files checked by the real tools that read and write them.

Label Studio and doccano are installed into cached virtual environments of their own
(peer_venv.py) and run as servers on 127.0.0.1 (peer_servers.py), once per test session,
with throw-away data folders; the finalizers stop them by PID. spaCy, Hugging Face
``datasets`` and dkpro-cassis are test dependencies of the project itself.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from peer_data import DOCCANO_VERSION, EMOJI_DOC, LABEL_STUDIO_VERSION, PLAIN_DOC, document
from peer_http import Client
from peer_servers import Server, free_port, quiet_env, run, start, wait_until_up
from peer_venv import peer_venv

from annotator.storage.project import Project


@pytest.fixture(scope="session")
def news_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with the two documents, made once; tests only read it."""
    path = tmp_path_factory.mktemp("news") / "news.annotator"
    project = Project.create(path)
    with project.write():
        project.add_documents([document(EMOJI_DOC), document(PLAIN_DOC)])
    project.close()
    return path


@pytest.fixture(scope="session")
def label_studio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Label Studio, as ``label-studio start`` runs it, with an admin and an API token."""
    venv = peer_venv("label-studio", LABEL_STUDIO_VERSION, f"label-studio=={LABEL_STUDIO_VERSION}")
    data = tmp_path_factory.mktemp("label-studio")
    port, token = free_port(), secrets.token_hex(20)
    command = [
        str(venv / "bin" / "label-studio"),
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
    log = data / "server.log"
    client = Client(f"http://127.0.0.1:{port}", {"Authorization": f"Token {token}"})
    server = Server(client, [start(command, quiet_env(), log)], log)
    try:
        wait_until_up(server, "/api/projects/")
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def doccano(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """doccano's web server (gunicorn, bound to 127.0.0.1) and its task queue (celery,
    which runs imports and exports), sharing a throw-away SQLite database."""
    venv = peer_venv("doccano", DOCCANO_VERSION, f"doccano=={DOCCANO_VERSION}")
    home = tmp_path_factory.mktemp("doccano")
    env = quiet_env(DOCCANO_HOME=str(home), DEBUG="False")
    log = home / "server.log"
    bin_ = venv / "bin"
    password = secrets.token_hex(12)
    run([str(bin_ / "doccano"), "init"], env, log)
    run(
        [str(bin_ / "doccano"), "createuser", "--username", "admin", "--password", password],
        env,
        log,
    )
    backend = next((venv / "lib").glob("python3*/site-packages/backend"))
    port = free_port()
    web = [
        str(bin_ / "python"),
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
        start([str(bin_ / "doccano"), "task", "--concurrency", "1"], env, log),
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
