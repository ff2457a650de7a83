"""The tests pass under the environment GitHub gives a job, and leave that job's summary
alone (tests/summary_guard.py): the guard is proven here on a run of its own."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cultuurregio.project import ROOT
from tests.helpers import environment

# The tests that run `make check` with GitHub's variables, and so could write a summary.
ON_GITHUB = ["tests/test_verdict.py::test_on_github_each_problem_is_an_annotation_and_the_summary_lists_them",
             "tests/test_bad_data.py::test_check_and_build_name_every_mistake_at_once_and_leave_no_site"]
WRITES = """
import os

def test_writes_to_the_summary():
    with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as file:
        file.write("testgegevens")
"""


def pytest_run(tmp_path, *tests: str) -> tuple[subprocess.CompletedProcess, bytes]:
    summary = tmp_path / "summary.md"
    summary.write_bytes(b"## wat de job al schreef\n")
    # A basetemp of its own: pytest's default one would clean up older runs' folders, ours included.
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "tests.summary_guard", "-p", "no:cacheprovider",
                             f"--basetemp={tmp_path / 'basetemp'}", "-q", *tests], cwd=ROOT, capture_output=True,
                            text=True,
                            env=environment(GITHUB_ACTIONS="true", CI="true", GITHUB_STEP_SUMMARY=str(summary)))
    return result, summary.read_bytes()


@pytest.mark.slow
def test_tests_that_run_the_check_on_github_leave_the_runs_summary_alone(tmp_path):
    result, summary = pytest_run(tmp_path, *ON_GITHUB)
    assert result.returncode == 0, result.stdout + result.stderr
    assert summary == b"## wat de job al schreef\n"


def test_the_guard_fails_a_run_whose_test_writes_to_the_summary(tmp_path):
    (tmp_path / "test_schrijft.py").write_text(WRITES, encoding="utf-8")
    result, summary = pytest_run(tmp_path, str(tmp_path / "test_schrijft.py"))
    assert result.returncode != 0 and "a test wrote to $GITHUB_STEP_SUMMARY" in result.stdout, result.stdout
    assert summary.endswith(b"testgegevens")
