"""The RSS feed is the newsletter archive: complete, valid and permanent."""

from __future__ import annotations

import email.utils
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.helpers import announced_feeds, published_newsletters

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="session")
def feed(site):
    return ET.parse(site / "feed_rss_created.xml").getroot()


def test_feed_readers_accept_the_feed(site):
    parsed = feedparser.parse((site / "feed_rss_created.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert len(parsed.entries) == len(published_newsletters())


def test_the_channel_describes_itself(feed, site, site_url):
    channel = feed.find("channel")
    assert feed.get("version") == "2.0"
    assert channel.findtext("title").strip()
    assert channel.findtext("link") == site_url
    assert len(channel.findtext("description").strip()) > 20
    assert channel.findtext("language") == "nl"
    image = channel.findtext("image/url")
    assert image.startswith(site_url) and image.endswith((".png", ".gif", ".jpg"))
    assert (site / image.removeprefix(site_url)).is_file()
    self_link = channel.find(f"{ATOM}link")
    assert self_link.get("rel") == "self"
    assert self_link.get("href") == site_url + "feed_rss_created.xml"


def test_no_value_is_missing_anywhere(site):
    text = (site / "feed_rss_created.xml").read_text(encoding="utf-8")
    assert ">None<" not in text and '"None"' not in text


def test_there_is_one_item_per_newsletter_newest_first(feed):
    items = feed.findall("channel/item")
    posts = published_newsletters()
    assert len(items) == len(posts) > 0
    dates = [email.utils.parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert dates == sorted(dates, reverse=True)


def test_items_are_permanent_and_dated_from_front_matter(feed, site_url):
    items = {item.findtext("guid"): item for item in feed.findall("channel/item")}
    assert len(items) == len(feed.findall("channel/item")), "guids are not unique"
    for post in published_newsletters():
        permanent = site_url + post["url"]
        assert permanent in items, f"{post['path'].name}: no item with guid {permanent}"
        item = items[permanent]
        assert item.find("guid").get("isPermaLink") == "true"
        assert item.findtext("link") == permanent
        published_at = email.utils.parsedate_to_datetime(item.findtext("pubDate"))
        assert published_at.date() == post["created"], post["path"].name
        assert sorted(c.text for c in item.findall("category")) == sorted(post["categories"])


def test_items_carry_the_whole_newsletter_with_absolute_links(feed, pages, site_url):
    host = urlsplit(site_url).netloc
    for item in feed.findall("channel/item"):
        link = item.findtext("link")
        html = BeautifulSoup(item.findtext("description"), "html.parser")
        assert html.find("h1") is None, f"{link}: the title is repeated in the text"
        page = pages[link.removeprefix(site_url) + "index.html"].select_one(".md-content")
        paragraphs = [p.get_text(" ", strip=True) for p in page.select("p")
                      if not p.find_parent(class_="md-post__meta") and "cr-bewerken" not in p.get("class", [])
                      and p.get_text(strip=True)]
        text = html.get_text(" ", strip=True)
        for paragraph in paragraphs:
            assert " ".join(paragraph.split()) in " ".join(text.split()), f"{link}: {paragraph[:60]}"
        for tag in html.find_all(href=True) + html.find_all(src=True):
            target = tag.get("href") or tag.get("src")
            parts = urlsplit(target)
            assert parts.scheme in ("https", "http", "mailto") and (parts.netloc or parts.scheme == "mailto"), \
                f"{link}: relative URL {target}"
            if parts.netloc == host:
                assert target.startswith(site_url)


def test_every_page_announces_the_feed(pages, site, site_url):
    main = (site / "feed_rss_created.xml").resolve()
    for path, soup in pages.items():
        assert announced_feeds(site, path, soup, site_url).count(main) == 1, path


def test_the_archive_links_the_feed_and_the_subscribe_page(pages):
    archive = pages["nieuwsbrief/index.html"].select_one(".md-content")
    hrefs = [a["href"] for a in archive.select("a[href]")]
    assert any(h.endswith("feed_rss_created.xml") for h in hrefs)
    assert any(h.rstrip("/").endswith("abonneren") for h in hrefs)


def test_the_subscribe_page_gives_the_feed_address(pages, site_url):
    text = pages["nieuwsbrief/abonneren/index.html"].select_one(".md-content").get_text(" ")
    assert site_url + "feed_rss_created.xml" in text


def test_the_archive_lists_every_newsletter_by_year_and_category(pages):
    posts = published_newsletters()
    for post in posts:
        assert post["url"] + "index.html" in pages, post["path"].name
    years = {f"{post['created']:%Y}" for post in posts}
    for year in years:
        assert f"nieuwsbrief/archief/{year}/index.html" in pages
    categories = {c for post in posts for c in post["categories"]}
    category_pages = [p for p in pages if p.startswith("nieuwsbrief/categorie/")]
    assert len(category_pages) == len(categories)


def test_only_the_archive_feed_is_published(site):
    """Only the archive feed is published: the plugin's second feed dates at build time."""
    assert not (site / "feed_rss_updated.xml").exists()
