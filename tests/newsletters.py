"""The newsletters as their source files say they are, read independently of the build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from tests.conftest import ROOT

POSTS = ROOT / "docs" / "nieuwsbrief" / "posts"


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def published() -> list[dict]:
    posts = []
    for path in sorted(POSTS.glob("*.md")):
        meta = front_matter(path)
        if meta.get("draft"):
            continue
        created = meta["date"]["created"]
        assert isinstance(created, dt.date)
        posts.append({**meta, "created": created, "path": path,
                      "url": f"nieuwsbrief/{created:%Y/%m}/{meta['slug']}/"})
    return posts
