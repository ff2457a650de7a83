"""The pull request check (.github/workflows/check.yml, job "Inhoud") run as GitHub runs it
(tests/github_actions/): the pages a change to templates or code moves,
with the base built with its own code, and a base that does not build said in Dutch."""

from __future__ import annotations

import datetime as dt

import pytest

from cultuurregio.project import ROOT
from tests.github_actions import commit, origin_repository
from tests.github_actions.pull_requests import CHANGES_STEP, listed, pages_with, run_pull_request, site_url
from tests.helpers import FOREIGN, append, replace_once

pytestmark = pytest.mark.slow


def test_a_template_change_lists_exactly_the_pages_that_show_it(tmp_path):
    origin = origin_repository(ROOT, tmp_path / "origin")
    replace_once(origin / "overrides" / "content" / "agenda.html", "Toevoegen aan je agenda", "Zet ze in je agenda")
    runner, job = run_pull_request(tmp_path, origin)

    assert job.ok, job.log
    shown = pages_with(runner.artifacts["site"], "Zet ze in je agenda")
    assert shown and listed(job.summary, "Pagina's die veranderen") == shown, job.summary
    assert not listed(job.summary, "Nieuwe pagina's") and not listed(job.summary, "Pagina's die verdwijnen")


def test_a_code_change_is_compared_with_the_code_before_it(tmp_path):
    """The base is built with the base's own scripts/, not with the change's."""
    origin = origin_repository(ROOT, tmp_path / "origin")
    hooks = origin / "scripts" / "cultuurregio" / "site" / "hooks.py"
    replace_once(hooks, "TOC_FROM = 3", "TOC_FROM = 99")
    runner, job = run_pull_request(tmp_path, origin)

    assert job.ok, job.log
    # Built with this change's code, the base would show no difference at all.
    changed = listed(job.summary, "Pagina's die veranderen")
    assert changed, job.summary
    site = runner.artifacts["site"]
    assert all((site / address.removeprefix(site_url()) / "index.html").is_file() for address in changed)


def test_a_base_that_does_not_build_is_said_in_dutch_not_hidden(tmp_path):
    origin = origin_repository(ROOT, tmp_path / "origin")
    contact = origin / "docs" / "contact.md"
    original = contact.read_bytes()
    append(contact, "\nZie [de oude pagina](oude-pagina.md).\n")
    commit(origin, "Een kapotte link, rechtstreeks op main", date=dt.datetime.now().isoformat())
    contact.write_bytes(original)
    runner, job = run_pull_request(tmp_path, origin)

    assert job.ok, job.log
    assert job.outcomes[CHANGES_STEP] == "success"
    assert "De site van de basis (main) kon niet gebouwd worden" in job.summary, job.summary
    assert "docs/contact.md" in job.summary and "oude-pagina.md" in job.summary
    assert not FOREIGN.search(job.summary), job.summary
