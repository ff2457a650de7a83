"""A video of YouTube or Vimeo that loads nothing from them until the visitor asks.

Editors write (CONTRIBUTING.md, "Een video"; the newsletter scaffold shows it too):

    /// video | https://www.youtube.com/watch?v=abcdefghijk
    Het debat van 20 september in de Twentse Schouwburg

    ![Een volle zaal luistert naar het panel](debat-poster.jpg)
    /// caption
    Foto: Naam van de fotograaf
    ///
    ///

The first line inside is the title; the photo (optional) is the poster, checked and
published like every photo (alt text, maker). The Markdown extension below only marks the
block; on the rendered page (hooks.py, `on_page_content`) `render_videos` turns it into
overrides/content/video.html: the poster or a panel with the title, one sentence on what
playing sends to the service, a "Video afspelen" button and a plain link to the video.
assets/javascripts/video.js puts the player in place on the button, from
youtube-nocookie.com or with Vimeo's `dnt=1`; the page's Content-Security-Policy allows
that host as a frame on this page only (site/guards/security_policy.py).
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import lxml.html
from jinja2 import Template
from markupsafe import Markup
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string

from cultuurregio.site.common.fragments import replace_with
from cultuurregio.site.common.problems import Problem, line_in_page
from cultuurregio.site.media.photos import NOT_ENLARGED as POSTER

MARK = "cr-video-bron"
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
TIME = re.compile(r"^(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s?)?$")
PLAYER_HOSTS = {"YouTube": "https://www.youtube-nocookie.com", "Vimeo": "https://player.vimeo.com"}


@dataclass(frozen=True)
class Source:
    dienst: str  # the service's name, as visitors know it
    speler: str  # the player's address, loaded on the button only
    kijkadres: str  # the video's own page, a plain link


def video_source(address: str) -> Source | None:
    """The video behind an address copied from YouTube or Vimeo (any of their forms)."""
    parts = urlsplit(address.strip())
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    query = parse_qs(parts.query)
    segments = [s for s in parts.path.split("/") if s]
    if host in ("youtube.com", "youtube-nocookie.com", "youtu.be"):
        if host == "youtu.be" and segments:
            ident = segments[0]
        elif segments[:1] == ["watch"]:
            ident = query.get("v", [""])[0]
        elif len(segments) >= 2 and segments[0] in ("embed", "shorts", "live", "v"):
            ident = segments[1]
        else:
            return None
        if not YOUTUBE_ID.match(ident):
            return None
        start = _seconds(query.get("t", query.get("start", [""]))[0])
        player = {"autoplay": "1", **({"start": str(start)} if start else {})}
        watch = {"v": ident, **({"t": f"{start}s"} if start else {})}
        return Source("YouTube", f"https://www.youtube-nocookie.com/embed/{ident}?{urlencode(player)}",
                      f"https://www.youtube.com/watch?{urlencode(watch)}")
    if host in ("vimeo.com", "player.vimeo.com"):
        numbers = [s for s in segments if s.isdigit()]
        if not numbers:
            return None
        ident = numbers[0]
        after = segments[segments.index(ident) + 1:]
        private = query.get("h", [after[0] if after and re.fullmatch(r"[0-9a-f]{6,}", after[0]) else ""])[0]
        player = {"dnt": "1", "autoplay": "1", **({"h": private} if private else {})}
        return Source("Vimeo", f"https://player.vimeo.com/video/{ident}?{urlencode(player)}",
                      f"https://vimeo.com/{ident}" + (f"/{private}" if private else ""))
    return None


def _seconds(value: str) -> int:
    found = TIME.match(value or "")
    if not value or not found:
        return 0
    return int(found["h"] or 0) * 3600 + int(found["m"] or 0) * 60 + int(found["s"] or 0)


class VideoBlock(Block):
    """`/// video | address`: marks the block; the page is made in `render_videos`."""

    NAME = "video"
    ARGUMENT = True
    OPTIONS = {}

    def on_create(self, parent: ET.Element) -> ET.Element:
        return ET.SubElement(parent, "div", {"class": MARK, "data-adres": type_string(self.argument)})


class VideoExtension(BlocksExtension):
    def extendMarkdownBlocks(self, md, block_mgr) -> None:  # noqa: N802 (Python-Markdown's name)
        block_mgr.register(VideoBlock, self.getConfigs())


def makeExtension(**kwargs) -> VideoExtension:  # noqa: N802 (Python-Markdown's name)
    return VideoExtension(**kwargs)


def render_videos(root, source: Path, name: str, template: Template) -> tuple[bool, list[Problem]]:
    """Each marked block of a rendered page (its content as one tree: site/common/fragments.py)
    made the video template, in place; whether there was one, and the problems. (The page's
    policy allows the players it finds in the finished page: hooks.py, on_post_page.)"""
    blocks = root.find_class(MARK)
    problems: list[Problem] = []
    for block in blocks:
        address = block.get("data-adres", "")
        found = video_source(address)
        line = line_in_page(source, address) or line_in_page(source, "/// video")
        title = next((p.text_content().strip() for p in block.iter("p")
                      if p.find(".//img") is None and p.getparent().tag != "figcaption"
                      and p.text_content().strip()), "")
        if found is None:
            problems.append(Problem(name, line, f"'{address}' is geen adres van een video op YouTube of Vimeo; "
                                                "kopieer het adres van de videopagina (bijvoorbeeld "
                                                "https://www.youtube.com/watch?v=…) achter '/// video |'"))
            continue
        if not title:
            problems.append(Problem(name, line, "deze video heeft geen titel; zet op de eerste regel in het "
                                                "blok waar de video over gaat"))
            continue
        images = block.findall(".//img")
        if len(images) > 1:
            problems.append(Problem(name, line, "een video heeft één beeld vooraf (de poster); haal de andere "
                                                "afbeeldingen uit het blok"))
            continue
        poster = maker = None
        if images:
            images[0].set("class", " ".join([*images[0].get("class", "").split(), POSTER]))
            poster = Markup(lxml.html.tostring(images[0], encoding="unicode", with_tail=False))
            caption = block.find(".//figcaption")
            maker = caption.text_content().strip() if caption is not None else None
        # Stable and unique on any page that shows it (the blog's overview pages show excerpts).
        ident = "cr-video-" + hashlib.sha256(found.speler.encode()).hexdigest()[:10]
        replace_with(block, template.render(video=found, titel=title, poster=poster, maker=maker, id=ident))
    return bool(blocks), problems
