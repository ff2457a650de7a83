"""The morning's post when something else went first or went wrong (tests/test_workflow_morning_mail.py
has the good morning): sent by hand before the morning, a refused login, a failed deploy. A file
of its own so that the two workers share the scenarios."""

from __future__ import annotations

import pytest

from tests.github_actions.events import dispatch, happen, run_folder, schedule
from tests.github_actions.morning_post import (
    BY_HAND,
    DEPLOY,
    MANUAL,
    MARKED,
    SECRETS,
    SEND,
    address,
    online,
    origin_with,
    to,
)
from tests.github_actions.repository import ledger
from tests.github_actions.runner import ARTIFACTS, WORKSPACE
from tests.helpers import FOREIGN
from tests.mail_server import SETTINGS, Inbox, trusted_authority

pytestmark = pytest.mark.slow


def test_by_hand_first_then_the_morning_and_a_refused_login(tmp_path, monkeypatch):
    certificate = trusted_authority(tmp_path, monkeypatch)
    origin = origin_with(tmp_path / "origin", {"vandaag": ("vandaag", MARKED), "ook-vandaag": ("vandaag", MARKED)})
    inbox = Inbox()
    manual, morning = tmp_path / "hand", tmp_path / "ochtend"
    # Both build the same site from the same commit; the first one's is served as the published one.
    with online(origin, run_folder(manual, MANUAL.name) / WORKSPACE / "site", certificate, inbox) as port:
        by_hand = happen(origin, manual, dispatch(MANUAL.name, {"nieuwsbrief": "vandaag", "testadres": ""}),
                         secrets={**SECRETS, "SMTP_PORT": port})[MANUAL.name].jobs[BY_HAND]
        job = happen(origin, morning, schedule(), secrets={**SECRETS, "SMTP_PASSWORD": "verkeerd",
                                                           "SMTP_PORT": port})[DEPLOY.name].jobs[SEND]
    assert by_hand.ok, by_hand.log
    assert len(to(inbox, SETTINGS["lijstadres"])) == 1
    assert not job.ok
    assert f"**Niets te doen:** `{address('vandaag', 'vandaag')}`" in job.summary, job.summary
    row = next(line for line in job.summary.splitlines() if f"`{address('vandaag', 'ook-vandaag')}`" in line)
    assert row.startswith("- **Mislukt:**") and "weigerde de inlog" in row and "niets naar de lijst verstuurd" in row, row
    assert "Nieuwsbrief versturen" in job.summary and not FOREIGN.search(job.summary), job.summary
    assert [e["adres"] for e in ledger(origin)] == [address("vandaag", "vandaag")]


def test_a_failed_deploy_sends_nothing(tmp_path, monkeypatch):
    certificate = trusted_authority(tmp_path, monkeypatch)
    origin = origin_with(tmp_path / "origin", {"vandaag": ("vandaag", MARKED), "morgen": ("morgen", MARKED)})
    inbox = Inbox()
    with online(origin, run_folder(tmp_path / "run", DEPLOY.name) / ARTIFACTS / "site", certificate, inbox) as port:
        jobs = happen(origin, tmp_path / "run", schedule(), secrets={**SECRETS, "SMTP_PORT": port},
                      failing=frozenset({"actions/download-artifact"}))[DEPLOY.name].jobs
    assert jobs["build"].ok and not jobs["deploy"].ok and jobs[SEND] is None
    assert inbox.messages == [] and ledger(origin) == []
