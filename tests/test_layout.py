"""Phones and paper: no sideways scrolling at 360 px, and a clean printout."""

from __future__ import annotations

import pytest

from tests.helpers import page_urls


def test_no_page_scrolls_sideways_at_360_px(browser, web, site):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    too_wide = []
    for url in page_urls(site, web.base):
        page.goto(url, wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            too_wide.append(f"{url.removeprefix(web.base) or '/'}: {width}px")
    page.close()
    assert not too_wide, too_wide


# Site chrome, and the profile's link to its own PDF, are not for paper.
CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search", ".md-skip",
          ".cr-pdf"]


@pytest.mark.parametrize("path", ["proces/", "profiel/"])
def test_a_printed_page_shows_content_without_site_chrome(browser, web, path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(web.base + path, wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in CHROME:
        for element in page.locator(selector).all():
            assert not element.is_visible(), f"{path}: {selector} is printed"
    assert page.locator("h1").is_visible()
    assert page.locator(".cr-tijdlijn").first.is_visible()
    page.close()


def test_links_print_their_address_but_permalinks_do_not(browser, web, site_url):
    page = browser.new_page()
    page.goto(web.base + "proces/", wait_until="networkidle")
    page.emulate_media(media="print")
    addresses = page.eval_on_selector_all(
        ".md-content a[data-afdruk-url]",
        "as => as.filter(a => !/^[a-z]+:/.test(a.getAttribute('href'))).map(a => a.dataset.afdrukUrl)")
    # A link within the site prints its published address, whatever server shows the page.
    assert addresses and all(a.startswith(site_url) for a in addresses)
    # ... printed after the link text.
    after = page.locator(".md-content a[data-afdruk-url]").first.evaluate("a => getComputedStyle(a, '::after').content")
    assert site_url in after
    assert page.locator(".md-content a.headerlink[data-afdruk-url]").count() == 0
    page.close()
