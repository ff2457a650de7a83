"""Send a newsletter's e-mail edition: to a test address, or once to the list.

    python -m cultuurregio.publiceren.newsletter_mail --slug debat [--testadres iemand@…] \
        --site-dir site [--vastleggen]

Run by the workflow "Nieuwsbrief versturen" (.github/workflows/nieuwsbrief.yml), after the
build, with the SMTP settings from repository secrets (SMTP_HOST, SMTP_PORT, SMTP_USER,
SMTP_PASSWORD) in that step only. It sends the `.eml` the build made (site/mail/edition.py),
over TLS (port 465) or STARTTLS, never in the clear.

It refuses, in Dutch, and sends nothing: an unknown slug, a draft, a newsletter dated after
the build date or not yet online, one already in the ledger, missing settings.

Exactly once. The ledger is data/verzonden.yml, read by editors like the other data files:
1. before sending, an entry "bezig" (in progress) is written (and with --vastleggen committed
   and pushed; if that fails, nothing is sent);
2. a send that fails removes the entry again (committed too), so a retry sends once;
3. a send that succeeds turns it into "verzonden", with the moment.
If the last write fails after a successful send, the entry stays "bezig": every later run
refuses it, so the list never gets it twice; the message says how to check and clear it.
A test send (--testadres) goes only to that address, marked [TEST], and leaves the ledger alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email
import os
import smtplib
import ssl
import subprocess
import sys
import urllib.request
from email.policy import SMTP
from email.utils import make_msgid
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from cultuurregio.project import read_config
from cultuurregio.site.common.dates import TIMEZONE, build_date
from cultuurregio.site.content.mail_settings import read_mail_settings
from cultuurregio.site.content.newsletters import POSTS
from cultuurregio.site.content.yamlfile import read_front_matter, read_yaml
from cultuurregio.site.mail.edition import MESSAGE

LEDGER = Path("data") / "verzonden.yml"
LEDGER_HEADER = """\
# yaml-language-server: $schema=../scripts/cultuurregio/site/content/schemas/verzonden.schema.json
# Logboek van de nieuwsbrieven die naar de verzendlijst zijn gestuurd. De workflow
# "Nieuwsbrief versturen" schrijft hierin; verander het niet met de hand, behalve om een
# regel met 'status: bezig' weg te halen nadat u zeker weet dat die nieuwsbrief niet aankwam
# (CONTRIBUTING.md, "De nieuwsbrief per e-mail").
"""
SMTP_SETTINGS = ("SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD")
BOT = ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")


class Refused(Exception):
    """Nothing was sent, and why (in Dutch)."""


def read_ledger(project: Path) -> list[dict]:
    document, problems = read_yaml(project / LEDGER, LEDGER.as_posix())
    if problems:
        raise Refused("; ".join(str(problem) for problem in problems))
    return list(document.data.get("verzonden") or []) if document else []


def write_ledger(project: Path, entries: list[dict]) -> None:
    body = yaml.safe_dump({"verzonden": entries}, allow_unicode=True, sort_keys=False)
    (project / LEDGER).write_text(LEDGER_HEADER + body, encoding="utf-8")


def commit_ledger(project: Path, message: str) -> None:
    """The ledger on the repository's main branch, where the next run reads it."""
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", f"user.name={BOT[0]}", "-c", f"user.email={BOT[1]}", *args], cwd=project,
                       check=True, capture_output=True, text=True)

    git("add", LEDGER.as_posix())
    git("commit", "--quiet", "-m", message)
    git("push", "--quiet", "origin", "HEAD")


def find_newsletter(project: Path, slug: str) -> tuple[Path, dict]:
    found = {}
    for path in sorted((project / "docs" / POSTS).glob("*.md")):
        document, _ = read_front_matter(path, path.name)
        if document is not None and isinstance(document.data, dict):
            found[str(document.data.get("slug") or path.stem)] = (path, document.data)
    if slug not in found:
        raise Refused(f"er is geen nieuwsbrief met de korte naam '{slug}'; kies uit: {', '.join(sorted(found))}")
    return found[slug]


def prepare(project: Path, site: Path, slug: str, test_address: str | None) -> tuple[email.message.EmailMessage,
                                                                                       list[str], dict]:
    """The message to send and to whom, after every refusal; the settings it used."""
    config = read_config(project / "mkdocs.yml")
    path, front = find_newsletter(project, slug)
    if front.get("draft"):
        raise Refused(f"'{slug}' is een concept (draft: true in {path.name}); haal dat weg en publiceer hem eerst")
    created = (front.get("date") or {}).get("created")
    today = build_date(project)
    created = dt.date.fromisoformat(str(created)) if created else None
    if created and created > today:
        raise Refused(f"'{slug}' verschijnt pas op {created.isoformat()}; versturen kan vanaf die dag")
    settings, problems, _ = read_mail_settings(project / "data", config.site_name)
    missing = [name for name in SMTP_SETTINGS if not os.environ.get(name)]
    needed = {"afzender: adres": settings.afzender, "antwoordadres": settings.antwoordadres,
              "lijstadres": settings.lijstadres, "afmelden": settings.afmelden}
    missing += [f"{name} in data/verzending.yml" for name, value in needed.items() if not value]
    if problems or missing:
        raise Refused("de instellingen zijn niet compleet: " + ", ".join([*map(str, problems), *missing]) +
                      " (SMTP_… zijn geheimen van de repository: Settings > Secrets and variables > Actions)")
    files = [p for p in site.rglob(MESSAGE) if p.parent.name == slug]
    if not files:
        raise Refused(f"de bouw heeft geen e-mailversie van '{slug}' gemaakt; draai eerst de bouw")
    message = email.message_from_bytes(files[0].read_bytes(), policy=SMTP)
    online = str(message["List-Archive"]).strip().strip("<>")  # a long header comes back folded
    if not is_online(online):
        raise Refused(f"'{slug}' staat nog niet online ({online}); wacht tot de site gepubliceerd is")
    if test_address:
        return as_test(message, test_address, config.site_url), [test_address], {}
    for entry in read_ledger(project):
        if entry.get("slug") == slug:
            if entry.get("status") == "bezig":
                raise Refused(f"'{slug}' staat als 'bezig' in {LEDGER.as_posix()} (sinds {entry.get('moment')}): "
                              "het versturen begon maar is niet bevestigd. Kijk of hij aankwam op de lijst; zo niet, "
                              "haal die regel weg en probeer het opnieuw")
            raise Refused(f"'{slug}' is al naar de lijst verstuurd, op {entry.get('moment')}; een nieuwsbrief gaat "
                          "maar één keer naar de lijst")
    entry = {"slug": slug, "status": "bezig", "moment": _now(), "message_id": str(message["Message-ID"]).strip(),
             "aan": settings.lijstadres}
    return message, [settings.lijstadres], entry


