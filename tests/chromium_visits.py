"""One visit of every page of a site in Chromium, per colour scheme, that several checks read
(tests/test_every_page.py): what axe-core finds, every request the page makes and every
answer of 400 or more, the Content-Security-Policy violations it reports, the palette it
shows, and the cookies afterwards. A helper of the tests, not a test."""

from __future__ import annotations

from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe

from tests.helpers import AXE_TAGS, page_urls

# Collected in every frame before the page's own scripts run.
WATCH = ("window.__violations = [];"
         "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
         "e.violatedDirective + ' ' + e.blockedURI + ' ' + location.pathname));")


@dataclass
class Visit:
    scheme: str
    urls: list[str]
    palettes: dict[str, str] = field(default_factory=dict)
    axe: list[str] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    cookies: list = field(default_factory=list)


def visit_every_page(browser, base: str, site, scheme: str, disabled_rules=(), urls: list[str] | None = None) -> Visit:
    """Each page (or each of `urls`) loaded once: axe runs on it, then the page may finish
    loading what it loads (network idle) before its policy violations are read."""
    visit = Visit(scheme, urls or page_urls(site, base))
    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(WATCH)
    page = context.new_page()
    page.on("request", lambda request: visit.requests.append((page.url, request.url)))
    # A page's own scripts must not ask for what is not there (a 404 costs a visitor bytes).
    page.on("response", lambda response: response.status >= 400 and visit.failed.append(
        f"{page.url} -> {response.url}"))
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS},
               "rules": {rule: {"enabled": False} for rule in disabled_rules}, "resultTypes": ["violations"]}
    axe = Axe()
    for url in visit.urls:
        page.goto(url, wait_until="load")
        shown = url.removeprefix(base) or "/"
        visit.palettes[shown] = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        for violation in axe.run(page, options=options).response["violations"]:
            targets = [", ".join(node["target"]) for node in violation["nodes"]][:3]
            visit.axe.append(f"{shown}: {violation['id']} ({violation['impact']}) {violation['help']} -> {targets}")
        page.wait_for_load_state("networkidle")
        visit.violations.extend(page.evaluate("window.__violations"))
        if page.evaluate("document.cookie"):
            visit.cookies.append(f"{shown}: document.cookie")
    visit.cookies.extend(context.cookies())
    context.close()
    return visit


def results_for(page, query: str) -> list[str]:
    """What the search box finds for `query`, typed as a visitor types it: the results' addresses."""
    box = page.locator("input.md-search__input")
    page.keyboard.press("/")
    box.fill("")
    box.type(query, delay=20)
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__meta')?.textContent.trim() !== ''"
        " && document.querySelector('input.md-search__input').value === q", arg=query)
    page.wait_for_timeout(300)
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    page.keyboard.press("Escape")
    return hrefs
