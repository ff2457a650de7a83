"""The e-mail edition of each newsletter, made by the build from the same Markdown.

From the newsletter as the site shows it (its content after the photos and video blocks are
made: the page's tree, site/common/fragments.py), for each published newsletter, next to its
page (hooks.py: `Editions.add` in `on_page_content`, `Editions.write` in `on_post_build`):

- `e-mail.html`: overrides/email/nieuwsbrief.html with the content made fit for mail
  programs (every address absolute; photos as the site's own published JPEG/PNG with width,
  height and alt text; a video as its poster and link), the CSS inlined by css-inline. Also
  the preview for editors (noindex; not a page, so not in search, the sitemap or the feeds).
- `nieuwsbrief.eml`: RFC 5322, multipart/alternative (plain text and that HTML), UTF-8, with
  the headers from data/verzending.yml as far as editors filled it in, and a Message-ID
  derived from the feed item's guid, so the same newsletter is always the same message.

An edition is kept in `.cache/edities/` by the hash of everything it is made from (the
content, title, address, date, settings, links, the e-mail templates and this code), as the
photos are: a second build makes no edition whose inputs did not change, and writes the
same bytes. Removing `.cache/` gives a cold build; `BOUWCACHE=uit` one without the cache.

Gmail clips a message from 102 kB of HTML on; tests/test_mail_edition.py holds the limit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

import css_inline
import lxml.html
from jinja2 import Environment
from markupsafe import Markup

from cultuurregio.site.common import dates, fragments
from cultuurregio.site.common.dates import date_label
from cultuurregio.site.common.fragments import inner_html
from cultuurregio.site.content.mail_settings import MailSettings
from cultuurregio.site.mail import message, text
from cultuurregio.site.outputs import feeds

EDITION = "e-mail.html"
MESSAGE = "nieuwsbrief.eml"
MAX_BYTES = 102_000
IMAGE_WIDTH = 560  # the column's 600 px less its padding
LOGO = {"pad": "assets/logo-144.png", "breedte": 72, "hoogte": 72}
SITE_ONLY = ("script", "style", "iframe", "form", "input", "link", "noscript")
DROPPED_CLASSES = ("cr-verborgen", "cr-video__toestemming")
# What an edition is made by besides its inputs: a change here makes every edition anew.
CODE = tuple(Path(module.__file__) for module in (sys.modules[__name__], message, text, feeds, fragments, dates))


@dataclass(frozen=True)
class Newsletter:
    title: str
    content: str  # the page's HTML content, as the site shows it
    url: str  # absolute: the page online, also the feed item's guid
    created: dt.date


def message_id(guid: str, site_url: str) -> str:
    """Stable per newsletter: the same guid (its address) gives the same Message-ID."""
    # Short enough for one header line (78 characters): a folded Message-ID reads back with a space.
    return f"<{hashlib.sha256(guid.encode()).hexdigest()[:24]}@{urlsplit(site_url).hostname}>"


class Editions:
    """The editions of one build. `links`: absolute addresses of the contact page, the
    archive and the feed; `env`: overrides/email/; `cache`: the folder, or None."""

    def __init__(self, settings: MailSettings, site_url: str, links: dict[str, str], env: Environment,
                 templates: Path, cache: Path | None) -> None:
        self.settings, self.site_url, self.links, self.env, self.cache = settings, site_url, links, env, cache
        self.made = self.cached = 0
        # (the newsletter's address, its edition: made (HTML, message) or kept in the cache)
        self._editions: list[tuple[str, tuple[str, bytes] | Path]] = []
        recipe = hashlib.sha256(f"{sys.version}{metadata.version('css-inline')}".encode())
        for path in [*CODE, *sorted(p for p in templates.rglob("*") if p.is_file())]:
            recipe.update(path.name.encode() + b"\0" + path.read_bytes())
        recipe.update(json.dumps([asdict(settings), site_url, links, env.globals.get("voorbeeld")]).encode())
        self._recipe = recipe.hexdigest()

    def add(self, newsletter: Newsletter, root) -> None:
        """A newsletter and its content's tree (changed here: the page has been written out)."""
        key = hashlib.sha256(json.dumps([self._recipe, newsletter.title, newsletter.content, newsletter.url,
                                         newsletter.created.isoformat()]).encode()).hexdigest()[:40]
        kept = self.cache / f"{key}.editie" if self.cache else None
        if kept is not None and kept.is_file():
            self.cached += 1
            edition: tuple[str, bytes] | Path = kept
        else:
            edition = self._make(newsletter, root)
            self.made += 1
            if kept is not None:
                _keep(kept, edition)
        self._editions.append((newsletter.url, edition))

    def _make(self, newsletter: Newsletter, root) -> tuple[str, bytes]:
        content = mail_content(root, newsletter.url)
        html = self.env.get_template("nieuwsbrief.html").render(
            titel=newsletter.title, inhoud=Markup(inner_html(content)), online=newsletter.url,
            site_url=self.site_url, datum=date_label(newsletter.created), afzender=self.settings.naam,
            afmelden=self.settings.afmelden, contact=self.links["contact"], archief=self.links["archief"],
            feed=self.links["feed"], logo={"adres": self.site_url + LOGO["pad"], "breedte": LOGO["breedte"],
                                           "hoogte": LOGO["hoogte"]})
        inlined = css_inline.CSSInliner(keep_style_tags=True, load_remote_stylesheets=False).inline(html)
        plain = text.plain_text(newsletter.title, content, newsletter.url, self.settings, self.links)
        ident = message_id(newsletter.url, self.site_url)
        return inlined, message.rfc5322(newsletter, self.settings, inlined, plain, ident)

    def write(self, site: Path) -> None:
        """Each edition and message next to its newsletter's page in `site`."""
        for url, edition in self._editions:
            folder = site / url.removeprefix(self.site_url)
            html, eml = _unpack(edition.read_bytes()) if isinstance(edition, Path) else (
                edition[0].encode("utf-8"), edition[1])
            (folder / EDITION).write_bytes(html)
            (folder / MESSAGE).write_bytes(eml)


