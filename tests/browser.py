"""Helpers for the browser tests (Chromium itself: scripts/chromium.py)."""

from __future__ import annotations

from pathlib import Path


def page_urls(site: Path, base: str) -> list[str]:
    """Every HTML page of the built site, as a visitor's URL (found by walking site/)."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        urls.append(base + (relative.removesuffix("index.html") if relative.endswith("index.html") else relative))
    return urls
