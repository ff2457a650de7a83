"""Finish the RSS feed that mkdocs-rss-plugin writes, so each item is the whole newsletter.

The plugin puts the page's HTML in the item as it is on the site: with the `<h1>` that
repeats the item title, permalink signs, the excerpt marker, and links relative to the
page, which a feed reader cannot follow. Here each item's HTML is cleaned and every
`href` and `src` made absolute against the item's own link. (mkdocs-rss-plugin 1.19 has
no option for this; remove this step when it gets one.)
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Comment

NAMESPACES = {"atom": "http://www.w3.org/2005/Atom", "dc": "http://purl.org/dc/elements/1.1/"}


def finish_html(html: str, base_url: str, photos: dict[str, str] | None = None) -> str:
    """The item's HTML as a feed reader needs it; `photos` maps each original image's
    absolute address to the published photo's (the plugin copies the page's HTML before
    the build turns images into photos)."""
    soup = BeautifulSoup(html, "html.parser")
    heading = soup.find("h1")
    if heading is not None:
        heading.decompose()
    for tag in soup.select("a.headerlink"):
        tag.decompose()
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    # Feed readers do not all understand <picture>: its plain <img>, the fallback in one width.
    for picture in soup.find_all("picture"):
        image = picture.find("img")
        for attribute in ("srcset", "sizes", "loading", "decoding"):
            del image[attribute]
        picture.replace_with(image)
    for attribute in ("href", "src"):
        for tag in soup.find_all(attrs={attribute: True}):
            tag[attribute] = urljoin(base_url, tag[attribute])
    for image in soup.find_all("img", src=True):
        image["src"] = (photos or {}).get(image["src"], image["src"])
    return str(soup).strip()


def finish_feed(path: Path, photos: dict[str, str] | None = None) -> None:
    for prefix, uri in NAMESPACES.items():
        ET.register_namespace(prefix, uri)
    tree = ET.parse(path)
    for item in tree.getroot().iter("item"):
        description = item.find("description")
        link = item.findtext("link")
        if description is not None and description.text and link:
            description.text = finish_html(description.text, link, photos)
    write_feed(tree, path)


def write_feed(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="  ")
    tree.write(path, encoding="UTF-8", xml_declaration=True)
