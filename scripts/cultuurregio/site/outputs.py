"""Where the build puts what it writes besides the pages (paths in site/ unless noted)."""

from __future__ import annotations

from pathlib import Path

AGENDA_FILE = "agenda.ics"
FEED_FILE = "feed_rss_created.xml"
# mkdocs-rss-plugin's second feed dates never-updated newsletters at build time; only the
# archive feed above is published.
UNPUBLISHED_FEED_FILE = "feed_rss_updated.xml"
SEARCH_INDEX_FILE = "search/search_index.json"
PDF_FILE = "profiel/cultuurprofiel-twente.pdf"
# Printed by cultuurregio/publiceren/pdf.py between two builds (relative to the project);
# the second build links and publishes it.
PDF_STAGED = Path("build") / "pdf" / "cultuurprofiel-twente.pdf"
# Photos already made, by the hash of their original (relative to the project; not in git).
PHOTO_CACHE = Path(".cache") / "fotos"


def meeting_file(meeting) -> str:
    return f"agenda/{meeting['slug']}.ics"
