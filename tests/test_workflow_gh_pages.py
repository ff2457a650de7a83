"""The one writer of the gh-pages branch (.github/workflows/gh-pages.yml), run as GitHub runs it
(tests/github_actions/) with small built sites as artifacts: two previews and the site, in any
order, leave all three intact; a push that loses a race is retried; the branch stays one
commit; and a pull request from a fork publishes nothing and says why."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from cultuurregio.project import ROOT
from tests.github_actions import Runner, git
from tests.github_actions.git_server import git_server
from tests.github_actions.hosting import Hosting, export
from tests.github_actions.stand_ins import pull_request_payload

WORKFLOWS = ROOT / ".github" / "workflows"
WRITER = WORKFLOWS / "gh-pages.yml"
CHECK = WORKFLOWS / "check.yml"

# What each writer publishes: (the folder it replaces, its artifact's files).
WRITES = {
    "pr-1": ("voorbeeld/pr-1", {"index.html": "voorbeeld 1", "nieuwsbrief/index.html": "nieuws 1"}),
    "pr-2": ("voorbeeld/pr-2", {"index.html": "voorbeeld 2", ".well-known/security.txt": "Contact: 2"}),
    "site": ("", {"index.html": "de site", "agenda/index.html": "agenda", ".well-known/security.txt": "Contact: x"}),
}


def empty_origin(folder: Path) -> Path:
    """A bare repository with main and a gh-pages branch with a site published by hand."""
    work = folder / "werk"
    work.mkdir(parents=True)
    git(work, "init", "--quiet", "--initial-branch=gh-pages")
    (work / "index.html").write_text("vroeger", encoding="utf-8")
    git(work, "add", "--all")
    git(work, "commit", "--quiet", "-m", "vroeger")
    git(folder, "clone", "--quiet", "--bare", str(work), str(folder / "origin.git"))
    return folder / "origin.git"


def write(origin: Path, folder: Path, name: str, remove: bool = False) -> tuple[bool, str]:
    """One run of the writer, as deploy.yml, check.yml or voorbeeld-opruimen.yml call it."""
    target, files = WRITES[name]
    runner = Runner(origin, folder, "push", "refs/heads/main")
    artifact = runner.artifact_dir / name
    for path, text in files.items():
        (artifact / path).parent.mkdir(parents=True, exist_ok=True)
        (artifact / path).write_text(text, encoding="utf-8")
    runner.artifacts[name] = artifact
    job = runner.call_workflow(WRITER, {"map": target, "artefact": "" if remove else name})
    return job.ok, job.log


def served(origin: Path, folder: Path) -> dict[str, str]:
    site = export(origin, folder)
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*") if p.is_file()}


def expected(*names: str) -> dict[str, str]:
    files = {".nojekyll": ""} if "site" in names else {".nojekyll": "", "index.html": "vroeger"}
    for name in names:
        target, written = WRITES[name]
        files.update({f"{target}/{path}".lstrip("/"): text for path, text in written.items()})
    return files


@pytest.mark.parametrize("order", list(itertools.permutations(WRITES)), ids="-".join)
def test_two_previews_and_the_site_in_any_order_leave_all_three(tmp_path, order):
    origin = empty_origin(tmp_path / "github")
    for number, name in enumerate(order):
        done, log = write(origin, tmp_path / f"run-{number}", name)
        assert done, log
    assert served(origin, tmp_path / "gh-pages") == expected(*WRITES)
    # One commit, however often it is written: the branch does not grow.
    assert git(origin, "rev-list", "--count", "gh-pages").strip() == "1"


def test_closing_removes_a_preview_and_a_rewrite_of_the_same_is_no_new_commit(tmp_path):
    origin = empty_origin(tmp_path / "github")
    for number, name in enumerate(("site", "pr-1", "pr-2")):
        assert write(origin, tmp_path / f"run-{number}", name)[0]
    before = git(origin, "rev-parse", "gh-pages").strip()
    done, log = write(origin, tmp_path / "run-again", "pr-2")
    assert done and "niets te doen" in log, log
    assert git(origin, "rev-parse", "gh-pages").strip() == before
    done, log = write(origin, tmp_path / "run-close", "pr-1", remove=True)
    assert done, log
    assert served(origin, tmp_path / "gh-pages") == expected("site", "pr-2")


def test_a_push_that_loses_the_race_is_read_again_and_retried(tmp_path):
    """Another writer publishes pr-2's preview while this one writes pr-1's: right after this
    writer has fetched gh-pages, the other writer's real commit lands on it. The push that
    expected the branch as fetched (--force-with-lease) is refused, the retry reads the branch
    again and keeps both. A plain --force would take the push and lose pr-2's preview."""
    origin = empty_origin(tmp_path / "github")
    assert write(origin, tmp_path / "run-site", "site")[0]
    site_only = git(origin, "rev-parse", "gh-pages").strip()
    assert write(origin, tmp_path / "run-other", "pr-2")[0]
    other = git(origin, "rev-parse", "gh-pages").strip()
    git(origin, "update-ref", "refs/heads/gh-pages", site_only)
    landed = []
    git_server().once_fetched(origin, lambda: landed.append(git(origin, "update-ref", "refs/heads/gh-pages", other)))
    done, log = write(origin, tmp_path / "run-1", "pr-1")
    assert done, log
    assert served(origin, tmp_path / "gh-pages") == expected("site", "pr-1", "pr-2"), \
        "the other writer's commit was lost: GitHub takes a plain --force over it, only the lease refuses it"
    assert landed and "opnieuw" in log, log


def test_a_name_outside_voorbeeld_is_refused(tmp_path):
    origin = empty_origin(tmp_path / "github")
    runner = Runner(origin, tmp_path / "run", "push", "refs/heads/main")
    job = runner.call_workflow(WRITER, {"map": "../buiten"})
    assert not job.ok and "onbekende map" in job.log
    assert served(origin, tmp_path / "gh-pages") == {"index.html": "vroeger"}


def test_a_pull_request_from_a_fork_publishes_nothing_and_says_why(tmp_path):
    hosting = Hosting(ROOT, tmp_path / "github")
    before = hosting.tree()
    ref = hosting.pull_request(3, lambda work: (work / "docs" / "contact.md").open("a").write("\nMeer.\n"))
    runner = Runner(hosting.origin, tmp_path / "run", "pull_request", ref, base_ref="main",
                    payload=pull_request_payload(3, "opened", fork=True))
    assert runner.job_runs(CHECK, "inhoud")
    jobs = runner.run_all(CHECK, only={"voorbeeld", "geen-voorbeeld", "voorbeeld-publiceren"})
    assert jobs["voorbeeld"] is None and jobs["voorbeeld-publiceren"] is None
    assert jobs["geen-voorbeeld"].ok
    summary = jobs["geen-voorbeeld"].summary
    assert "Geen voorbeeld van deze wijziging" in summary and "fork" in summary, summary
    assert hosting.tree() == before
