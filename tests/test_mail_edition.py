"""Every published newsletter has an e-mail edition next to it, as mail programs need it:
one column, inlined styles, absolute addresses of files that exist, no scripts, fonts or
forms, under Gmail's 102 kB; and an .eml that parses, with a stable Message-ID. A preview
for editors, out of search, the sitemap and the feeds. With today's data (no sender yet),
the edition is still made; sending is what waits."""

from __future__ import annotations

import email
import hashlib
import json
from email import policy
from urllib.parse import urlsplit

import feedparser
import lxml.html
import yaml

from cultuurregio.project import ROOT
from tests.helpers import check, published_newsletters

LIMIT = 102_000


def editions(site, site_url):
    feed = feedparser.parse((site / "feed_rss_created.xml").read_bytes())
    for entry in feed.entries:
        folder = site / urlsplit(entry.link).path.removeprefix(urlsplit(site_url).path)
        yield entry, folder


def test_every_published_newsletter_has_an_edition_and_a_message(site, site_url):
    found = list(editions(site, site_url))
    assert found, "the built site has no newsletter in its feed: nothing here would be checked"
    assert len(found) == len(published_newsletters())
    identifiers = set()
    for entry, folder in found:
        html = (folder / "e-mail.html").read_text(encoding="utf-8")
        message = email.message_from_bytes((folder / "nieuwsbrief.eml").read_bytes(), policy=policy.default)
        assert message.get_content_type() == "multipart/alternative"
        assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
        assert all(part.get_content_charset() == "utf-8" for part in message.iter_parts())
        assert message["Subject"] == entry.title
        assert message.get_body(("html",)).get_content().splitlines() == html.splitlines()
        assert entry.link in message.get_body(("plain",)).get_content()
        # Derived from the feed item's guid, so the same newsletter is always the same message.
        assert message["Message-ID"] == f"<{hashlib.sha256(entry.id.encode()).hexdigest()[:24]}@" \
                                        f"{urlsplit(site_url).hostname}>"
        identifiers.add(message["Message-ID"])
        check_mail_html(html, entry.link, site, site_url)
    assert len(identifiers) == len(found)


def check_mail_html(html: str, online: str, site, site_url: str) -> None:
    assert len(html.encode()) < LIMIT
    page = lxml.html.fromstring(html)
    assert page.get("lang") == "nl"
    assert page.xpath("//meta[@name='color-scheme']/@content") == ["light dark"]
    assert "noindex" in page.xpath("//meta[@name='robots']/@content")[0]
    for forbidden in ("script", "form", "input", "iframe", "link", "button"):
        assert not page.xpath(f"//{forbidden}"), forbidden
    assert "@font-face" not in html and "@import" not in html
    assert page.xpath("//a[normalize-space()='Lees deze nieuwsbrief online']/@href") == [online]
    assert max(int(w) for w in page.xpath("//table/@width") if w.isdigit()) <= 600
    for image in page.iter("img"):
        assert image.get("alt") and image.get("width") and image.get("height"), lxml.html.tostring(image)
        assert int(image.get("width")) <= 600
        assert image.get("src").startswith(site_url) and image.get("src").endswith((".png", ".jpeg", ".jpg"))
        assert (site / image.get("src").removeprefix(site_url)).is_file(), image.get("src")
    for address in page.xpath("//a/@href"):
        assert urlsplit(address).scheme in ("https", "http", "mailto"), address
        if address.startswith(site_url):
            target = site / urlsplit(address).path.removeprefix(urlsplit(site_url).path)
            assert target.is_file() or (target / "index.html").is_file(), address
    # Every style is on its element (the dark-mode rules may stay in <style>).
    assert page.xpath("//p[@style]") and page.xpath("//td[@style]")


def test_the_edition_is_a_preview_out_of_search_the_sitemap_and_the_feeds(site, site_url):
    entry, folder = next(editions(site, site_url))
    page = lxml.html.fromstring((folder / "index.html").read_bytes())
    assert "e-mail.html" in page.xpath("//a/@href")
    assert "e-mail.html" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    locations = {doc["location"] for doc in json.loads((site / "search/search_index.json").read_text())["docs"]}
    assert not any("e-mail" in location for location in locations)
    for feed in site.rglob("*.xml"):
        assert "e-mail.html" not in feed.read_text(encoding="utf-8"), feed


def test_with_todays_data_check_says_what_sending_needs(site):
    data = yaml.safe_load((ROOT / "data" / "verzending.yml").read_text(encoding="utf-8"))
    empty = [key for key in ("antwoordadres", "lijstadres", "afmelden") if not data.get(key)]
    empty += ["afzender"] if not data["afzender"].get("adres") else []
    result = check(ROOT)
    notes = [line for line in result.stdout.splitlines() if line.startswith("data/verzending.yml:")]
    assert len(notes) == len(empty) and all("let op:" in note for note in notes), result.stdout


