"""A full-text RSS feed per newsletter category (each theme, Proces, Uitvoeringsagenda).

Each is the finished archive feed (feeds.py) with only that category's items: the same
permanent guids, dates from front matter, absolute links and full text, with a title,
link and self-link of its own.

The feeds sit at the site's root, beside the archive feed: Material's script looks for a
sitemap.xml next to every `<link rel="alternate">` of a page (meant for language versions),
and at the root that is the sitemap it fetches anyway; next to a category page it was a 404.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from cultuurregio.site.outputs.feeds import NAMESPACES, write_feed

ATOM_LINK = f"{{{NAMESPACES['atom']}}}link"


@dataclass(frozen=True)
class CategoryFeed:
    naam: str
    pagina: str  # the category's page in the archive, e.g. nieuwsbrief/categorie/proces/
    pad: str  # the feed, e.g. feed_rss_proces.xml


def category_feeds(blog_config) -> list[CategoryFeed]:
    """One feed per allowed category, in mkdocs.yml's order (the blog plugin's settings)."""
    feeds = []
    for name in blog_config.categories_allowed:
        slug = blog_config.categories_slugify(name, blog_config.categories_slugify_separator)
        page = f"{blog_config.blog_dir}/{blog_config.categories_url_format.format(slug=slug)}/"
        feeds.append(CategoryFeed(name, page, f"feed_rss_{slug}.xml"))
    return feeds


def write_category_feeds(site: Path, feed_file: str, feeds: list[CategoryFeed], site_url: str) -> None:
    for prefix, uri in NAMESPACES.items():
        ET.register_namespace(prefix, uri)
    archive = ET.parse(site / feed_file)
    archive_channel = archive.getroot().find("channel")
    categories = {id(item): [category.text for category in item.findall("category")]
                  for item in archive_channel.iter("item")}
    for feed in feeds:
        # A copy of the channel's own elements; the items are shared (never changed here),
        # as copying a thousand of them five times took longer than the rest.
        root = copy.copy(archive.getroot())
        channel = copy.copy(archive_channel)
        channel[:] = [element if element.tag == "item" else copy.deepcopy(element) for element in archive_channel
                      if element.tag != "item" or feed.naam in categories[id(element)]]
        root[:] = [channel]
        tree = ET.ElementTree(root)
        channel.find("title").text = f"{channel.findtext('title')}: {feed.naam}"
        channel.find("description").text = f"De nieuwsbrieven van Cultuurregio Twente over {feed.naam}, voluit."
        channel.find("link").text = site_url + feed.pagina
        channel.find(ATOM_LINK).set("href", site_url + feed.pad)
        (site / feed.pad).parent.mkdir(parents=True, exist_ok=True)
        write_feed(tree, site / feed.pad)
