"""What a Python module imports, read from its source without running it (a helper of the
tests that hold the code's and the tests' layout: tests/test_structure.py, tests/test_test_imports.py)."""

from __future__ import annotations

import ast


def imported_modules(source: str) -> set[str]:
    """Every dotted name a module's source imports (`from a import b` gives a and a.b)."""
    modules = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules.update(a.name for a in node.names)
        if isinstance(node, ast.ImportFrom) and node.module:
            modules.update([node.module] + [f"{node.module}.{a.name}" for a in node.names])
    return modules
