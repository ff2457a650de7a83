"""This project on disk: its root, its configuration, and copies of it to build elsewhere.

Imports nothing of the package, so every room but `site` (which is handed its
configuration by MkDocs) may use it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parents[2]
# What a build reads; a copy of these is a complete project.
PARTS = ("mkdocs.yml", "docs", "overrides", "data", "scripts")


def read_config(config_file: Path = ROOT / "mkdocs.yml") -> MkDocsConfig:
    """mkdocs.yml as MkDocs itself loads and validates it (`!ENV` included, plugins' own
    options with their defaults), without building anything."""
    return load_config(str(config_file))


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target