def as_test(message: email.message.EmailMessage, address: str, site_url: str) -> email.message.EmailMessage:
    """The message as a test: [TEST] before the subject, to `address` only, a Message-ID of its own."""
    subject = message["Subject"]
    del message["Subject"], message["To"], message["Message-ID"]
    message["Subject"] = f"[TEST] {subject}"
    message["To"] = address
    message["Message-ID"] = make_msgid("test", domain=urlsplit(site_url).hostname)
    return message


def is_online(url: str) -> bool:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=20) as response:
            return response.status == 200
    except OSError:
        return False


def deliver(message: email.message.EmailMessage, recipients: list[str]) -> None:
    """Over TLS only: implicit on port 465, else STARTTLS, which the server must offer."""
    host, port = os.environ["SMTP_HOST"], int(os.environ["SMTP_PORT"])
    context = ssl.create_default_context()
    sender = message["From"].addresses[0].addr_spec
    try:
        if port == 465:
            connection = smtplib.SMTP_SSL(host, port, context=context, timeout=60)
        else:
            connection = smtplib.SMTP(host, port, timeout=60)
            connection.ehlo()
            if not connection.has_extn("starttls"):
                connection.quit()
                raise Refused(f"de mailserver {host} biedt geen versleuteling (STARTTLS); er is niets verstuurd")
            connection.starttls(context=context)
            connection.ehlo()
        with connection:
            connection.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
            connection.send_message(message, from_addr=sender, to_addrs=recipients)
    except smtplib.SMTPAuthenticationError as error:
        raise SendFailed(f"de mailserver weigerde de inlog ({error.smtp_code}); controleer SMTP_USER en "
                         "SMTP_PASSWORD") from error
    except (smtplib.SMTPException, OSError) as error:
        raise SendFailed(f"het versturen mislukte ({type(error).__name__}: {error}); de verbinding met de "
                         "mailserver brak af of hij weigerde het bericht") from error


class SendFailed(Exception):
    """The server did not take the message."""


def _now() -> str:
    return dt.datetime.now(TIMEZONE).replace(microsecond=0).isoformat()


def send(project: Path, site: Path, slug: str, test_address: str | None, record: bool) -> str:
    """What happened, in Dutch; raises Refused or SendFailed (nothing sent, ledger as it was)."""
    message, recipients, entry = prepare(project, site, slug, test_address)
    if not entry:
        deliver(message, recipients)
        return f"Testversie van '{slug}' verstuurd naar {recipients[0]}; het logboek is niet veranderd."
    ledger = read_ledger(project)
    write_ledger(project, [*ledger, entry])
    if record:
        try:
            commit_ledger(project, f"Nieuwsbrief '{slug}': versturen begint")
        except subprocess.CalledProcessError as error:
            write_ledger(project, ledger)
            raise Refused(f"het logboek kon niet worden vastgelegd ({error.stderr.strip()}); er is niets "
                          "verstuurd") from error
    try:
        deliver(message, recipients)
    except (SendFailed, Refused):
        write_ledger(project, ledger)
        if record:
            commit_ledger(project, f"Nieuwsbrief '{slug}': versturen mislukt, opnieuw mogelijk")
        raise
    write_ledger(project, [*ledger, {**entry, "status": "verzonden", "moment": _now()}])
    if record:
        try:
            commit_ledger(project, f"Nieuwsbrief '{slug}' verstuurd naar de lijst")
        except subprocess.CalledProcessError as error:
            raise SendFailed(f"'{slug}' is verstuurd, maar het logboek kon niet worden bijgewerkt; de regel "
                             f"'bezig' in {LEDGER.as_posix()} blijft staan, zodat niemand hem nog eens "
                             "verstuurt. Zet daar 'status: verzonden'") from error
    return f"'{slug}' is verstuurd naar {recipients[0]} (Message-ID {message['Message-ID']})."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Verstuur de e-mailversie van een nieuwsbrief.")
    parser.add_argument("--slug", required=True, help="de korte naam van de nieuwsbrief (slug: in de kop)")
    parser.add_argument("--testadres", default="", help="alleen naar dit adres, als test")
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--vastleggen", action="store_true", help="het logboek committen en pushen")
    args = parser.parse_args(argv)
    project = args.config_file.resolve().parent
    try:
        print(send(project, args.site_dir.resolve(), args.slug.strip(), args.testadres.strip() or None,
                   args.vastleggen))
    except (Refused, SendFailed) as problem:
        print(f"Niet verstuurd: {problem}" if isinstance(problem, Refused) else f"Fout: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
