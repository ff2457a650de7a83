"""The newsletters that go by themselves (.github/workflows/deploy.yml, job "Nieuwsbrieven
versturen die vanzelf gaan") as its scenarios set it up: a repository committed yesterday with
the test's newsletters, its main protected (tests/github_actions/stand_ins.py), the site served
where its site_url says, a mail server, and what arrived."""

from __future__ import annotations

import datetime as dt
import email
from contextlib import contextmanager
from email import policy

from cultuurregio.project import ROOT
from cultuurregio.publiceren.localserver import SiteServer
from cultuurregio.site.common.dates import TIMEZONE
from tests.github_actions.repository import commit, job_named, origin_repository
from tests.helpers import newsletter, replace_once
from tests.mail_server import PASSWORD, USER, Inbox, fill_in_settings, smtp_server

DEPLOY = ROOT / ".github" / "workflows" / "deploy.yml"
MANUAL = ROOT / ".github" / "workflows" / "nieuwsbrief.yml"
SEND = job_named(DEPLOY, "Nieuwsbrieven versturen")
BY_HAND = job_named(MANUAL, "Nieuwsbrief versturen")
MARKED = "automatisch_versturen: true\n"


def days() -> dict[str, dt.date]:
    today = dt.datetime.now(TIMEZONE).date()
    return {"gisteren": today - dt.timedelta(days=1), "vandaag": today, "morgen": today + dt.timedelta(days=1)}


def address(day: str, slug: str) -> str:
    """The permanent address of the test's newsletter `slug` dated on `day` (a key of days())."""
    return f"/nieuwsbrief/{days()[day]:%Y/%m}/{slug}/"


def yesterday() -> str:
    """A moment of yesterday, as git takes it."""
    return (dt.datetime.now(TIMEZONE) - dt.timedelta(days=1)).isoformat(timespec="seconds")


def origin_with(folder, newsletters: dict[str, tuple[str, str]]):
    """A repository whose one commit is of yesterday (the morning build finds it on main), with
    the test's settings and newsletters: slug -> (day, extra front matter)."""
    when = days()
    origin = origin_repository(ROOT, folder, date=yesterday())
    fill_in_settings(origin)
    for slug, (day, extra) in newsletters.items():
        newsletter(origin, f"{when[day]:%Y-%m}-{slug}.md", front=f"date:\n  created: {when[day].isoformat()}\n{extra}")
    return origin


@contextmanager
def online(origin, site, certificate, inbox: Inbox):
    """`site` served where the site_url says (what "online" is asked of), the repository committed
    (yesterday), and the mail server; its port."""
    server = smtp_server(certificate, inbox)
    try:
        with SiteServer(site, "/website/") as web:
            replace_once(origin / "mkdocs.yml", "https://cultuurregio-twente.github.io/website/", web.base)
            commit(origin, "Instellingen en nieuwsbrieven van de test", date=yesterday())
            yield str(server.port)
    finally:
        server.stop()


def to(inbox: Inbox, address: str) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(data, policy=policy.default) for recipients, data in inbox.messages
            if recipients == [address]]


SECRETS = {"SMTP_HOST": "127.0.0.1", "SMTP_USER": USER, "SMTP_PASSWORD": PASSWORD}
