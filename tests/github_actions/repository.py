"""The repository "on GitHub" for a run: the project as one commit of `main`, a pull
request on top of it, and the jobs of a workflow by name."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import yaml

from tests.github_actions.runner import KEPT


def git(folder: Path, *arguments: str, date: str | None = None) -> str:
    environment = {**{k: v for k, v in os.environ.items() if KEPT.match(k)}, "GIT_AUTHOR_NAME": "Test",
                   "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
                   "GIT_COMMITTER_EMAIL": "test@example.org"}
    if date:
        environment.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", *arguments], cwd=folder, env=environment, capture_output=True, text=True,
                          check=True).stdout


def origin_repository(source: Path, folder: Path, date: str | None = None) -> Path:
    """The project as it stands in `source` (committed or not, without what git ignores), as
    the one commit of `main` in a new repository."""
    folder.mkdir(parents=True)
    listed = git(source, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        if (source / name).is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / name, folder / name)
    git(folder, "init", "--quiet", "--initial-branch=main")
    commit(folder, "Basis", date)
    return folder


def ledger(origin: Path) -> list[dict]:
    """The sends in the ledger, as the sending jobs left it on its own branch (publiceren/ledger.py)."""
    return ledger_file(origin).get("verzonden") or []


def ledger_file(origin: Path) -> dict:
    listed = git(origin, "branch", "--list", "verzendlogboek").strip()
    return yaml.safe_load(git(origin, "show", "verzendlogboek:verzonden.yml")) if listed else {}


def commit(folder: Path, message: str, date: str | None = None) -> str:
    git(folder, "add", "--all")
    git(folder, "commit", "--quiet", "--allow-empty", "-m", message, date=date)
    return git(folder, "rev-parse", "HEAD").strip()


def pull_request(origin: Path, message: str = "Wijziging") -> str:
    """Commit what the test changed in `origin` as pull request 1 on top of `main` (its merge
    ref, as GitHub makes it), leaving `main` as it was; the ref to check out."""
    git(origin, "checkout", "--quiet", "-b", "wijziging")
    git(origin, "update-ref", "refs/pull/1/merge", commit(origin, message))
    git(origin, "checkout", "--quiet", "main")
    return "refs/pull/1/merge"


def job_named(workflow_file: Path, prefix: str) -> str:
    """The id of the job whose name starts with `prefix`, as the workflow file has it."""
    jobs = yaml.safe_load(Path(workflow_file).read_text(encoding="utf-8"))["jobs"]
    return next(job_id for job_id, job in jobs.items() if str(job.get("name", job_id)).startswith(prefix))