def _keep(kept: Path, edition: tuple[str, bytes]) -> None:
    """In the cache as one file: the HTML's length in bytes on the first line, the HTML, the
    message. Written whole under another name, then renamed (another build may share it)."""
    html = edition[0].encode("utf-8")
    kept.parent.mkdir(parents=True, exist_ok=True)
    partial = kept.with_name(f".{kept.name}.tmp")
    partial.write_bytes(b"%d\n" % len(html) + html + edition[1])
    partial.replace(kept)


def _unpack(data: bytes) -> tuple[bytes, bytes]:
    first, _, rest = data.partition(b"\n")
    return rest[:int(first)], rest[int(first):]


def mail_content(root, page_url: str):
    """The newsletter's content as a mail program needs it: as off the site (feeds.off_site),
    and without anything a mail program drops or cannot use. Changes `root`, returns it."""
    root = feeds.off_site(root, page_url)
    for element in [e for e in root.iter() if isinstance(e.tag, str) and (
            e.tag in SITE_ONLY or set(e.get("class", "").split()) & set(DROPPED_CLASSES))]:
        element.drop_tree()
    for link in root.find_class("cr-foto-vergroten"):
        link.drop_tag()  # a mail program has no photo dialog
    for image in root.iter("img"):
        _fit(image)
    for video in root.find_class("cr-video"):
        _video(video)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in [a for a in element.attrib if a.startswith(("data-", "aria-describedby"))
                          or a in ("id", "hidden", "rel")]:
            del element.attrib[attribute]
    for table in root.iter("table"):
        table.set("class", (table.get("class", "") + " gegevens").strip())
    return root


def _fit(image) -> None:
    """At most the column's width, with the height to match (mail programs need both)."""
    width, height = int(image.get("width") or 0), int(image.get("height") or 0)
    if width > IMAGE_WIDTH and height:
        image.set("width", str(IMAGE_WIDTH))
        image.set("height", str(round(height * IMAGE_WIDTH / width)))
    classes = [c for c in image.get("class", "").split() if not c.startswith("cr-")]
    if classes:
        image.set("class", " ".join(classes))
    else:
        image.attrib.pop("class", None)


def _video(video) -> None:
    """A video block in a mail: its poster as a link to the video, its title and its link."""
    link = next((a for a in video.iter("a") if a.get("href")), None)
    poster = video.find(".//img")
    if link is not None and poster is not None:
        wrapper = lxml.html.Element("a", href=link.get("href"))
        poster.addprevious(wrapper)
        wrapper.append(poster)
