"""The time stamps and ids that rows are written with."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_id() -> str:
    return secrets.token_hex(8)
