"""The morning's post (.github/workflows/deploy.yml, job "Nieuwsbrieven van vandaag versturen")
as GitHub runs it (tests/github_actions/): after the morning deploy, a newsletter marked
`automatisch_versturen: true` goes to the list on its day, exactly once, and the morning before
as a [TEST] to the editors; against aiosmtpd with STARTTLS, a local bare-bones origin that the
ledger is pushed to, and the build date of the day the test runs (the commit is of yesterday)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from cultuurregio.publiceren import scheduled_mail
from cultuurregio.site.common.dates import TIMEZONE
from tests.github_actions import Runner, job_named
from tests.github_actions.morning_post import (
    DEPLOY,
    MANUAL,
    MARKED,
    SECRETS,
    SEND,
    days,
    ledger,
    online,
    origin_with,
    to,
)
from tests.helpers import FOREIGN, POSTS
from tests.mail_server import PASSWORD, SETTINGS, Inbox, fill_in_settings, trusted_authority

pytestmark = pytest.mark.slow

def test_the_morning_sends_todays_marked_newsletter_once_and_tests_tomorrows(tmp_path, monkeypatch):
    certificate = trusted_authority(tmp_path, monkeypatch)
    origin = origin_with(tmp_path / "origin", {
        "vandaag": ("vandaag", MARKED), "gisteren": ("gisteren", MARKED), "zonder-veld": ("vandaag", ""),
        "concept": ("vandaag", MARKED + "draft: true\n"), "morgen": ("morgen", MARKED)})
    inbox = Inbox()
    runner = Runner(origin, tmp_path / "run", "schedule", "refs/heads/main")
    # Online is what the deploy published: the Pages artifact, served at the site's address.
    with online(origin, runner.artifact_dir / "site", certificate, inbox) as port:
        runner.secrets = {**SECRETS, "SMTP_PORT": port}
        jobs = runner.run_all(DEPLOY)
        assert all(job and job.ok for job in jobs.values()), {k: j and j.log[-3000:] for k, j in jobs.items()}
        first = list(inbox.messages)
        # The morning run again the same day (the only way: "Re-run"), and the manual workflow.
        again = Runner(origin, tmp_path / "opnieuw", "schedule", "refs/heads/main", attempt=2,
                       secrets={**SECRETS, "SMTP_PORT": port}).run(DEPLOY, SEND)
        manual = Runner(origin, tmp_path / "hand", "workflow_dispatch", "refs/heads/main",
                        inputs={"slug": "vandaag", "testadres": ""},
                        secrets={**SECRETS, "SMTP_PORT": port}).run(MANUAL, job_named(MANUAL, "Nieuwsbrief"))

    sent = to(inbox, SETTINGS["lijstadres"])
    assert [m["Subject"] for m in sent] == [f"Test {days()['vandaag']:%Y-%m}-vandaag"], [m["Subject"] for m in sent]
    assert [e["slug"] for e in ledger(origin)] == ["vandaag"] and ledger(origin)[0]["status"] == "verzonden"
    tests = to(inbox, SETTINGS["redactieadres"])
    assert len(tests) == 1 and tests[0]["Subject"] == f"[TEST] Test {days()['morgen']:%Y-%m}-morgen"
    text = tests[0].get_body(("plain",)).get_content()
    assert "vanzelf naar de verzendlijst" in text and "automatisch_versturen: true" in text
    assert "verander de datum" in tests[0].get_body(("html",)).get_content()
    summary = jobs[SEND].summary
    assert "**Verstuurd:** `vandaag`" in summary and "**Test:** `morgen`" in summary, summary
    assert not FOREIGN.search(summary), summary
    # Again the same day: nothing to the list; by hand: refused by the ledger.
    assert again.ok and "**Niets te doen:** `vandaag`" in again.summary, again.log
    assert not manual.ok and "al naar de lijst verstuurd" in manual.log
    assert inbox.messages == first and len(first) == 2
    # A push later that day does not send at all.
    assert not Runner(origin, tmp_path / "push", "push", "refs/heads/main").job_runs(DEPLOY, SEND)


def test_turning_the_field_on_for_the_whole_archive_sends_nothing(project, monkeypatch):
    for path in (project / POSTS).glob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\n---\n", "\n" + MARKED + "---\n", 1), encoding="utf-8")
    fill_in_settings(project)
    # After every newsletter of the archive; a server that is not there: any attempt would fail.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2099, 1, 1, tzinfo=TIMEZONE).timestamp())))
    for name, value in {**SECRETS, "SMTP_PORT": "9", "SMTP_PASSWORD": PASSWORD}.items():
        monkeypatch.setenv(name, value)
    assert len(scheduled_mail.marked(project)) == len(list((project / POSTS).glob("*.md")))
    assert scheduled_mail.morning(project, project / "site", record=False) == []
    assert ledger(project) == []


def test_both_ways_of_sending_share_one_group_and_the_secrets_reach_only_the_send_step():
    manual, deploy = (yaml.safe_load(path.read_text(encoding="utf-8")) for path in (MANUAL, DEPLOY))
    morning = deploy["jobs"][SEND]
    # One group: GitHub runs the two one after the other, and the ledger refuses the second.
    assert morning["concurrency"]["group"] == manual["concurrency"]["group"]
    assert morning["concurrency"]["cancel-in-progress"] is False and morning["needs"] == "deploy"
    with_secrets = [step.get("name") for job in deploy["jobs"].values() for step in job.get("steps", [])
                    if "secrets." in yaml.safe_dump(step)]
    assert "secrets" not in yaml.safe_dump(deploy["jobs"]["deploy"])  # the publishing job passes none on
    assert with_secrets == ["Versturen"] and "secrets." not in yaml.safe_dump({k: v for k, v in morning.items()
                                                                                if k != "steps"})
