"""Sending the newsletter by e-mail, against a real SMTP server (aiosmtpd on 127.0.0.1 with
STARTTLS on a test certificate from trustme), through the command the workflow runs, with
the ledger pushed to its own branch of a repository whose main is protected, as the workflow
pushes it. The site it sends from is built once and served locally, so "is it online?" is asked
of a real web server. Two newsletters share a slug in different months, as the build allows."""

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
from tests.github_actions.repository import ledger
from tests.github_actions.stand_ins import protect_main
from tests.helpers import build, environment, newsletter, photo, replace_once
from tests.mail_server import PASSWORD, SETTINGS, USER, Inbox, fill_in_settings, running

SLUG = "per-post"
MARCH, MAY = f"/nieuwsbrief/2019/03/{SLUG}/", f"/nieuwsbrief/2019/05/{SLUG}/"



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
    newsletter(project, f"2019-05-{SLUG}.md", front="date:\n  created: 2019-05-02\n",
               body="Dezelfde korte naam, een andere maand.\n\n<!-- more -->\n\nDe rest van mei.\n")
    newsletter(project, "2019-04-concept.md", front="date:\n  created: 2019-04-01\ndraft: true\n")
    newsletter(project, "2099-01-later.md", front="date:\n  created: 2099-01-01\n")
    site = root / "site"
    site.mkdir()
    with SiteServer(site, "/website/") as server:
        replace_once(project / "mkdocs.yml", "https://cultuurregio-twente.github.io/website/", server.base)
        commit(project, "Instellingen en nieuwsbrieven van de test")
        protect_main(project)
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


def send(checkout: Path, site: Path, server: Controller, ca: Path, given: str = MARCH, test_address: str = ""):
    env = environment(SMTP_HOST="127.0.0.1", SMTP_PORT=str(server.port),
                      SMTP_USER=USER, SMTP_PASSWORD=PASSWORD, SSL_CERT_FILE=str(ca),
                      SOURCE_DATE_EPOCH="1700000000")
    return subprocess.run([sys.executable, "-m", "cultuurregio.publiceren.newsletter_mail", "--nieuwsbrief", given,
                           "--testadres", test_address, "--site-dir", str(site), "--config-file",
                           str(checkout / "mkdocs.yml"), "--vastleggen"], capture_output=True, text=True, env=env)


def test_the_list_gets_one_complete_message_and_the_ledger_its_message_id(mail_site, repository, certificate):
    origin, checkout = repository
    with running(certificate, Inbox()) as (inbox, server):
        first = send(checkout, mail_site["site"], server, certificate[1])
        assert first.returncode == 0, first.stderr
        second = send(checkout, mail_site["site"], server, certificate[1])
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
    assert [(e["adres"], e["status"], e["message_id"]) for e in entries] == [(MARCH, "verzonden", message["Message-ID"].strip())]
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
    password = "iets-anders" if failure == "login" else PASSWORD
    with running(certificate, Inbox(drop=failure == "drop"), password) as (broken, server):
        result = send(checkout, mail_site["site"], server, certificate[1])
    assert result.returncode == 1
    assert ("weigerde de inlog" if failure == "login" else "het versturen mislukte") in result.stderr
    assert "Traceback" not in result.stderr
    assert broken.messages == [] and ledger(origin) == []
    with running(certificate, Inbox()) as (inbox, server):
        retry = send(checkout, mail_site["site"], server, certificate[1])
    assert retry.returncode == 0, retry.stderr
    assert len(inbox.messages) == 1 and [e["status"] for e in ledger(origin)] == ["verzonden"]


@pytest.mark.parametrize(("given", "says"), [
    ("2019-04-concept.md", "concept"), ("/nieuwsbrief/2099/01/later/", "verschijnt pas op 2099-01-01"),
    ("bestaat-niet", "geen nieuwsbrief met het adres of de bestandsnaam"),
    (SLUG, f"past bij meer dan één nieuwsbrief: {MARCH} (docs/nieuwsbrief/posts/2019-03-{SLUG}.md); {MAY}")])
def test_a_draft_a_scheduled_an_unknown_and_an_ambiguous_newsletter_are_refused(mail_site, repository, certificate,
                                                                                   given, says):
    origin, checkout = repository
    with running(certificate, Inbox()) as (inbox, server):
        result = send(checkout, mail_site["site"], server, certificate[1], given=given)
    assert result.returncode == 1 and says in result.stderr, result.stderr
    assert inbox.messages == [] and ledger(origin) == []


def test_a_test_address_gets_a_marked_copy_and_the_ledger_stays(mail_site, repository, certificate):
    origin, checkout = repository
    with running(certificate, Inbox()) as (inbox, server):
        result = send(checkout, mail_site["site"], server, certificate[1], test_address="proef@example.org")
    assert result.returncode == 0, result.stderr
    recipients, raw = inbox.messages[0]
    message = email.message_from_bytes(raw, policy=policy.default)
    assert recipients == ["proef@example.org"] and str(message["To"]) == "proef@example.org"
    assert message["Subject"] == f"[TEST] Test 2019-03-{SLUG}"
    assert ledger(origin) == [] and not git(origin, "branch", "--list", "verzendlogboek").strip()


