"""The profile as an accessible PDF that reads like a document: tagged, titled, in Dutch,
with bookmarks, real text, a title block, page numbers and document properties."""

from __future__ import annotations

import datetime as dt
import re

import pikepdf
import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from cultuurregio.project import ROOT
from cultuurregio.site.common.dates import TIMEZONE, date_label
from tests.helpers import heading

PDF = "profiel/cultuurprofiel-twente.pdf"


@pytest.fixture(scope="module")
def pdf(published_site):
    with pikepdf.open(published_site / PDF) as document:
        yield document


def test_the_pdf_is_tagged_with_language_and_title(pdf, pages):
    assert "/StructTreeRoot" in pdf.Root
    assert pdf.Root.MarkInfo.Marked is True
    assert str(pdf.Root.Lang) == "nl"
    assert str(pdf.docinfo["/Title"]) == pages["profiel/index.html"].title.get_text()
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True


def test_the_bookmarks_are_the_profile_headings(pdf, pages):
    with pdf.open_outline() as outline:
        def titles(items):
            for item in items:
                yield item.title
                yield from titles(item.children)
        bookmarks = list(titles(outline.root))
    article = pages["profiel/index.html"].select_one(".md-content")
    headings = [heading(h) for h in article.select("h1, h2, h3")]
    assert bookmarks == headings


@pytest.fixture(scope="module")
def page_texts(published_site) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(published_site / PDF).pages]


def test_the_first_page_opens_with_the_title_block(page_texts, pages, content, epoch):
    title = heading(pages["profiel/index.html"].select_one(".md-content h1"))
    version = date_label(dt.datetime.fromtimestamp(int(epoch), TIMEZONE).date())
    period = yaml.safe_load((ROOT / "docs/profiel/index.md").read_text(encoding="utf-8").split("---\n")[1])["periode"]
    block = f"Cultuurprofiel Twente {title} De {len(content.gemeenten)} Twentse gemeenten · periode {period} " \
            f"Versie van {version}"
    assert page_texts[0].startswith(block), page_texts[0][:200]


def test_every_page_ends_with_its_page_number(page_texts):
    assert len(page_texts) > 1
    for number, text in enumerate(page_texts, 1):
        assert text.endswith(f"pagina {number} van {len(page_texts)}"), text[-80:]


def test_links_are_not_followed_by_their_address(page_texts, pdf):
    text = " ".join(page_texts)
    assert "(https://" not in text and "(http://" not in text
    assert any("/Annots" in page for page in pdf.pages), "the links are no longer clickable"


def test_the_document_properties_say_who_sends_what(pdf, published_site, config, content, epoch):
    info = pdf.docinfo
    assert str(info["/Author"]) == config.site_author
    profile = BeautifulSoup((published_site / "profiel" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert str(info["/Subject"]) == profile.find("meta", attrs={"name": "description"})["content"]
    assert [k.strip() for k in str(info["/Keywords"]).split(",")] == [t["naam"] for t in content.themas]
    built = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).strftime("D:%Y%m%d%H%M%S+00'00'")
    assert str(info["/CreationDate"]) == str(info["/ModDate"]) == built


def test_the_text_is_real_text_with_themes_and_municipalities(published_site, content):
    text = " ".join(page.extract_text() for page in PdfReader(published_site / PDF).pages)
    text = " ".join(text.split())
    for thema in content.themas:
        assert thema["naam"] in text
    for gemeente in content.gemeenten:
        assert gemeente["naam"] in text


def test_fonts_are_embedded(pdf):
    fonts = []
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
            fonts.append(any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")))
    assert fonts and all(fonts)


def test_links_in_the_pdf_lead_to_the_published_site(pdf, site_url):
    targets = [str(annot.A.URI) for page in pdf.pages for annot in page.get("/Annots", [])
               if "/A" in annot and "/URI" in annot.A]
    assert targets and all(t.startswith(site_url) for t in targets)


def test_the_profile_page_links_the_pdf_with_its_real_size(published_site):
    page = BeautifulSoup((published_site / "profiel" / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = page.select_one(".cr-pdf")
    assert link.a["href"] == "cultuurprofiel-twente.pdf"
    shown = re.search(r"\(PDF, (\d+) kB\)", link.get_text())
    assert shown, link.get_text()
    assert int(shown.group(1)) == round((published_site / PDF).stat().st_size / 1000)

