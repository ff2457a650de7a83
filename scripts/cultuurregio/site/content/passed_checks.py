"""Front matter that passed its schema in an earlier build, known by the hash of what was
checked, so a second build does not check it again (the newsletters: about 0.8 ms each).

Only a pass is kept: front matter with a problem is checked, and the problem reported,
every time. The key holds the data, the schema's name, every schema file, this package's
schema code and jsonschema's version, so any change to what decides a pass checks anew.
Kept in `.cache/controle.txt` (one key a line; each build keeps the keys it used), beside
the photos and e-mail editions; BOUWCACHE=uit builds without it.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from importlib import metadata
from pathlib import Path

from cultuurregio.site.common.problems import Problem
from cultuurregio.site.content import schema
from cultuurregio.site.content.yamlfile import YamlFile


@cache
def _rules() -> bytes:
    digest = hashlib.sha256(metadata.version("jsonschema").encode() + Path(schema.__file__).read_bytes())
    for path in sorted(schema.SCHEMA_DIR.glob("*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


class PassedChecks:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._known = set(path.read_text(encoding="ascii").split()) if path and path.is_file() else set()
        self._used: set[str] = set()
        self.reused = 0

    def validate(self, document: YamlFile, schema_name: str) -> list[Problem]:
        """schema.validate, unless the same data passed the same rules before."""
        data = json.dumps(document.data, sort_keys=True, default=str, ensure_ascii=False)
        key = hashlib.sha256(_rules() + schema_name.encode() + b"\0" + data.encode()).hexdigest()[:40]
        if key in self._known:
            self._used.add(key)
            self.reused += 1
            return []
        problems = schema.validate(document, schema_name)
        if not problems:
            self._used.add(key)
        return problems

    def save(self) -> None:
        if self.path is None or self._used == self._known:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        partial.write_text("".join(f"{key}\n" for key in sorted(self._used)), encoding="ascii")
        partial.replace(self.path)
