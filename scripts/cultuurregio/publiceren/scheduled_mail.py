"""The morning's post: newsletters marked `automatisch_versturen: true` go out by themselves.

    python -m cultuurregio.publiceren.scheduled_mail --site-dir site [--vastleggen]

Run by the deploy's job "Nieuwsbrieven van vandaag versturen" (.github/workflows/deploy.yml),
only for the morning schedule and only after the deploy has published the site, in the same
concurrency group as the manual workflow "Nieuwsbrief versturen". Per marked newsletter that
is no draft, by its date against the build date (Europe/Amsterdam):

- dated today: sent to the list with the manual workflow's own code (newsletter_mail.send:
  its refusals, its ledger), once its page answers online. Already in the ledger as sent:
  nothing to do (a second run the same day sends nothing). 'bezig' in the ledger: the run fails
  and says what to check;
- dated tomorrow: on the run's first attempt, a [TEST] to the editors' address (`redactieadres` in data/verzending.yml),
  from tomorrow's build, saying when the real one goes and how to stop it; the ledger stays as
  it is;
- dated earlier or later: nothing. Turning the field on never mails the archive, and a send
  that failed is not retried the next morning: the summary points to the manual workflow.

Without `redactieadres` nothing goes out by itself: the editors must be able to see the test.
Every outcome is written to the job summary, in Dutch; a failure fails the run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from email.policy import SMTP
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from cultuurregio.project import read_config
from cultuurregio.publiceren.newsletter_mail import (
    LEDGER,
    Refused,
    SendFailed,
    as_test,
    deliver,
    is_online,
    read_ledger,
    send,
)
from cultuurregio.site.common.dates import EPOCH_VARIABLE, TIMEZONE, build_date, date_label
from cultuurregio.site.content.mail_settings import read_mail_settings
from cultuurregio.site.content.newsletters import POSTS
from cultuurregio.site.content.yamlfile import read_front_matter
from cultuurregio.site.mail.edition import MESSAGE
from cultuurregio.site.verdict import strict_build

FIELD = "automatisch_versturen"
SUMMARY = Path(__file__).parent / "summary" / "ochtendpost.md.j2"
# How long a page may take to appear after the deploy (GitHub Pages' own delay), and how often to ask.
ONLINE_WAIT, ONLINE_EVERY = 180, 10


@dataclass
class Outcome:
    slug: str
    file: str
    kind: str  # verzonden, al-verzonden, test, mislukt, bezig
    text: str


def marked(project: Path) -> list[tuple[str, str, dt.date]]:
    """Each newsletter marked for sending by itself and not a draft: (slug, file, date)."""
    found = []
    for path in sorted((project / "docs" / POSTS).glob("*.md")):
        document, _ = read_front_matter(path, path.name)
        data = document.data if document is not None and isinstance(document.data, dict) else {}
        created = (data.get("date") or {}).get("created") if isinstance(data.get("date"), dict) else None
        if data.get(FIELD) is True and not data.get("draft") and created:
            found.append((str(data["slug"]), f"docs/{POSTS.as_posix()}/{path.name}", dt.date.fromisoformat(str(created))))
    return found


def message_file(site: Path, slug: str) -> Path | None:
    return next((p for p in site.rglob(MESSAGE) if p.parent.name == slug), None)


def wait_until_online(site: Path, slug: str) -> None:
    """The page as the deploy published it: GitHub Pages may take a moment after the deploy."""
    path = message_file(site, slug)
    if path is None:
        return  # newsletter_mail.prepare names what is missing
    url = str(email.message_from_bytes(path.read_bytes(), policy=SMTP)["List-Archive"]).strip().strip("<>")
    deadline = time.monotonic() + ONLINE_WAIT
    while not is_online(url) and time.monotonic() < deadline:
        time.sleep(ONLINE_EVERY)


def send_today(project: Path, site: Path, slug: str, file: str, record: bool) -> Outcome:
    entry = next((e for e in read_ledger(project) if e.get("slug") == slug), None)
    if entry and entry.get("status") == "verzonden":
        return Outcome(slug, file, "al-verzonden", f"al naar de lijst verstuurd op {entry.get('moment')}")
    if entry:
        return Outcome(slug, file, "bezig", f"stond al als 'bezig' in het logboek (sinds {entry.get('moment')}); "
                                            "er is nu niets verstuurd")
    wait_until_online(site, slug)
    try:
        return Outcome(slug, file, "verzonden", send(project, site, slug, None, record))
    except (Refused, SendFailed) as problem:
        # Sent, but the ledger could not be confirmed: it says 'bezig', so nobody sends it again.
        kind = "bezig" if any(e.get("slug") == slug for e in read_ledger(project)) else "mislukt"
        return Outcome(slug, file, kind, str(problem))


def build_for(project: Path, day: dt.date, site: Path) -> list:
    """The site as it will be on `day` (its newsletters and e-mail editions), in `site`."""
    previous = os.environ.get(EPOCH_VARIABLE)
    os.environ[EPOCH_VARIABLE] = str(int(dt.datetime.combine(day, dt.time(), TIMEZONE).timestamp()))
    try:
        return strict_build(project / "mkdocs.yml", site).problems
    finally:
        if previous is None:
            os.environ.pop(EPOCH_VARIABLE)
        else:
            os.environ[EPOCH_VARIABLE] = previous


def send_tests(project: Path, due: list[tuple[str, str, dt.date]], address: str, list_address: str) -> list[Outcome]:
    """Tomorrow's newsletters as [TEST] to the editors, from tomorrow's build."""
    config = read_config(project / "mkdocs.yml")
    notices = Environment(loader=FileSystemLoader(project / "overrides" / "email"), autoescape=True,
                          undefined=StrictUndefined, keep_trailing_newline=True)
    outcomes = []
    with tempfile.TemporaryDirectory() as folder:
        problems = build_for(project, due[0][2], Path(folder) / "site")
        for slug, file, day in due:
            path = message_file(Path(folder) / "site", slug)
            if problems or path is None:
                outcomes.append(Outcome(slug, file, "mislukt", "de testversie kon niet gebouwd worden: " +
                                        "; ".join(map(str, problems[:3] or ["geen e-mailversie gemaakt"]))))
                continue
            values = {"wanneer": f"op {date_label(day, weekday=True)} in de ochtend", "lijst": list_address,
                      "bestand": file}
            message = with_notice(email.message_from_bytes(path.read_bytes(), policy=SMTP),
                                  notices.get_template("testmelding.txt").render(values),
                                  notices.get_template("testmelding.html").render(values))
            try:
                deliver(as_test(message, address, config.site_url), [address])
                outcomes.append(Outcome(slug, file, "test", f"test verstuurd naar {address}; de echte gaat "
                                                              f"{values['wanneer']} naar de lijst"))
            except (Refused, SendFailed) as problem:
                outcomes.append(Outcome(slug, file, "mislukt", f"de test mislukte: {problem}"))
    return outcomes


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


def morning(project: Path, site: Path, record: bool, first_attempt: bool = True) -> list[Outcome]:
    """`first_attempt`: false when the morning's run is run again (GitHub's "Re-run"), which sends
    no test twice; the list is kept from a second send by the ledger."""
    today = build_date(project)
    due = marked(project)
    settings, _, _ = read_mail_settings(project / "data", "")
    if not settings.redactieadres:
        return [Outcome(slug, file, "mislukt", "er staat geen redactieadres in data/verzending.yml, dus er gaat "
                        "niets vanzelf (de redactie moet de test kunnen zien)")
                for slug, file, day in due if day in (today, today + dt.timedelta(days=1))]
    outcomes = [send_today(project, site, slug, file, record) for slug, file, day in due if day == today]
    tomorrow = [item for item in due if item[2] == today + dt.timedelta(days=1)]
    if tomorrow and first_attempt:
        outcomes += send_tests(project, tomorrow, settings.redactieadres, settings.lijstadres or "")
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Verstuur de nieuwsbrieven die vandaag vanzelf gaan.")
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--vastleggen", action="store_true", help="het logboek committen en pushen")
    args = parser.parse_args(argv)
    project = args.config_file.resolve().parent
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    try:
        outcomes = morning(project, args.site_dir.resolve(), args.vastleggen,
                           os.environ.get("GITHUB_RUN_ATTEMPT", "1") == "1")
    except Refused as problem:  # the ledger itself cannot be read
        outcomes = [Outcome("-", LEDGER.as_posix(), "mislukt", str(problem))]
    env = Environment(loader=FileSystemLoader(SUMMARY.parent), autoescape=False, trim_blocks=True, lstrip_blocks=True)
    report = env.get_template(SUMMARY.name).render(uitkomsten=outcomes, dag=date_label(build_date(project)),
                                                   logboek=LEDGER.as_posix())
    print(report)
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as file:
            file.write(report)
    return 1 if any(o.kind in ("mislukt", "bezig") for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
