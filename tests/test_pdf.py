"""The profile as an accessible PDF: tagged, titled, in Dutch, with bookmarks and real text."""

from __future__ import annotations

import re

import pikepdf
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from tests.helpers import heading

PDF = "profiel/cultuurprofiel-twente.pdf"


@pytest.fixture(scope="module")
def pdf(published_site):
    with pikepdf.open(published_site / PDF) as document:
        yield document


def test_the_pdf_is_tagged_with_language_and_title(pdf):
    assert "/StructTreeRoot" in pdf.Root
    assert pdf.Root.MarkInfo.Marked is True
    assert str(pdf.Root.Lang) == "nl"
    assert "Ruimte voor verbeelding" in str(pdf.docinfo["/Title"])
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

