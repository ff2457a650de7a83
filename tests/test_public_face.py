"""The public face: a home page built from the content (the map: tests/test_map.py), a feed
per category, schema.org data, and editing left to a discreet link at the bottom."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import feedparser
import pytest
from bs4 import BeautifulSoup

from cultuurregio.site.content.data import last_day
from cultuurregio.site.outputs.category_feeds import category_feeds
from tests.helpers import announced_feeds, append, build, published_newsletters

FEED = "feed_rss_created.xml"


def newest(count: int = 3) -> list[dict]:
    return sorted(published_newsletters(), key=lambda post: post["created"], reverse=True)[:count]


def home_news(soup) -> list[str]:
    return [a["href"] for a in soup.select(".cr-nieuwslijst h3 a")]


def test_the_home_page_shows_the_newest_newsletters_and_what_comes_next(pages, content, epoch):
    home = pages["index.html"]
    assert home_news(home) == [post["url"] for post in newest()]
    section = home.find(id="volgende-bijeenkomst").find_parent("section")
    today = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    coming = [m for m in content.bijeenkomsten if last_day(m) >= today]
    if coming:
        assert coming[0]["titel"] in section.get_text()
    else:
        assert "geen bijeenkomst gepland" in section.get_text()


@pytest.mark.slow
def test_a_new_newsletter_and_a_coming_meeting_reach_the_home_page_by_themselves(project, tmp_path, config):
    index = (project / "docs" / "index.md").read_bytes()
    category = config.plugins["material/blog"].config.categories_allowed[0]
    (project / "docs/nieuwsbrief/posts/2031-01-testnieuws.md").write_text(
        "---\ndate:\n  created: 2031-01-10\nslug: testnieuws\ndescription: >-\n  Het nieuwste nieuws, "
        f"geschreven door de test zelf voor de startpagina.\ncategories:\n  - {category}\nauthors:\n  - redactie\n"
        "---\n\n# Testnieuws\n\nHet begin.\n\n<!-- more -->\n\nDe rest.\n", encoding="utf-8")
    append(project / "data" / "agenda.yml", "  - slug: testbijeenkomst\n    titel: Testbijeenkomst\n"
           "    start: 2031-02-03 19:30\n    einde: 2031-02-03 21:30\n    plaats: Testzaal, Almelo\n"
           "    doelgroep: Iedereen.\n    beschrijving: Een bijeenkomst die de test maakt.\n    bijgewerkt: 2031-01-01\n")
    epoch = str(int(dt.datetime(2031, 1, 15, 12, tzinfo=dt.timezone.utc).timestamp()))
    result = build(project, tmp_path / "site", env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.stderr
    assert (project / "docs" / "index.md").read_bytes() == index
    home = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home_news(home)[0] == "nieuwsbrief/2031/01/testnieuws/"
    section = home.find(id="volgende-bijeenkomst").find_parent("section")
    text = " ".join(section.get_text(" ").split())
    assert "Testbijeenkomst" in text and "maandag 3 februari 2031, 19:30 tot 21:30 uur" in text
    assert "Testzaal, Almelo" in text
    ics = section.find("a", href=lambda h: h.endswith(".ics"))["href"]
    assert (tmp_path / "site" / ics).is_file()


@pytest.fixture(scope="module")
def feeds(config):
    return category_feeds(config.plugins["material/blog"].config)


def items(path) -> dict[str, ET.Element]:
    return {item.findtext("guid"): item for item in ET.parse(path).getroot().iter("item")}


def test_every_category_has_a_full_text_feed_of_its_own(site, site_url, feeds):
    archive = items(site / FEED)
    posts = published_newsletters()
    assert feeds
    for feed in feeds:
        parsed = feedparser.parse((site / feed.pad).read_bytes())
        assert not parsed.bozo, (feed.pad, parsed.get("bozo_exception"))
        expected = {site_url + post["url"] for post in posts if feed.naam in post["categories"]}
        assert {entry.id for entry in parsed.entries} == expected, feed.naam
        # Each item is the archive feed's own: the whole text, the same date and link.
        for guid, item in items(site / feed.pad).items():
            for field in ("description", "pubDate", "link", "title"):
                assert item.findtext(field) == archive[guid].findtext(field), (feed.naam, guid, field)
        assert parsed.feed.link == site_url + feed.pagina
        assert any(link.rel == "self" and link.href == site_url + feed.pad for link in parsed.feed.links)


def test_category_and_theme_pages_announce_their_feed_and_abonneren_lists_all(pages, content, feeds, site,
                                                                             site_url):
    def category_links(site, page, soup):
        main = (site / FEED).resolve()
        return [target for target in announced_feeds(site, page, soup, site_url) if target != main]

    by_name = {feed.naam: feed for feed in feeds}
    for feed in feeds:
        if (site / feed.pagina / "index.html").is_file():
            page = feed.pagina + "index.html"
            assert category_links(site, page, pages[page]) == [(site / feed.pad).resolve()]
    for thema in content.themas:
        page = f"themas/{thema['slug']}/index.html"
        assert category_links(site, page, pages[page]) == [(site / by_name[thema["naam"]].pad).resolve()]
    listed = {a["href"] for a in pages["nieuwsbrief/abonneren/index.html"].select(".cr-feeds a")}
    assert all(any(href.endswith(feed.pad) for href in listed) for feed in feeds)


def structured(soup) -> list[dict]:
    return [json.loads(script.string) for script in soup.select('script[type="application/ld+json"]')]


def test_search_engines_get_the_organisation_events_and_newsletters(pages, content, site_url):
    [organization] = structured(pages["index.html"])
    assert organization["@type"] == "Organization" and organization["url"] == site_url
    assert sorted(m["name"] for m in organization["member"]) == sorted(f"Gemeente {g['naam']}" for g in content.gemeenten)
    events = {event["url"]: event for event in structured(pages["agenda/index.html"])}
    assert len(events) == len(content.bijeenkomsten)
    for meeting in content.bijeenkomsten:
        event = events[f"{site_url}agenda/#{meeting['slug']}"]
        assert event["@type"] == "Event" and event["name"] == meeting["titel"]
        assert event["startDate"] == meeting["start"].isoformat()
        assert event["eventStatus"].endswith("EventScheduled")
        assert event["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
        assert ("location" in event) == bool(meeting["plaats"])
    for post in published_newsletters():
        [posting] = structured(pages[post["url"] + "index.html"])
        assert posting["@type"] == "BlogPosting" and posting["url"] == site_url + post["url"]
        assert posting["datePublished"] == post["created"].isoformat()
        assert posting["dateModified"] == (post["date"].get("updated") or post["created"]).isoformat()
        assert posting["headline"] and posting["author"] and posting["publisher"]["name"]


def test_no_editing_chrome_for_visitors(pages):
    for path, soup in pages.items():
        assert not soup.select(".md-content__button, .md-header__source, [data-md-component='source']"), path
        for link in soup.select('a[rel="edit"]'):
            assert link.find_parent(class_="cr-bewerken"), (path, link)
        assert soup.select_one(".md-footer a[href^='https://github.com/']"), path
