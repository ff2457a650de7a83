"""Visitors' browsers talk to this site only: no third-party requests, no cookies."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tests.helpers import page_urls


def test_every_request_of_every_page_goes_to_the_site_itself(browser, web, site):
    context = browser.new_context()
    page = context.new_page()
    requests: list[tuple[str, str]] = []
    failed: list[str] = []
    page.on("request", lambda request: requests.append((page.url, request.url)))
    # A page's own scripts must not ask for what is not there (a 404 costs a visitor bytes).
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{page.url} -> {response.url}"))
    urls = page_urls(site, web.base)
    for url in urls:
        page.goto(url, wait_until="networkidle")
    # Search loads its index and worker only when used: open it once, too.
    page.goto(web.base, wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type("gemeente")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    foreign = sorted({(source, target) for source, target in requests
                      if urlsplit(target).scheme not in ("data", "blob")
                      and f"{urlsplit(target).scheme}://{urlsplit(target).netloc}" != web.origin})
    assert len(requests) > len(urls)
    assert not foreign, "\n".join(f"{s} -> {t}" for s, t in foreign)
    assert not failed, "\n".join(failed)
    assert context.cookies() == []
    assert page.evaluate("document.cookie") == ""
    context.close()


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
