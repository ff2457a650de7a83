"""The W3C's Nu Html Checker (vnu.jar, pinned in package-lock.json), as the tests run it: on
many files in one run, for Java starts once (tests/test_html_validity.py,
tests/test_accessibility_statement.py). A helper of the tests, not a test."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from cultuurregio.project import ROOT


def nu_html_errors(pages: list[Path], root: Path) -> list[str]:
    """The checker on these files: `path:line: message`, each path below `root`."""
    checker = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    assert checker.is_file(), "vnu.jar ontbreekt: draai 'make test' (npm ci installeert het)"
    messages = json.loads(subprocess.run(["java", "-jar", str(checker), "--errors-only", "--format", "json",
                                          *map(str, pages)], capture_output=True, text=True).stderr)["messages"]
    return [f"{_below(root, m.get('url', ''))}:{m.get('lastLine')}: {m['message']}" for m in messages]


def _below(root: Path, url: str) -> str:
    # The checker names a file `file:/tmp/…` (one slash, where Path.as_uri() has three).
    path = Path(unquote(urlsplit(url).path))
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else url
