"""A pytest plugin (loaded by conftest.py): no test writes to the job summary of the run it
is in. On GitHub, and in .ci/run, $GITHUB_STEP_SUMMARY is the run's own; a test that lets a
tool write there shows its test data to the people reading the job."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

MESSAGE = "a test wrote to $GITHUB_STEP_SUMMARY of the run it is in"


def _content(path: str | None) -> bytes | None:
    return Path(path).read_bytes() if path and Path(path).is_file() else None


@pytest.fixture(scope="session", autouse=True)
def github_summary_untouched():
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    before = _content(path)
    yield
    assert _content(path) == before, f"{MESSAGE} ({path})"
