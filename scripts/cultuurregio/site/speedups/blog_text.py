"""Three speed-ups for what Material's blog plugin reads of a newsletter's text (the other
four are blog_speedup.py's, which installs these). They change no output; tests prove it.

1. Only the excerpt converted. Material converts the whole newsletter for its excerpt and
keeps what stands before the separator (`<!-- more -->`); the rest only tells whether there
is more (post.html's "continue reading"). Where the rest cannot change the part before it,
only that part is converted, with one word after the separator if the rest has any: the
separator stands on its own line after a blank line, the part before opens no block that
could run past it (code, `///`, admonition, HTML, `[TOC]`), and the rest defines no
reference link or abbreviation (which apply to the whole text). Otherwise, all of it.

2. The reading time from the page's tree. Material parses each newsletter again (Python's
HTMLParser) to count its words and images for "n min leestijd"; `reading_time` counts the
same in the tree the build has parsed already (site/pages/content.py), before anything
changed it, and sets it as Material would, so Material does not parse the page (it skips a
post that has one, as one set in front matter).

3. Each date formatted once. Babel formats a newsletter's date for its page, for each
overview that lists it, and for its address, about 0.07 ms each time; the same date in the
same format and language gives the same words, so the blog keeps them.

Written against Material 9.8.2 and Markdown 3.11.3 (pinned exactly); remove each when the
blog does it itself, or with the move to Zensical.
"""

from __future__ import annotations

import math
import re

from material.plugins.blog.plugin import BlogPlugin
from material.plugins.blog.readtime import readtime

from cultuurregio.site.speedups import COUNTS, enabled

# What in the part before the separator could open a block that runs past it.
OPENS_BLOCK = re.compile(r"^ {0,3}(```|~~~|///|!!!|\?\?\?|<)|\[TOC\]", re.M)
# What in the rest applies to the whole text: reference links, abbreviations.
DEFINES = re.compile(r"^ {0,3}(\[[^\]]+\]:|\*\[)", re.M)


def excerpt_source(source: str, separator: str) -> str:
    """What to convert for an excerpt: the part before the separator where the rest cannot
    change it (above), with a word after the separator if the rest has any; else `source`."""
    line = f"\n\n{separator}\n"
    at = source.find(line)
    if at == -1:
        return source
    before, rest = source[:at], source[at + len(line):]
    if OPENS_BLOCK.search(before) or DEFINES.search(rest):
        return source
    COUNTS["excerpt cut at the separator"] += 1
    return before + line + ("\nmeer\n" if rest.strip() else "")


_material_format_date = BlogPlugin._format_date


def _format_date(self: BlogPlugin, date, format: str, config) -> str:  # noqa: A002 (Material's name)
    known = self.__dict__.setdefault("_speedup_dates", {})
    key = (date, format, config.theme["language"])
    if key not in known:
        known[key] = _material_format_date(self, date, format, config)
        COUNTS["date formatted"] += 1
    else:
        COUNTS["date reused"] += 1
    return known[key]


# Material's ReadtimeParser leaves out the text inside these.
NOT_READ = {"object", "script", "style", "svg"}


def minutes(root, per_minute: int) -> int:
    """Material's reading time (readtime/__init__.py) of a content's tree."""
    texts: list[str] = []

    def collect(element, read: bool) -> None:
        inside = read and not (isinstance(element.tag, str) and element.tag in NOT_READ)
        if isinstance(element.tag, str):
            if inside and element.text:
                texts.append(element.text)
            for child in element:
                collect(child, inside)
        if read and element.tail and element is not root:
            texts.append(element.tail)

    collect(root, True)
    seconds = math.ceil(len(re.split(r"\W+", "".join(texts))) / per_minute * 60)
    delta = 12
    for _ in root.iter("img"):
        seconds += delta
        delta -= 1 if delta > 3 else 0
    return math.ceil(seconds / 60)


def reading_time(root, html: str, page, blog: BlogPlugin) -> None:
    """As Material's on_page_content sets `page.config.readtime` (readtime/__init__.py), before
    any step changes the page (hooks.py runs first): from the content's tree, its words
    outside NOT_READ and every image; with BLOG_SPEEDUP=uit by Material's own function."""
    if page not in blog.blog.posts or not blog.config.post_readtime or page.config.readtime:
        return
    per_minute = blog.config.post_readtime_words_per_minute
    if not enabled():
        page.config.readtime = readtime(html, per_minute)
        return
    page.config.readtime = minutes(root, per_minute)
    COUNTS["reading time from the tree"] += 1
