"""A second accessibility engine: pa11y with HTML_CodeSniffer (WCAG2AA), whose rules differ
from axe-core's (tests/test_every_page.py). Every page of the axe test's list, in the light
and the dark palette, in Debian's Chromium: 0 errors. (Warnings and notices ask a person to
look; the research recorded in data/toegankelijkheid.yml is where that happens.)

pa11y is pinned in package-lock.json; `make test` installs it with `npm ci --ignore-scripts`,
so puppeteer downloads no browser."""

from __future__ import annotations

import json
import subprocess

from cultuurregio.project import ROOT
from cultuurregio.publiceren.chromium import CHROMIUM_ARGS, chromium_path
from tests.helpers import page_urls

RUNNER = ROOT / "tests" / "pa11y.mjs"


def test_pa11y_finds_no_error_on_any_page_in_either_scheme(web, site):
    urls = page_urls(site, web.base)
    assert (ROOT / "node_modules" / "pa11y").is_dir(), "pa11y ontbreekt: draai 'make test' (npm ci installeert het)"
    result = subprocess.run(["node", str(RUNNER)], input=json.dumps(
        {"chromium": chromium_path(), "args": CHROMIUM_ARGS, "urls": urls}), capture_output=True, text=True,
        cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    reports = json.loads(result.stdout)
    assert len(urls) > 25 and len(reports) == 2 * len(urls)
    palettes = {(r["scheme"], r["palette"]) for r in reports}
    assert palettes == {("light", "default"), ("dark", "slate")}, palettes
    errors = [f"{r['url'].removeprefix(web.base) or '/'} ({r['scheme']}): {i['code']} {i['message']} -> "
              f"{i['selector']}" for r in reports for i in r["issues"]]
    assert errors == [], f"{len(errors)} fouten:\n" + "\n".join(errors[:40])
