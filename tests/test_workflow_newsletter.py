""""Nieuwsbrief versturen" (.github/workflows/nieuwsbrief.yml) as GitHub runs it
(tests/github_actions/): an editor starts it with a newsletter's address; the job builds the
site, sends the edition to the list over STARTTLS with the secrets of that step, and pushes
the ledger to its own branch, main being protected. The mail server is aiosmtpd with a trustme certificate that
the runner's image trusts, as GitHub's image trusts public ones."""

from __future__ import annotations

import email
from email import policy

import pytest

from cultuurregio.project import ROOT
from cultuurregio.publiceren.localserver import SiteServer
from tests.github_actions import commit, git, job_named, origin_repository
from tests.github_actions.events import dispatch, happen, run_folder
from tests.github_actions.repository import ledger
from tests.github_actions.runner import WORKSPACE
from tests.helpers import published_newsletters, replace_once
from tests.mail_server import PASSWORD, SETTINGS, USER, Inbox, fill_in_settings, smtp_server, trusted_authority

pytestmark = pytest.mark.slow

WORKFLOW = ROOT / ".github" / "workflows" / "nieuwsbrief.yml"


def test_the_workflow_sends_once_to_the_list_and_pushes_the_ledger(tmp_path, monkeypatch):
    certificate = trusted_authority(tmp_path, monkeypatch)

    origin = origin_repository(ROOT, tmp_path / "origin")
    fill_in_settings(origin)
    newest = published_newsletters()[-1]
    inbox = Inbox()
    server = smtp_server(certificate, inbox)
    secrets = {"SMTP_HOST": "127.0.0.1", "SMTP_USER": USER, "SMTP_PASSWORD": PASSWORD, "SMTP_PORT": str(server.port)}
    try:
        # "Online" is asked of the site the job builds, served where its site_url says.
        with SiteServer(run_folder(tmp_path / "run", WORKFLOW.name) / WORKSPACE / "site", "/website/") as site:
            replace_once(origin / "mkdocs.yml", "https://cultuurregio-twente.github.io/website/", site.base)
            main = commit(origin, "Instellingen van de test")
            started = happen(origin, tmp_path / "run", dispatch(WORKFLOW.name, {"nieuwsbrief": "/" + newest["url"],
                                                                               "testadres": ""}), secrets=secrets)
            job = started[WORKFLOW.name].jobs[job_named(WORKFLOW, "Nieuwsbrief versturen")]
    finally:
        server.stop()
    assert job.ok, job.log
    assert len(inbox.messages) == 1 and inbox.messages[0][0] == [SETTINGS["lijstadres"]]
    message = email.message_from_bytes(inbox.messages[0][1], policy=policy.default)
    assert [(e["adres"], e["status"], e["message_id"]) for e in ledger(origin)] == [
        ("/" + newest["url"], "verzonden", message["Message-ID"].strip())]
    assert git(origin, "log", "-1", "--format=%an", "verzendlogboek").strip() == "github-actions[bot]"
    assert git(origin, "rev-parse", "main").strip() == main  # nothing pushed to main
