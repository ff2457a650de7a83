"""The repository on "GitHub" for the publishing scenarios: a bare repository as `origin`,
with `main`, a `gh-pages` branch that a site was published on before, and pull requests as
GitHub makes them (`refs/pull/N/merge`, here the branch's commit on top of main), changed
through a clone of its own. And what Pages would serve: the gh-pages tree."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.github_actions.repository import commit, git, origin_repository

# What was on gh-pages before the scenario: a site made by hand, from before this one.
EARLIER_SITE = {"index.html": "<!doctype html><title>Vorige site</title><p>De site van vroeger.</p>\n"}


class Hosting:
    def __init__(self, source: Path, folder: Path, date: str | None = None):
        self.work = origin_repository(source, folder / "werk", date)
        self.origin = folder / "origin.git"
        git(folder, "clone", "--quiet", "--bare", str(self.work), str(self.origin))
        git(self.work, "remote", "add", "origin", str(self.origin))
        earlier = folder / "vorige-site"
        earlier.mkdir()
        for name, text in EARLIER_SITE.items():
            (earlier / name).write_text(text, encoding="utf-8")
        git(self.work, "checkout", "--quiet", "--orphan", "gh-pages")
        git(self.work, "rm", "-r", "-q", "--cached", ".")
        git(self.work, f"--work-tree={earlier}", "add", "--all")
        git(self.work, "commit", "--quiet", "-m", "De vorige site")
        git(self.work, "push", "--quiet", "origin", "gh-pages")
        git(self.work, "checkout", "--quiet", "--force", "main")
        git(self.work, "branch", "--quiet", "-D", "gh-pages")

    def pull_request(self, number: int, change: Callable[[Path], object], message: str = "Wijziging") -> str:
        """Push `change` (made in the clone) to pull request `number`'s branch, new from main or
        on top of its earlier pushes; the ref a run of the pull request checks out."""
        branch = f"wijziging-{number}"
        known = bool(git(self.work, "branch", "--list", branch).strip())
        git(self.work, "checkout", "--quiet", *(() if known else ("-b",)), branch)
        change(self.work)
        sha = commit(self.work, message)
        git(self.work, "push", "--quiet", "--force", "origin", f"{branch}:refs/heads/{branch}",
            f"{sha}:refs/pull/{number}/merge")
        git(self.work, "checkout", "--quiet", "main")
        return f"refs/pull/{number}/merge"

    def merge(self, number: int) -> None:
        """Merge pull request `number` into main, as the button does (here: fast-forward). GitHub
        itself moves main after the review; a push to the protected main would be refused."""
        git(self.work, "merge", "--quiet", "--ff-only", f"wijziging-{number}")
        git(self.origin, "fetch", "--quiet", str(self.work), "main:main")

    def tip(self, branch: str) -> str:
        return git(self.origin, "rev-parse", f"refs/heads/{branch}").strip()

    def files(self, ref: str = "gh-pages") -> set[str]:
        return set(git(self.origin, "ls-tree", "-r", "--name-only", ref).splitlines())

    def tree(self, path: str = "", ref: str = "gh-pages") -> str:
        """The id of a folder's tree on a branch (equal ids: equal contents, to the byte)."""
        return git(self.origin, "rev-parse", f"{ref}:{path}").strip()

    def export(self, folder: Path, ref: str = "gh-pages") -> Path:
        """The branch's files in `folder`: what GitHub Pages serves."""
        return export(self.origin, folder, ref)


def export(repository: Path, folder: Path, ref: str = "gh-pages") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "archive", ref], cwd=repository, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder
