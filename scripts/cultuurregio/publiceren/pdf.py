"""The profile as an accessible PDF, made from the same source as the site.

    python -m cultuurregio.publiceren.pdf --site-dir site      (make build)

1. build the site; 2. print the profile page to PDF with Chromium (tagged: structure tree,
language and title from the page; bookmarks from its headings; fonts embedded); 3. build
the site again, now with the link to the PDF and its size. The PDF does not show that
link (print stylesheet), so both builds print the same document.

Chromium stamps the time of printing into the PDF and gives it a random ID; both are set
from SOURCE_DATE_EPOCH and the content, so the same commit gives the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pikepdf
from playwright.sync_api import sync_playwright

from cultuurregio.publiceren.build import build, source_date_epoch
from cultuurregio.publiceren.chromium import CHROMIUM_ARGS, chromium_path
from cultuurregio.publiceren.localserver import SiteServer
from cultuurregio.site.outputs import PDF_STAGED
from cultuurregio.project import read_config

PROFILE_PAGE = "profiel/"


def print_profile(site: Path, site_url: str, target: Path, project: Path) -> None:
    with SiteServer(site, urlsplit(site_url).path) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(server.base + PROFILE_PAGE, wait_until="networkidle")
        # Links in the PDF lead to the published site, not to this local server.
        page.evaluate("""() => {
            const base = document.querySelector('link[rel="canonical"]').href;
            for (const link of document.querySelectorAll("a[href]"))
                link.href = new URL(link.getAttribute("href"), base).href;
        }""")
        page.emulate_media(media="print")
        raw = page.pdf(format="A4", tagged=True, outline=True, print_background=True,
                       prefer_css_page_size=True)
        browser.close()
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        moment = _moment(project)
        pdf.docinfo["/CreationDate"] = moment
        pdf.docinfo["/ModDate"] = moment
        # Show the document title, not the file name, in the reader's title bar (PDF/UA).
        pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        pdf.save(target, deterministic_id=True)


def _moment(project: Path) -> str:
    epoch = source_date_epoch(project)
    moment = dt.datetime.fromtimestamp(int(epoch) if epoch else 0, dt.timezone.utc)
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bouw de site met de PDF van het cultuurprofiel.")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args(argv)
    config = args.config_file.resolve()
    staged = config.parent / PDF_STAGED
    staged.unlink(missing_ok=True)
    site_url = read_config(config).site_url
    with tempfile.TemporaryDirectory() as temporary:
        first = Path(temporary) / "site"
        if build(config, first) != 0:
            return 1
        print_profile(first, site_url, staged, config.parent)
    return build(config, args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
