"""Each newsletter that goes by itself reaches the list as itself, on its own day, whenever it was
merged: through the workflow files as GitHub runs them (tests/github_actions/), main protected,
over the last days of January of next year and the first of February.

The clock of each run is main as it stands then: a merge is a commit at its moment, and the
morning's schedule finds main with a commit of that morning (the build date is the later of the
last commit and the start of today: README "Bouwdatum"). What is online is what the last deploy
published (its artifact), served where the site_url says.

| when | event | what lands | what goes |
| --- | --- | --- | --- |
| 30 Jan 20:00 | push | nieuws (31 Jan), nieuws (1 Feb), zonder-veld, concept | a [TEST] of both nieuws to the editors |
| 30 Jan 22:00 | (push) | February's nieuws changed | its deploy is left out here: it sends nothing |
| 31 Jan 05:17 | schedule | | January's nieuws to the list; February's changed since its test: a [TEST] again |
| 31 Jan 15:00 | push | dezelfde-dag (31 Jan), te-laat (30 Jan) | dezelfde-dag to the list; te-laat not, the summary says how by hand |
| 1 Feb 05:17 | schedule | | February's nieuws to the list |
"""

from __future__ import annotations

import datetime as dt
import email
from email import policy

import pytest

from cultuurregio.project import ROOT
from cultuurregio.publiceren.localserver import SiteServer
from cultuurregio.site.common.dates import TIMEZONE
from tests.github_actions import Runner, commit, git, origin_repository
from tests.github_actions.events import CHECK_AND_SUITE, dispatch, happen, push, run_folder, schedule
from tests.github_actions.morning_post import BY_HAND, DEPLOY, MANUAL, MARKED, SECRETS, SEND, to, yesterday
from tests.github_actions.repository import ledger, ledger_file
from tests.github_actions.runner import ARTIFACTS
from tests.helpers import FOREIGN, POSTS, newsletter, replace_once
from tests.mail_server import SETTINGS, Inbox, fill_in_settings, running, trusted_authority

pytestmark = pytest.mark.slow

YEAR = dt.datetime.now(TIMEZONE).year + 1


