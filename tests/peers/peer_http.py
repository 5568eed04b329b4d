"""A small HTTP client for the peer servers' REST APIs (standard library only), and a
bounded wait. Only loopback addresses are ever spoken to."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")
REQUEST_TIMEOUT = 120.0  # seconds for one request (an import or export of a few tasks)


class HttpError(Exception):
    def __init__(self, status: int, body: str, url: str):
        super().__init__(f"HTTP {status} from {url}: {body[:2000]}")
        self.status = status
        self.body = body


@dataclass
class Client:
    base: str  # http://127.0.0.1:PORT
    headers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        assert self.base.startswith("http://127.0.0.1:"), self.base

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        raw: bytes | None = None,
        content_type: str = "application/json",
    ) -> bytes:
        data = raw if raw is not None else None if body is None else json.dumps(body).encode()
        headers = dict(self.headers)
        if data is not None:
            headers["Content-Type"] = content_type
        req = urllib.request.Request(self.base + path, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=REQUEST_TIMEOUT) as response:
                return bytes(response.read())
        except urllib.error.HTTPError as exc:
            raise HttpError(exc.code, exc.read().decode("utf-8", "replace"), req.full_url) from None

    def json(self, method: str, path: str, body: Any = None) -> Any:
        content = self.request(method, path, body)
        return json.loads(content) if content.strip() else None

    def upload(self, path: str, field_name: str, filename: str, content: bytes) -> bytes:
        """POST one file as multipart/form-data, as a browser's file input sends it."""
        boundary = uuid.uuid4().hex
        body = (
            (
                f"--{boundary}\r\n"
                f'Content-Disposition: form-data; name="{field_name}"; filename="{filename}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + content
            + f"\r\n--{boundary}--\r\n".encode()
        )
        return self.request(
            "POST", path, raw=body, content_type=f"multipart/form-data; boundary={boundary}"
        )


def wait_for(what: str, probe: Callable[[], T | None], timeout: float, every: float = 0.5) -> T:
    """Call ``probe`` until it returns something other than None; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            result = probe()
        except (OSError, HttpError) as exc:  # not up yet
            last, result = exc, None
        if result is not None:
            return result
        time.sleep(every)
    raise TimeoutError(f"{what}: not ready after {timeout:.0f} s (last error: {last})")
