"""The tests share code through their helpers (tests/helpers.py and its kin), never by importing
one another: a test module is collected and run by pytest, and one that imports another runs that
one's fixtures and constants in two places."""

from __future__ import annotations

import re
from pathlib import Path

from cultuurregio.project import ROOT
from tests.source_imports import imported_modules


def imports_of_test_modules(tests: Path = ROOT / "tests") -> list[str]:
    """Imports of a test module (tests/test_*.py) anywhere in the tests: a test module is never
    a library. What tests share lives in the helpers (tests/helpers.py and its kin)."""
    found = []
    for path in sorted(tests.rglob("*.py")):
        modules = imported_modules(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(tests.parent)} imports {name}" for name in sorted(modules)
                  if re.fullmatch(r"tests(\.\w+)*\.test_\w+", name)]
    return found


def test_tests_import_helpers_never_each_other():
    assert imports_of_test_modules() == []


def test_the_test_import_rule_catches_one_test_importing_another(tmp_path):
    (tmp_path / "tests" / "github_actions").mkdir(parents=True)
    (tmp_path / "tests" / "test_een.py").write_text("from tests.test_twee import IETS\n", encoding="utf-8")
    (tmp_path / "tests" / "github_actions" / "hulp.py").write_text("import tests.test_drie\n", encoding="utf-8")
    (tmp_path / "tests" / "test_vier.py").write_text("from tests.helpers import build\nfrom tests import test_vijf\n",
                                                     encoding="utf-8")
    assert imports_of_test_modules(tmp_path / "tests") == [
        "tests/github_actions/hulp.py imports tests.test_drie", "tests/test_een.py imports tests.test_twee",
        "tests/test_vier.py imports tests.test_vijf"]