def moment(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(YEAR, month, day, hour, minute, tzinfo=TIMEZONE)


def add(origin, name: str, day: dt.date, body: str = "Het begin.\n\n<!-- more -->\n\nDe rest.\n") -> str:
    newsletter(origin, name, front=f"date:\n  created: {day.isoformat()}\n{MARKED}", body=body)
    return f"/nieuwsbrief/{day:%Y/%m}/{name[8:-3]}/"


def subjects(messages: list[email.message.EmailMessage]) -> list[str]:
    return [str(message["Subject"]) for message in messages]


def test_each_newsletter_goes_as_itself_on_its_day_whenever_it_was_merged(tmp_path, monkeypatch):
    certificate = trusted_authority(tmp_path, monkeypatch)
    origin = origin_repository(ROOT, tmp_path / "origin", date=yesterday())
    fill_in_settings(origin)
    published = tmp_path / "gepubliceerd"  # what Pages serves: the last deploy's site
    runs: dict[str, dict] = {}

    def run(name: str, kind: str, when: dt.datetime, message: str = "De ochtend") -> dict:
        """A push to main or the schedule at `when`, main committed at that moment: what its deploy sent."""
        main = git(origin, "rev-parse", "main").strip()
        commit(origin, message, date=when.isoformat())
        before = len(inbox.messages)
        published.unlink(missing_ok=True)
        published.symlink_to(run_folder(tmp_path / name, "deploy.yml") / ARTIFACTS / "site")
        happened = push(origin, "main", main) if kind == "push" else schedule()
        started = happen(origin, tmp_path / name, happened, CHECK_AND_SUITE if kind == "push" else {},
                         secrets={**SECRETS, "SMTP_PORT": str(server.port)})
        assert set(started) == ({"check.yml", "deploy.yml"} if kind == "push" else {"deploy.yml"}), \
            f"on {happened}, GitHub starts check.yml and deploy.yml on a push to main, deploy.yml on the schedule"
        jobs = started["deploy.yml"].jobs
        failed = {job_id: job.log[-2500:] if job else "skipped" for job_id, job in jobs.items() if not (job and job.ok)}
        assert not failed, "\n\n".join(f"{job_id} of {happened}:\n{log}" for job_id, log in failed.items())
        arrived = [(to, email.message_from_bytes(data, policy=policy.default)) for to, data in inbox.messages[before:]]
        runs[name] = {"summary": jobs[SEND].summary,
                      "list": [m for to, m in arrived if to == [SETTINGS["lijstadres"]]],
                      "tests": [m for to, m in arrived if to == [SETTINGS["redactieadres"]]]}
        assert not FOREIGN.search(jobs[SEND].summary), jobs[SEND].summary
        return runs[name]

    with running(certificate, Inbox()) as (inbox, server), SiteServer(published, "/website/") as web:
        replace_once(origin / "mkdocs.yml", "https://cultuurregio-twente.github.io/website/", web.base)
        january = add(origin, f"{YEAR}-01-nieuws.md", dt.date(YEAR, 1, 31))
        february = add(origin, f"{YEAR}-02-nieuws.md", dt.date(YEAR, 2, 1),
                       body="Februari.\n\n<!-- more -->\n\nDezelfde korte naam, een andere maand.\n")
        newsletter(origin, f"{YEAR}-01-zonder-veld.md", front=f"date:\n  created: {YEAR}-01-31\n")
        newsletter(origin, f"{YEAR}-01-concept.md", front=f"date:\n  created: {YEAR}-01-31\n{MARKED}draft: true\n")
        landing = run("30-jan-20u", "push", moment(1, 30, 20), "Nieuwsbrieven samengevoegd")

        replace_once(origin / POSTS / f"{YEAR}-02-nieuws.md", "een andere maand.", "een andere maand, verbeterd.")
        commit(origin, "Een verbetering", date=moment(1, 30, 22).isoformat())
        morning = run("31-jan", "schedule", moment(1, 31, 5, 17))

        same_day = add(origin, f"{YEAR}-01-dezelfde-dag.md", dt.date(YEAR, 1, 31))
        late = add(origin, f"{YEAR}-01-te-laat.md", dt.date(YEAR, 1, 30))
        afternoon = run("31-jan-15u", "push", moment(1, 31, 15), "Nog twee samengevoegd")

        first_of_february = run("1-feb", "schedule", moment(2, 1, 5, 17))

        # By hand, the slug names two newsletters: refused at once, naming both.
        by_hand = happen(origin, tmp_path / "hand", dispatch(MANUAL.name, {"nieuwsbrief": "nieuws", "testadres": ""}),
                         secrets={**SECRETS, "SMTP_PORT": str(server.port)})[MANUAL.name].jobs[BY_HAND]

    title = f"Test {YEAR}"
    # Landed before their day (the evening before, two days before): a test each at once, nothing
    # to the list; not the one without the field, nor the draft.
    assert subjects(landing["tests"]) == [f"[TEST] {title}-01-nieuws", f"[TEST] {title}-02-nieuws"], landing
    assert landing["list"] == [] and f"**Test:** `{january}`" in landing["summary"]
    assert "zonder-veld" not in landing["summary"] and "concept" not in landing["summary"]
    text = landing["tests"][0].get_body(("plain",)).get_content()
    assert "vanzelf naar de verzendlijst" in text and "automatisch_versturen: true" in text
    assert "verander de datum" in landing["tests"][0].get_body(("html",)).get_content()
    # The morning of its day: January's to the list. February's changed since its test: again.
    assert subjects(morning["list"]) == [f"{title}-01-nieuws"] and f"**Verstuurd:** `{january}`" in morning["summary"]
    assert subjects(morning["tests"]) == [f"[TEST] {title}-02-nieuws"], morning
    assert "verbeterd" in morning["tests"][0].get_body(("plain",)).get_content()
    assert "veranderde sinds de vorige test" in morning["summary"], morning["summary"]
    # Merged on its day after the morning: to the list right after that deploy, and nothing twice.
    # Merged the day after its date: not by itself, and the summary says how by hand.
    assert subjects(afternoon["list"]) == [f"{title}-01-dezelfde-dag"] and afternoon["tests"] == [], afternoon
    assert f"**Verstuurd:** `{same_day}`" in afternoon["summary"]
    assert f"**Niets te doen:** `{january}`" in afternoon["summary"]
    assert f"**Niet vanzelf verstuurd:** `{late}`" in afternoon["summary"], afternoon["summary"]
    assert "Nieuwsbrief versturen" in afternoon["summary"] and "Use workflow from" in afternoon["summary"]
    # One slug, two months: each on its own day, with its own subject and text.
    assert subjects(first_of_february["list"]) == [f"{title}-02-nieuws"] and first_of_february["tests"] == []
    body = first_of_february["list"][0].get_body(("plain",)).get_content()
    assert "andere maand, verbeterd" in body and "andere maand" not in morning["list"][0].get_body(("plain",)).get_content()
    # The ledger names every one that went, by its address; the tests by the version they showed.
    sends = ledger(origin)
    assert [(e["adres"], e["status"]) for e in sends] == [(a, "verzonden") for a in (january, same_day, february)]
    assert {e["adres"] for e in ledger_file(origin)["testen"]} == {january, february}
    assert len(to(inbox, SETTINGS["lijstadres"])) == 3 and len(to(inbox, SETTINGS["redactieadres"])) == 3
    # main was never pushed to: its last commit is the test's own.
    assert git(origin, "log", "-1", "--format=%s", "main").strip() == "De ochtend"
    assert not by_hand.ok and january in by_hand.log and february in by_hand.log, by_hand.log[-2000:]
    assert "meer dan één nieuwsbrief" in by_hand.log
    assert by_hand.outcomes["De site bouwen"] == "skipped"
    # After every deploy of main (a push too), never from another branch.
    assert Runner(origin, tmp_path / "tak", "workflow_dispatch", "refs/heads/iets").job_runs(DEPLOY, SEND) is False
    print("\n\n".join(f"### {name}\n{value['summary']}" for name, value in runs.items()))
