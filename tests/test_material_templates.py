"""Copied Material templates cannot drift silently.

Every template in overrides/ that takes the place of one of Material's (or, main.html,
copies a block of its base.html) records which Material version and file it is based on,
with that file's SHA-256. When Material is upgraded and the original changes, this test
names the copy: compare it with the new original, carry the changes over, and record the
new version and hash.
"""

from __future__ import annotations

import hashlib
import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest

from cultuurregio.project import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
RECORD = re.compile(r"Material (?P<version>\S+) original: (?P<file>\S+) sha256:(?P<digest>[0-9a-f]{64})")
OVERRIDES = sorted(p.relative_to(ROOT / "overrides").as_posix() for p in (ROOT / "overrides").rglob("*.html"))
# Those that take the place of one of Material's, and those that say they copy one: a copy
# whose original Material dropped stays in this list, and fails below.
SHADOWING = [name for name in OVERRIDES if (MATERIAL / name).is_file()
             or RECORD.search((ROOT / "overrides" / name).read_text(encoding="utf-8"))]


def test_the_overrides_that_take_materials_place_are_found():
    """Guards the test below: it is only as good as the list of copies it checks."""
    assert {"main.html", "partials/header.html", "blog.html"} <= set(SHADOWING)


@pytest.mark.parametrize("name", SHADOWING)
def test_each_copy_matches_the_material_original_it_records(name):
    found = RECORD.search((ROOT / "overrides" / name).read_text(encoding="utf-8"))
    assert found, f"overrides/{name} does not record the Material version and file it is based on"
    installed = version("mkdocs-material")
    assert found["version"] == installed, (
        f"overrides/{name} is based on Material {found['version']}, installed is {installed}: "
        f"compare it with material/templates/{found['file']} and update it")
    assert (MATERIAL / found["file"]).is_file(), (
        f"overrides/{name} copies Material's {found['file']}, which Material {installed} no longer has: "
        "find where its content went, or remove the copy")
    digest = hashlib.sha256((MATERIAL / found["file"]).read_bytes()).hexdigest()
    assert digest == found["digest"], (
        f"overrides/{name}: Material's {found['file']} is not the file it was copied from; "
        "compare, carry the changes over and record the new sha256")
