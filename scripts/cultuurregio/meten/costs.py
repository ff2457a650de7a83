"""One build with a clock on every feature: what each costs, and how often a page is parsed.

    python -m cultuurregio.meten.costs --config-file P/mkdocs.yml --site-dir S --json OUT

Each feature is a set of functions (below) plus every event of a plugin. Time is counted
where it is spent: a function's clock stops while a function of another feature that it
calls runs, so the rows add up to the build (what no feature claims is MkDocs' own work).
A clock costs about a microsecond a call, well under 1 % of a build.

The counters: how often lxml parsed a page's HTML, per page (MkDocs' `_populate_page` and
`_build_page` say which page is being made; parses after the pages, in `on_post_build`, are
counted apart), and the fragments of the site's own templates parsed to be put in a page
(site/common/fragments.py).

make bench (meten/bench.py) runs this in a child process for every build it times.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

# (feature, the functions that do its work). Plugins' events are added by plugin (PLUGINS).
FUNCTIONS = [
    ("Markdown (pagina's)", ["mkdocs.structure.pages:Page.render", "cultuurregio.site.speedups.markdown_reuse:render"]),
    ("thema (paginasjablonen)", ["mkdocs.commands.build:_build_page", "mkdocs.commands.build:_build_theme_template"]),
    ("pagina's schrijven", ["mkdocs.utils:write_file"]),
    ("inhoud controleren (vooraf)", ["cultuurregio.site.guards.validation:check_site"]),
    ("pagina-inhoud ontleden", ["cultuurregio.site.common.fragments:parse_content",
                                "cultuurregio.site.common.fragments:inner_html"]),
    ("buitencontrole", ["cultuurregio.site.guards.outside:outside_problems"]),
    ("beveiligingsbeleid", ["cultuurregio.site.guards.security_policy:with_policy"]),
    ("e-mailversie", ["cultuurregio.site.mail.edition:Editions.__init__", "cultuurregio.site.mail.edition:Editions.add",
                      "cultuurregio.site.mail.edition:Editions.write"]),
    ("feeds en categoriefeeds", ["cultuurregio.site.outputs.feeds:finish_feed",
                                 "cultuurregio.site.outputs.feeds:finished_item",
                                 "cultuurregio.site.outputs.category_feeds:write_category_feeds"]),
    ("zoekindex", ["cultuurregio.site.outputs.search_index:add_folded_words"]),
    ("foto's", ["cultuurregio.site.media.photo_pages:PhotoPages.__init__",
                "cultuurregio.site.media.photo_pages:PhotoPages.page_content",
                "cultuurregio.site.media.photo_pages:PhotoPages.page_output",
                "cultuurregio.site.media.photo_pages:PhotoPages.remove_originals"]),
    ("video's", ["cultuurregio.site.media.video:render_videos"]),
    ("kaart van Twente", ["cultuurregio.site.outputs.twente_map:draw"]),
    ("formulieren van de webeditor", ["cultuurregio.site.outputs.editor_config:write_editor_config"]),
    ("agenda (ics)", ["cultuurregio.site.outputs.ical:write_calendars"]),
    ("gestructureerde gegevens", ["cultuurregio.site.outputs.structured_data:for_page"]),
]
PLUGINS = {
    "material/blog": "blog: overzichten en uittreksels",
    "material/search": "zoekindex",
    "rss": "feeds en categoriefeeds",
    "macros": "macro's",
}
OWN_STEPS = "eigen stappen (hooks.py, de rest)"
MKDOCS = "MkDocs zelf (bestanden, navigatie, kopiëren)"
# lxml's entry points for HTML; each calls the next, so a parse is counted once, outermost.
LXML_PARSERS = ["lxml.html:document_fromstring", "lxml.html:fragment_fromstring", "lxml.html:fragments_fromstring",
                "lxml.html:fromstring"]
FRAGMENTS = "cultuurregio.site.common.fragments:template_fragment"


class Clock:
    """Exclusive time per feature: a stack of the time the running calls' callees took."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self._inner: list[float] = []

    def wrap(self, feature: str, function):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            start = time.perf_counter()
            self._inner.append(0.0)
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - start
                inner = self._inner.pop()
                self.seconds[feature] += elapsed - inner
                if self._inner:
                    self._inner[-1] += elapsed

        return timed


