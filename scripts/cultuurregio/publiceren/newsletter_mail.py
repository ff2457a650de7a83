"""Send a newsletter's e-mail edition: to a test address, or once to the list.

    python -m cultuurregio.publiceren.newsletter_mail --nieuwsbrief /nieuwsbrief/2026/12/debat/ \
        [--testadres iemand@…] --site-dir site [--vastleggen]

Run by the workflow "Nieuwsbrief versturen" (.github/workflows/nieuwsbrief.yml), after the
build, with the SMTP settings from repository secrets (SMTP_HOST, SMTP_PORT, SMTP_USER,
SMTP_PASSWORD) in that step only. The newsletter is named as an editor sees it: its address or
its file (publiceren/newsletters.py); a slug only when no other newsletter has it. It sends the
`.eml` the build made next to that address (site/mail/edition.py), over TLS (port 465) or
STARTTLS, never in the clear.

To the list it refuses, in Dutch, and sends nothing: an unknown or ambiguous newsletter, a
draft, one dated after the build date or not yet online, one already in the ledger, missing
settings, a run from another branch than main.

Exactly once. The ledger is on its own branch (publiceren/ledger.py):
1. before sending, an entry "bezig" (in progress) is written (and with --vastleggen pushed; if
   that fails, nothing is sent);
2. a send that fails removes the entry again, so a retry sends once;
3. a send that succeeds turns it into "verzonden", with the moment.
If the last write fails after a successful send, the entry stays "bezig": every later run
refuses it, so the list never gets it twice; the message says how to check and clear it.

A test (--testadres) goes only to that address, marked [TEST], and leaves the ledger alone. It
works before the newsletter's date too: its edition is then built as it will be on that day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email
import os
import smtplib
import ssl
import sys
import tempfile
import urllib.request
from email.policy import SMTP
from email.utils import make_msgid
from pathlib import Path
from urllib.parse import urlsplit

from cultuurregio.project import read_config
from cultuurregio.publiceren.ledger import BRANCH, NAME, Entries, Ledger, LedgerError, now
from cultuurregio.publiceren.newsletters import Newsletter, Refused, find
from cultuurregio.site.common.dates import EPOCH_VARIABLE, TIMEZONE, build_date
from cultuurregio.site.content.mail_settings import MailSettings, read_mail_settings
from cultuurregio.site.verdict import strict_build

SMTP_SETTINGS = ("SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD")
MAIN = "refs/heads/main"
HOW_BY_HAND = ("Actions → Nieuwsbrief versturen → Run workflow, bij 'Use workflow from' de tak main, "
               "het adres of de bestandsnaam van de nieuwsbrief ingevuld en het testadres leeg")

class SendFailed(Exception):
    """The server did not take the message."""


def settings_for_sending(project: Path, site_name: str) -> MailSettings:
    """The settings, or Refused naming what is missing."""
    settings, problems, _ = read_mail_settings(project / "data", site_name)
    missing = [name for name in SMTP_SETTINGS if not os.environ.get(name)]
    needed = {"afzender: adres": settings.afzender, "antwoordadres": settings.antwoordadres,
              "lijstadres": settings.lijstadres, "afmelden": settings.afmelden}
    missing += [f"{name} in data/verzending.yml" for name, value in needed.items() if not value]
    if problems or missing:
        raise Refused("de instellingen zijn niet compleet: " + ", ".join([*map(str, problems), *missing]) +
                      " (SMTP_… zijn geheimen van de repository: Settings > Secrets and variables > Actions)")
    return settings


def build_for(project: Path, day: dt.date, site: Path) -> list:
    """The site as it will be on `day` (its newsletters and e-mail editions), in `site`; its problems."""
    previous = os.environ.get(EPOCH_VARIABLE)
    os.environ[EPOCH_VARIABLE] = str(int(dt.datetime.combine(day, dt.time(), TIMEZONE).timestamp()))
    try:
        return strict_build(project / "mkdocs.yml", site).problems
    finally:
        if previous is None:
            os.environ.pop(EPOCH_VARIABLE)
        else:
            os.environ[EPOCH_VARIABLE] = previous


def edition(project: Path, site: Path, newsletter: Newsletter, folder: Path) -> email.message.EmailMessage:
    """The e-mail edition the build made; for a newsletter after the build date, made in `folder`
    by a build for its day."""
    path = newsletter.edition(site)
    if not path.is_file() and newsletter.created > build_date(project):
        problems = build_for(project, newsletter.created, folder)
        if problems:
            raise Refused("de versie van die dag kon niet gebouwd worden: " + "; ".join(map(str, problems[:3])))
        path = newsletter.edition(folder)
    if not path.is_file():
        raise Refused(f"de bouw heeft geen e-mailversie van {newsletter.name} gemaakt; draai eerst de bouw")
    return email.message_from_bytes(path.read_bytes(), policy=SMTP)


def online_address(message: email.message.EmailMessage) -> str:
    return str(message["List-Archive"]).strip().strip("<>")  # a long header comes back folded


def refuse_to_send(newsletter: Newsletter, today: dt.date) -> None:
    """What keeps a newsletter from the list before anything is read from the ledger."""
    if newsletter.created > today:
        raise Refused(f"{newsletter.name} verschijnt pas op {newsletter.created.isoformat()}; naar de lijst "
                      "kan vanaf die dag (een test naar een testadres kan nu al)")
    ref = os.environ.get("GITHUB_REF", MAIN) if os.environ.get("GITHUB_ACTIONS") == "true" else MAIN
    if ref != MAIN:
        raise Refused(f"naar de lijst gaat alleen wat op main staat, en deze workflow draait op {ref}; kies bij "
                      "'Use workflow from' de tak main")


def reserve(entries: Entries, newsletter: Newsletter, entry: dict, site_url: str) -> str:
    """The ledger's edit before sending: refused when the newsletter is in it already."""
    found = entries.send_of(newsletter, site_url)
    if found and found.get("status") == "bezig":
        raise Refused(f"{newsletter.name} staat als 'bezig' in het logboek ({NAME}, sinds {found.get('moment')}): "
                      "het versturen begon maar is niet bevestigd. Kijk of hij aankwam op de lijst; zo niet, "
                      "haal die regel weg en probeer het opnieuw")
    if found:
        raise Refused(f"{newsletter.name} is al naar de lijst verstuurd, op {found.get('moment')}; een "
                      "nieuwsbrief gaat maar één keer naar de lijst")
    entries.sends.append(entry)
    return f"Nieuwsbrief {newsletter.address}: versturen begint"


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


