"""Compiling a user's regular expressions first in a child process with a memory and a
time limit: ``a{1000000000}`` makes the regex module build a program of gigabytes before
any match starts (the matching itself has its own timeout, ``matcher.py``).

The child compiles the patterns one by one and says which one it starts; when it is
killed (memory or time), the pattern it was compiling is the one refused.

    python -m annotator.suggest.probe   (reads a JSON list of pattern sources on stdin)
"""

from __future__ import annotations

import json
import subprocess
import sys

import regex

# How every user pattern is compiled (``rules.py``), here and in the child alike.
FLAGS = regex.IGNORECASE | regex.V1
MEMORY_LIMIT = 256 * 1024 * 1024  # bytes of address space for the child
CPU_LIMIT_S = 2  # seconds of processor time for the child
WALL_LIMIT_S = 10.0  # seconds, however busy the machine: start-up included


def too_costly(sources: list[str]) -> int | None:
    """The index of the first pattern that does not compile within the limits, if any.
    A pattern that is merely invalid is not this function's to report."""
    if not sources:
        return None
    try:
        done = subprocess.run(
            [sys.executable, "-m", __name__],
            input=json.dumps(sources),
            capture_output=True,
            text=True,
            timeout=WALL_LIMIT_S,
            check=False,
        )
        output, ok = done.stdout, done.returncode == 0
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout or b""
        output, ok = out.decode() if isinstance(out, bytes) else out, False
    if ok:
        return None
    started = [int(line) for line in output.split()]
    return started[-1] if started else 0


def _limit() -> None:
    try:
        import resource  # POSIX only; Windows has the wall-clock limit
    except ImportError:
        return
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT_S, CPU_LIMIT_S))


def main() -> None:
    sources = json.loads(sys.stdin.read())
    _limit()
    for i, source in enumerate(sources):
        sys.stdout.write(f"{i}\n")
        sys.stdout.flush()
        try:
            regex.compile(source, FLAGS)
        except regex.error:
            pass  # invalid, not costly: the caller's own compile says what is wrong
        except MemoryError:
            sys.exit(3)


if __name__ == "__main__":
    main()