def test_a_test_of_a_scheduled_newsletter_goes_before_its_date_and_leaves_the_ledger(mail_site, repository,
                                                                                       certificate):
    """Built as it will be on its day (it is not on the site yet); to the given address only."""
    origin, checkout = repository
    with running(certificate, Inbox()) as (inbox, server):
        result = send(checkout, mail_site["site"], server, certificate[1], given="2099-01-later.md",
                      test_address="proef@example.org")
    assert result.returncode == 0, result.stderr
    assert [(recipients, email.message_from_bytes(raw, policy=policy.default)["Subject"])
            for recipients, raw in inbox.messages] == [(["proef@example.org"], "[TEST] Test 2099-01-later")]
    assert ledger(origin) == [] and not git(origin, "branch", "--list", "verzendlogboek").strip()


def test_two_newsletters_with_one_slug_each_go_as_themselves_and_old_entries_keep_counting(mail_site, repository,
                                                                                            certificate):
    """May's by its address, March's by its file name: each its own subject and text, the ledger
    names both. An entry of the old form (by slug, written to data/verzonden.yml on main before
    the ledger had its branch) still counts for the newsletter it was: its Message-ID says which."""
    origin, checkout = repository
    with running(certificate, Inbox()) as (inbox, server):
        may = send(checkout, mail_site["site"], server, certificate[1], given=MAY)
        march = send(checkout, mail_site["site"], server, certificate[1], given=f"2019-03-{SLUG}.md")
    assert may.returncode == 0 and march.returncode == 0, may.stderr + march.stderr
    messages = [email.message_from_bytes(raw, policy=policy.default) for _, raw in inbox.messages]
    assert [m["Subject"] for m in messages] == [f"Test 2019-05-{SLUG}", f"Test 2019-03-{SLUG}"]
    assert "andere maand" in messages[0].get_body(("plain",)).get_content()
    assert "andere maand" not in messages[1].get_body(("plain",)).get_content()
    assert [(e["adres"], e["message_id"]) for e in ledger(origin)] == [
        (address, m["Message-ID"].strip()) for address, m in zip((MAY, MARCH), messages, strict=True)]

    # The old form: March's sent before the branch existed, on a fresh repository.
    old, fresh = checkout.parent / "oud", checkout.parent / "oud-uitgecheckt"
    shutil.copytree(mail_site["origin"], old)
    (old / "data" / "verzonden.yml").write_text(yaml.safe_dump({"verzonden": [{
        "slug": SLUG, "status": "verzonden", "moment": "2019-03-14T09:00:00+01:00", "aan": SETTINGS["lijstadres"],
        "message_id": messages[1]["Message-ID"].strip()}]}), encoding="utf-8")
    commit(old, "Het oude logboek")
    git(checkout.parent, "clone", "--quiet", str(old), str(fresh))
    with running(certificate, Inbox()) as (inbox, server):
        again = send(fresh, mail_site["site"], server, certificate[1], given=MARCH)
        other = send(fresh, mail_site["site"], server, certificate[1], given=MAY)
    assert again.returncode == 1 and "al naar de lijst verstuurd, op 2019-03-14" in again.stderr, again.stderr
    assert other.returncode == 0, other.stderr
    assert len(inbox.messages) == 1 and [e.get("slug", e.get("adres")) for e in ledger(old)] == [SLUG, MAY]


def test_a_send_whose_ledger_cannot_be_confirmed_is_never_sent_twice(mail_site, repository, certificate):
    """The reservation reached the repository; the confirmation cannot (the branch moved on
    and the push is refused): the message went out once, and every later run refuses."""
    origin, checkout = repository
    hook = origin / ".git" / "hooks" / "pre-receive"
    # The first push (the reservation) is taken; every later one is refused. (Hooks run in the git dir.)
    hook.write_text("#!/bin/sh\n[ -f eerste-push ] && { echo geweigerd >&2; exit 1; }\ntouch eerste-push\n")
    hook.chmod(0o755)
    with running(certificate, Inbox()) as (inbox, server):
        first = send(checkout, mail_site["site"], server, certificate[1])
        # The next run starts from the repository as it is: a fresh checkout.
        fresh = checkout.parent / "opnieuw"
        git(checkout.parent, "clone", "--quiet", str(origin), str(fresh))
        again = send(fresh, mail_site["site"], server, certificate[1])
    assert first.returncode == 1 and "is verstuurd, maar het logboek kon niet worden bijgewerkt" in first.stderr
    assert [e["status"] for e in ledger(origin)] == ["bezig"]
    assert again.returncode == 1 and "staat als 'bezig'" in again.stderr
    assert len(inbox.messages) == 1


def test_with_a_sign_up_route_the_subscribe_page_offers_e_mail_too(mail_site):
    page = lxml.html.fromstring((mail_site["site"] / "nieuwsbrief/abonneren/index.html").read_bytes())
    headings = [h.text_content().strip().rstrip("¶") for h in page.iter("h2")]
    assert "Per e-mail" in headings and "Via RSS" in headings
    assert SETTINGS["aanmelden"] in [a.get("href") for a in page.iter("a")]
