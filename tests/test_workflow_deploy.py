"""The deploy (.github/workflows/deploy.yml) as the morning schedule runs it, here as GitHub
runs it (tests/github_actions/): the build date from the date step, today's newsletter
published and tomorrow's not, an artifact with everything a visitor gets, and that site on
the gh-pages branch that Pages serves, as built."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest

from cultuurregio.project import ROOT
from cultuurregio.site.common.dates import TIMEZONE
from tests.github_actions.events import SENDING, happen, schedule
from tests.github_actions.hosting import export
from tests.github_actions.pull_requests import site_url
from tests.helpers import scheduled_for_today_and_tomorrow, site_files

pytestmark = pytest.mark.slow

DEPLOY = ROOT / ".github" / "workflows" / "deploy.yml"


def test_the_morning_build_publishes_todays_newsletter_and_holds_tomorrows(tmp_path):
    origin, today, tomorrow = scheduled_for_today_and_tomorrow(tmp_path / "origin")

    started = happen(origin, tmp_path / "run", schedule(), SENDING)
    assert set(started) == {DEPLOY.name}, "GitHub starts only deploy.yml on the schedule"
    jobs, runner = started[DEPLOY.name].jobs, started[DEPLOY.name].runner
    build = jobs["build"]
    assert build.ok, build.log
    start_of_today = dt.datetime.combine(today, dt.time(), TIMEZONE)
    assert build.env["SOURCE_DATE_EPOCH"] == str(int(start_of_today.timestamp()))

    site = runner.artifacts["site"]
    assert (site / f"nieuwsbrief/{today:%Y/%m}/vandaag/index.html").is_file()
    assert not (site / f"nieuwsbrief/{tomorrow:%Y/%m}/morgen").exists()
    links = {entry.link for entry in feedparser.parse((site / "feed_rss_created.xml").read_bytes()).entries}
    assert any(link.endswith(f"/{today:%Y/%m}/vandaag/") for link in links), links
    assert not any(link.endswith("/morgen/") for link in links), links
    for published in ("index.html", "profiel/cultuurprofiel-twente.pdf", "agenda.ics", "sitemap.xml",
                      ".well-known/security.txt"):
        assert (site / published).is_file(), published
    assert (site / "profiel/cultuurprofiel-twente.pdf").read_bytes().startswith(b"%PDF-")

    # What Pages serves: the gh-pages branch, now this site, as built.
    deploy = jobs["deploy"]
    assert deploy.ok, deploy.log
    assert deploy.environment == {"name": "github-pages", "url": site_url()}
    published = export(origin, tmp_path / "gh-pages")
    assert site_files(published) == {**site_files(site), ".nojekyll": b""}


def test_the_deploy_restores_the_photos_and_e_mail_editions_made_before():
    """From the workflow file: the build job keeps both caches of .cache/ between runs, each
    under a key from files of the repository, so the daily rebuild makes only what is new."""
    import glob

    import yaml

    from cultuurregio.site.common.paths import EDITION_CACHE, PHOTO_CACHE

    steps = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    caches = [step["with"] for step in steps if step.get("uses", "").startswith("actions/cache@")]
    assert sorted(cache["path"] for cache in caches) == sorted([EDITION_CACHE.as_posix(), PHOTO_CACHE.as_posix()])
    build = next(index for index, step in enumerate(steps) if "make build" in step.get("run", ""))
    assert all(steps.index(step) < build for step in steps if step.get("uses", "").startswith("actions/cache@"))
    for cache in caches:
        patterns = cache["key"].split("hashFiles(")[1].rsplit(")", 1)[0].replace("'", "").split(", ")
        assert any(glob.glob(str(ROOT / pattern), recursive=True) for pattern in patterns), cache
