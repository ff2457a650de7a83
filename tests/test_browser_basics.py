"""Smoke test of the browser harness: a real page loads in a real Chromium."""

from __future__ import annotations


def test_the_home_page_renders_in_chromium(browser, web):
    page = browser.new_page()
    response = page.goto(web.base)
    assert response.status == 200
    assert page.locator("h1").inner_text().startswith("Cultuurregio Twente")
    assert page.evaluate("document.documentElement.lang") == "nl"
    page.close()


def test_an_unknown_address_gets_the_dutch_404(browser, web):
    page = browser.new_page()
    response = page.goto(web.base + "bestaat-niet/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Pagina niet gevonden"
    page.close()
