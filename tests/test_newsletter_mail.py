"""Sending the newsletter by e-mail, against a real SMTP server (aiosmtpd on 127.0.0.1 with
STARTTLS on a test certificate from trustme), through the command the workflow runs, with
the ledger pushed to a repository as the workflow pushes it. The site it sends from is
built once and served locally, so "is it online?" is asked of a real web server."""

from __future__ import annotations

import email
import shutil
import subprocess
import sys
from email import policy
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
import trustme
import yaml
from aiosmtpd.controller import Controller

from cultuurregio.project import ROOT
from cultuurregio.publiceren.localserver import SiteServer
from tests.github_actions import commit, git, origin_repository
from tests.helpers import build, environment, newsletter, photo, replace_once
from tests.mail_server import PASSWORD, SETTINGS, USER, Inbox, fill_in_settings, smtp_server

SLUG = "per-post"



@pytest.fixture(scope="module")
def mail_site(tmp_path_factory):
    """A repository with the settings filled in, a newsletter with a photo, a draft and a
    scheduled one; its site built for, and served at, a local address."""
    root = tmp_path_factory.mktemp("mail")
    project = origin_repository(ROOT, root / "origin")
    fill_in_settings(project)
    photo(project, "zaal.jpg")
    newsletter(project, f"2019-03-{SLUG}.md", body="Het begin, met [de agenda](../../agenda.md).\n\n"
               "<!-- more -->\n\n## Verder\n\n![Een volle zaal bij het debat](zaal.jpg)\n/// caption\n"
               "Foto: Testfotograaf\n///\n")
    newsletter(project, "2019-04-concept.md", front="date:\n  created: 2019-04-01\ndraft: true\n")
    newsletter(project, "2099-01-later.md", front="date:\n  created: 2099-01-01\n")
    site = root / "site"
    site.mkdir()
    with SiteServer(site, "/website/") as server:
        replace_once(project / "mkdocs.yml", "https://cultuurregio-twente.github.io/website/", server.base)
        commit(project, "Instellingen en nieuwsbrieven van de test")
        git(project, "config", "receive.denyCurrentBranch", "updateInstead")
        result = build(project, site, env={"SOURCE_DATE_EPOCH": "1700000000"})
        assert result.returncode == 0, result.stderr
        yield {"origin": project, "site": site, "base": server.base}


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    authority = trustme.CA()
    folder = tmp_path_factory.mktemp("tls")
    authority.cert_pem.write_to_path(str(folder / "ca.pem"))
    return authority, folder / "ca.pem"


@pytest.fixture
def repository(mail_site, tmp_path):
    """A fresh origin (the ledger empty) and the workflow's checkout of it."""
    origin = tmp_path / "origin"
    shutil.copytree(mail_site["origin"], origin)
    checkout = tmp_path / "checkout"
    git(tmp_path, "clone", "--quiet", str(origin), str(checkout))
    return origin, checkout


def send(checkout: Path, site: Path, server: Controller, ca: Path, slug: str = SLUG, test_address: str = ""):
    env = environment(SMTP_HOST="127.0.0.1", SMTP_PORT=str(server.port),
                      SMTP_USER=USER, SMTP_PASSWORD=PASSWORD, SSL_CERT_FILE=str(ca),
                      SOURCE_DATE_EPOCH="1700000000")
    return subprocess.run([sys.executable, "-m", "cultuurregio.publiceren.newsletter_mail", "--slug", slug,
                           "--testadres", test_address, "--site-dir", str(site), "--config-file",
                           str(checkout / "mkdocs.yml"), "--vastleggen"], capture_output=True, text=True, env=env)


def ledger(origin: Path) -> list[dict]:
    return yaml.safe_load((origin / "data" / "verzonden.yml").read_text(encoding="utf-8"))["verzonden"]


def test_the_list_gets_one_complete_message_and_the_ledger_its_message_id(mail_site, repository, certificate):
    origin, checkout = repository
    inbox = Inbox()
    server = smtp_server(certificate, inbox)
    try:
        first = send(checkout, mail_site["site"], server, certificate[1])
        assert first.returncode == 0, first.stderr
        second = send(checkout, mail_site["site"], server, certificate[1])
    finally:
        server.stop()
    assert len(inbox.messages) == 1
    recipients, raw = inbox.messages[0]
    assert recipients == [SETTINGS["lijstadres"]]
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message.get_content_type() == "multipart/alternative"
    assert message["From"].addresses[0].addr_spec == SETTINGS["adres"]
    assert str(message["Reply-To"]) == SETTINGS["antwoordadres"]
    assert message["Subject"] == f"Test 2019-03-{SLUG}"
    assert message["List-Id"].endswith(f"<{SETTINGS['lijstadres'].replace('@', '.')}>")
    assert message["List-Unsubscribe"] == f"<{SETTINGS['afmelden']}>"
    entries = ledger(origin)
    assert [(e["slug"], e["status"], e["message_id"]) for e in entries] == [(SLUG, "verzonden", message["Message-ID"].strip())]
    text, html = message.get_body(("plain",)).get_content(), message.get_body(("html",)).get_content()
    assert "Een volle zaal bij het debat" in text and mail_site["base"] in text
    base, site = mail_site["base"], mail_site["site"]
    page = lxml.html.fromstring(html)
    addresses = [img.get("src") for img in page.iter("img")] + [a.get("href") for a in page.iter("a")]
    assert len([a for a in addresses if a.endswith(".jpeg")]) == 1, addresses
    for address in addresses:
        if address == SETTINGS["afmelden"]:
            continue
        assert address.startswith(base), address
        target = site / urlsplit(address).path.removeprefix(urlsplit(base).path)
        assert target.is_file() or (target / "index.html").is_file(), address
    # The second run: refused by the ledger, and nothing arrived.
    assert second.returncode == 1 and "al naar de lijst verstuurd" in second.stderr
    assert "Traceback" not in first.stderr + second.stderr


