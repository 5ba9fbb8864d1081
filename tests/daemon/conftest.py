"""Fixtures for the end-to-end daemon tests (helpers live in tests/daemon/helpers.py)."""
from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'nejtak.db'}"
