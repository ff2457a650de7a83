"""Every internal link and anchor in the built site resolves."""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit


def target_file(site, page: str, href: str) -> str | None:
    """The file in site/ that `href` on `page` points to, or None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "webcal:")):
        return None
    path = unquote(parts.path)
    base = PurePosixPath(page).parent
    joined = base / path if path else PurePosixPath(page)
    resolved = []
    for part in joined.parts:
        if part == "..":
            assert resolved, f"{page}: {href} climbs out of the site"
            resolved.pop()
        elif part != ".":
            resolved.append(part)
    if not path:
        return page
    target = "/".join(resolved)
    if (site / target).is_dir():
        target = f"{target}/index.html".lstrip("/")
    return target


def test_every_internal_link_and_anchor_resolves(site, pages):
    broken = []
    checked = 0
    for page, soup in pages.items():
        if page == "404.html":
            continue  # it links with absolute site URLs, checked below
        for tag in soup.find_all(["a", "link", "script", "img"]):
            href = tag.get("href") or tag.get("src")
            if not href:
                continue
            target = target_file(site, page, href)
            if target is None:
                continue
            checked += 1
            if not (site / target).is_file():
                broken.append(f"{page}: {href} -> {target} does not exist")
                continue
            fragment = urlsplit(href).fragment
            if fragment and target in pages and pages[target].find(id=unquote(fragment)) is None:
                broken.append(f"{page}: {href} -> no id '{fragment}' in {target}")
    assert checked > 100
    assert not broken, "\n".join(broken)


def test_the_404_page_links_into_the_site(site, pages, site_url):
    links = [a["href"] for a in pages["404.html"].select("article a[href]")]
    assert links
    for href in links:
        assert href.startswith(site_url)
        path = href.removeprefix(site_url)
        assert (site / path / "index.html").is_file() or (site / path).is_file(), href