@pytest.mark.parametrize("failure", ["login", "drop"])
def test_a_failed_send_leaves_no_entry_and_the_retry_delivers_once(mail_site, repository, certificate, failure):
    origin, checkout = repository
    broken = Inbox(drop=failure == "drop")
    server = smtp_server(certificate, broken, password="iets-anders" if failure == "login" else PASSWORD)
    try:
        result = send(checkout, mail_site["site"], server, certificate[1])
    finally:
        server.stop()
    assert result.returncode == 1
    assert ("weigerde de inlog" if failure == "login" else "het versturen mislukte") in result.stderr
    assert "Traceback" not in result.stderr
    assert broken.messages == [] and ledger(origin) == []
    git(checkout, "pull", "--quiet", "--rebase", "origin", "main")
    inbox = Inbox()
    server = smtp_server(certificate, inbox)
    try:
        retry = send(checkout, mail_site["site"], server, certificate[1])
    finally:
        server.stop()
    assert retry.returncode == 0, retry.stderr
    assert len(inbox.messages) == 1 and [e["status"] for e in ledger(origin)] == ["verzonden"]


@pytest.mark.parametrize(("slug", "says"), [("concept", "concept"), ("later", "verschijnt pas op 2099-01-01"),
                                            ("bestaat-niet", "geen nieuwsbrief met de korte naam")])
def test_a_draft_a_scheduled_and_an_unknown_newsletter_are_refused(mail_site, repository, certificate, slug, says):
    origin, checkout = repository
    inbox = Inbox()
    server = smtp_server(certificate, inbox)
    try:
        result = send(checkout, mail_site["site"], server, certificate[1], slug=slug)
    finally:
        server.stop()
    assert result.returncode == 1 and says in result.stderr, result.stderr
    assert inbox.messages == [] and ledger(origin) == []


def test_a_test_address_gets_a_marked_copy_and_the_ledger_stays(mail_site, repository, certificate):
    origin, checkout = repository
    inbox = Inbox()
    server = smtp_server(certificate, inbox)
    try:
        result = send(checkout, mail_site["site"], server, certificate[1], test_address="proef@example.org")
    finally:
        server.stop()
    assert result.returncode == 0, result.stderr
    recipients, raw = inbox.messages[0]
    message = email.message_from_bytes(raw, policy=policy.default)
    assert recipients == ["proef@example.org"] and str(message["To"]) == "proef@example.org"
    assert message["Subject"] == f"[TEST] Test 2019-03-{SLUG}"
    assert ledger(origin) == [] and git(origin, "log", "--oneline").count("\n") == 2


def test_a_send_whose_ledger_cannot_be_confirmed_is_never_sent_twice(mail_site, repository, certificate):
    """The reservation reached the repository; the confirmation cannot (the branch moved on
    and the push is refused): the message went out once, and every later run refuses."""
    origin, checkout = repository
    hook = origin / ".git" / "hooks" / "pre-receive"
    # The first push (the reservation) is taken; every later one is refused. (Hooks run in the git dir.)
    hook.write_text("#!/bin/sh\n[ -f eerste-push ] && { echo geweigerd >&2; exit 1; }\ntouch eerste-push\n")
    hook.chmod(0o755)
    inbox = Inbox()
    server = smtp_server(certificate, inbox)
    try:
        first = send(checkout, mail_site["site"], server, certificate[1])
        # The next run starts from the repository as it is: a fresh checkout.
        fresh = checkout.parent / "opnieuw"
        git(checkout.parent, "clone", "--quiet", str(origin), str(fresh))
        again = send(fresh, mail_site["site"], server, certificate[1])
    finally:
        server.stop()
    assert first.returncode == 1 and "is verstuurd, maar het logboek kon niet worden bijgewerkt" in first.stderr
    assert [e["status"] for e in ledger(origin)] == ["bezig"]
    assert again.returncode == 1 and "staat als 'bezig'" in again.stderr
    assert len(inbox.messages) == 1


def test_with_a_sign_up_route_the_subscribe_page_offers_e_mail_too(mail_site):
    page = lxml.html.fromstring((mail_site["site"] / "nieuwsbrief/abonneren/index.html").read_bytes())
    headings = [h.text_content().strip().rstrip("¶") for h in page.iter("h2")]
    assert "Per e-mail" in headings and "Via RSS" in headings
    assert SETTINGS["aanmelden"] in [a.get("href") for a in page.iter("a")]
