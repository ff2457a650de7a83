"""Visitors' browsers talk to this site only: no page or stylesheet names a third-party host to
load from. (What a browser actually requests on every page, and the cookies: tests/test_every_page.py.)"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

THIRD_PARTY = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//(?!127\.0\.0\.1)""", re.I)


def test_no_page_or_stylesheet_names_a_third_party_host_for_loading(pages, site):
    for path, soup in pages.items():
        for tag in soup.find_all(["script", "img", "iframe", "source", "video", "audio"], src=True):
            assert not urlsplit(tag["src"]).netloc, f"{path}: {tag}"
        for link in soup.find_all("link", href=True):
            rel = set(link.get("rel", []))
            if rel & {"stylesheet", "preconnect", "dns-prefetch", "preload", "prefetch", "modulepreload", "icon"}:
                assert not urlsplit(link["href"]).netloc, f"{path}: {link}"
    for stylesheet in site.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"@import\s+(url\()?\s*[\"']?(https?:)?//", text), stylesheet
        assert not re.search(r"url\(\s*[\"']?(https?:)?//", text), stylesheet
