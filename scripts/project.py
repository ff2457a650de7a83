"""This project on disk: its root, its configuration, and copies of it to build elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent
# What a build reads; a copy of these is a complete project.
PARTS = ("mkdocs.yml", "docs", "overrides", "data", "scripts")


def read_config(config_file: Path = ROOT / "mkdocs.yml") -> dict[str, Any]:
    """mkdocs.yml as MkDocs reads it (`!ENV` included), without loading any plugin."""
    return yaml_load(config_file.read_text(encoding="utf-8"))


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target