def send(project: Path, site: Path, newsletter: Newsletter | str, test_address: str | None, record: bool) -> str:
    """What happened, in Dutch; raises Refused or SendFailed (nothing sent, ledger as it was)."""
    config = read_config(project / "mkdocs.yml")
    newsletter = newsletter if isinstance(newsletter, Newsletter) else find(project, newsletter)
    if newsletter.draft:
        raise Refused(f"{newsletter.name} is een concept (draft: true); haal dat weg en publiceer hem eerst")
    today = build_date(project)
    if not test_address:
        refuse_to_send(newsletter, today)
    settings = settings_for_sending(project, config.site_name)
    with tempfile.TemporaryDirectory() as folder:
        message = edition(project, site, newsletter, Path(folder) / "site")
    if newsletter.created <= today and not is_online(online_address(message)):
        raise Refused(f"{newsletter.name} staat nog niet online ({online_address(message)}); wacht tot de site "
                      "gepubliceerd is")
    if test_address:
        deliver(as_test(message, test_address, config.site_url), [test_address])
        return f"Testversie van {newsletter.name} verstuurd naar {test_address}; het logboek is niet veranderd."
    ledger = Ledger(project, record)
    entry = {"adres": newsletter.address, "bestand": newsletter.file, "status": "bezig", "moment": now(),
             "message_id": str(message["Message-ID"]).strip(), "aan": settings.lijstadres}
    try:
        ledger.change(lambda entries: reserve(entries, newsletter, entry, config.site_url))
    except LedgerError as problem:
        raise Refused(f"{problem}; er is niets verstuurd") from problem

    def release(entries: Entries) -> str:
        entries.without_send_of(newsletter, config.site_url)
        return f"Nieuwsbrief {newsletter.address}: versturen mislukt, opnieuw mogelijk"
    try:
        deliver(message, [settings.lijstadres])
    except (SendFailed, Refused) as failure:
        try:
            ledger.change(release)
        except LedgerError as problem:
            raise SendFailed(f"{failure}; ook het logboek kon niet worden teruggezet ({problem}): de regel 'bezig' "
                             f"in {NAME} blijft staan. Kijk of hij aankwam; zo niet, haal die regel weg") from problem
        raise

    def confirm(entries: Entries) -> str:
        entries.without_send_of(newsletter, config.site_url)
        entries.sends.append({**entry, "status": "verzonden", "moment": now()})
        return f"Nieuwsbrief {newsletter.address} verstuurd naar de lijst"
    try:
        ledger.change(confirm)
    except Refused as error:
        raise SendFailed(f"{newsletter.name} is verstuurd, maar het logboek kon niet worden bijgewerkt; de regel "
                         f"'bezig' in {NAME} blijft staan, zodat niemand hem nog eens verstuurt. Zet daar "
                         "'status: verzonden'") from error
    return f"{newsletter.name} is verstuurd naar {settings.lijstadres} (Message-ID {message['Message-ID']})."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Verstuur de e-mailversie van een nieuwsbrief.")
    parser.add_argument("--nieuwsbrief", required=True,
                        help="het adres van de nieuwsbrief (/nieuwsbrief/JJJJ/MM/naam/) of zijn bestandsnaam")
    parser.add_argument("--testadres", default="", help="alleen naar dit adres, als test")
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--vastleggen", action="store_true", help=f"het logboek vastleggen op de tak {BRANCH}")
    args = parser.parse_args(argv)
    project = args.config_file.resolve().parent
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    try:
        print(send(project, args.site_dir.resolve(), args.nieuwsbrief, args.testadres.strip() or None,
                   args.vastleggen))
    except (Refused, SendFailed) as problem:
        print(f"Niet verstuurd: {problem}" if isinstance(problem, Refused) else f"Fout: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
