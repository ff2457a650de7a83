"""The pull request check (.github/workflows/check.yml, job "Inhoud") run as GitHub runs it
(tests/github_actions.py): red with annotations on a mistake, green with the pages a change
moves, and the base built with its own code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cultuurregio.project import ROOT
from tests.github_actions import Runner, commit, job_named, origin_repository, pull_request
from tests.helpers import FOREIGN, POSTS, append, newsletter, replace_once, replace_value

pytestmark = pytest.mark.slow

CHECK = ROOT / ".github" / "workflows" / "check.yml"
JOB = job_named(CHECK, "Inhoud")
CHANGES_STEP = "Welke pagina's veranderen"


def run_pull_request(tmp_path: Path, origin: Path):
    runner = Runner(origin, tmp_path / "run", "pull_request", pull_request(origin), base_ref="main")
    return runner, runner.run(CHECK, JOB)


def site_url() -> str:
    from cultuurregio.project import read_config

    return read_config().site_url


def listed(summary: str, heading: str) -> set[str]:
    """The addresses under one heading of the summary of changed pages."""
    part = summary.split(f"**{heading}**", 1)[1].split("\n\n", 2)[1] if f"**{heading}**" in summary else ""
    return {line.split("](", 1)[0].removeprefix("- [") for line in part.splitlines() if line.startswith("- [")}


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


def pages_with(site: Path, text: str) -> set[str]:
    return {site_url() + p.relative_to(site).as_posix().removesuffix("index.html")
            for p in site.rglob("*.html") if text in p.read_text(encoding="utf-8")}


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
