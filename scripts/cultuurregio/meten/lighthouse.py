"""Benchmark: Lighthouse (mobile) on three kinds of page. Prints figures; asserts nothing.

Each page is measured RUNS times and the median run (by performance score) is shown, with
every run's score and Total Blocking Time, the audits below 1 and the top opportunities:
single Lighthouse runs on a 2-core machine vary by several points.

    make lighthouse

Builds the site, serves it on 127.0.0.1 (compressed, under the published path) and runs
npm's Lighthouse with Debian's Chromium. Needs Node.js and npm.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from cultuurregio.project import ROOT, read_config
from cultuurregio.publiceren.build import build
from cultuurregio.publiceren.chromium import CHROMIUM_ARGS, chromium_path
from cultuurregio.publiceren.localserver import SiteServer

# Lighthouse 13 needs Node.js 22; 12.2.3 runs on the Node.js 20 that Debian machines have.
LIGHTHOUSE = "lighthouse@12.2.3"
RUNS = 5
PAGES = {"home": "", "thema": "themas/tijd-en-ruimte/", "nieuwsbrief": "nieuwsbrief/2018/09/debat/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def run(url: str, chromium: str) -> dict:
    command = ["npx", "--yes", LIGHTHOUSE, url, "--output=json", "--output-path=stdout",
               "--quiet", f"--chrome-flags={' '.join(['--headless=new', *CHROMIUM_ARGS])}"]
    result = subprocess.run(command, capture_output=True, text=True, check=True,
                            env={**os.environ, "CHROME_PATH": chromium})
    return json.loads(result.stdout)


def _opportunities(report: dict) -> list[dict]:
    """Lighthouse's opportunities (what it says would save time or bytes), largest first."""
    found = [audit for audit in report["audits"].values()
             if (audit.get("details") or {}).get("type") == "opportunity" and audit.get("score") not in (None, 1)]
    return sorted(found, key=lambda a: -(a["details"].get("overallSavingsMs") or 0))


def main() -> int:
    chromium = chromium_path()
    if not shutil.which("npx"):
        print("Nodig: Node.js met npx (Debian: apt-get install nodejs npm).")
        return 1
    site_url = read_config().site_url
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        if build(ROOT / "mkdocs.yml", site) != 0:
            return 1
        with SiteServer(site, urlsplit(site_url).path) as server:
            print(f"{'pagina':<12} {'prestaties':>10} {'toegankelijkheid':>16} "
                  f"{'best practices':>14} {'SEO':>5} {'kB (gzip)':>10}")
            for name, path in PAGES.items():
                reports = sorted((run(server.base + path, chromium) for _ in range(RUNS)),
                                 key=lambda r: r["categories"]["performance"]["score"])
                report = reports[RUNS // 2]
                scores = [report["categories"][c]["score"] for c in CATEGORIES]
                weight = report["audits"]["total-byte-weight"]["numericValue"] / 1000
                print(f"{name:<12} {scores[0]:>10.2f} {scores[1]:>16.2f} {scores[2]:>14.2f} "
                      f"{scores[3]:>5.2f} {weight:>10.1f}")
                # Lighthouse slows the CPU 4x on top of this machine's own speed.
                print(f"    (benchmarkIndex van deze machine: {report['environment']['benchmarkIndex']:.0f})")
                tbt = [r["audits"]["total-blocking-time"]["numericValue"] for r in reports]
                print(f"    prestaties van de {RUNS} runs: {', '.join(str(r['categories']['performance']['score']) for r in reports)}; "
                      f"Total Blocking Time {', '.join(f'{t:.0f}' for t in tbt)} ms")
                layout = sorted(_style_and_layout(r) for r in reports)
                print(f"    Style & Layout (mediaan van {RUNS}): {layout[RUNS // 2]:.0f} ms "
                      f"({', '.join(f'{t:.0f}' for t in layout)})")
                for category in CATEGORIES:
                    for ref in report["categories"][category]["auditRefs"]:
                        audit = report["audits"][ref["id"]]
                        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                            print(f"    {category}: {audit['id']} ({audit['score']}): {audit['title']}")
                for audit in _opportunities(report)[:3]:
                    print(f"    kans: {audit['title']} ({audit.get('displayValue', '')})")
    return 0


def _style_and_layout(report: dict) -> float:
    """The main thread's time on style and layout (Lighthouse's "Minimize main-thread work")."""
    items = report["audits"]["mainthread-work-breakdown"]["details"]["items"]
    return sum(item["duration"] for item in items if item["group"] == "styleLayout")


if __name__ == "__main__":
    sys.exit(main())
