"""One Python-Markdown converter per build for all pages, not one per page.

MkDocs 1.6 makes a new `markdown.Markdown` for every page it renders (`Page.render`), with
all the site's extensions: each loads its entry point, builds its processors and compiles
its patterns, about 1.2 ms a page, a quarter of what converting a newsletter costs. Python-
Markdown's documented way to convert many documents is one instance, `reset()` between
them: each extension clears its state there (toc, abbr, md_in_html, pymdownx.blocks), the
stash of raw HTML and the reference links are cleared.

The page's own processors (MkDocs' raw-HTML anchors, anchors, relative links, title) are
made per page as MkDocs makes them and registered under their names, which replaces the
previous page's; the same priorities put them in the same order as in a fresh converter.
The rest of `render` is MkDocs'. tests/test_blog_speedup.py builds with and without, byte
for byte (BLOG_SPEEDUP=uit). Written against MkDocs 1.6.1 and Markdown 3.11.3 (pinned);
remove it when MkDocs reuses its converter, or with the move to Zensical.
"""

from __future__ import annotations

import logging

import markdown
from mkdocs.structure import pages
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

from cultuurregio.site.speedups import COUNTS, enabled

_material_render = Page.render
# The build's converter, with the configuration it was made for (each build has its own).
_shared: tuple[object, markdown.Markdown] | None = None


def _converter(config) -> markdown.Markdown:
    global _shared
    if _shared is None or _shared[0] is not config:
        _shared = (config, markdown.Markdown(extensions=config["markdown_extensions"],
                                             extension_configs=config["mdx_configs"] or {}))
        COUNTS["markdown converter made"] += 1
    else:
        COUNTS["markdown converter reused"] += 1
    return _shared[1].reset()


def render(self: Page, config, files) -> None:
    """MkDocs' Page.render (1.6.1), with the build's converter instead of a new one."""
    if self.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    md = _converter(config)
    raw_html_ext = _RawHTMLPreprocessor()
    raw_html_ext._register(md)
    extract_anchors_ext = _ExtractAnchorsTreeprocessor(self.file, files, config)
    extract_anchors_ext._register(md)
    relative_path_ext = _RelativePathTreeprocessor(self.file, files, config)
    relative_path_ext._register(md)
    extract_title_ext = _ExtractTitleTreeprocessor()
    extract_title_ext._register(md)
    self.content = md.convert(self.markdown)
    self.toc = get_toc(getattr(md, "toc_tokens", []))
    self._title_from_render = extract_title_ext.title
    self.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
    if pages.log.getEffectiveLevel() > logging.DEBUG:
        self.links_to_anchors = relative_path_ext.links_to_anchors


def install() -> None:
    """Once per process, unless BLOG_SPEEDUP=uit (as the other speed-ups)."""
    if enabled() and Page.render is _material_render:
        Page.render = render
