"""One build date (README, "Bouwdatum"): SOURCE_DATE_EPOCH when set, otherwise the later of
the last commit and the start of today in Europe/Amsterdam; `make check` and the build agree."""

from __future__ import annotations

import datetime as dt

import pytest

from cultuurregio.site.common.dates import TIMEZONE, build_epoch
from tests.github_actions import commit, git
from tests.helpers import build, check, scheduled_for_today_and_tomorrow

NOW = dt.datetime(2031, 6, 1, 15, 30, tzinfo=TIMEZONE)
START_OF_DAY = int(dt.datetime(2031, 6, 1, tzinfo=TIMEZONE).timestamp())


def repository(folder, committed: dt.datetime):
    folder.mkdir()
    git(folder, "init", "--quiet")
    commit(folder, "een", date=committed.isoformat())
    return folder


@pytest.mark.parametrize(("committed", "expected"), [
    (dt.datetime(2031, 5, 20, 10, tzinfo=TIMEZONE), START_OF_DAY),  # an older commit: today counts
    (dt.datetime(2031, 6, 1, 9, tzinfo=TIMEZONE), int(dt.datetime(2031, 6, 1, 9, tzinfo=TIMEZONE).timestamp())),
])
def test_the_later_of_the_last_commit_and_the_start_of_today(tmp_path, monkeypatch, committed, expected):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_epoch(repository(tmp_path / "repo", committed), now=NOW) == expected


def test_outside_a_checkout_the_start_of_today_and_a_set_epoch_wins(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_epoch(tmp_path, now=NOW) == START_OF_DAY
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_epoch(tmp_path, now=NOW) == 1700000000


@pytest.mark.slow
def test_check_and_build_agree_on_newsletters_scheduled_for_today_and_tomorrow(tmp_path):
    """The last commit is yesterday's: before one rule, `make build` took its day (and held
    today's newsletter back) while `make check` took the clock's."""
    project, today, tomorrow = scheduled_for_today_and_tomorrow(tmp_path / "project")

    checked = check(project, "--site-dir", str(tmp_path / "gecontroleerd"))
    built = build(project, tmp_path / "gebouwd")
    assert checked.returncode == 0 and built.returncode == 0, checked.stdout + built.stderr
    for site in (tmp_path / "gecontroleerd", tmp_path / "gebouwd"):
        assert (site / f"nieuwsbrief/{today:%Y/%m}/vandaag/index.html").is_file(), site.name
        assert not (site / f"nieuwsbrief/{tomorrow:%Y/%m}/morgen").exists(), site.name
