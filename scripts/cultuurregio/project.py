"""This project on disk: its root, its configuration, and copies of it to build elsewhere
(with a generated archive of newsletters, for the benchmark and the tests).

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


# A generated archive, for the benchmark (make bench) and the speed-ups' byte-for-byte test.
WORDS = ("cultuur", "Twente", "gemeenten", "werkgroep", "samenwerking", "theater", "museum",
         "muziek", "erfgoed", "bibliotheek", "jongeren", "festival", "ideeën", "vereniging")


def generated_newsletter(index: int, category: str = "Proces") -> str:
    """Newsletter number `index` of a generated archive: a date, a slug and six paragraphs."""
    year, month = 2019 + index // 336, 1 + (index // 28) % 12
    day = 1 + index % 28
    body = "\n\n".join(
        " ".join(WORDS[(index + k * 3 + j) % len(WORDS)] for j in range(60)) + "."
        for k in range(6))
    return (f"---\ndate:\n  created: {year}-{month:02d}-{day:02d}\nslug: bericht-{index}\n"
            f"description: >-\n  Nieuwsbrief nummer {index} van de benchmark, over cultuur in Twente.\n"
            f"categories:\n  - {category}\nauthors:\n  - redactie\n---\n\n# Bericht {index}\n\n"
            f"Inleiding van bericht {index}.\n\n<!-- more -->\n\n## Onderwerp\n\n{body}\n")


def project_with_newsletters(target: Path, count: int, categories: tuple[str, ...] = ("Proces",)) -> Path:
    """A copy of this project with `count` generated newsletters, in turn in `categories`."""
    copy_project(target)
    posts = target / "docs" / "nieuwsbrief" / "posts"
    for index in range(count):
        text = generated_newsletter(index, categories[index % len(categories)])
        (posts / f"bench-{index:05d}.md").write_text(text, encoding="utf-8")
    return target
