"""Search understands Dutch: singular and plural, and words typed without their diaeresis."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

# (what a visitor types, the page that must be among the results)
QUERIES = [
    ("gemeente", "gemeenten/"),
    ("gemeenten", "gemeenten/"),
    ("werkgroep", "werkgroepen/"),
    ("werkgroepen", "werkgroepen/"),
    ("nieuwsbrief", "nieuwsbrief/"),
    ("nieuwsbrieven", "nieuwsbrief/"),
    ("samenwerking", "samenwerkingen/"),
    ("samenwerkingen", "samenwerkingen/"),
    ("categorieën", "nieuwsbrief/"),
    ("categorieen", "nieuwsbrief/"),
    ("ideeën", "contact/"),
    ("ideeen", "contact/"),
]


@pytest.fixture(scope="module")
def search_page(browser, web):
    page = browser.new_page()
    page.goto(web.base, wait_until="networkidle")
    yield page
    page.close()


def results_for(page, query: str) -> list[str]:
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


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_search_finds_the_page(search_page, web, query, expected):
    hrefs = results_for(search_page, query)
    pages = {urlsplit(href).path.removeprefix(urlsplit(web.base).path) for href in hrefs}
    assert expected in pages, f"{query!r}: {sorted(pages)}"
