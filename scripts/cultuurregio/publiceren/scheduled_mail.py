"""After each deploy of main: the newsletters marked `automatisch_versturen: true` go out by themselves.

    python -m cultuurregio.publiceren.scheduled_mail --site-dir site [--vastleggen]

Run by the deploy's job "Nieuwsbrieven versturen" (.github/workflows/deploy.yml) after every
deploy of main, the morning's and the one after each merge, with the site that deploy published,
in the concurrency group of the manual workflow "Nieuwsbrief versturen". Per marked newsletter
that is no draft, by its date against the build date (Europe/Amsterdam):

- dated today: to the list once, with the manual workflow's own code (newsletter_mail.send: its
  refusals, its ledger), once its page answers online. So one merged on its own day, after the
  morning, goes right after the deploy that publishes it. In the ledger as sent: nothing to do.
  'bezig': the run fails and says what to check;
- dated later: a [TEST] to the editors' address (`redactieadres` in data/verzending.yml) as soon
  as it is on main, and again on the day before if its e-mail edition changed since that test
  (the ledger keeps the hash of the edition each test showed). Built as it will be on its day;
- dated in the last week and not in the ledger: never sent by itself after its date; the summary
  says so and how to send it by hand;
- older: nothing. Turning the field on for the whole archive mails nobody.

Without `redactieadres` nothing goes out by itself: the editors must be able to see the test.
Every outcome is written to the job summary, in Dutch, naming the newsletter by its address;
a failure fails the run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email
import hashlib
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.policy import SMTP
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from cultuurregio.project import read_config
from cultuurregio.publiceren.ledger import NAME, Entries, Ledger, LedgerError, now
from cultuurregio.publiceren.newsletter_mail import (
    HOW_BY_HAND,
    SendFailed,
    as_test,
    build_for,
    deliver,
    is_online,
    online_address,
    send,
)
from cultuurregio.publiceren.newsletters import MARK, Newsletter, Refused, newsletters
from cultuurregio.site.common.dates import build_date, date_label
from cultuurregio.site.content.mail_settings import read_mail_settings

SUMMARY = Path(__file__).parent / "summary" / "ochtendpost.md.j2"
# How long a page may take to appear after the deploy (GitHub Pages' own delay), and how often to ask.
ONLINE_WAIT, ONLINE_EVERY = 180, 10
# How long after its date a marked newsletter that did not go is still named in the summary.
LATE_DAYS = 7


@dataclass
class Outcome:
    newsletter: Newsletter
    kind: str  # verzonden, al-verzonden, test, te-laat, mislukt, bezig
    text: str


def marked(project: Path) -> list[Newsletter]:
    """Each newsletter marked for sending by itself and not a draft."""
    return [newsletter for newsletter in newsletters(project) if newsletter.marked and not newsletter.draft]


def wait_until_online(site: Path, newsletter: Newsletter) -> None:
    """The page as the deploy published it: GitHub Pages may take a moment after the deploy."""
    path = newsletter.edition(site)
    if not path.is_file():
        return  # newsletter_mail.send names what is missing
    url = online_address(email.message_from_bytes(path.read_bytes(), policy=SMTP))
    deadline = time.monotonic() + ONLINE_WAIT
    while not is_online(url) and time.monotonic() < deadline:
        time.sleep(ONLINE_EVERY)


def send_today(project: Path, site: Path, newsletter: Newsletter, ledger: Ledger, site_url: str) -> Outcome:
    entry = ledger.read().send_of(newsletter, site_url)
    if entry and entry.get("status") == "verzonden":
        return Outcome(newsletter, "al-verzonden", f"al naar de lijst verstuurd op {entry.get('moment')}")
    if entry:
        return Outcome(newsletter, "bezig", f"stond al als 'bezig' in het logboek (sinds {entry.get('moment')}); "
                                            "er is nu niets verstuurd")
    wait_until_online(site, newsletter)
    try:
        said = send(project, site, newsletter, None, ledger.record)
        return Outcome(newsletter, "verzonden", said.removeprefix(f"{newsletter.name} is "))
    except (Refused, SendFailed) as problem:
        # Sent, but the ledger could not be confirmed: it says 'bezig', so nobody sends it again.
        kind = "bezig" if ledger.read().send_of(newsletter, site_url) else "mislukt"
        return Outcome(newsletter, kind, str(problem))


def due_for_test(newsletter: Newsletter, entries: Entries, today: dt.date) -> bool:
    """Never tested, or the day before (the edition is then compared with the one tested)."""
    return entries.test_of(newsletter) is None or newsletter.created == today + dt.timedelta(days=1)


def send_tests(project: Path, later: list[Newsletter], ledger: Ledger, entries: Entries, address: str,
               list_address: str) -> list[Outcome]:
    """Each newsletter's edition as it will be on its day: as a [TEST] to the editors when it was
    never tested or changed since its test; the test recorded in the ledger."""
    config = read_config(project / "mkdocs.yml")
    notices = Environment(loader=FileSystemLoader(project / "overrides" / "email"), autoescape=True,
                          undefined=StrictUndefined, keep_trailing_newline=True)
    outcomes = []
    with tempfile.TemporaryDirectory() as folder:
        for day in sorted({newsletter.created for newsletter in later}):
            site = Path(folder) / day.isoformat()
            problems = build_for(project, day, site)
            for newsletter in (n for n in later if n.created == day):
                path = newsletter.edition(site)
                if problems or not path.is_file():
                    outcomes.append(Outcome(newsletter, "mislukt", "de testversie kon niet gebouwd worden: " +
                                            "; ".join(map(str, problems[:3] or ["geen e-mailversie gemaakt"]))))
                    continue
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                tested = entries.test_of(newsletter)
                if tested and tested.get("inhoud") == digest:
                    continue
                values = {"wanneer": f"op {date_label(day, weekday=True)}, na de publicatie van die ochtend,",
                          "lijst": list_address, "bestand": newsletter.file}
                message = with_notice(email.message_from_bytes(path.read_bytes(), policy=SMTP),
                                      notices.get_template("testmelding.txt").render(values),
                                      notices.get_template("testmelding.html").render(values))
                try:
                    deliver(as_test(message, address, config.site_url), [address])
                except (Refused, SendFailed) as problem:
                    outcomes.append(Outcome(newsletter, "mislukt", f"de test mislukte: {problem}"))
                    continue
                again = " (hij veranderde sinds de vorige test)" if tested else ""
                text = f"test verstuurd naar {address}{again}; de echte gaat {values['wanneer']} naar de lijst"
                try:
                    ledger.change(record_test(newsletter, address, digest))
                except LedgerError as problem:
                    outcomes.append(Outcome(newsletter, "mislukt", f"{text}, maar {problem}"))
                    continue
                outcomes.append(Outcome(newsletter, "test", text))
    return outcomes


def record_test(newsletter: Newsletter, address: str, digest: str) -> Callable[[Entries], str]:
    def edit(entries: Entries) -> str:
        entries.tests = [entry for entry in entries.tests if entry.get("adres") != newsletter.address]
        entries.tests.append({"adres": newsletter.address, "bestand": newsletter.file, "moment": now(),
                              "aan": address, "inhoud": digest})
        return f"Nieuwsbrief {newsletter.address}: test naar de redactie"
    return edit


def with_notice(message: email.message.EmailMessage, text: str, html: str) -> email.message.EmailMessage:
    """The notice above the content of both parts of the message."""
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            part.set_content(text + part.get_content(), charset="utf-8")
        elif part.get_content_type() == "text/html":
            content = part.get_content()
            at = content.index(">", content.index("<body")) + 1
            part.set_content(content[:at] + html + content[at:], subtype="html", charset="utf-8")
    return message


def after_deploy(project: Path, site: Path, record: bool) -> list[Outcome]:
    today = build_date(project)
    ledger = Ledger(project, record)
    site_url = read_config(project / "mkdocs.yml").site_url
    entries = ledger.read()
    due = marked(project)
    late = [Outcome(n, "te-laat", f"verscheen op {date_label(n.created)} maar ging niet vanzelf naar de lijst: "
                                  "een nieuwsbrief gaat alleen op zijn eigen dag vanzelf")
            for n in due if today - dt.timedelta(days=LATE_DAYS) <= n.created < today
            and not entries.send_of(n, site_url)]
    todays = [n for n in due if n.created == today]
    later = [n for n in due if n.created > today and due_for_test(n, entries, today)]
    settings, _, _ = read_mail_settings(project / "data", "")
    if not settings.redactieadres:
        return late + [Outcome(n, "mislukt", "er staat geen redactieadres in data/verzending.yml, dus er gaat "
                               "niets vanzelf (de redactie moet de test kunnen zien)") for n in todays + later]
    outcomes = [send_today(project, site, newsletter, ledger, site_url) for newsletter in todays]
    if later:
        outcomes += send_tests(project, later, ledger, entries, settings.redactieadres, settings.lijstadres or "")
    return late + outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Verstuur de nieuwsbrieven die vanzelf gaan.")
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--vastleggen", action="store_true", help="het logboek vastleggen op zijn eigen tak")
    args = parser.parse_args(argv)
    project = args.config_file.resolve().parent
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    try:
        outcomes = after_deploy(project, args.site_dir.resolve(), args.vastleggen)
        problem = None
    except Refused as error:  # the ledger itself cannot be read
        outcomes, problem = [], str(error)
    env = Environment(loader=FileSystemLoader(SUMMARY.parent), autoescape=False, trim_blocks=True, lstrip_blocks=True)
    report = env.get_template(SUMMARY.name).render(uitkomsten=outcomes, dag=date_label(build_date(project)),
                                                   logboek=NAME, probleem=problem, met_de_hand=HOW_BY_HAND,
                                                   veld=MARK)
    print(report)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for outcome in outcomes:
            if outcome.kind == "te-laat":
                print(f"::warning::{outcome.newsletter.address} is niet vanzelf verstuurd: de datum is voorbij.")
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as file:
            file.write(report)
    return 1 if problem or any(o.kind in ("mislukt", "bezig") for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
