"""The e-mail edition of each newsletter, made by the build from the same Markdown.

From the newsletter as the site shows it (its content after the photos and video blocks are
made), for each published newsletter, next to its page (hooks.py, `on_post_build`):

- `e-mail.html`: overrides/email/nieuwsbrief.html with the content made fit for mail
  programs (every address absolute; photos as the site's own published JPEG/PNG with width,
  height and alt text; a video as its poster and link), the CSS inlined by css-inline. Also
  the preview for editors (noindex; not a page, so not in search, the sitemap or the feeds).
- `nieuwsbrief.eml`: RFC 5322, multipart/alternative (plain text and that HTML), UTF-8, with
  the headers from data/verzending.yml as far as editors filled it in, and a Message-ID
  derived from the feed item's guid, so the same newsletter is always the same message.

Gmail clips a message from 102 kB of HTML on; tests/test_mail_edition.py holds the limit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import urlsplit

import css_inline
import lxml.html
from jinja2 import Environment
from markupsafe import Markup

from cultuurregio.site.common.dates import TIMEZONE, date_label
from cultuurregio.site.content.mail_settings import MailSettings
from cultuurregio.site.mail.text import plain_text
from cultuurregio.site.outputs.feeds import inner_html, off_site

EDITION = "e-mail.html"
MESSAGE = "nieuwsbrief.eml"
MAX_BYTES = 102_000
IMAGE_WIDTH = 560  # the column's 600 px less its padding
LOGO = {"pad": "assets/logo-144.png", "breedte": 72, "hoogte": 72}
SITE_ONLY = ("script", "style", "iframe", "form", "input", "link", "noscript")
DROPPED_CLASSES = ("cr-verborgen", "cr-video__toestemming")


@dataclass(frozen=True)
class Newsletter:
    title: str
    content: str  # the page's HTML content, as the site shows it
    url: str  # absolute: the page online, also the feed item's guid
    created: dt.date


@dataclass(frozen=True)
class Edition:
    html: str
    text: str
    message_id: str
    eml: bytes


def message_id(guid: str, site_url: str) -> str:
    """Stable per newsletter: the same guid (its address) gives the same Message-ID."""
    # Short enough for one header line (78 characters): a folded Message-ID reads back with a space.
    return f"<{hashlib.sha256(guid.encode()).hexdigest()[:24]}@{urlsplit(site_url).hostname}>"


def make_edition(newsletter: Newsletter, settings: MailSettings, site_url: str, links: dict[str, str],
                 env: Environment, date_label: str) -> Edition:
    """`links`: absolute addresses of the contact page, the archive and the feed."""
    content = mail_content(newsletter.content, newsletter.url)
    html = env.get_template("nieuwsbrief.html").render(
        titel=newsletter.title, inhoud=Markup(content), online=newsletter.url, site_url=site_url,
        datum=date_label, afzender=settings.naam, afmelden=settings.afmelden,
        logo={"adres": site_url + LOGO["pad"], "breedte": LOGO["breedte"], "hoogte": LOGO["hoogte"]},
        contact=links["contact"], archief=links["archief"], feed=links["feed"])
    inlined = css_inline.CSSInliner(keep_style_tags=True, load_remote_stylesheets=False).inline(html)
    text = plain_text(newsletter.title, content, newsletter.url, settings, links)
    ident = message_id(newsletter.url, site_url)
    return Edition(inlined, text, ident, _message(newsletter, settings, inlined, text, ident))


def mail_content(content: str, page_url: str) -> str:
    """The newsletter's content as a mail program needs it: as off the site (feeds.off_site),
    and without anything a mail program drops or cannot use."""
    root = off_site(content, page_url)
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
    return inner_html(root)


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


def _message(newsletter: Newsletter, settings: MailSettings, html: str, text: str, ident: str) -> bytes:
    message = EmailMessage(policy=SMTP)
    if settings.afzender:
        message["From"] = Address(settings.naam, addr_spec=settings.afzender)
    if settings.antwoordadres:
        message["Reply-To"] = settings.antwoordadres
    if settings.lijstadres:
        message["To"] = Address(f"Nieuwsbrief {settings.naam}", addr_spec=settings.lijstadres)
        message["List-Id"] = f"Nieuwsbrief {settings.naam} <{settings.list_id}>"
    if settings.afmelden:
        message["List-Unsubscribe"] = f"<{settings.afmelden}>"
    message["Subject"] = newsletter.title
    # The day it appears, at 09:00 in Twente (as in the feed): never the build's clock.
    sent = dt.datetime.combine(newsletter.created, dt.time(9), TIMEZONE)
    message["Date"] = format_datetime(sent)
    message["Message-ID"] = ident
    message["List-Archive"] = f"<{newsletter.url}>"
    message.set_content(text, charset="utf-8")
    message.add_alternative(html, subtype="html", charset="utf-8")
    message["Content-Language"] = "nl"  # after the parts: set_content clears Content-* headers
    # A boundary from the message itself, not from chance: the same newsletter, the same bytes.
    message.set_boundary("=_" + hashlib.sha256((html + text).encode()).hexdigest()[:40])
    return message.as_bytes()


def write_editions(site: Path, newsletters: list[Newsletter], settings: MailSettings, site_url: str,
                   links: dict[str, str], env: Environment) -> None:
    """Each published newsletter's edition and message, next to its page in `site`."""
    for newsletter in newsletters:
        edition = make_edition(newsletter, settings, site_url, links, env, date_label(newsletter.created))
        folder = site / newsletter.url.removeprefix(site_url)
        (folder / EDITION).write_text(edition.html, encoding="utf-8")
        (folder / MESSAGE).write_bytes(edition.eml)
