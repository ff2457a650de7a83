"""Material's navigation rendered once for all newsletters, not once per page (what Hugo
calls a cached partial). It changes no output; tests/test_blog_speedup.py proves it.

Material renders the whole navigation (partials/nav.html, and partials/tabs.html for the
tabs) into every page: at 1000 newsletters about three seconds. For a page outside the
navigation, such as a newsletter, that HTML depends on the page only through

- the links, each relative to the page (Jinja's `url` filter): the key holds what of
  the page's address they depend on (site/speedups/relative_links.py);
- which navigation items are active (the section the page belongs to): the key holds them;
- Material's pagination, which shows a view's page in the view's place: pages that stand
  in for a view are not cached, nor are pages in the navigation (one of its items is the
  page itself, and it renders its table of contents).

Pages with the same key get the same HTML, rendered once. A page that is not cached (in
the navigation, or standing in for a view) still gets each top-level item that neither is
nor holds it from the cache, by place (`navigatie_cache`, called by this site's copy of
partials/nav.html): such an item has nothing of the page but its links. The search form and the palette
toggles (partials/search.html, partials/palette.html, this site's copies) use no page and no
address, only the configuration and the language: rendered once per build, for every page
(tests/test_blog_speedup.py checks they stay so). Installed by hooks.py in
`on_env`, for each build (`mkdocs serve` makes a new environment for each). Written
against Material 9.8.2 and Jinja 3.1 (pinned exactly in pyproject.toml). Remove it when
the site moves to Zensical, which has no Jinja navigation partials, or when Material
caches them itself. `BLOG_SPEEDUP=uit` builds without it, as without blog_speedup.py.
"""

from __future__ import annotations

from typing import Callable, Iterator

from jinja2 import Environment
from jinja2.runtime import Context

from cultuurregio.site.speedups import COUNTS
from cultuurregio.site.speedups.relative_links import place, prefixes

PARTIALS = ("partials/nav.html", "partials/tabs.html")
ITEM_CACHE = "navigatie_cache"
# The same for every page of a build.
CONSTANT = ("partials/search.html", "partials/palette.html")


def _items(items) -> Iterator:
    for item in items:
        yield item
        yield from _items(getattr(item, "children", None) or [])


class PartialCache:
    def __init__(self, env: Environment, nav, config) -> None:
        items = list(_items(nav.items))
        self._items = items
        self._nav_pages = {id(item) for item in items if item.is_page}
        self._views = [item for item in items if getattr(item, "pages", None)]
        # Every address the partials write through the `url` filter: the navigation's own,
        # the home page's and the logo's (partials/logo.html).
        urls = [item.url for item in items if getattr(item, "url", None) is not None]
        urls += [nav.homepage.url if nav.homepage else "", config.theme.get("logo") or "",
                 config.extra.get("homepage") or ""]
        self._prefixes = prefixes(urls)
        self._rendered: dict[tuple, str] = {}
        for name in PARTIALS:
            template = env.get_template(name)
            template.root_render_func = self._cached(name, template.root_render_func, self._key)
        # Per top-level item: the ids of the pages it is or holds (a view holds its pages).
        self._within = {id(item): {id(inner) for inner in _items([item])}
                        | {id(p) for inner in _items([item]) for p in getattr(inner, "pages", None) or []}
                        for item in nav.items}
        env.globals[ITEM_CACHE] = self.item
        for name in CONSTANT:
            template = env.get_template(name)
            template.root_render_func = self._cached(name, template.root_render_func, lambda context: ())

    def item(self, page, nav_item, path: str, render: Callable) -> str:
        """A top-level item of the navigation as Material's nav-item.html renders it."""
        if page is None or id(page) in self._within.get(id(nav_item), {id(page)}):
            return render(nav_item, path, 1)
        key = ("item", id(nav_item), path, place(page.url, self._prefixes))
        if key not in self._rendered:
            self._rendered[key] = render(nav_item, path, 1)
            COUNTS["navigation item rendered"] += 1
        else:
            COUNTS["navigation item reused"] += 1
        return self._rendered[key]

    def _key(self, context: Context) -> tuple | None:
        page = context.get("page")
        if page is None or id(page) in self._nav_pages or any(page in view.pages for view in self._views):
            return None
        return place(page.url, self._prefixes), tuple(id(item) for item in self._items if getattr(item, "active", False))

    def _cached(self, name: str, render: Callable[[Context], Iterator[str]], key_of: Callable[[Context], tuple | None]):
        def cached(context: Context) -> Iterator[str]:
            key = key_of(context)
            if key is None:
                yield from render(context)
                return
            key = (name, *key)
            if key not in self._rendered:
                self._rendered[key] = "".join(render(context))
                COUNTS[f"{name} rendered"] += 1
            else:
                COUNTS[f"{name} reused"] += 1
            yield self._rendered[key]

        return cached
