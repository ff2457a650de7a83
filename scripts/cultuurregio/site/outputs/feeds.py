"""Finish the RSS feed that mkdocs-rss-plugin writes, so each item is the whole newsletter.

The plugin puts the page's HTML in the item as it is on the site: with the `<h1>` that
repeats the item title, permalink signs, the excerpt marker, and links relative to the
page, which a feed reader cannot follow. Each item's HTML is cleaned and every `href` and
`src` made absolute against the item's own link: from the page's tree while the page is
made (`finished_item`, from hooks.py's `on_page_content`: the page is parsed once), and
`finish_feed` puts it in place of the plugin's. (mkdocs-rss-plugin 1.19 has no option for
this; remove this step when it gets one.)
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin

from jinja2 import Template
from lxml import etree

from cultuurregio.site.common.fragments import inner_html, parse_content
from cultuurregio.site.media.video import render_videos

NAMESPACES = {"atom": "http://www.w3.org/2005/Atom", "dc": "http://purl.org/dc/elements/1.1/"}
HEADERLINK = "//a[contains(concat(' ', normalize-space(@class), ' '), ' headerlink ')]"
# A video block (site/media/video.py) in a feed reader, which runs no script: the poster and the link
# to the video, without the play button and the panel that repeats the title.
VIDEO_PAGE_ONLY = "//button | //*[contains(concat(' ', normalize-space(@class), ' '), ' cr-video__paneel ')]"


def finished_item(root, base_url: str, photo: Callable[[str], str | None]) -> str:
    """A newsletter's item as a feed reader needs it, from its content's tree as the plugin
    copied it, with the video blocks made (changed here); `photo` gives for an original
    image's absolute address the published photo's (None: not a photo)."""
    root = off_site(root, base_url)
    for image in root.iter("img"):
        published = photo(image.get("src", ""))
        if published:
            image.set("src", published)
    return inner_html(root).strip()


def finish_html(html: str, base_url: str, photos: Callable[[str], str | None], video_template: Template) -> str:
    """An item no page gave (`finished_item`), from the plugin's HTML."""
    root = parse_content(html)
    render_videos(root, Path(), "", video_template)  # checked on the page already
    return finished_item(root, base_url, photos)


def off_site(root, base_url: str):
    """A page's content (its tree, changed here and returned) for reading away from the site
    (a feed reader, a mail program): without the title that the item or mail repeats,
    permalink signs, comments, what needs the site's scripts; each <picture> its plain <img>
    (the fallback in one width: not every reader knows <picture>); every `href` and `src`
    absolute against `base_url`."""
    # drop_tree keeps the text that follows an element; remove() would lose it.
    for heading in root.iter("h1"):
        heading.drop_tree()
        break
    for tag in root.xpath(HEADERLINK) + root.xpath("//comment()") + root.xpath(VIDEO_PAGE_ONLY):
        tag.drop_tree()
    for picture in list(root.iter("picture")):
        image = picture.find(".//img")
        for attribute in ("srcset", "sizes", "loading", "decoding"):
            image.attrib.pop(attribute, None)
        image.tail = picture.tail
        picture.getparent().replace(picture, image)
    for tag in root.iter(etree.Element):
        for attribute in ("href", "src"):
            if attribute in tag.attrib:
                tag.set(attribute, urljoin(base_url, tag.get(attribute)))
    return root


def finish_feed(path: Path, finished: dict[str, str], photos: Callable[[str], str | None],
                video_template: Template) -> None:
    """The plugin's feed with each item's HTML finished: `finished` by the item's link."""
    for prefix, uri in NAMESPACES.items():
        ET.register_namespace(prefix, uri)
    tree = ET.parse(path)
    for item in tree.getroot().iter("item"):
        description = item.find("description")
        link = item.findtext("link")
        if description is not None and description.text and link:
            description.text = finished.get(link) or finish_html(description.text, link, photos, video_template)
    write_feed(tree, path)


def write_feed(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="  ")
    tree.write(path, encoding="UTF-8", xml_declaration=True)
