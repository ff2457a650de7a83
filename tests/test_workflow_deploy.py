"""The deploy (.github/workflows/deploy.yml) as the morning schedule runs it, here as GitHub
runs it (tests/github_actions/): the build date from the date step, today's newsletter
published and tomorrow's not, and a Pages artifact with everything a visitor gets."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest

from cultuurregio.project import ROOT
from cultuurregio.site.common.dates import TIMEZONE
from tests.github_actions import Runner, job_named
from tests.helpers import scheduled_for_today_and_tomorrow

pytestmark = pytest.mark.slow

DEPLOY = ROOT / ".github" / "workflows" / "deploy.yml"


def test_the_morning_build_publishes_todays_newsletter_and_holds_tomorrows(tmp_path):
    origin, today, tomorrow = scheduled_for_today_and_tomorrow(tmp_path / "origin")

    runner = Runner(origin, tmp_path / "run", "schedule", "refs/heads/main")
    build = runner.run(DEPLOY, job_named(DEPLOY, "build"))
    assert build.ok, build.log
    start_of_today = dt.datetime.combine(today, dt.time(), TIMEZONE)
    assert build.env["SOURCE_DATE_EPOCH"] == str(int(start_of_today.timestamp()))

    site = runner.artifacts["github-pages"]
    assert (site / f"nieuwsbrief/{today:%Y/%m}/vandaag/index.html").is_file()
    assert not (site / f"nieuwsbrief/{tomorrow:%Y/%m}/morgen").exists()
    links = {entry.link for entry in feedparser.parse((site / "feed_rss_created.xml").read_bytes()).entries}
    assert any(link.endswith(f"/{today:%Y/%m}/vandaag/") for link in links), links
    assert not any(link.endswith("/morgen/") for link in links), links
    for published in ("index.html", "profiel/cultuurprofiel-twente.pdf", "agenda.ics", "sitemap.xml",
                      ".well-known/security.txt"):
        assert (site / published).is_file(), published
    assert (site / "profiel/cultuurprofiel-twente.pdf").read_bytes().startswith(b"%PDF-")

    deploy = runner.run(DEPLOY, "deploy")
    assert deploy.ok, deploy.log
