"""Starting and stopping the peer tools' servers on 127.0.0.1, each with a throw-away
data folder, a free port, its output in a log file, and every wait bounded.

Each server runs in a session (process group) of its own, so that stopping it by its PID
also stops the workers it started; ``stop`` sends SIGTERM, then SIGKILL to what is left.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.peers.peer_http import Client, wait_for

START_TIMEOUT = 240.0  # seconds for a server to answer after a cold start (migrations)
SETUP_TIMEOUT = 900.0  # seconds for a one-off command (migrating a new database)
STOP_TIMEOUT = 30.0


@dataclass
class Server:
    client: Client
    processes: list[subprocess.Popen[bytes]]
    log: Path

    def stop(self) -> None:
        for process in self.processes:
            stop(process)

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def quiet_env(**extra: str) -> dict[str, str]:
    """The environment for a peer: no telemetry, no update checks, no proxies."""
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env.update(
        SENTRY_DSN="",
        FRONTEND_SENTRY_DSN="",
        COLLECT_ANALYTICS="false",
        LATEST_VERSION_CHECK="false",
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """Start ``command`` in a session of its own, its output going to ``log``."""
    with log.open("ab") as out:
        return subprocess.Popen(
            command,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )


def run(command: list[str], env: dict[str, str], log: Path) -> None:
    """A one-off command (set-up), bounded; it must succeed."""
    process = start(command, env, log)
    try:
        code = process.wait(SETUP_TIMEOUT)
    finally:
        stop(process)
    if code != 0:
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-30:])
        raise AssertionError(f"{' '.join(command)} failed (exit {code}):\n{tail}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a process started by ``start`` and everything in its process group."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(STOP_TIMEOUT)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # workers the server left behind
    process.wait(STOP_TIMEOUT)


def wait_until_up(server: Server, path: str) -> None:
    """Wait for ``path`` to answer, failing early (with the log) if the server died."""

    def probe() -> bool | None:
        for process in server.processes:
            if process.poll() is not None:
                raise AssertionError(f"the server stopped:\n{server.log_tail()}")
        server.client.request("GET", path)
        return True

    try:
        wait_for(f"{server.client.base}{path}", probe, START_TIMEOUT)
    except TimeoutError as exc:
        raise AssertionError(f"{exc}\n{server.log_tail()}") from None
