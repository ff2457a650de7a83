"""Search understands Dutch: singular and plural, and words typed without their diaeresis.
The index is downloaded only by visitors who search."""

from __future__ import annotations

import json
import re
import unicodedata
from urllib.parse import urlsplit

import pytest

from tests.chromium_visits import SEARCH_PROBE, results_for

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
]


INDEX = "search/search_index.json"


def is_index(response) -> bool:
    return response.url.endswith(INDEX)


@pytest.fixture(scope="module")
def search_page(browser, web):
    page = browser.new_page()
    page.add_init_script(SEARCH_PROBE)
    page.goto(web.base, wait_until="networkidle")
    with page.expect_response(is_index):
        page.keyboard.press("/")
    page.keyboard.press("Escape")
    yield page
    page.close()


@pytest.mark.parametrize(("path", "width", "search"), [
    ("", 1280, "input.md-search__input"),
    ("nieuwsbrief/", 1280, "input.md-search__input"),
    ("themas/tijd-en-ruimte/", 360, "label.md-header__button[for='__search']"),
])
def test_the_index_is_fetched_only_when_a_visitor_turns_to_search(browser, web, path, width, search):
    page = browser.new_page(viewport={"width": width, "height": 800})
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(web.base + path, wait_until="networkidle")
    page.wait_for_timeout(1000)
    assert not [url for url in requested if url.endswith(INDEX)]
    with page.expect_response(is_index) as response:
        page.locator(search).click()
    assert response.value.ok
    page.close()


NEWSLETTER = re.compile(r"nieuwsbrief/\d{4}/\d{2}/[a-z0-9-]+/")


def test_search_finds_a_newsletter_itself(search_page, web, site):
    """By the longest word of a newsletter's title, as the built index has it today."""
    index = json.loads((site / INDEX).read_text(encoding="utf-8"))
    title = next(doc["title"] for doc in index["docs"] if NEWSLETTER.fullmatch(doc["location"]))
    hrefs = results_for(search_page, max(re.findall(r"\w+", title), key=len).lower())
    paths = [urlsplit(href).path.removeprefix(urlsplit(web.base).path) for href in hrefs]
    assert any(NEWSLETTER.fullmatch(path) for path in paths), paths


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_search_finds_the_page(search_page, web, query, expected):
    hrefs = results_for(search_page, query)
    pages = {urlsplit(href).path.removeprefix(urlsplit(web.base).path) for href in hrefs}
    assert expected in pages, f"{query!r}: {sorted(pages)}"


# The search worker's answers held back for a while: the previous query's results stay on
# screen long enough for a wait that does not wait for this query's answer to read them.
SLOW_WORKER = """(() => {
  const add = Worker.prototype.addEventListener;
  Worker.prototype.addEventListener = function (type, listener, options) {
    const late = type === 'message' ? event => setTimeout(() => listener.call(this, event), 300) : listener;
    return add.call(this, type, late, options);
  };
})();"""


def test_each_query_reads_its_own_results_not_the_previous_ones(browser, web):
    """A word no page has finds nothing right after a query that found pages, and the other way
    round, with the worker answering 300 ms late: what the wait reads is this query's answer,
    also when an earlier query is still unanswered as the search begins (CI, stop 47)."""
    page = browser.new_page()
    page.add_init_script(SLOW_WORKER)
    page.add_init_script(SEARCH_PROBE)
    page.goto(web.base, wait_until="networkidle")
    absent = "qzxwvkjq"
    assert results_for(page, "gemeenten") != []
    assert results_for(page, absent) == [], "the results of the previous query were read"
    assert results_for(page, "gemeenten") != [], "the results of the previous query were read"
    # A query still unanswered when the next search begins: its late answer (nothing found, the
    # box emptied by then) shows the placeholder before the emptied box's own answer comes.
    page.keyboard.press("/")
    page.locator("input.md-search__input").fill(absent)
    page.keyboard.press("End")
    page.wait_for_timeout(100)  # its answer comes 200 ms into the next search, before the emptied box's
    assert results_for(page, "gemeenten") != [], "the answer to an earlier query was read"
    page.close()


DIAERESIS = re.compile(r"\b\w*[ëïöüä]\w*\b")


def test_a_word_with_a_diaeresis_is_found_typed_with_and_without_it(search_page, web, site):
    """Whatever the pages say today: a word with ë, ï, ö, ü or ä from the built index."""
    index = json.loads((site / INDEX).read_text(encoding="utf-8"))
    word, location = next((found.group(0).lower(), doc["location"]) for doc in index["docs"]
                          for found in [DIAERESIS.search(doc["text"])] if found and len(found.group(0)) > 4)
    page = location.split("#")[0]
    for query in (word, unicodedata.normalize("NFD", word).encode("ascii", "ignore").decode()):
        paths = {urlsplit(href).path.removeprefix(urlsplit(web.base).path) for href in results_for(search_page, query)}
        assert page in paths, f"{query!r}: {sorted(paths)}"


def test_the_search_buttons_submit_goes_to_the_best_result_as_enter_does(browser, web):
    """The form's submit button (a form needs one: HTML_CodeSniffer H32.2) is not a reload
    of the page with the query, but what Enter in the field does."""
    page = browser.new_page()
    page.goto(web.base, wait_until="networkidle")
    best = {}
    for submit in ("click", "Enter"):
        box = page.locator("input.md-search__input")
        page.keyboard.press("/")
        box.fill("")
        box.type("werkgroepen", delay=20)
        page.wait_for_selector(".md-search-result__link")
        page.wait_for_timeout(300)
        best[submit] = page.eval_on_selector_all(".md-search-result__link", """links => links
            .map(a => [a.href, +a.firstElementChild.getAttribute('data-md-score')])
            .sort((a, b) => b[1] - a[1])[0][0]""")
        with page.expect_navigation():
            if submit == "click":
                page.locator(".md-search__form button[type=submit]").click()
            else:
                page.keyboard.press("Enter")
        assert page.url == best[submit] and "query=" not in page.url, (submit, page.url)
        page.goto(web.base, wait_until="networkidle")
    assert best["click"] == best["Enter"]
    page.close()
