"""The newsletters that go by themselves (.github/workflows/deploy.yml, job "Nieuwsbrieven
versturen die vanzelf gaan"), what the workflow files promise beside the scenarios
(tests/test_workflow_sending_days.py has the days, tests/test_workflow_morning_failures.py what
goes wrong): the archive marked sends nothing, and the secrets reach only the send step."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from cultuurregio.publiceren import scheduled_mail
from cultuurregio.publiceren.ledger import LOCAL
from cultuurregio.site.common.dates import TIMEZONE
from tests.github_actions.morning_post import (
    DEPLOY,
    MANUAL,
    MARKED,
    SECRETS,
    SEND,
)
from tests.helpers import POSTS
from tests.mail_server import PASSWORD, fill_in_settings

pytestmark = pytest.mark.slow

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
    assert scheduled_mail.after_deploy(project, project / "site", record=False) == []
    assert not (project / LOCAL).exists()


def test_both_ways_of_sending_share_one_group_and_the_secrets_reach_only_the_send_step():
    manual, deploy = (yaml.safe_load(path.read_text(encoding="utf-8")) for path in (MANUAL, DEPLOY))
    morning = deploy["jobs"][SEND]
    # One group: GitHub runs the two one after the other, and the ledger refuses the second.
    assert morning["concurrency"]["group"] == manual["concurrency"]["group"]
    assert morning["concurrency"]["cancel-in-progress"] is False and "deploy" in morning["needs"]
    # Both ways of sending: in each file, the secrets reach the step "Versturen" and nothing else
    # (no job's env, no called workflow: a reusable one would get them with `secrets:`).
    for workflow in (manual, deploy):
        with_secrets = [step.get("name") for job in workflow["jobs"].values() for step in job.get("steps", [])
                        if "secrets." in yaml.safe_dump(step)]
        assert with_secrets == ["Versturen"], with_secrets
        elsewhere = [job_id for job_id, job in workflow["jobs"].items()
                     if "secrets" in yaml.safe_dump({k: v for k, v in job.items() if k != "steps"})]
        assert elsewhere == [] and "secrets" not in yaml.safe_dump({k: v for k, v in workflow.items() if k != "jobs"})
