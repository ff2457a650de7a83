"""One pull request from its first push to its close, as GitHub runs the workflows
(tests/github_actions/) against a bare origin with a gh-pages branch, and gh-pages after each
step (tests/test_workflow_previews.py reads it):

  0. before: gh-pages holds a site published earlier;
  1. pull request 7's branch is pushed with two newsletters, next week's and today's, and the
     pull request opened;
  2. a second push to the branch removes today's;
  3. it is merged: a push to main;
  4. it is closed.

Each step says what happened (tests/github_actions/events.py); GitHub's rules decide which
workflows run, and tests/test_workflow_previews.py says which those must be.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cultuurregio.project import ROOT
from cultuurregio.site.common.dates import TIMEZONE
from tests.github_actions.events import CHECK_AND_SUITE, SENDING, SUITE, Event, Run, happen, pull_request, push
from tests.github_actions.hosting import Hosting
from tests.github_actions.runner import Job, Runner
from tests.helpers import POSTS, newsletter

WORKFLOWS = ROOT / ".github" / "workflows"
CHECK, DEPLOY, CLEANUP, WRITER = (WORKFLOWS / f"{name}.yml" for name in ("check", "deploy", "voorbeeld-opruimen",
                                                                         "gh-pages"))
NUMBER = 7
PREVIEW = f"voorbeeld/pr-{NUMBER}/"
# A word only the pull request's newsletter has, for search.
WORD = "zonnewijzerfeest"
TODAY = dt.datetime.now(TIMEZONE).date()
NEXT_WEEK = TODAY + dt.timedelta(days=7)
SCHEDULED = f"nieuwsbrief/{NEXT_WEEK:%Y/%m}/volgende-week/"
REMOVED = f"nieuwsbrief/{TODAY:%Y/%m}/proefnummer/"


@dataclass
class State:
    """gh-pages after a step: its files (as Pages serves them), and each event's workflow runs."""
    files: set[str]
    served: Path
    events: list[tuple[Event, dict[str, Run]]]

    @property
    def jobs(self) -> dict[str, Job | None]:
        """The jobs that ran, or that GitHub skipped, of every workflow of the step."""
        return {job_id: job for _, runs in self.events for run in runs.values() for job_id, job in run.jobs.items()}

    @property
    def runner(self) -> Runner:
        """The runner of the step's one workflow run that ran a job here (its artifacts, its workspace)."""
        active = [run.runner for _, runs in self.events for run in runs.values() if any(run.jobs.values())]
        assert len(active) == 1, [str(event) for event, _ in self.events]
        return active[0]


def add_newsletters(work: Path) -> None:
    newsletter(work, f"{NEXT_WEEK:%Y-%m}-volgende-week.md", front=f"date:\n  created: {NEXT_WEEK.isoformat()}\n",
               body=f"Het begin.\n\n<!-- more -->\n\nWe vieren het {WORD} in Twente.\n")
    newsletter(work, f"{TODAY:%Y-%m}-proefnummer.md", front=f"date:\n  created: {TODAY.isoformat()}\n")


# What no step here runs: the suite itself, and the check after the first push (it ran there).
LEFT_OUT = {("check.yml", "test"): SUITE}


def pull_request_from_open_to_close(folder: Path) -> dict[int, State]:
    hosting = Hosting(ROOT, folder / "github")
    origin = hosting.origin
    states = {0: State(hosting.files(), hosting.export(folder / "gh-pages-0"), [])}

    def step(number: int, *events: tuple[Event, dict]) -> None:
        happened = [(event, happen(origin, folder / f"run-{number}-{index}", event, leave_out))
                    for index, (event, leave_out) in enumerate(events)]
        states[number] = State(hosting.files(), hosting.export(folder / f"gh-pages-{number}"), happened)

    branch = f"wijziging-{NUMBER}"
    hosting.pull_request(NUMBER, add_newsletters, "Twee nieuwsbrieven")
    step(1, (push(origin, branch), {}), (pull_request(origin, NUMBER, "opened"), LEFT_OUT))
    before = hosting.tip(branch)
    hosting.pull_request(NUMBER, lambda work: (work / POSTS / f"{TODAY:%Y-%m}-proefnummer.md").unlink(),
                         "Het proefnummer niet")
    step(2, (push(origin, branch, before), {}), (pull_request(origin, NUMBER, "synchronize"), CHECK_AND_SUITE))
    before = hosting.tip("main")
    hosting.merge(NUMBER)
    step(3, (push(origin, "main", before), CHECK_AND_SUITE | SENDING))
    step(4, (pull_request(origin, NUMBER, "closed"), {}))
    return states

