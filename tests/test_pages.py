"""What every page of the built site must have, read from the HTML a visitor gets."""

from __future__ import annotations

from collections import Counter


def test_the_walk_finds_every_page_in_the_nav(pages, config):
    """Guards the other tests: they are only as good as the set of pages they walk."""
    def sources(nav):
        for entry in nav:
            value = next(iter(entry.values())) if isinstance(entry, dict) else entry
            yield from sources(value) if isinstance(value, list) else [value]

    for source in sources(config.nav):
        stem = source.removesuffix(".md")
        built = f"{stem}.html" if stem.split("/")[-1] == "index" else f"{stem}/index.html"
        assert built in pages, source
    assert "404.html" in pages


def test_every_page_is_dutch(pages):
    for path, soup in pages.items():
        assert soup.html.get("lang") == "nl", path


def test_every_page_has_exactly_one_h1(pages):
    for path, soup in pages.items():
        headings = soup.select("h1")
        assert len(headings) == 1, f"{path}: {[h.get_text() for h in headings]}"
        assert headings[0].get_text(strip=True), path


def test_every_page_has_a_title_naming_the_site(pages):
    for path, soup in pages.items():
        title = soup.title.get_text(strip=True) if soup.title else ""
        assert "Cultuurregio Twente" in title, path


def test_every_page_has_its_own_meta_description(pages):
    descriptions = {}
    for path, soup in pages.items():
        meta = soup.find("meta", attrs={"name": "description"})
        assert meta is not None, path
        text = meta.get("content", "").strip()
        assert len(text) >= 50, f"{path}: description too short to mean anything: {text!r}"
        descriptions[path] = text
    pages_with_content = {path: text for path, text in descriptions.items() if path != "404.html"}
    repeated = [text for text, count in Counter(pages_with_content.values()).items() if count > 1]
    assert not repeated, f"pages share a description: {repeated}"


def test_no_page_repeats_an_id(pages):
    for path, soup in pages.items():
        ids = Counter(tag["id"] for tag in soup.find_all(id=True))
        assert not [i for i, n in ids.items() if n > 1], path


def test_no_template_syntax_leaks_into_a_page(pages):
    for path, soup in pages.items():
        text = soup.select_one(".md-content").get_text()
        assert "{{" not in text and "{%" not in text, path


def test_the_404_page_is_dutch(pages):
    soup = pages["404.html"]
    assert soup.h1.get_text(strip=True) == "Pagina niet gevonden"
