"""A page's content as one lxml tree: parsed once per page, read and changed by every step
that needs it (the outside check, the images, the videos and photos, the feed item and the
e-mail edition), and written out once if a step changed it (hooks.py, `on_page_content`).

The site's own templates (a video block, a photo) go into the tree through
`template_fragment`, so `make bench` can tell those small parses from a page's
(meten/costs.py counts both).
"""

from __future__ import annotations

import lxml.html


def parse_content(html: str):
    """A page's content (a fragment) as a tree under one <div>."""
    return lxml.html.fragment_fromstring(html, create_parent="div")


def inner_html(root) -> str:
    """The content of `parse_content`'s <div> as HTML again."""
    return (root.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)


def template_fragment(rendered: str):
    """What one of the site's templates rendered, as a <div> holding it."""
    return lxml.html.fragment_fromstring(rendered, create_parent="div")


def replace_with(element, rendered: str) -> None:
    """Put what a template rendered in the place of `element` (its tail stays after it)."""
    holder = template_fragment(rendered.strip())
    parent, tail = element.getparent(), element.tail
    nodes = list(holder)
    if holder.text:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + holder.text
        else:
            parent.text = (parent.text or "") + holder.text
    position = parent.index(element)
    parent.remove(element)  # keeps nothing of the element, its tail is put back below
    for offset, node in enumerate(nodes):
        parent.insert(position + offset, node)
    if nodes:
        nodes[-1].tail = (nodes[-1].tail or "") + (tail or "")
    elif tail:
        _append_text(parent, position, tail)


def _append_text(parent, position: int, text: str) -> None:
    if position == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[position - 1]
        before.tail = (before.tail or "") + text
