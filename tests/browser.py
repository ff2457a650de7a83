"""A real browser on the built site: Debian's Chromium, driven by Playwright."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Without these, Chromium phones home (updates, sync, field trials) at every start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--metrics-recording-only",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError(
            "Chromium ontbreekt. `make test` installeert het op Debian (als root); "
            "installeer anders het pakket 'chromium' of zet CHROMIUM=/pad/naar/chromium."
        )
    return path


def page_urls(site: Path, base: str) -> list[str]:
    """Every HTML page of the built site, as a visitor's URL (found by walking site/)."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        urls.append(base + (relative.removesuffix("index.html") if relative.endswith("index.html") else relative))
    return urls
