"""What a shared link shows (Open Graph, Twitter card): on every page, with absolute
addresses of files that exist; a newsletter as an article with its date."""

from __future__ import annotations

from urllib.parse import urlsplit

from PIL import Image

from tests.helpers import published_newsletters


def og(soup, name: str) -> str | None:
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    return tag["content"] if tag else None


def in_site(site, site_url: str, url: str):
    assert url.startswith(site_url), url
    path = site / urlsplit(url).path.removeprefix(urlsplit(site_url).path)
    return path / "index.html" if path.is_dir() else path


def test_every_page_can_be_shared_with_a_picture(pages, site, site_url):
    for path, soup in pages.items():
        assert og(soup, "og:type") in ("website", "article"), path
        assert og(soup, "og:locale") == "nl_NL" and og(soup, "og:site_name"), path
        assert og(soup, "og:title"), path
        assert og(soup, "og:description") == soup.find("meta", attrs={"name": "description"})["content"], path
        assert in_site(site, site_url, og(soup, "og:url")).is_file(), path
        image = in_site(site, site_url, og(soup, "og:image"))
        with Image.open(image) as picture:
            assert (og(soup, "og:image:width"), og(soup, "og:image:height")) == tuple(map(str, picture.size)), path
        assert og(soup, "og:image:alt"), path
        assert og(soup, "twitter:card") == "summary_large_image", path


def test_a_newsletter_is_shared_as_an_article_with_its_date(pages):
    for post in published_newsletters():
        soup = pages[post["url"] + "index.html"]
        assert og(soup, "og:type") == "article"
        assert og(soup, "article:published_time") == post["created"].isoformat()
    assert og(pages["index.html"], "og:type") == "website"
