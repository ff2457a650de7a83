"""Which part of a page's address its relative links depend on (for site/speedups/partial_cache.py
and site/speedups/blog_speedup.py, which reuse HTML between pages).

A link from the folder P to the address T (MkDocs' `get_relative_url`) climbs out of P to
where P and T part, then goes down T. So for a fixed set of addresses, every link depends
on P only through P's depth and its first K folders, K being the most folders any of the
addresses shares with P. Pages that agree on both get the same links.
"""

from __future__ import annotations

import posixpath
from typing import Iterable


def parts(url: str) -> tuple[str, ...]:
    return tuple(part for part in url.split("/") if part not in ("", "."))


def folder(page_url: str) -> tuple[str, ...]:
    """The folder a page's links are relative to ("a/b/" is one; "404.html" is in "")."""
    head, _, name = page_url.rpartition("/")
    return parts(head if "." in name else page_url)


def prefixes(addresses: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """Every leading run of folders of `addresses`."""
    return frozenset(p[:length] for p in map(parts, addresses) for length in range(len(p) + 1))


def place(page_url: str, known: frozenset[tuple[str, ...]]) -> tuple:
    """What the page's relative links to the addresses behind `known` depend on."""
    own = folder(page_url)
    shared = 0
    while shared < len(own) and own[: shared + 1] in known:
        shared += 1
    return len(own), own[:shared]


def resolve(page_url: str, link: str) -> str | None:
    """A relative link on the page as an address in the site (None: not a relative link)."""
    if not link or link.startswith(("#", "/")) or ":" in link.split("/")[0]:
        return None
    path = link.split("#")[0].split("?")[0]
    if not path:
        return None
    # Above the site's root is the root, as for MkDocs.
    address = posixpath.normpath(posixpath.join("/".join(folder(page_url)), path))
    while address.startswith("../"):
        address = address[3:]
    return "" if address in (".", "..") else address
