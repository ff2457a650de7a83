"""The profile as an accessible PDF that reads like a document, made from the site itself.

    python -m cultuurregio.publiceren.pdf --site-dir site      (make build)

1. build the site; 2. print the profile page to PDF with Chromium (tagged: structure tree,
language and title from the page; bookmarks from its headings; fonts embedded); 3. build
the site again, now with the link to the PDF and its size. The PDF does not show that
link (print stylesheet), so both builds print the same document.

The page is printed as a document (class `cr-document`, docs/assets/stylesheets): a title
block from overrides/pdf/titelblad.html above the text, a running header and "pagina N van
M" footer (Chromium's header and footer templates, overrides/pdf/), links clickable but not
written out, cards as plain sections. Ctrl+P of the web page stays as it is.

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

from cultuurregio.project import read_config
from cultuurregio.publiceren.build import build
from cultuurregio.publiceren.chromium import CHROMIUM_ARGS, chromium_path
from cultuurregio.publiceren.localserver import SiteServer
from cultuurregio.site.common.dates import TIMEZONE, build_epoch, date_label
from cultuurregio.site.common.paths import PDF_STAGED
from cultuurregio.site.common.templates import environment
from cultuurregio.site.content.data import load_content
from cultuurregio.site.content.yamlfile import read_front_matter

PROFILE_PAGE = "profiel/"
# Its source, whose front matter gives the period the title block names.
PROFILE_SOURCE = Path("docs") / "profiel" / "index.md"

# Links lead to the published site, not to this local server; the page becomes a document
# whose title block holds the page's own h1 (so bookmarks and tags stay the headings').
PREPARE = """([titleBlock]) => {
    const base = document.querySelector('link[rel="canonical"]').href;
    for (const link of document.querySelectorAll("a[href]"))
        link.href = new URL(link.getAttribute("href"), base).href;
    document.documentElement.classList.add("cr-document");
    const heading = document.querySelector(".md-content h1");
    heading.insertAdjacentHTML("beforebegin", titleBlock);
    heading.previousElementSibling.querySelector(".cr-titelblad__soort").after(heading);
}"""
HEADING_TEXT = """() => [...document.querySelector(".md-content h1").childNodes]
    .filter(node => !(node.classList && node.classList.contains("headerlink")))
    .map(node => node.textContent).join("").trim()"""
DESCRIPTION = """() => document.querySelector('meta[name="description"]').content"""


def print_profile(site: Path, project: Path, target: Path) -> None:
    config = read_config(project / "mkdocs.yml")
    content = load_content(project / "data")
    moment = _moment(project)
    templates = environment(project / "overrides" / "pdf")
    with SiteServer(site, urlsplit(config.site_url).path) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(server.base + PROFILE_PAGE, wait_until="networkidle")
        title = f"Cultuurprofiel Twente — {page.evaluate(HEADING_TEXT)}"
        subject = page.evaluate(DESCRIPTION)
        page.evaluate(PREPARE, [templates.get_template("titelblad.html").render(
            logo=server.base + config.theme["logo"], afzender=config.site_author,
            aantal_gemeenten=len(content.gemeenten), periode=_front_matter(project)["periode"],
            versie=date_label(moment.astimezone(TIMEZONE).date()))])
        page.emulate_media(media="print")
        raw = page.pdf(format="A4", tagged=True, outline=True, print_background=True,
                       prefer_css_page_size=True, display_header_footer=True,
                       header_template=templates.get_template("kop.html").render(titel=title),
                       footer_template=templates.get_template("voet.html").render())
        browser.close()
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        stamp = moment.strftime("D:%Y%m%d%H%M%S+00'00'")
        # What a document management system files it by.
        pdf.docinfo["/Author"] = config.site_author
        pdf.docinfo["/Subject"] = subject
        pdf.docinfo["/Keywords"] = ", ".join(thema["naam"] for thema in content.themas)
        pdf.docinfo["/CreationDate"] = stamp
        pdf.docinfo["/ModDate"] = stamp
        # Show the document title, not the file name, in the reader's title bar (PDF/UA).
        pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        pdf.save(target, deterministic_id=True)


def _front_matter(project: Path) -> dict:
    document, _ = read_front_matter(project / PROFILE_SOURCE, PROFILE_SOURCE.as_posix())
    return document.data


def _moment(project: Path) -> dt.datetime:
    """The build's moment (site/common/dates.py), the version the PDF names."""
    return dt.datetime.fromtimestamp(build_epoch(project), dt.timezone.utc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bouw de site met de PDF van het cultuurprofiel.")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args(argv)
    config = args.config_file.resolve()
    staged = config.parent / PDF_STAGED
    staged.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        first = Path(temporary) / "site"
        if build(config, first) != 0:
            return 1
        print_profile(first, config.parent, staged)
    return build(config, args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
