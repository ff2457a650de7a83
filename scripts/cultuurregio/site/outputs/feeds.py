"""Finish the RSS feed that mkdocs-rss-plugin writes, so each item is the whole newsletter.

The plugin puts the page's HTML in the item as it is on the site: with the `<h1>` that
repeats the item title, permalink signs, the excerpt marker, and links relative to the
page, which a feed reader cannot follow. Here each item's HTML is cleaned and every
`href` and `src` made absolute against the item's own link, with lxml (libxml2's parser:
a thousand newsletters in a fraction of a second). (mkdocs-rss-plugin 1.19 has no option
for this; remove this step when it gets one.)
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import Template
from lxml import etree
from lxml import html as lxml_html

from cultuurregio.site.media.video import render_videos

NAMESPACES = {"atom": "http://www.w3.org/2005/Atom", "dc": "http://purl.org/dc/elements/1.1/"}
HEADERLINK = "//a[contains(concat(' ', normalize-space(@class), ' '), ' headerlink ')]"
# A video block (site/media/video.py) in a feed reader, which runs no script: the poster and the link
# to the video, without the play button and the panel that repeats the title.
VIDEO_PAGE_ONLY = "//button | //*[contains(concat(' ', normalize-space(@class), ' '), ' cr-video__paneel ')]"


def finish_html(html: str, base_url: str, photos: dict[str, str] | None = None,
                video_template: Template | None = None) -> str:
    """The item's HTML as a feed reader needs it; `photos` maps each original image's
    absolute address to the published photo's (the plugin copies the page's HTML before
    the build turns images into photos, and its video blocks into `video_template`)."""
    if video_template is not None:
        # Checked on the page already; here only the poster and the link matter.
        html = render_videos(html, Path(), "", video_template)[0]
    root = off_site(html, base_url)
    for image in root.iter("img"):
        if image.get("src") in (photos or {}):
            image.set("src", photos[image.get("src")])
    return inner_html(root).strip()


def off_site(html: str, base_url: str):
    """A page's content for reading away from the site (a feed reader, a mail program), as an
    lxml tree: without the title that the item or mail repeats, permalink signs, comments,
    what needs the site's scripts; each <picture> its plain <img> (the fallback in one width:
    not every reader knows <picture>); every `href` and `src` absolute against `base_url`."""
    root = lxml_html.fragment_fromstring(html, create_parent="div")
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


def inner_html(root) -> str:
    return (root.text or "") + "".join(lxml_html.tostring(child, encoding="unicode") for child in root)


def finish_feed(path: Path, photos: dict[str, str] | None = None, video_template: Template | None = None) -> None:
    for prefix, uri in NAMESPACES.items():
        ET.register_namespace(prefix, uri)
    tree = ET.parse(path)
    for item in tree.getroot().iter("item"):
        description = item.find("description")
        link = item.findtext("link")
        if description is not None and description.text and link:
            description.text = finish_html(description.text, link, photos, video_template)
    write_feed(tree, path)


def write_feed(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="  ")
    tree.write(path, encoding="UTF-8", xml_declaration=True)
