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


def finish_html(html: str, base_url: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    heading = soup.find("h1")
    if heading is not None:
        heading.decompose()
    for tag in soup.select("a.headerlink"):
        tag.decompose()
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    for attribute in ("href", "src"):
        for tag in soup.find_all(attrs={attribute: True}):
            tag[attribute] = urljoin(base_url, tag[attribute])
    return str(soup).strip()


def finish_feed(path: Path) -> None:
    for prefix, uri in NAMESPACES.items():
        ET.register_namespace(prefix, uri)
    tree = ET.parse(path)
    for item in tree.getroot().iter("item"):
        description = item.find("description")
        link = item.findtext("link")
        if description is not None and description.text and link:
            description.text = finish_html(description.text, link)
    write_feed(tree, path)


def write_feed(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="  ")
    tree.write(path, encoding="UTF-8", xml_declaration=True)
