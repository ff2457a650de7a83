"""Every page of the published site in a real browser, in the light and the dark palette,
visited once for the checks that read the same visit (tests/chromium_visits.py); each promise
has its own test, so a failure names the one that broke:
- WCAG 2.2 AA: axe-core finds no violation (no rule disabled);
- privacy: every request goes to the site itself, nothing answers 400 or more or fails, no cookies;
- the Content-Security-Policy: Chromium reports no violation on any page.
The policy while a visitor searches, switches the palette, opens a photo and plays a video is
tests/test_security_policy.py's; pa11y, a second engine, is tests/test_pa11y.py's."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.chromium_visits import visit_every_page

SCHEMES = ["light", "dark"]
# No rule is disabled. Should one ever have to be, it goes here with the reason why.
DISABLED_RULES: dict[str, str] = {}


@pytest.fixture(scope="module")
def visits(browser, web, published_site):
    """Both schemes' visits, made once for this file (its tests run on one worker): every page of
    the site the web server serves."""
    made = {}

    def visit(scheme: str):
        if scheme not in made:
            made[scheme] = visit_every_page(browser, web.base, published_site, scheme, DISABLED_RULES)
        return made[scheme]

    return visit


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violations_on_any_page(visits, scheme):
    visit = visits(scheme)
    assert len(visit.urls) > 25
    assert set(visit.palettes.values()) == {"slate" if scheme == "dark" else "default"}, visit.palettes
    assert not visit.axe, f"{len(visit.axe)} violations:\n" + "\n".join(visit.axe)


def test_every_request_of_every_page_goes_to_the_site_itself(visits, browser, web):
    requests = [request for scheme in SCHEMES for request in visits(scheme).requests]
    failed = [failure for scheme in SCHEMES for failure in visits(scheme).failed]
    # Search loads its index and worker only when used: open it once, too.
    context = browser.new_context()
    page = context.new_page()
    page.on("request", lambda request: requests.append((page.url, request.url)))
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{page.url} -> {response.url}"))
    page.on("requestfailed", lambda request: failed.append(f"{page.url} -> {request.url} ({request.failure})"))
    page.goto(web.base, wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type("gemeente")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert any(urlsplit(target).path.endswith("search_index.json") for _, target in requests)
    assert context.cookies() == [] and page.evaluate("document.cookie") == ""
    context.close()
    foreign = sorted({(source, target) for source, target in requests
                      if urlsplit(target).scheme not in ("data", "blob")
                      and f"{urlsplit(target).scheme}://{urlsplit(target).netloc}" != web.origin})
    # Each page's own address is among the requests seen: the listener saw every visit.
    assert set(visits("light").urls) <= {target for _, target in requests}
    assert not foreign, "\n".join(f"{s} -> {t}" for s, t in foreign)
    assert not failed, "\n".join(failed)
    assert [cookie for scheme in SCHEMES for cookie in visits(scheme).cookies] == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_page_violates_its_content_security_policy(visits, scheme):
    visit = visits(scheme)
    assert len(visit.urls) > 25
    assert visit.violations == [], visit.violations
