"""Where the build puts what it writes besides the pages (paths in site/ unless noted)."""

from __future__ import annotations

import os
from pathlib import Path

AGENDA_FILE = "agenda.ics"
SEARCH_INDEX_FILE = "search/search_index.json"
PDF_FILE = "profiel/cultuurprofiel-twente.pdf"
# Printed by cultuurregio/publiceren/pdf.py between two builds (relative to the project);
# the second build links and publishes it.
PDF_STAGED = Path("build") / "pdf" / "cultuurprofiel-twente.pdf"
# Photos already made, by the hash of their original (relative to the project; not in git).
PHOTO_CACHE = Path(".cache") / "fotos"
# E-mail editions already made, by the hash of everything each is made from (site/mail/edition.py).
EDITION_CACHE = Path(".cache") / "edities"
# Front matter that passed its schema before, by the hash of what was checked (site/content/passed_checks.py).
CHECK_CACHE = Path(".cache") / "controle.txt"
# BOUWCACHE=uit builds without reading or writing any of these caches (tests/test_reproducible.py).
CACHE_SWITCH = "BOUWCACHE"


def caches_enabled() -> bool:
    return os.environ.get(CACHE_SWITCH, "").lower() not in {"uit", "off", "0", "nee"}


def feed_files(config) -> tuple[str, str]:
    """mkdocs-rss-plugin's two feeds, as its configuration names them: the archive feed
    (by date of appearance), which is published, and the feed by date of update, which is
    not (it dates never-updated newsletters at build time)."""
    names = config.plugins["rss"].config.feeds_filenames
    return names.rss_created, names.rss_updated


def meeting_file(meeting) -> str:
    return f"agenda/{meeting['slug']}.ics"
