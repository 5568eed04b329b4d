"""Where the shared test material lives: beside the repository, never copied into it."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