TITLES = ["Ideeën uit Hengelo: bericht nummer 12 over cultuur", "Kort", "Een heel lange titel " * 8,
          "Ünïcödé, “aanhalingstekens” en een gedachtestreepje – met nog veel meer woorden erachter"]
SETTINGS = [dict(naam="Cultuurregio Twente", afzender="nieuwsbrief@example.org", antwoordadres="redactie@example.org",
                 lijstadres="lijst@example.org", afmelden="https://example.org/afmelden"),
            dict(naam="Cultuurregio Twente"),
            dict(naam='Cultuur "Twente", de regio', afzender="a@example.nl", lijstadres="l@example.nl",
                 afmelden="mailto:af@example.nl?subject=afmelden")]
BODIES = [("kort\n", "<p>kort</p>\n"), ("regel\n" * 5 + "x" * 100 + "\n", "<p>ë</p>\n" * 20),
          ("ascii\n" * 30, "<p>" + "a" * 200 + "</p>\n"), ("één ë\n" * 40, "<p>" + "ë" * 90 + "</p>\n" * 12)]


def test_the_message_has_the_bytes_the_email_package_writes():
    """site/mail/message.py writes the .eml itself, for speed: byte for byte what EmailMessage
    with policy SMTP makes of the same newsletter, for headers that need encoding and folding,
    settings present or not, and bodies that go as 7bit, 8bit, quoted-printable and base64."""
    import datetime as dt
    from email.headerregistry import Address
    from email.message import EmailMessage
    from email.utils import format_datetime

    from cultuurregio.site.common.dates import TIMEZONE
    from cultuurregio.site.content.mail_settings import MailSettings
    from cultuurregio.site.mail.edition import Newsletter, message_id
    from cultuurregio.site.mail.message import rfc5322

    def oracle(newsletter, settings, html, text, ident):
        message = EmailMessage(policy=policy.SMTP)
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
        message["Date"] = format_datetime(dt.datetime.combine(newsletter.created, dt.time(9), TIMEZONE))
        message["Message-ID"] = ident
        message["List-Archive"] = f"<{newsletter.url}>"
        message.set_content(text, charset="utf-8")
        message.add_alternative(html, subtype="html", charset="utf-8")
        message["Content-Language"] = "nl"
        message.set_boundary("=_" + hashlib.sha256((html + text).encode()).hexdigest()[:40])
        return message.as_bytes()

    encodings = set()
    days = [dt.date(2019, 1, 4), dt.date(2026, 7, 31), dt.date(2030, 12, 25)]  # winter and summer time
    for number, fields in enumerate(SETTINGS):
        for title in TITLES:
            for text, html in BODIES:
                url = f"https://example.org/nieuwsbrief/{number}/{len(title)}/{len(text)}/"
                newsletter = Newsletter(title, "", url, days[(len(title) + len(text)) % 3])
                settings = MailSettings(**fields)
                for ident in (message_id(url, "https://example.org/"), "<abc@example.org>"):
                    ours = rfc5322(newsletter, settings, html, text, ident)
                    assert ours == oracle(newsletter, settings, html, text, ident), (fields, title, text, ident)
                parsed = email.message_from_bytes(ours, policy=policy.default)
                assert parsed["Subject"] == title
                encodings |= {part["Content-Transfer-Encoding"] for part in parsed.iter_parts()}
    assert encodings == {"7bit", "8bit", "quoted-printable", "base64"}


def test_the_text_part_wraps_as_textwrap_does():
    """site/mail/text.py wraps a line of single spaces by itself (five times as fast): the
    same lines as textwrap.fill, list items indented, long words and addresses kept whole."""
    import random
    import textwrap

    from cultuurregio.site.mail.text import WIDTH, _wrap

    words = ["cultuur", "Twente", "a", "ë", "x" * (WIDTH - 1), "x" * WIDTH, "x" * (WIDTH + 1), "-",
             "https://example.org/een/heel/lang/adres/dat/niet/past/op/een/regel/van/tweeënzeventig/tekens",
             "woord-met-streepje"]
    shuffled = random.Random(32)
    for number in range(5000):
        line = ("- " if number % 3 == 0 else "") + " ".join(
            shuffled.choice(words) for _ in range(shuffled.randint(1, 40)))
        if number % 5 == 0:
            line = line.replace(" ", "  ", 1)  # what the quick way leaves to textwrap
        indent = "  " if line.startswith("- ") else ""
        expected = line if len(line) <= WIDTH or line.startswith(("http", "-- ")) else textwrap.fill(
            line, WIDTH, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)
        assert _wrap(line) == expected, line
