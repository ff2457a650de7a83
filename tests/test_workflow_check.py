"""The pull request check (.github/workflows/check.yml, job "Inhoud") run as GitHub runs it
(tests/github_actions/): red with annotations on a mistake, green with the pages a clean change moves."""

from __future__ import annotations

import os

import pytest

from cultuurregio.project import ROOT
from tests.github_actions import origin_repository
from tests.github_actions.pull_requests import CHANGES_STEP, listed, run_pull_request, site_url
from tests.helpers import FOREIGN, POSTS, append, newsletter, replace_value

pytestmark = pytest.mark.slow


def test_a_newsletter_with_a_broken_link_fails_with_an_annotation_and_a_dutch_summary(tmp_path):
    origin = origin_repository(ROOT, tmp_path / "origin")
    post = sorted((origin / POSTS).glob("*.md"))[-1]
    line = append(post, "\nZie [het verslag](verslag-dat-er-niet-is.md).\n") + 1
    runner, job = run_pull_request(tmp_path, origin)

    assert not job.ok
    name = f"{POSTS.as_posix()}/{post.name}"
    assert f"::error file={name},line={line},title=" in job.log, job.log
    row = next(r for r in job.summary.splitlines() if r.startswith(f"| `{name}` | {line} |"))
    assert "verslag-dat-er-niet-is.md" in row and not FOREIGN.search(job.summary), job.summary
    assert job.outcomes[CHANGES_STEP] == "skipped" and "site" not in runner.artifacts
    assert not (runner.workspace / "site").exists(), "a half-built site was left behind"


def test_a_clean_change_passes_lists_the_pages_it_moves_and_keeps_the_site(tmp_path):
    origin = origin_repository(ROOT, tmp_path / "origin")
    newsletter(origin, "2019-03-een-nieuwe-brief.md")
    line = replace_value(origin / "data" / "gemeenten.yml", ("gemeenten", 1, "naam"), "Borne aan de Bornsebeek")
    runner, job = run_pull_request(tmp_path, origin)

    assert job.ok, job.log
    assert job.outcomes[CHANGES_STEP] == "success" and line
    base = site_url()
    assert f"{base}nieuwsbrief/2019/03/een-nieuwe-brief/" in listed(job.summary, "Nieuwe pagina's")
    changed = listed(job.summary, "Pagina's die veranderen")
    assert {f"{base}gemeenten/", base} <= changed, job.summary
    site = runner.artifacts["site"]
    assert (site / "nieuwsbrief/2019/03/een-nieuwe-brief/index.html").is_file()
    assert "Borne aan de Bornsebeek" in (site / "gemeenten" / "index.html").read_text(encoding="utf-8")


def test_a_change_that_adds_a_symbolic_link_is_refused_and_no_site_is_uploaded(tmp_path):
    origin = origin_repository(ROOT, tmp_path / "origin")
    # What a pull request can add through git: a link to the runner's own files.
    os.symlink("../../.git/config", origin / "docs" / "assets" / "notities.txt")
    os.symlink("/proc/self/environ", origin / "docs" / "omgeving.txt")
    runner, job = run_pull_request(tmp_path, origin)

    assert not job.ok
    for name, target in (("docs/assets/notities.txt", "../../.git/config"), ("docs/omgeving.txt", "/proc/self/environ")):
        assert f"::error file={name},title=" in job.log and f"naar '{target}'" in job.summary, job.log
    assert not FOREIGN.search(job.summary), job.summary
    assert "site" not in runner.artifacts and not (runner.workspace / "site").exists()
