"""The pull request check (.github/workflows/check.yml, job "Inhoud") run for a pull request
made in an origin repository, and the summary of the pages it moves, as the scenarios read it."""

from __future__ import annotations

from pathlib import Path

from cultuurregio.project import ROOT, read_config
from tests.github_actions.repository import job_named, pull_request
from tests.github_actions.runner import Job, Runner

CHECK = ROOT / ".github" / "workflows" / "check.yml"
JOB = job_named(CHECK, "Inhoud")
CHANGES_STEP = "Welke pagina's veranderen"


def run_pull_request(tmp_path: Path, origin: Path) -> tuple[Runner, Job]:
    runner = Runner(origin, tmp_path / "run", "pull_request", pull_request(origin), base_ref="main")
    return runner, runner.run(CHECK, JOB)


def site_url() -> str:
    return read_config().site_url


def listed(summary: str, heading: str) -> set[str]:
    """The addresses under one heading of the summary of changed pages."""
    part = summary.split(f"**{heading}**", 1)[1].split("\n\n", 2)[1] if f"**{heading}**" in summary else ""
    return {line.split("](", 1)[0].removeprefix("- [") for line in part.splitlines() if line.startswith("- [")}


def pages_with(site: Path, text: str) -> set[str]:
    """The published addresses of the pages in a built site that show `text`."""
    return {site_url() + p.relative_to(site).as_posix().removesuffix("index.html")
            for p in site.rglob("*.html") if text in p.read_text(encoding="utf-8")}
