"""WCAG 2.2 AA in a real browser: axe-core on every page, in the light and the dark palette."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.helpers import AXE_TAGS, page_urls

# No rule is disabled. Should one ever have to be, it goes here with the reason why.
DISABLED_RULES: dict[str, str] = {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_any_page(browser, web, site, scheme):
    axe = Axe()
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "rules": {rule: {"enabled": False} for rule in DISABLED_RULES},
        "resultTypes": ["violations"],
    }
    report = []
    urls = page_urls(site, web.base)
    for url in urls:
        page.goto(url, wait_until="load")
        palette = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert palette == ("slate" if scheme == "dark" else "default"), url
        for violation in Axe.run(axe, page, options=options).response["violations"]:
            targets = [", ".join(node["target"]) for node in violation["nodes"]][:3]
            report.append(f"{url.removeprefix(web.base) or '/'}: {violation['id']} "
                          f"({violation['impact']}) {violation['help']} -> {targets}")
    context.close()
    assert len(urls) > 25
    assert not report, f"{len(report)} violations:\n" + "\n".join(report)