class Parses:
    """lxml's HTML parses, by the page being made (None: after the pages)."""

    def __init__(self) -> None:
        self.per_page: Counter = Counter()
        self.fragments = 0
        self.pages: set[int] = set()
        self.page = None
        self._depth = 0
        self._in_fragment = False

    def wrap_parser(self, function):
        @functools.wraps(function)
        def counted(*args, **kwargs):
            if self._depth == 0 and not self._in_fragment:
                self.per_page[self.page] += 1
            self._depth += 1
            try:
                return function(*args, **kwargs)
            finally:
                self._depth -= 1

        return counted

    def wrap_fragment(self, function):
        @functools.wraps(function)
        def counted(*args, **kwargs):
            self.fragments += 1
            self._in_fragment = True
            try:
                return function(*args, **kwargs)
            finally:
                self._in_fragment = False

        return counted

    def wrap_page_step(self, function):
        """MkDocs' steps that make one page (its first argument)."""
        @functools.wraps(function)
        def making(*args, **kwargs):
            self.page = id(args[0] if args else kwargs.get("page"))
            self.pages.add(self.page)
            try:
                return function(*args, **kwargs)
            finally:
                self.page = None

        return making


def _replace(target: str, wrapper) -> bool:
    """Wrap the function `target` names; False if there is none (the bench names it)."""
    module_name, _, qualified = target.partition(":")
    try:
        owner = importlib.import_module(module_name)
        *path, name = qualified.split(".")
        for part in path:
            owner = getattr(owner, part)
        function = getattr(owner, name)
    except (ImportError, AttributeError):
        return False
    wrapped = wrapper(function)
    setattr(owner, name, wrapped)
    # Modules that imported it by name before (`from … import f`) get the wrapper too.
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("cultuurregio.") and getattr(module, name, None) is function:
            setattr(module, name, wrapped)
    return True


def install(clock: Clock, parses: Parses, per_event: bool = False) -> list[str]:
    """Before the build loads mkdocs.yml: hooks.py then imports the wrapped functions.
    Returns the targets that do not exist (in an older version of the site, say)."""
    import mkdocs.plugins

    missing = [parser for parser in LXML_PARSERS if not _replace(parser, parses.wrap_parser)]
    missing += [] if _replace(FRAGMENTS, parses.wrap_fragment) else [FRAGMENTS]
    for step in ("_populate_page", "_build_page"):
        _replace(f"mkdocs.commands.build:{step}", parses.wrap_page_step)
    missing += [target for feature, targets in FUNCTIONS for target in targets
                if not _replace(target, lambda f, feature=feature: clock.wrap(feature, f))]
    register = mkdocs.plugins.PluginCollection._register_event

    def timed_event(self, event_name, method, plugin_name=None):
        if plugin_name and callable(method) and not isinstance(method, mkdocs.plugins.CombinedEvent):
            feature = PLUGINS.get(plugin_name) or (OWN_STEPS if plugin_name.endswith("hooks.py") else plugin_name)
            if per_event:
                feature = f"{feature} · on_{event_name}"
            timed = clock.wrap(feature, method)
            timed.mkdocs_priority = getattr(method, "mkdocs_priority", 0)
            method = timed
        return register(self, event_name, method, plugin_name)

    mkdocs.plugins.PluginCollection._register_event = timed_event
    return missing


def measure(config_file: Path, site_dir: Path, per_event: bool = False) -> dict:
    """Build (as make build does, PDF aside) with the clocks; the figures as a dict.
    `per_event`: each plugin's events apart, to see where a plugin's time goes."""
    clock, parses = Clock(), Parses()
    missing = install(clock, parses, per_event)
    from cultuurregio.publiceren.build import build

    start = time.perf_counter()
    status = build(config_file, site_dir)
    total = time.perf_counter() - start
    pages = [page for page in parses.per_page if page is not None]
    seconds = dict(clock.seconds)
    seconds[MKDOCS] = total - sum(seconds.values())
    return {
        "status": status, "seconds": total, "features": seconds, "missing": missing, "pages": len(parses.pages),
        "parses": {"pages": sum(parses.per_page[page] for page in pages),
                   "most_for_one_page": max((parses.per_page[page] for page in pages), default=0),
                   "after_pages": parses.per_page[None], "template_fragments": parses.fragments},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bouw de site met een klok per onderdeel.")
    parser.add_argument("--config-file", type=Path, required=True)
    parser.add_argument("--site-dir", type=Path, required=True)
    parser.add_argument("--json", type=Path, required=True)
    parser.add_argument("--per-gebeurtenis", action="store_true", help="elke gebeurtenis van een plugin apart")
    args = parser.parse_args(argv)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    figures = measure(args.config_file.resolve(), args.site_dir, args.per_gebeurtenis)
    args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return figures["status"]


if __name__ == "__main__":
    sys.exit(main())
