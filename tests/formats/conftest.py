from __future__ import annotations

from pathlib import Path

import pytest

from tests.formats.interop_helpers import INTEROP


@pytest.fixture
def interop() -> Path:
    if not INTEROP.is_dir():
        pytest.skip("shared/interop is not beside the repository")
    return INTEROP
